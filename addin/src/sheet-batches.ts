/**
 * A SheetSpec → the few large requests Office.js handles well: whole-sheet 2-D arrays for cells
 * and number formats, styles as rectangles (ExcelApi 1.8 has no multi-area ranges), and runs of
 * identical validations. Pure: no Office.js here, so the grouping is testable and the writer
 * stays a list of calls.
 */
import type { CellSpec, SheetSpec, StyleName, StyleSpec, ValidationSpec } from '../../core/index.ts';

export type Scalar = string | number | boolean;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The rectangle from A1 that holds every cell of the sheet. */
export function usedSize(sheet: SheetSpec): { rows: number; cols: number } {
  let cols = 0;
  sheet.rows.forEach((r) => {
    if (r) for (let c = r.length - 1; c >= 0; c--) if (r[c]) { cols = Math.max(cols, c + 1); break; }
  });
  let rows = sheet.rows.length;
  while (rows > 0 && !(sheet.rows[rows - 1] ?? []).some(Boolean)) rows--;
  return { rows, cols };
}

/**
 * Text Excel would not keep as typed: a formula (= + - @), a number, a percentage, a date, a
 * time, TRUE/FALSE or an error value. Anything not starting with a letter, and the few letter
 * starts Excel converts (TRUE, FALSE, "Jan 5"), gets the apostrophe that makes it text.
 */
export function needsTextGuard(s: string): boolean {
  if (s === '') return false;
  if (!/^\p{L}/u.test(s)) return true;
  return /^\s*(true|false)\s*$/i.test(s) || /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(s);
}

/** What range.formulas gets for one cell: "=…" for formulas, constants as they are, text guarded. */
export function cellFormula(c: CellSpec | undefined): Scalar {
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return needsTextGuard(v) ? `'${v}` : v;
  return v;
}

export function cellMatrix(sheet: SheetSpec, size: { rows: number; cols: number }): Scalar[][] {
  return Array.from({ length: size.rows }, (_, r) => Array.from({ length: size.cols }, (_, c) => cellFormula(sheet.rows[r]?.[c])));
}

export function numberFormatMatrix(sheet: SheetSpec, styles: Record<StyleName, StyleSpec>, size: { rows: number; cols: number }): string[][] {
  return Array.from({ length: size.rows }, (_, r) =>
    Array.from({ length: size.cols }, (_, c) => {
      const style = sheet.rows[r]?.[c]?.style;
      return (style && styles[style].numFmt) || 'General';
    }),
  );
}

/** One formatting property a style sets, apart from the sheet-wide font and alignment. */
export type FormatProp = 'size' | 'bold' | 'italic' | 'color' | 'fill' | 'horizontal' | 'wrap' | 'border' | 'unlocked';

const PROPS: { prop: FormatProp; of: (s: StyleSpec) => string | number | undefined }[] = [
  { prop: 'size', of: (s) => s.size },
  { prop: 'bold', of: (s) => (s.bold ? 1 : undefined) },
  { prop: 'italic', of: (s) => (s.italic ? 1 : undefined) },
  { prop: 'color', of: (s) => s.color },
  { prop: 'fill', of: (s) => s.fill },
  { prop: 'horizontal', of: (s) => s.horizontal },
  { prop: 'wrap', of: (s) => (s.wrap ? 1 : undefined) },
  { prop: 'border', of: (s) => (s.border ? 1 : undefined) },
  { prop: 'unlocked', of: (s) => (s.locked ? undefined : 1) },
];

/**
 * Each formatting property as few rectangles: runs along each row, then runs of rows with the
 * same run. Grouped by property rather than by style, because neighbouring styles share most
 * properties (the whole scoring table is bordered): a sheet of any length needs about as many
 * rectangles as it has first- and second-level header rows.
 */
export function formatRectangles(sheet: SheetSpec, styles: Record<StyleName, StyleSpec>): { prop: FormatProp; value: string | number; rect: Rect }[] {
  const out: { prop: FormatProp; value: string | number; rect: Rect }[] = [];
  for (const { prop, of } of PROPS) {
    const grid = sheet.rows.map((r) => (r ?? []).map((c) => {
      const v = c?.style ? of(styles[c.style]) : undefined;
      return v === undefined ? undefined : String(v);
    }));
    for (const { style, rect } of rectangles(grid)) out.push({ prop, value: prop === 'size' ? Number(style) : style, rect });
  }
  return out;
}

export function rectangles<K extends string>(grid: (K | undefined)[][]): { style: K; rect: Rect }[] {
  const done: { style: K; rect: Rect }[] = [];
  let open = new Map<string, { style: K; rect: Rect }>();
  grid.forEach((cells, row) => {
    const next = new Map<string, { style: K; rect: Rect }>();
    let c = 0;
    while (c < cells.length) {
      const style = cells[c];
      if (style === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < cells.length && cells[end + 1] === style) end++;
      const id = `${c}:${end}:${style}`;
      const prev = open.get(id);
      if (prev && prev.rect.row + prev.rect.rows === row) {
        prev.rect.rows++;
        next.set(id, prev);
        open.delete(id);
      } else {
        next.set(id, { style, rect: { row, col: c, rows: 1, cols: end - c + 1 } });
      }
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
}

/** Validations that are the same in consecutive rows of one column, as one range each. */
export function validationRuns(validations: readonly ValidationSpec[]): { spec: ValidationSpec; rect: Rect }[] {
  const sameRule = (v: ValidationSpec) => JSON.stringify({ ...v, row: 0 });
  const sorted = [...validations].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { spec: ValidationSpec; rect: Rect; id: string }[] = [];
  for (const v of sorted) {
    const id = sameRule(v);
    const last = runs[runs.length - 1];
    if (last && last.id === id && last.rect.col === v.col && last.rect.row + last.rect.rows === v.row) last.rect.rows++;
    else runs.push({ spec: v, rect: { row: v.row, col: v.col, rows: 1, cols: 1 }, id });
  }
  return runs.map(({ spec, rect }) => ({ spec, rect }));
}

/** exceljs column width (characters of the default font) → Office.js columnWidth (points). */
export function widthToPoints(chars: number): number {
  // Excel's rule: pixels = trunc((256·w + trunc(128/7)) / 256 · 7) for a 7-pixel digit; 0.75 pt a pixel.
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** Excel's limits on validation messages; longer text is refused, so it is shortened. */
export const VALIDATION_LIMITS = { title: 32, prompt: 255, error: 225 } as const;

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
