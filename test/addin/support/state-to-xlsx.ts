/**
 * The fake Excel's workbook → an .xlsx through exceljs, so that what the add-in wrote through
 * Office.js can be opened by LibreOffice and set beside the exceljs writer's file. Only what
 * the fake records is carried over; formulas go without cached results unless a test put
 * computed values in, so a spreadsheet engine has to calculate them.
 */
import ExcelJS from 'exceljs';
import type { CellState, SheetState, WorkbookState } from '../../../addin/fake/workbook-state.ts';

const STATE = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

/** Office.js points → the file's column width (pixels over a 7-pixel digit, padding included). */
export function pointsToWidth(points: number): number {
  return Math.round((points / 0.75 / 7) * 100) / 100;
}

function argb(hex: string | undefined): string | undefined {
  return hex ? `FF${hex.replace('#', '').toUpperCase()}` : undefined;
}

function lower<T extends string>(s: string | undefined): T | undefined {
  return s ? ((s[0]!.toLowerCase() + s.slice(1)) as T) : undefined;
}

function style(c: CellState): Partial<ExcelJS.Style> {
  const f = c.format ?? {};
  const s: Partial<ExcelJS.Style> = {};
  if (c.numberFormat && c.numberFormat !== 'General') s.numFmt = c.numberFormat;
  if (f.fontName || f.fontSize || f.bold || f.italic || f.fontColor) {
    s.font = {
      ...(f.fontName ? { name: f.fontName } : {}),
      ...(f.fontSize ? { size: f.fontSize } : {}),
      bold: f.bold ?? false,
      italic: f.italic ?? false,
      ...(f.fontColor ? { color: { argb: argb(f.fontColor)! } } : {}),
    };
  }
  if (f.fill) s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill)! } };
  if (f.horizontal || f.vertical || f.wrap !== undefined) {
    s.alignment = {
      ...(f.horizontal
        ? { horizontal: lower<ExcelJS.Alignment['horizontal']>(f.horizontal)! }
        : {}),
      ...(f.vertical ? { vertical: lower<ExcelJS.Alignment['vertical']>(f.vertical)! } : {}),
      wrapText: f.wrap ?? false,
    };
  }
  if (f.borders) {
    const side = (
      b: { style?: string; color?: string } | undefined,
    ): Partial<ExcelJS.Border> | undefined =>
      b?.style === 'Continuous'
        ? { style: 'thin', ...(b.color ? { color: { argb: argb(b.color)! } } : {}) }
        : undefined;
    s.border = Object.fromEntries(
      (['top', 'left', 'bottom', 'right'] as const).flatMap((k) => {
        const v = side(f.borders![k]);
        return v ? [[k, v]] : [];
      }),
    );
  }
  s.protection = { locked: f.locked ?? true };
  return s;
}

function validation(v: NonNullable<CellState['validation']>): ExcelJS.DataValidation | undefined {
  const r = v.rule;
  if (!r) return undefined;
  const common = {
    allowBlank: v.ignoreBlanks ?? true,
    showInputMessage: v.prompt?.showPrompt ?? false,
    ...(v.prompt?.title !== undefined ? { promptTitle: v.prompt.title } : {}),
    ...(v.prompt?.message !== undefined ? { prompt: v.prompt.message } : {}),
    showErrorMessage: v.errorAlert?.showAlert ?? false,
    ...(v.errorAlert?.style ? { errorStyle: lower<string>(v.errorAlert.style) } : {}),
    ...(v.errorAlert?.title !== undefined ? { errorTitle: v.errorAlert.title } : {}),
    ...(v.errorAlert?.message !== undefined ? { error: v.errorAlert.message } : {}),
  };
  if (r.list) return { ...common, type: 'list', formulae: [`"${String(r.list.source)}"`] };
  const basic = r.decimal ?? r.wholeNumber;
  if (!basic) return undefined;
  const operator = (
    { Between: 'between', GreaterThanOrEqualTo: 'greaterThanOrEqual' } as Record<
      string,
      ExcelJS.DataValidationOperator
    >
  )[String(basic.operator)];
  const formulae =
    basic.formula2 === undefined ? [basic.formula1] : [basic.formula1, basic.formula2];
  return {
    ...common,
    type: r.decimal ? 'decimal' : 'whole',
    ...(operator ? { operator } : {}),
    formulae,
  } as ExcelJS.DataValidation;
}

/**
 * Runs of one validation down a column as one range each, written as they are: exceljs's own
 * merging of per-cell validations can make two ranges cover one cell (exceljs issue #2820).
 */
function writeValidations(
  ws: ExcelJS.Worksheet,
  cells: { row: number; col: number; v: ExcelJS.DataValidation }[],
): void {
  const model = (
    ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
  ).dataValidations.model;
  const address = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  for (let i = 0; i < cells.length;) {
    const first = cells[i]!;
    const rule = JSON.stringify(first.v);
    let j = i + 1;
    while (
      j < cells.length &&
      cells[j]!.col === first.col &&
      cells[j]!.row === first.row + (j - i) &&
      JSON.stringify(cells[j]!.v) === rule
    )
      j++;
    // A one-cell run is never above another of its rule; beside one it could be, so it gets a range key too.
    model[`${address(first.row, first.col)}:${address(first.row + j - i - 1, first.col)}`] =
      first.v;
    i = j;
  }
}

const PAPER = { A4: 9, Letter: 1 } as Record<string, number>;

/** Worksheet.pageLayout as the file stores it: paper by number, margins in inches, titles without "$". */
function pageSetup(p: NonNullable<SheetState['pageLayout']>): Partial<ExcelJS.PageSetup> {
  const inch = (v: number | undefined) =>
    v === undefined ? undefined : Math.round((v / 72) * 1e6) / 1e6;
  const m = p.margins;
  return {
    ...(p.paperSize ? { paperSize: PAPER[p.paperSize] } : {}),
    ...(p.orientation
      ? { orientation: p.orientation.toLowerCase() as 'landscape' | 'portrait' }
      : {}),
    ...(p.zoom?.horizontalFitToPages !== undefined
      ? {
          fitToPage: true,
          fitToWidth: p.zoom.horizontalFitToPages,
          fitToHeight: p.zoom.verticalFitToPages ?? 0,
        }
      : {}),
    ...(m
      ? {
          margins: {
            left: inch(m.leftMargin)!,
            right: inch(m.rightMargin)!,
            top: inch(m.topMargin)!,
            bottom: inch(m.bottomMargin)!,
            header: inch(m.headerMargin)!,
            footer: inch(m.footerMargin)!,
          },
        }
      : {}),
    ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows.replace(/\$/g, '') } : {}),
    ...(p.printArea ? { printArea: p.printArea } : {}),
  };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetState): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: STATE[sheet.visibility],
    views: sheet.freeze
      ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }]
      : [],
    ...(sheet.pageLayout ? { pageSetup: pageSetup(sheet.pageLayout) } : {}),
  });
  const cols = Object.keys(sheet.columns).map(Number);
  if (cols.length) {
    ws.columns = Array.from({ length: Math.max(...cols) + 1 }, (_, i) => {
      const c = sheet.columns[i];
      // exceljs leaves a width of exactly 9 out of the file (its default): nudge it so it is written.
      const width =
        c?.width === undefined
          ? undefined
          : pointsToWidth(c.width) === 9
            ? 9.001
            : pointsToWidth(c.width);
      return { ...(width !== undefined ? { width } : {}), hidden: c?.hidden ?? false };
    });
  }
  for (const [r, { height }] of Object.entries(sheet.rows ?? {}))
    if (height !== undefined) ws.getRow(Number(r) + 1).height = height;
  const hf = sheet.pageLayout?.headersFooters;
  if (hf) {
    const code = (l?: string, c?: string, r?: string) =>
      `${l ? `&L${l}` : ''}${c ? `&C${c}` : ''}${r ? `&R${r}` : ''}`;
    ws.headerFooter = {
      oddHeader: code(hf.leftHeader, hf.centerHeader, hf.rightHeader),
      oddFooter: code(hf.leftFooter, hf.centerFooter, hf.rightFooter),
    };
  }
  const validations: { row: number; col: number; v: ExcelJS.DataValidation }[] = [];
  for (const [k, c] of Object.entries(sheet.cells)) {
    const [row, col] = k.split(',').map(Number) as [number, number];
    const cell = ws.getCell(row + 1, col + 1);
    if (c.formula !== undefined)
      cell.value = {
        formula: c.formula,
        ...(c.computed !== undefined && c.computed !== null ? { result: c.computed } : {}),
      } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = c.value;
    if (c.format || (c.numberFormat && c.numberFormat !== 'General')) cell.style = style(c);
    const v = c.validation && validation(c.validation);
    if (v) validations.push({ row, col, v });
  }
  writeValidations(ws, validations);
  for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  if (sheet.protection.protected) {
    const o = sheet.protection.options ?? {};
    (ws as unknown as { sheetProtection: object }).sheetProtection = {
      sheet: true,
      ...(o.allowFormatColumns ? { formatColumns: true } : {}),
      ...(o.allowFormatRows ? { formatRows: true } : {}),
      selectLockedCells: true,
      selectUnlockedCells: true,
    };
  }
}

function quote(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function stateToExcelJs(state: WorkbookState): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of state.sheets) writeSheet(wb, s);
  for (const n of state.names) {
    const sheet = n.ref && state.sheets.find((s) => s.uid === n.ref!.uid);
    if (!n.ref || !sheet) continue;
    wb.definedNames.add(
      `${quote(sheet.name)}!$${columnLetters(n.ref.col)}$${n.ref.row + 1}`,
      n.name,
    );
  }
  return wb;
}

export async function stateToXlsx(state: WorkbookState): Promise<Buffer> {
  return Buffer.from(await stateToExcelJs(state).xlsx.writeBuffer());
}
