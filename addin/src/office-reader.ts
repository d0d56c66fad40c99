/**
 * The open workbook → the ContractCells that core's readSubmission takes, through Office.js:
 * the `_scorebook` metadata and every contract name's cell (IN_, NA_, SC_, MD_, EV_, DIM_, WT_,
 * TOTAL, GRADE), found by name, never by position, in two context.sync() calls whatever the size.
 */
import { METADATA_SHEET, type CellValue, type ContractCell } from '../../core/index.ts';
import {
  CONTRACT_NAME,
  METADATA_ROWS,
  metadataFromRows,
  toContractCell,
} from './contract-reading.ts';
import type { WorkbookReading } from './spreadsheet-host.ts';

export async function readContractCells(context: Excel.RequestContext): Promise<WorkbookReading> {
  const wb = context.workbook;
  const metaSheet = wb.worksheets.getItemOrNullObject(METADATA_SHEET).load('name');
  const names = wb.names.load('items/name,items/type');
  await context.sync();
  let syncs = 1;

  const ours = names.items.filter((n) => CONTRACT_NAME.test(n.name));
  if (metaSheet.isNullObject && ours.length === 0) {
    return { metadata: undefined, cell: () => undefined, names: [], syncs };
  }
  const metaRange = metaSheet.isNullObject
    ? undefined
    : metaSheet.getRange(`A1:B${METADATA_ROWS}`).load('values');
  const ranges = ours.map((n) => ({
    name: n.name,
    range: n.getRangeOrNullObject().load('values,formulas,valueTypes'),
  }));
  await context.sync();
  syncs++;

  const metadata = metaRange ? metadataFromRows(metaRange.values as unknown[][]) : undefined;
  const cells = new Map<string, ContractCell>();
  for (const { name, range } of ranges)
    if (!range.isNullObject)
      cells.set(
        name,
        toContractCell(
          range.values[0]?.[0] as CellValue | undefined,
          range.formulas[0]?.[0],
          range.valueTypes[0]?.[0] === 'Error',
        ),
      );
  return { metadata, cell: (name) => cells.get(name), names: [...cells.keys()], syncs };
}
