/**
 * The open workbook → the ContractCells that core's readSubmission takes: the `_scorebook`
 * metadata and every contract name's cell (IN_, NA_, SC_, MD_, EV_, DIM_, WT_, TOTAL, GRADE),
 * found by name, never by position, in two context.sync() calls whatever the size.
 */
import {
  METADATA_SHEET,
  type CellValue,
  type ContractCell,
  type ContractCells,
} from '../../core/index.ts';
import { CONTRACT_NAME } from './office-writer.ts';

export interface WorkbookReading extends ContractCells {
  /** Names found, contract names only. */
  names: string[];
  syncs: number;
}

const METADATA_ROWS = 200;

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

  let metadata: Record<string, string> | undefined;
  if (metaRange) {
    metadata = {};
    for (const [k, v] of metaRange.values as unknown[][]) {
      if (k === '' || k === null || k === undefined) continue;
      metadata[String(k)] = v === null || v === undefined ? '' : String(v);
    }
  }
  const cells = new Map<string, ContractCell>();
  for (const { name, range } of ranges)
    if (!range.isNullObject) cells.set(name, toContractCell(range));
  return { metadata, cell: (name) => cells.get(name), names: [...cells.keys()], syncs };
}

/** The top-left cell of a loaded range as the pipeline's reader would give it. */
function toContractCell(range: Excel.Range): ContractCell {
  const value = range.values[0]?.[0] as CellValue | undefined;
  const formula = range.formulas[0]?.[0];
  const type = range.valueTypes[0]?.[0];
  // Text stored as text reads back through formulas without its apostrophe ("=…" included), so a
  // formula is what starts with "=" and differs from the value it shows.
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  const cell: ContractCell = {
    value: value === undefined || (value === '' && !isFormula) ? null : value,
  };
  if (isFormula) cell.formula = formula.slice(1);
  if (type === 'Error') {
    cell.error = String(value);
    cell.value = null;
  }
  return cell;
}
