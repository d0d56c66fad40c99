/**
 * A SheetSpec → the few large requests Office.js handles well: whole-sheet 2-D arrays for cells
 * and number formats, styles as rectangles (ExcelApi 1.8 has no multi-area ranges), and runs of
 * identical validations. Pure: no Office.js here, so the grouping is testable and the writer
 * stays a list of calls.
 */
import type {
  CellSpec,
  SheetSpec,
  StyleName,
  StyleSpec,
  ValidationSpec,
} from '../../core/index.ts';

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
    if (r)
      for (let c = r.length - 1; c >= 0; c--)
        if (r[c]) {
          cols = Math.max(cols, c + 1);
          break;
        }
  });
  let rows = sheet.rows.length;
  while (rows > 0 && !(sheet.rows[rows - 1] ?? []).some(Boolean)) rows--;
  return { rows, cols };
}

/**
 * Text Excel would not keep as typed: a formula (= + - @), a number, a percentage, a date, a
 * time, TRUE/FALSE or an error value. Anything not starting with a letter, and the few letter
 * starts Excel converts (TRUE, FALSE, "Jan 5"), is written into a cell formatted as text.
 */
export function needsTextGuard(s: string): boolean {
  if (s === '') return false;
  if (!/^\p{L}/u.test(s)) return true;
  return (
    /^\s*(true|false)\s*$/i.test(s) ||
    /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d/i.test(s)
  );
}

/** A constant whose text Excel would convert if written into a cell of the General format. */
function isGuardedText(c: CellSpec | undefined): boolean {
  return (
    c !== undefined &&
    c.formula === undefined &&
    typeof c.value === 'string' &&
    needsTextGuard(c.value)
  );
}

/**
 * What range.formulas gets for one cell: "=…" for formulas, constants as they are. Text that
 * Excel would convert lands in a cell formatted as text (numberFormatBoxes), which keeps it.
 */
export function cellFormula(c: CellSpec | undefined): Scalar {
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  const v = c.value;
  if (v === null || v === undefined) return '';
  return v;
}

export function cellMatrix(sheet: SheetSpec, size: { rows: number; cols: number }): Scalar[][] {
  return Array.from({ length: size.rows }, (_, r) =>
    Array.from({ length: size.cols }, (_, c) => cellFormula(sheet.rows[r]?.[c])),
  );
}

export interface FormatBox {
  rect: Rect;
  formats: (string | null)[][];
}

/**
 * The number formats as 2-D arrays; null leaves a cell as it is (Office.js documents null in a
 * 2-D array as "leave this cell unchanged"). Written in this order around the values: `styles`,
 * every format other than General over the smallest box that holds them, so that a percentage
 * lands in a percentage cell; `text`, the text format ("@") on the cells whose text Excel would
 * otherwise take for a formula, a number or a date, since what is written into a text cell stays
 * as written; then the values; then `own` over the same rectangles as `text`, those cells' own
 * format back (General where their style has none), as the exceljs writer leaves them. A number
 * format never changes a value already stored, so the text stays text, and an input cell does
 * not make what the evaluator types next text.
 */
export function numberFormatBoxes(
  sheet: SheetSpec,
  styles: Record<StyleName, StyleSpec>,
): { styles?: FormatBox; text: FormatBox[]; own: FormatBox[] } {
  const own = (r: number, c: number): string => {
    const style = sheet.rows[r]?.[c]?.style;
    return (style ? styles[style].numFmt : undefined) ?? 'General';
  };
  const box = formatBox(sheet, (r, c) => (own(r, c) !== 'General' ? own(r, c) : null));
  const rects = textColumnRuns(sheet);
  const fill = (rect: Rect, f: (r: number, c: number) => string): FormatBox => ({
    rect,
    formats: Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) => f(rect.row + i, rect.col + j)),
    ),
  });
  return {
    ...(box ? { styles: box } : {}),
    text: rects.map((rect) => fill(rect, () => '@')),
    own: rects.map((rect) => fill(rect, own)),
  };
}

/**
 * The cells to format as text, as few ranges: in each column, from a cell whose text needs it
 * down to the last such cell, through cells that hold other text or nothing (the text format does
 * them no harm, and they get their own format back), never through a number or a formula, which
 * a text cell would keep as text. The cells that need it lie in columns (codes, units, ids, scale
 * tokens), one range each where nothing else breaks them.
 */
export function textColumnRuns(sheet: SheetSpec): Rect[] {
  const { rows, cols } = usedSize(sheet);
  const out: Rect[] = [];
  for (let c = 0; c < cols; c++) {
    let run: Rect | undefined;
    for (let r = 0; r <= rows; r++) {
      const cell = sheet.rows[r]?.[c];
      if (r < rows && isGuardedText(cell)) {
        if (run) run.rows = r - run.row + 1;
        else run = { row: r, col: c, rows: 1, cols: 1 };
        continue;
      }
      const passable =
        r < rows && cell?.formula === undefined && typeof (cell?.value ?? '') === 'string';
      if (!passable && run) {
        out.push(run);
        run = undefined;
      }
    }
  }
  return out;
}

/** `fmt` over the smallest box that holds every cell it gives a format; undefined for none. */
function formatBox(
  sheet: SheetSpec,
  fmt: (r: number, c: number) => string | null,
): FormatBox | undefined {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  sheet.rows.forEach((cells, r) =>
    (cells ?? []).forEach((_, c) => {
      if (fmt(r, c) === null) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return undefined;
  const rect = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  return {
    rect,
    formats: Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) => fmt(top + i, left + j)),
    ),
  };
}

/** One formatting property a style sets, apart from the sheet-wide font and alignment. */
export type FormatProp =
  'size' | 'bold' | 'italic' | 'color' | 'fill' | 'horizontal' | 'wrap' | 'border' | 'unlocked';

/**
 * `of` gives a style's value of the property (undefined: the cell keeps what a new cell has);
 * `reset` is that default as a value that can be written (false for the switches, the sheet's
 * font size), where there is one: a cell painted over can then be set back.
 */
const PROPS: {
  prop: FormatProp;
  of: (s: StyleSpec) => string | undefined;
  reset?: (font: { size: number }) => string;
}[] = [
  {
    prop: 'size',
    of: (s) => (s.size === undefined ? undefined : String(s.size)),
    reset: (font) => String(font.size),
  },
  { prop: 'bold', of: (s) => (s.bold ? 'true' : undefined), reset: () => 'false' },
  { prop: 'italic', of: (s) => (s.italic ? 'true' : undefined), reset: () => 'false' },
  { prop: 'color', of: (s) => s.color },
  { prop: 'fill', of: (s) => s.fill },
  { prop: 'horizontal', of: (s) => s.horizontal },
  { prop: 'wrap', of: (s) => (s.wrap ? 'true' : undefined), reset: () => 'false' },
  { prop: 'border', of: (s) => (s.border ? 'true' : undefined) },
  // Locked is what a new cell is; the cells the evaluator fills are unlocked.
  { prop: 'unlocked', of: (s) => (s.locked ? undefined : 'true'), reset: () => 'false' },
];

type Painted = { value: string; rect: Rect };

/**
 * Each formatting property as few rectangles. Two ways are tried and the one with fewer
 * rectangles kept: each value on exactly its cells; or the commonest value painted in broad
 * strokes over cells that take another value (or, where the default can be written, the
 * default) and those cells painted again after it. On the scoring sheet the second way paints
 * the yellow input columns from top to bottom and then the header rows over them: a stroke
 * per header row instead of one per input column between two header rows.
 */
export function formatRectangles(
  sheet: SheetSpec,
  styles: Record<StyleName, StyleSpec>,
  font: { size: number } = { size: 11 },
): { prop: FormatProp; value: string; rect: Rect }[] {
  const out: { prop: FormatProp; value: string; rect: Rect }[] = [];
  const styled = sheet.rows.map((r) => (r ?? []).map((c) => Boolean(c?.style)));
  for (const { prop, of, reset } of PROPS) {
    const grid = sheet.rows.map((r) =>
      (r ?? []).map((c) => (c?.style ? of(styles[c.style]) : undefined)),
    );
    const resetValue = reset?.(font);
    for (const p of cheapestPainting(grid, styled, resetValue)) out.push({ prop, ...p });
  }
  return out;
}

export function cheapestPainting(
  grid: (string | undefined)[][],
  styled: boolean[][],
  resetValue?: string,
): Painted[] {
  const rows = grid.length;
  // Rows without cells are holes in these arrays (map keeps holes): count with a plain loop.
  let cols = 0;
  for (let r = 0; r < rows; r++)
    cols = Math.max(cols, grid[r]?.length ?? 0, styled[r]?.length ?? 0);
  const counts = new Map<string, number>();
  for (const row of grid)
    for (const v of row ?? []) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (!counts.size) return [];
  const at = (r: number, c: number) => grid[r]?.[c];
  const isStyled = (r: number, c: number) => Boolean(styled[r]?.[c]);

  const exact: Painted[] = [];
  for (const v of counts.keys())
    for (const rect of cover(
      rows,
      cols,
      (r, c) => at(r, c) === v,
      (r, c) => at(r, c) === v,
    ))
      exact.push({ value: v, rect });

  const top = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  // Where `top` may go: its cells, cells of another value (painted again after), and styled cells
  // left at the default when the default can be written back.
  const base = cover(
    rows,
    cols,
    (r, c) => at(r, c) === top,
    (r, c) => at(r, c) !== undefined || (resetValue !== undefined && isStyled(r, c)),
  );
  const covered = new Uint8Array(rows * cols);
  for (const rect of base)
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      covered.fill(1, r * cols + rect.col, r * cols + rect.col + rect.cols);
  // What each cell must end as, where `top` is wrong for it (or undefined: left alone).
  const final = (r: number, c: number) =>
    at(r, c) ?? (covered[r * cols + c] ? resetValue : undefined);
  const layered: Painted[] = base.map((rect) => ({ value: top, rect }));
  const others = new Set([...counts.keys(), ...(resetValue !== undefined ? [resetValue] : [])]);
  others.delete(top);
  for (const v of others) {
    // A written-back default may also go on styled cells that are at the default anyway.
    const may = (r: number, c: number) =>
      final(r, c) === v || (v === resetValue && at(r, c) === undefined && isStyled(r, c));
    for (const rect of cover(rows, cols, (r, c) => final(r, c) === v, may))
      layered.push({ value: v, rect });
    if (layered.length >= exact.length) return exact;
  }
  return layered.length < exact.length ? layered : exact;
}

/**
 * Rectangles that cover every cell `need` asks for, each lying on cells `may` allows: from the
 * first cell not yet covered, the larger of "as far right as allowed, then as far down" and "as
 * far down, then as far right". Greedy, not optimal; quick on sheets of a few thousand rows.
 */
export function cover(
  rows: number,
  cols: number,
  need: (r: number, c: number) => boolean,
  may: (r: number, c: number) => boolean,
): Rect[] {
  const n = rows * cols;
  const needs = new Uint8Array(n);
  const ok = new Uint8Array(n);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (need(r, c)) needs[r * cols + c] = 1;
      if (may(r, c)) ok[r * cols + c] = 1;
    }
  const done = new Uint8Array(n);
  const allowed = (r: number, c: number) => r < rows && c < cols && ok[r * cols + c] === 1;
  const rowAllowed = (r: number, c0: number, c1: number) => {
    for (let c = c0; c <= c1; c++) if (!allowed(r, c)) return false;
    return true;
  };
  const colAllowed = (c: number, r0: number, r1: number) => {
    for (let r = r0; r <= r1; r++) if (!allowed(r, c)) return false;
    return true;
  };
  const gain = (rect: Rect) => {
    let g = 0;
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++)
        g += needs[r * cols + c]! & (1 - done[r * cols + c]!);
    return g;
  };
  const out: Rect[] = [];
  for (let i = 0; i < n; i++) {
    if (!needs[i] || done[i]) continue;
    const r0 = Math.floor(i / cols);
    const c0 = i % cols;
    // Right, then down.
    let c1 = c0;
    while (allowed(r0, c1 + 1)) c1++;
    let r1 = r0;
    while (rowAllowed(r1 + 1, c0, c1)) r1++;
    const wide: Rect = { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    // Down, then right.
    let r2 = r0;
    while (allowed(r2 + 1, c0)) r2++;
    let c2 = c0;
    while (colAllowed(c2 + 1, r0, r2)) c2++;
    const tall: Rect = { row: r0, col: c0, rows: r2 - r0 + 1, cols: c2 - c0 + 1 };
    const rect = gain(tall) > gain(wide) ? tall : wide;
    out.push(rect);
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      done.fill(1, r * cols + rect.col, r * cols + rect.col + rect.cols);
  }
  return out;
}

export function rectangles<K extends string>(
  grid: (K | undefined)[][],
): { style: K; rect: Rect }[] {
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

/**
 * The validations as few ranges: a run of identical validations in one column is one range, and
 * runs of the same validation in a column that only rows without any validation there (the
 * first- and second-level header rows) separate are one range too, the gaps cleared afterwards.
 * A cell never gets two different rules, so nothing depends on how Excel replaces a rule.
 */
export function validationPlan(validations: readonly ValidationSpec[]): {
  runs: { spec: ValidationSpec; rect: Rect }[];
  clears: Rect[];
} {
  const sameRule = (v: ValidationSpec) => JSON.stringify({ ...v, row: 0 });
  const sorted = [...validations].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { spec: ValidationSpec; rect: Rect; id: string }[] = [];
  const wanted = new Set(validations.map((v) => `${v.row},${v.col}`));
  const gaps: { row: number; col: number }[] = [];
  for (const v of sorted) {
    const id = sameRule(v);
    const last = runs[runs.length - 1];
    if (last && last.id === id && last.rect.col === v.col) {
      // Sorted by row within the column: the rows in between have no validation in this column.
      for (let r = last.rect.row + last.rect.rows; r < v.row; r++)
        gaps.push({ row: r, col: v.col });
      last.rect.rows = v.row - last.rect.row + 1;
    } else {
      runs.push({ spec: v, rect: { row: v.row, col: v.col, rows: 1, cols: 1 }, id });
    }
  }
  // Clear the gaps in wide strokes: along a row, a stretch may take in cells that want no validation.
  const byRow = new Map<number, number[]>();
  for (const g of gaps) byRow.set(g.row, [...(byRow.get(g.row) ?? []), g.col]);
  const grid: ('x' | undefined)[][] = [];
  for (const [row, cols] of byRow) {
    const line: ('x' | undefined)[] = (grid[row] = []);
    cols.sort((a, b) => a - b);
    let from = cols[0]!;
    for (let i = 1; i <= cols.length; i++) {
      const c = cols[i];
      let joinable = c !== undefined;
      for (let k = cols[i - 1]! + 1; joinable && k < c!; k++)
        if (wanted.has(`${row},${k}`)) joinable = false;
      if (joinable) continue;
      for (let k = from; k <= cols[i - 1]!; k++) line[k] = 'x';
      if (c !== undefined) from = c;
    }
  }
  const clears = rectangles(Array.from({ length: grid.length }, (_, r) => grid[r] ?? [])).map(
    (x) => x.rect,
  );
  return { runs: runs.map(({ spec, rect }) => ({ spec, rect })), clears };
}

/**
 * The rows the model gives a height as few ranges, in the order to paint them: a run of adjacent
 * rows of one height is one range, or, when that takes fewer, the commonest height is painted
 * over stretches of rows that all have a height and the others over it (cheapestPainting, one
 * column wide). ExcelApi 1.8 has no multi-area ranges to take every row of a height at once.
 * Rows without a height are never touched: they keep Excel's default, as in the exceljs file.
 */
export function rowHeightRuns(
  heights: readonly (number | undefined)[] | undefined,
): { row: number; rows: number; height: number }[] {
  const grid = (heights ?? []).map((h) => [h === undefined ? undefined : String(h)]);
  return cheapestPainting(
    grid,
    grid.map(() => [false]),
  ).map(({ value, rect }) => ({ row: rect.row, rows: rect.rows, height: Number(value) }));
}

/** exceljs column width (characters of the default font) → Office.js columnWidth (points). */
export function widthToPoints(chars: number): number {
  // Excel's rule: pixels = trunc((256·w + trunc(128/7)) / 256 · 7) for a 7-pixel digit; 0.75 pt a pixel.
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}
