/** WorkbookModel → .xlsx through exceljs: the pipeline's writer of the workbook contract. */
import ExcelJS from 'exceljs';
import type {
  CellSpec,
  SheetSpec,
  StyleSpec,
  ValidationSpec,
  WorkbookModel,
} from '../../core/index.ts';
import {
  a1,
  headerFooterCode,
  pageSetup,
  sheetRef,
  validationRanges,
  type PageSetup,
} from '../../core/index.ts';
import { writeWholeSync } from '../files/write-whole.ts';

type Style = Partial<ExcelJS.Style>;

function toExcelStyle(s: StyleSpec, font: WorkbookModel['font']): Style {
  const style: Style = {
    font: {
      name: font.name,
      size: s.size ?? font.size,
      bold: s.bold ?? false,
      italic: s.italic ?? false,
      ...(font.charset ? { charset: font.charset } : {}),
      ...(s.color ? { color: { argb: s.color } } : {}),
    },
    alignment: {
      vertical: 'top',
      wrapText: s.wrap ?? false,
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
    },
    protection: { locked: s.locked },
  };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return style;
}

function cellValue(c: CellSpec): ExcelJS.CellValue {
  if (c.formula !== undefined) {
    // exceljs writes the cached result next to the formula; "" stays an empty string result.
    return {
      formula: c.formula,
      result: (c.cached ?? undefined) as ExcelJS.CellFormulaValue['result'],
    };
  }
  // Strings are stored as text, never parsed as formulas: "=cmd|…" from a roster stays inert.
  return c.value ?? null;
}

/** The page setup (core/sheet/page-setup.ts) as exceljs writes it; A4 is paper size 9. */
function excelPageSetup(p: PageSetup | undefined): Partial<ExcelJS.PageSetup> | undefined {
  if (!p) return undefined;
  return {
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    margins: { ...p.margins },
    ...(p.titleRows ? { printTitlesRow: p.titleRows.replace(/\$/g, '') } : {}),
    ...(p.printArea ? { printArea: p.printArea } : {}),
  };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetSpec, styles: Record<string, Style>): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.state,
    views: sheet.freeze
      ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }]
      : [],
    pageSetup: excelPageSetup(pageSetup(sheet)),
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width, hidden: c.hidden ?? false }));
  if (sheet.print?.header || sheet.print?.footer) {
    ws.headerFooter = {
      oddHeader: headerFooterCode(sheet.print.header),
      oddFooter: headerFooterCode(sheet.print.footer),
    };
  }
  sheet.rowHeights?.forEach((h, r) => {
    if (h !== undefined) ws.getRow(r + 1).height = h;
  });
  sheet.rows.forEach((cells, r) => {
    if (!cells) return;
    const row = ws.getRow(r + 1);
    cells.forEach((c, col) => {
      if (!c) return;
      const cell = row.getCell(col + 1);
      cell.value = cellValue(c);
      if (c.style) cell.style = styles[c.style]!;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  // Ranges that never overlap, written as they are: exceljs's own merging of per-cell
  // validations can make two ranges cover one cell (exceljs issue #2820). A range key is written
  // verbatim; a one-cell range is never beside another of the same rule (validationRanges joins
  // those), so exceljs finds nothing to merge it with.
  const model = (
    ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
  ).dataValidations.model;
  for (const { spec, rect } of validationRanges(sheet.validations)) {
    const first = a1(rect.row, rect.col);
    model[
      rect.rows === 1 && rect.cols === 1
        ? first
        : `${first}:${a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`
    ] = excelValidation(spec);
  }
  if (sheet.protect) {
    // No password by default: protection guards against slips, not against the owner.
    (ws as unknown as { sheetProtection: object }).sheetProtection = {
      sheet: true,
      formatColumns: true,
      formatRows: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
    };
  }
}

function excelValidation(v: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: v.error.title,
    error: v.error.text,
  };
  if (v.type === 'list') return { ...common, type: 'list', formulae: [`"${v.list!.join(',')}"`] };
  if (v.max !== undefined)
    return { ...common, type: v.type, operator: 'between', formulae: [v.min ?? 0, v.max] };
  return { ...common, type: v.type, operator: 'greaterThanOrEqual', formulae: [v.min ?? 0] };
}

export function modelToExcelJs(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.properties.creator;
  wb.title = model.properties.title;
  const created = new Date(model.properties.created);
  if (!Number.isNaN(created.getTime())) wb.created = created;
  wb.calcProperties.fullCalcOnLoad = true;
  const styles = Object.fromEntries(
    Object.entries(model.styles).map(([k, s]) => [k, toExcelStyle(s, model.font)]),
  );
  for (const sheet of model.sheets) writeSheet(wb, sheet, styles);
  for (const n of model.names) wb.definedNames.add(sheetRef(n.sheet, n.row, n.col), n.name);
  return wb;
}

export async function writeWorkbookBuffer(model: WorkbookModel): Promise<Buffer> {
  return Buffer.from(await modelToExcelJs(model).xlsx.writeBuffer());
}

/** The workbook written to `file` whole (pipeline/files/write-whole.ts), or not at all. */
export async function writeWorkbookFile(model: WorkbookModel, file: string): Promise<void> {
  writeWholeSync(file, await writeWorkbookBuffer(model));
}
