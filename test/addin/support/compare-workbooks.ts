/**
 * Two .xlsx files of one WorkbookModel, set side by side as a person (or the pipeline) would see
 * them: sheets and their visibility, every cell's constant or formula, the look of every styled
 * cell (number format, bold, size, colours, alignment, wrap, borders, locked), merges, frozen
 * panes, column widths and hidden columns, row heights, data validations, sheet protection, the
 * defined names, and (asked for: the add-in writes them only with ExcelApi 1.9) the printed
 * header and footer and the page setup. Returns the differences in words; an empty list means the same workbook.
 */
import ExcelJS from 'exceljs';
import type { WorkbookModel } from '../../../core/index.ts';
import { readWorkbookBytes } from '../../../pipeline/xlsx/read-workbook.ts';

type Plain = string | number | boolean | null;

/** What a sheet's page setup says about paper: size, orientation, fit, margins, titles, area. */
function pageSetupOf(w: ExcelJS.Worksheet): string {
  const p = w.pageSetup;
  const m = p.margins;
  return JSON.stringify({
    paper: p.paperSize ?? null,
    orientation: p.orientation ?? null,
    fit: p.fitToPage ? [p.fitToWidth ?? 1, p.fitToHeight ?? 1] : null,
    margins: m ? [m.left, m.right, m.top, m.bottom, m.header, m.footer] : null,
    titles: p.printTitlesRow ?? null,
    area: p.printArea ?? null,
  });
}

function cellContent(v: ExcelJS.CellValue): { formula?: string; value?: Plain } {
  if (v === null || v === undefined || v === '') return { value: null };
  if (typeof v === 'object' && 'formula' in v)
    return { formula: (v as ExcelJS.CellFormulaValue).formula };
  if (typeof v === 'object' && 'richText' in v)
    return { value: (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
  if (v instanceof Date) return { value: v.toISOString() };
  return { value: v as Plain };
}

function look(c: ExcelJS.Cell): Record<string, unknown> {
  const s = c.style ?? {};
  const border = (k: 'top' | 'left' | 'bottom' | 'right') => {
    const b = s.border?.[k];
    return b?.style ? `${b.style}/${b.color?.argb ?? ''}` : '';
  };
  return {
    numFmt: s.numFmt && s.numFmt !== 'General' ? s.numFmt : 'General',
    bold: s.font?.bold ?? false,
    italic: s.font?.italic ?? false,
    size: s.font?.size,
    fontName: s.font?.name,
    color: s.font?.color?.argb ?? '',
    fill:
      s.fill && s.fill.type === 'pattern'
        ? ((s.fill.fgColor as { argb?: string } | undefined)?.argb ?? '')
        : '',
    horizontal: s.alignment?.horizontal ?? '',
    vertical: s.alignment?.vertical ?? '',
    wrap: s.alignment?.wrapText ?? false,
    borders: [border('top'), border('left'), border('bottom'), border('right')].join(' '),
    locked: s.protection?.locked ?? true,
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function compareWorkbooks(
  expected: Uint8Array,
  actual: Uint8Array,
  model: WorkbookModel,
  opts: { widthTolerance?: number; headerFooter?: boolean } = {},
): Promise<string[]> {
  const diffs: string[] = [];
  const [a, b] = [await load(expected), await load(actual)];
  const sheetsA = a.worksheets.map((w) => `${w.name}:${w.state}`);
  const sheetsB = b.worksheets
    .map((w) => `${w.name}:${w.state}`)
    .filter((s) => model.sheets.some((m) => s.startsWith(`${m.name}:`)));
  if (sheetsA.join('|') !== sheetsB.join('|'))
    diffs.push(`sheets: ${sheetsA.join(', ')} ≠ ${sheetsB.join(', ')}`);

  for (const spec of model.sheets) {
    const wa = a.getWorksheet(spec.name);
    const wbs = b.getWorksheet(spec.name);
    if (!wa || !wbs) {
      diffs.push(`${spec.name}: missing in ${wa ? 'the add-in workbook' : 'the exceljs workbook'}`);
      continue;
    }
    const rows = Math.max(wa.rowCount, wbs.rowCount);
    const cols = Math.max(wa.columnCount, wbs.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const ca = wa.getCell(r, c);
        const cb = wbs.getCell(r, c);
        const at = `${spec.name}!${ca.address}`;
        const [xa, xb] = [cellContent(ca.value), cellContent(cb.value)];
        if (JSON.stringify(xa) !== JSON.stringify(xb))
          diffs.push(`${at}: ${JSON.stringify(xa)} ≠ ${JSON.stringify(xb)}`);
        if (spec.rows[r - 1]?.[c - 1]?.style) {
          const [la, lb] = [look(ca), look(cb)];
          for (const k of Object.keys(la))
            if (la[k] !== lb[k]) diffs.push(`${at} ${k}: ${String(la[k])} ≠ ${String(lb[k])}`);
        }
        const [va, vb] = [
          JSON.stringify(ca.dataValidation ?? null),
          JSON.stringify(cb.dataValidation ?? null),
        ];
        if (va !== vb) diffs.push(`${at} validation: ${va} ≠ ${vb}`);
      }
    }
    const merges = (w: ExcelJS.Worksheet) =>
      [...((w as unknown as { model: { merges: string[] } }).model.merges ?? [])].sort().join(',');
    if (merges(wa) !== merges(wbs))
      diffs.push(`${spec.name} merges: ${merges(wa)} ≠ ${merges(wbs)}`);
    const freeze = (w: ExcelJS.Worksheet) =>
      JSON.stringify(
        (w.views ?? [])
          .filter((v) => v.state === 'frozen')
          .map((v) => [
            (v as ExcelJS.WorksheetViewFrozen).xSplit ?? 0,
            (v as ExcelJS.WorksheetViewFrozen).ySplit ?? 0,
          ]),
      );
    if (freeze(wa) !== freeze(wbs))
      diffs.push(`${spec.name} frozen panes: ${freeze(wa)} ≠ ${freeze(wbs)}`);
    const protection = (w: ExcelJS.Worksheet) =>
      JSON.stringify((w as unknown as { sheetProtection?: object }).sheetProtection ?? null);
    if (protection(wa) !== protection(wbs))
      diffs.push(`${spec.name} protection: ${protection(wa)} ≠ ${protection(wbs)}`);
    for (let r = 1; r <= rows; r++) {
      const [ha, hb] = [wa.getRow(r).height, wbs.getRow(r).height];
      if ((ha ?? null) !== (hb ?? null))
        diffs.push(
          `${spec.name} row ${r} height: ${ha} ≠ ${hb} (model ${spec.rowHeights?.[r - 1]})`,
        );
    }
    const hf = (w: ExcelJS.Worksheet) =>
      JSON.stringify({ h: w.headerFooter?.oddHeader ?? '', f: w.headerFooter?.oddFooter ?? '' });
    if (opts.headerFooter && hf(wa) !== hf(wbs))
      diffs.push(`${spec.name} header/footer: ${hf(wa)} ≠ ${hf(wbs)}`);
    if (opts.headerFooter && pageSetupOf(wa) !== pageSetupOf(wbs))
      diffs.push(`${spec.name} page setup: ${pageSetupOf(wa)} ≠ ${pageSetupOf(wbs)}`);
    spec.columns.forEach((col, i) => {
      const [ka, kb] = [wa.getColumn(i + 1), wbs.getColumn(i + 1)];
      if (Math.abs((ka.width ?? 0) - (kb.width ?? 0)) > (opts.widthTolerance ?? 0.15))
        diffs.push(
          `${spec.name} column ${i + 1} width: ${ka.width} ≠ ${kb.width} (model ${col.width})`,
        );
      if (Boolean(ka.hidden) !== Boolean(kb.hidden))
        diffs.push(`${spec.name} column ${i + 1} hidden: ${ka.hidden} ≠ ${kb.hidden}`);
    });
  }

  const names = (bytes: Uint8Array) => {
    const wb = readWorkbookBytes(bytes).value!;
    return new Map([...wb.names].map(([n, r]) => [n, `${r.sheet}!${r.row},${r.col}`]));
  };
  const [na, nb] = [names(expected), names(actual)];
  for (const [n, r] of na)
    if (nb.get(n) !== r) diffs.push(`name ${n}: ${r} ≠ ${nb.get(n) ?? 'missing'}`);
  for (const n of nb.keys()) if (!na.has(n)) diffs.push(`name ${n}: only in the add-in workbook`);
  return diffs;
}
