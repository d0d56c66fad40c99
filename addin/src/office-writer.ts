/**
 * WorkbookModel → the open workbook, through Office.js, in two context.sync() calls whatever the
 * number of indicators: one to see what the workbook already holds, one that writes everything
 * with calculation suspended and protects the sheets last. The cells are the exceljs writer's
 * (pipeline/xlsx/write-workbook.ts): same values, formulas, names, validations and protection.
 * Works with ExcelApi 1.8; page setup and the printed header and footer (ExcelApi 1.9) are
 * added where Excel has them.
 */
import {
  columnLetter,
  pageSetup,
  inchesToPoints,
  sectionCode,
  sheetRef,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookModel,
} from '../../core/index.ts';
import { CONTRACT_NAME } from './contract-reading.ts';
import {
  cellMatrix,
  formatRectangles,
  numberFormatBoxes,
  rowHeightRuns,
  usedSize,
  validationPlan,
  widthToPoints,
  type FormatProp,
  type Rect,
} from './sheet-batches.ts';
import { sheetsToReplace } from './sheet-replacement.ts';
import type { WriteReport } from './spreadsheet-host.ts';

export interface WriteOptions {
  /** Page setup, header and footer need ExcelApi 1.9; pass Office.context.requirements.isSetSupported('ExcelApi', '1.9'). */
  pageLayout?: boolean;
}

export async function writeWorkbookModel(
  context: Excel.RequestContext,
  model: WorkbookModel,
  opts: WriteOptions = {},
): Promise<WriteReport> {
  const wb = context.workbook;
  let syncs = 0;

  // ---- 1: what is there already ------------------------------------------------------------
  const sheets = wb.worksheets.load('items/name,items/visibility');
  const names = wb.names.load('items/name');
  await context.sync();
  syncs++;

  // Throws before anything is queued when a sheet in the way is not scorebook's.
  const old = sheetsToReplace(sheets.items, model);
  const replaced = old.map(({ sheet }) => sheet.name);

  // ---- 2: everything else, in one request ----------------------------------------------------
  wb.application.suspendApiCalculationUntilNextSync();
  // Out of the way first, so the new sheets can take the names; deleted once they exist.
  for (const { sheet, temp } of old) sheet.name = temp;
  for (const n of names.items) if (CONTRACT_NAME.test(n.name)) n.delete();

  const added = model.sheets.map((spec) => ({ spec, ws: wb.worksheets.add(spec.name) }));
  for (const { spec, ws } of added) writeSheet(ws, spec, model, opts);
  for (const n of model.names) wb.names.add(n.name, `=${sheetRef(n.sheet, n.row, n.col)}`);

  for (const { sheet: s } of old) {
    if (s.visibility === 'VeryHidden') s.visibility = 'Hidden' as Excel.SheetVisibility; // Excel refuses to delete a veryHidden sheet
    s.delete();
  }
  for (const { spec, ws } of added)
    if (spec.state !== 'visible')
      ws.visibility = (
        spec.state === 'veryHidden' ? 'VeryHidden' : 'Hidden'
      ) as Excel.SheetVisibility;
  added.find(({ spec }) => spec.state === 'visible')?.ws.activate();
  // Protection last: every write above would be refused on a protected sheet.
  for (const { spec, ws } of added) {
    // No password: protection guards against slips, not against the owner.
    if (spec.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }
  await context.sync();
  syncs++;
  return { syncs, replaced };
}

function writeSheet(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  model: WorkbookModel,
  opts: WriteOptions,
): void {
  // One range object per rectangle: a rectangle that several properties share is addressed once.
  const ranges = new Map<string, Excel.Range>();
  const range = (r: Rect): Excel.Range => {
    const k = `${r.row},${r.col},${r.rows},${r.cols}`;
    let x = ranges.get(k);
    if (!x) ranges.set(k, (x = ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols)));
    return x;
  };
  const size = usedSize(spec);
  if (size.rows > 0 && size.cols > 0) {
    const all = range({ row: 0, col: 0, ...size });
    all.format.font.name = model.font.name;
    all.format.font.size = model.font.size;
    all.format.verticalAlignment = 'Top' as Excel.VerticalAlignment;
    // Formats before values: a percentage lands in a percentage cell, and text that Excel would
    // convert in a text cell; the text cells take their own format back once the text is in.
    const formats = numberFormatBoxes(spec, model.styles);
    for (const box of [formats.styles ?? [], formats.text].flat())
      range(box.rect).numberFormat = box.formats as string[][];
    all.formulas = cellMatrix(spec, size);
    for (const box of formats.own) range(box.rect).numberFormat = box.formats as string[][];
  }
  // The font name, size and top alignment are set on the whole sheet above; the rest by property.
  for (const { prop, value, rect } of formatRectangles(spec, model.styles, model.font))
    applyFormat(range(rect), prop, value, rect);
  spec.columns.forEach((c, i) => {
    const letter = columnLetter(i);
    const col = ws.getRange(`${letter}:${letter}`);
    col.format.columnWidth = widthToPoints(c.width);
    if (c.hidden) col.columnHidden = true;
  });
  // Rows as tall as their wrapped text; a run of rows of one height is one range (column A's).
  for (const { row, rows, height } of rowHeightRuns(spec.rowHeights))
    range({ row, col: 0, rows, cols: 1 }).format.rowHeight = height;
  for (const m of spec.merges) ws.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
  const validations = validationPlan(spec.validations);
  for (const { spec: v, rect } of validations.runs) applyValidation(range(rect), v);
  for (const rect of validations.clears) range(rect).dataValidation.clear();
  if (spec.freeze && spec.freeze.rows > 0 && spec.freeze.cols > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, spec.freeze.rows, spec.freeze.cols));
  else if (spec.freeze && spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
  if (spec.print && opts.pageLayout) {
    // The exceljs writer's page setup (core/sheet/page-setup.ts); Office.js takes points.
    const setup = pageSetup(spec)!;
    const p = ws.pageLayout;
    p.orientation = (
      setup.orientation === 'landscape' ? 'Landscape' : 'Portrait'
    ) as Excel.PageOrientation;
    p.paperSize = setup.paper as Excel.PaperType;
    p.zoom = { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight };
    const m = setup.margins;
    p.leftMargin = inchesToPoints(m.left);
    p.rightMargin = inchesToPoints(m.right);
    p.topMargin = inchesToPoints(m.top);
    p.bottomMargin = inchesToPoints(m.bottom);
    p.headerMargin = inchesToPoints(m.header);
    p.footerMargin = inchesToPoints(m.footer);
    if (setup.titleRows) p.setPrintTitleRows(setup.titleRows);
    if (setup.printArea) p.setPrintArea(setup.printArea);
    // The same codes as the file's header and footer (core/sheet/header-footer.ts).
    const hf = p.headersFooters.defaultForAllPages;
    const { header, footer } = spec.print;
    if (header?.left) hf.leftHeader = sectionCode(header.left);
    if (header?.center) hf.centerHeader = sectionCode(header.center);
    if (header?.right) hf.rightHeader = sectionCode(header.right);
    if (footer?.left) hf.leftFooter = sectionCode(footer.left);
    if (footer?.center) hf.centerFooter = sectionCode(footer.center);
    if (footer?.right) hf.rightFooter = sectionCode(footer.right);
  }
}

function color(argb: string): string {
  return `#${argb.slice(-6)}`;
}

function applyFormat(r: Excel.Range, prop: FormatProp, value: string, rect: Rect): void {
  const f = r.format;
  const on = value === 'true';
  switch (prop) {
    case 'size':
      f.font.size = Number(value);
      return;
    case 'bold':
      f.font.bold = on;
      return;
    case 'italic':
      f.font.italic = on;
      return;
    case 'color':
      f.font.color = color(value);
      return;
    case 'fill':
      f.fill.color = color(value);
      return;
    case 'horizontal':
      f.horizontalAlignment = (value[0]!.toUpperCase() +
        value.slice(1)) as Excel.HorizontalAlignment;
      return;
    case 'wrap':
      f.wrapText = on;
      return;
    case 'border': {
      const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (rect.rows > 1) edges.push('InsideHorizontal');
      if (rect.cols > 1) edges.push('InsideVertical');
      for (const e of edges) {
        const b = f.borders.getItem(e as Excel.BorderIndex);
        b.style = 'Continuous' as Excel.BorderLineStyle;
        b.weight = 'Thin' as Excel.BorderWeight;
        b.color = '#BFBFBF';
      }
      return;
    }
    case 'unlocked':
      // New cells are locked; the ones the evaluator fills are not.
      f.protection.locked = !on;
      return;
  }
}

function applyValidation(r: Excel.Range, v: ValidationSpec): void {
  const dv = r.dataValidation;
  if (v.type === 'list') {
    dv.rule = { list: { inCellDropDown: true, source: v.list!.join(',') } };
  } else {
    const basic: Excel.BasicDataValidation =
      v.max !== undefined
        ? {
            operator: 'Between' as Excel.DataValidationOperator,
            formula1: v.min ?? 0,
            formula2: v.max,
          }
        : {
            operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator,
            formula1: v.min ?? 0,
          };
    dv.rule = v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
  }
  // ignoreBlanks is left at Excel's default, true: the exceljs writer's allowBlank.
  // The texts are within Excel's limits already (core/sheet/validation-texts.ts).
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  dv.errorAlert = {
    showAlert: true,
    style: (v.error.style[0]!.toUpperCase() +
      v.error.style.slice(1)) as Excel.DataValidationAlertStyle,
    title: v.error.title,
    message: v.error.text,
  };
}
