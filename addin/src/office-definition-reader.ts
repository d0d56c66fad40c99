/**
 * The definition sheets of the open workbook (core/definition), through Office.js: the sheets
 * whose names are a definition workbook's, each's used range as values, in two context.sync()
 * calls. Merged ranges are not read (Excel's merged-area API is newer than the pane requires):
 * a merged cell's value stands in its first cell only.
 */
import { sheetOfName, type PlainCell, type SheetGrid } from '../../core/index.ts';

export async function readDefinitionSheets(
  context: Excel.RequestContext,
): Promise<SheetGrid[] | undefined> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const ours = sheets.items.map((s) => s.name).filter((n) => sheetOfName(n) !== undefined);
  if (!ours.some((n) => sheetOfName(n)?.key === 'indicators')) return undefined;
  const ranges = ours.map((name) => ({
    name,
    range: context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load('values,rowIndex,columnIndex'),
  }));
  await context.sync();
  return ranges.map(({ name, range }) => {
    const rows: PlainCell[][] = [];
    if (!range.isNullObject) {
      (range.values as unknown[][]).forEach((r, i) => {
        rows[range.rowIndex + i] = [
          ...(Array(range.columnIndex).fill(null) as PlainCell[]),
          ...r.map((v) => (v === '' || v === undefined ? null : (v as PlainCell))),
        ];
      });
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name, rows };
  });
}
