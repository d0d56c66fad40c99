/**
 * A laid-out definition workbook (core/definition) → .xlsx through exceljs: headings bold and
 * frozen, columns as wide as their words, codes kept as text, drop-downs for rule kinds, levels
 * and yes/no, long texts wrapped. Plain values only: nothing in it is a formula.
 */
import ExcelJS from 'exceljs';
import { a1 } from '../../core/index.ts';
import type { LaidBook, LaidColumn, LaidSheet } from '../../core/definition/index.ts';

const HEADING_FILL = 'FFDDEBF7';
const TEXT = '@';

type Validations = Record<string, ExcelJS.DataValidation>;

function listValidation(list: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    showErrorMessage: false,
    formulae: [`"${list.join(',')}"`],
  };
}

/** Row ranges of `from..to` (0-based data rows) without the `skip` rows, as A1 ranges of column `col`. */
function ranges(col: number, from: number, to: number, skip: ReadonlySet<number>): string[] {
  const out: string[] = [];
  let start: number | undefined;
  for (let r = from; r <= to + 1; r++) {
    const inside = r <= to && !skip.has(r);
    if (inside && start === undefined) start = r;
    if (!inside && start !== undefined) {
      // Data row r sits on spreadsheet row r + 1 (0-based) below the heading.
      const a = a1(start + 1, col);
      out.push(r - 1 === start ? a : `${a}:${a1(r, col)}`);
      start = undefined;
    }
  }
  return out;
}

function alignment(c: LaidColumn | undefined): Partial<ExcelJS.Alignment> {
  return {
    vertical: 'top',
    wrapText: c?.wrap ?? false,
    ...(c?.center ? { horizontal: 'center' as const } : {}),
  };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: LaidSheet, font: Partial<ExcelJS.Font>): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.plain ? [] : [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const heading = ws.getRow(1);
  sheet.columns.forEach((c, i) => {
    const cell = heading.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { ...font, bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADING_FILL } },
      alignment: { vertical: 'top', wrapText: true },
    };
  });
  const textCells = new Set((sheet.textCells ?? []).map((c) => `${c.row},${c.col}`));
  const last = sheet.rows.length + sheet.spareRows - 1;
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    // Codes typed later stay text too: "1.10" must not become the number 1.1.
    if (c.text) column.numFmt = TEXT;
    column.alignment = alignment(c);
    column.font = font;
  });
  sheet.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 2);
    const height = sheet.rowHeights?.[r];
    if (height !== undefined) row.height = height;
    cells.forEach((v, col) => {
      const cell = row.getCell(col + 1);
      const c = sheet.columns[col];
      cell.value = v;
      const asText = c?.text || textCells.has(`${r},${col}`);
      cell.style = {
        font,
        alignment: alignment(c),
        ...(asText ? { numFmt: TEXT } : {}),
      };
    });
  });
  if (sheet.plain) return;
  const model = (ws as unknown as { dataValidations: { model: Validations } }).dataValidations
    .model;
  sheet.columns.forEach((c, col) => {
    if (!c.list || last < 0) return;
    const v = listValidation(c.list);
    for (const range of ranges(col, 0, last, new Set(c.listSkipsRows ?? []))) model[range] = v;
  });
  for (const cl of sheet.cellLists ?? []) model[a1(cl.row + 1, cl.col)] = listValidation(cl.list);
}

export function definitionToExcelJs(book: LaidBook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'scorebook';
  const font: Partial<ExcelJS.Font> =
    book.lang === 'zh-CN'
      ? { name: '等线', charset: 134, size: 10.5 }
      : { name: 'Calibri', size: 10.5 };
  for (const sheet of book.sheets) writeSheet(wb, sheet, font);
  return wb;
}

export async function definitionBytes(book: LaidBook): Promise<Buffer> {
  return Buffer.from(await definitionToExcelJs(book).xlsx.writeBuffer());
}
