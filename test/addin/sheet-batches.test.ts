/** The grouping that keeps the Office.js request small: rectangles, validation runs, text guards, widths. */
import { describe, expect, it } from 'vitest';
import {
  cellFormula,
  cheapestPainting,
  needsTextGuard,
  numberFormatBoxes,
  rectangles,
  rowHeightRuns,
  validationPlan,
  widthToPoints,
  type FormatBox,
} from '../../addin/src/sheet-batches.ts';
import { modelOf, syntheticPlan } from './support/models.ts';
import { COL, type StyleSpec, type ValidationSpec } from '../../core/index.ts';
import { pointsToWidth } from './support/state-to-xlsx.ts';

describe('rectangles', () => {
  it('joins runs along rows, then rows with the same run', () => {
    const A = 'a',
      B = 'b',
      _ = undefined;
    const grid = [
      [A, A, B],
      [A, A, B],
      [_, B, B],
      [A, A, _],
    ];
    const rects = rectangles(grid).map(
      ({ style, rect }) => `${style}@${rect.row},${rect.col} ${rect.rows}x${rect.cols}`,
    );
    expect(rects.sort()).toEqual(['a@0,0 2x2', 'a@3,0 1x2', 'b@0,2 2x1', 'b@2,1 1x2'].sort());
  });

  it('covers every styled cell exactly once', () => {
    const grid = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 7 }, (_, c) =>
        r % 5 === 0 ? 'h' : (['x', 'y', undefined] as const)[(c + (r % 3 === 0 ? 1 : 0)) % 3],
      ),
    );
    const seen = new Map<string, string>();
    for (const { style, rect } of rectangles(grid)) {
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          expect(seen.has(`${r},${c}`)).toBe(false);
          seen.set(`${r},${c}`, style);
        }
    }
    grid.forEach((row, r) => row.forEach((s, c) => expect(seen.get(`${r},${c}`)).toBe(s)));
  });
});

describe('painting a property in layers', () => {
  /** Paints in order onto a grid of defaults, as Excel would. */
  function paint(
    rows: number,
    cols: number,
    painted: ReturnType<typeof cheapestPainting>,
    initial?: string,
  ): (string | undefined)[][] {
    const g: (string | undefined)[][] = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => initial),
    );
    for (const { value, rect } of painted)
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++) g[r]![c] = value;
    return g;
  }

  it('paints input columns through the header rows and the header rows over them, ending with every cell as asked', () => {
    // A scoring table: header rows (H) every 6 rows, two yellow input columns (Y) beside plain ones.
    const grid = Array.from({ length: 60 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) =>
        r % 6 === 0 ? 'H' : c === 2 || c === 4 ? 'Y' : undefined,
      ),
    );
    const styled = grid.map((row) => row.map(() => true));
    const painted = cheapestPainting(grid, styled);
    expect(paint(60, 6, painted)).toEqual(grid);
    // Exactly: 2 yellow columns × 10 stretches + 10 header rows = 30; in layers: 2 + 10.
    expect(painted.length).toBe(12);
    expect(painted.slice(0, 2).every((p) => p.value === 'Y' && p.rect.rows === 59)).toBe(true);
  });

  it('writes a switch back to its default where a stroke went over a cell that keeps the default', () => {
    const T = 'true';
    // Wrapped text everywhere but the header rows and one column.
    const grid = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 5 }, (_, c) => (r % 8 === 0 || c === 0 ? undefined : T)),
    );
    const styled = grid.map((row) => row.map(() => true));
    const painted = cheapestPainting(grid, styled, 'false');
    const result = paint(40, 5, painted, 'false');
    expect(result).toEqual(grid.map((row) => row.map((v) => v ?? 'false')));
    // Whichever is fewer: the five stretches of wrapped text, or one stroke and the exceptions.
    expect(painted.length).toBeLessThanOrEqual(5);
  });

  it('copes with rows that hold no cells (holes in the sheet’s rows, as an empty row leaves them)', () => {
    const grid: (string | undefined)[][] = [];
    grid[0] = ['t', undefined];
    grid[2] = ['t', 't'];
    grid[3] = [undefined, 't'];
    const styled = grid.map((row) => row.map(() => true));
    const painted = cheapestPainting(grid, styled, 'false');
    expect(painted.length).toBeGreaterThan(0);
    const result = paint(4, 2, painted, 'false');
    expect(result).toEqual([
      ['t', 'false'],
      ['false', 'false'],
      ['t', 't'],
      ['false', 't'],
    ]);
  });

  it('never touches a cell without a style when the default cannot be written', () => {
    const grid = [
      ['a', undefined, 'a'],
      ['a', 'b', 'a'],
    ];
    const styled = [
      [true, false, true],
      [true, true, true],
    ];
    const painted = cheapestPainting(grid, styled);
    expect(paint(2, 3, painted)).toEqual(grid);
  });

  it('ends every styled cell of a 1,000-indicator scoring sheet as its style says, for every property', () => {
    const model = modelOf(syntheticPlan(1000), 'zh-CN');
    const sheet = model.sheets[0]!;
    const props = {
      bold: (s: StyleSpec) => (s.bold ? 'true' : 'false'),
      fill: (s: StyleSpec) => s.fill,
      unlocked: (s: StyleSpec) => (s.locked ? 'false' : 'true'),
      wrap: (s: StyleSpec) => (s.wrap ? 'true' : 'false'),
    };
    for (const [prop, of] of Object.entries(props)) {
      const reset = prop === 'fill' ? undefined : 'false';
      const grid = sheet.rows.map((r) =>
        (r ?? [])
          .map((c) => (c?.style ? of(model.styles[c.style]) : undefined))
          .map((v) => (v === reset ? undefined : v)),
      );
      const styled = sheet.rows.map((r) => (r ?? []).map((c) => Boolean(c?.style)));
      const painted = cheapestPainting(grid, styled, reset);
      const cols = Math.max(...sheet.rows.map((r) => r?.length ?? 0));
      const result = paint(sheet.rows.length, cols, painted, reset);
      sheet.rows.forEach((r, i) =>
        (r ?? []).forEach((c, j) => {
          if (c?.style)
            expect({ prop, at: [i, j], v: result[i]![j] }).toEqual({
              prop,
              at: [i, j],
              v: of(model.styles[c.style]) ?? reset,
            });
        }),
      );
    }
  });
});

describe('number formats', () => {
  it('before the values: each style’s format, then text ("@") where Excel would convert the text; after: those cells’ own format back', () => {
    const model = modelOf(syntheticPlan(30), 'en');
    const [sheet, styles] = [model.sheets[0]!, model.styles];
    const boxes = numberFormatBoxes(sheet, styles);
    const at = (box: FormatBox | undefined, i: number, j: number) =>
      box &&
      i >= box.rect.row &&
      i < box.rect.row + box.rect.rows &&
      j >= box.rect.col &&
      j < box.rect.col + box.rect.cols
        ? box.formats[i - box.rect.row]![j - box.rect.col]
        : null;
    // Indicator codes look like numbers or dates to Excel ("1.1.1", "2"); percentages are inputs.
    const first = sheet.rows.findIndex((r) => r?.[COL.input]?.style === 'inputPercent');
    expect(sheet.rows[first]![COL.code]!.value).toMatch(/^\d/);
    const inAny = (list: FormatBox[], i: number, j: number) =>
      list.map((b) => at(b, i, j)).find((f) => f !== null) ?? null;
    const formats = (i: number, j: number) => ({
      styles: at(boxes.styles, i, j),
      text: inAny(boxes.text, i, j),
      own: inAny(boxes.own, i, j),
    });
    expect(formats(first, COL.code)).toEqual({ styles: null, text: '@', own: 'General' });
    expect(formats(first, COL.input)).toEqual({ styles: '0.0%', text: null, own: null });
    let passedThrough = 0;
    sheet.rows.forEach((r, i) =>
      (r ?? []).forEach((c, j) => {
        const own = (c?.style ? styles[c.style].numFmt : undefined) ?? 'General';
        const text =
          c?.formula === undefined && typeof c?.value === 'string' && needsTextGuard(c.value);
        // Numbers and formulas are never in a text cell: Excel would keep them as text.
        const textOk = c?.formula === undefined && typeof (c?.value ?? '') === 'string';
        const f = formats(i, j);
        expect({ at: [i, j], styles: f.styles }).toEqual({
          at: [i, j],
          styles: own !== 'General' ? own : null,
        });
        if (text)
          expect({ at: [i, j], text: f.text, own: f.own }).toEqual({ at: [i, j], text: '@', own });
        else if (!textOk) expect({ at: [i, j], text: f.text }).toEqual({ at: [i, j], text: null });
        else if (f.text === '@') {
          passedThrough++;
          expect({ at: [i, j], own: f.own }).toEqual({ at: [i, j], own });
        }
      }),
    );
    // A run of the unit column takes in the units between two "%" ("次", "万元", blanks).
    expect(passedThrough).toBeGreaterThan(0);
    expect(boxes.text.length).toBeLessThan(6);
    expect(boxes.text.every((b) => b.rect.cols === 1)).toBe(true);
  });

  it('writes text as it is, never with an apostrophe', () => {
    expect(cellFormula({ value: '=1+1' })).toBe('=1+1');
    expect(cellFormula({ formula: 'SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
    expect(cellFormula({ value: 0.5 })).toBe(0.5);
    expect(cellFormula({ value: null })).toBe('');
  });
});

describe('validation ranges', () => {
  const v = (row: number, col: number, list: string[]): ValidationSpec => ({
    row,
    col,
    type: 'list',
    list,
    prompt: { title: 't', text: 'p' },
    error: { title: 'e', text: 'x', style: 'stop' },
  });
  it('one range per run of identical validations in a column, across rows without validation, the gaps cleared after', () => {
    const plan = validationPlan([
      v(3, 6, ['不适用']),
      v(4, 6, ['不适用']),
      v(5, 6, ['不适用']),
      v(7, 6, ['不适用']),
      v(3, 5, ['是', '否']),
      v(4, 5, ['1', '2']),
      v(7, 5, ['1', '2']),
      v(3, 8, ['a']),
      v(7, 8, ['a']),
    ]);
    expect(plan.runs.map((r) => `${r.rect.col}:${r.rect.row}+${r.rect.rows}`)).toEqual([
      '5:3+1',
      '5:4+4',
      '6:3+5',
      '8:3+5',
    ]);
    // Laid, then cleared, as Excel would: every cell ends with the validation it wants, or none.
    const got = new Map<string, string>();
    for (const { spec, rect } of plan.runs)
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        got.set(`${r},${rect.col}`, spec.list!.join());
    for (const rect of plan.clears)
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++) got.delete(`${r},${c}`);
    expect(Object.fromEntries(got)).toEqual({
      '3,5': '是,否',
      '4,5': '1,2',
      '7,5': '1,2',
      '3,6': '不适用',
      '4,6': '不适用',
      '5,6': '不适用',
      '7,6': '不适用',
      '3,8': 'a',
      '7,8': 'a',
    });
    // Row 6 wants no validation in columns 5..8: one clear covers it, score column and all.
    expect(plan.clears).toContainEqual({ row: 6, col: 5, rows: 1, cols: 4 });
  });

  it('never lays two rules on one cell', () => {
    const plan = validationPlan([v(3, 5, ['a']), v(4, 5, ['b']), v(5, 5, ['a'])]);
    expect(plan.runs).toHaveLength(3);
    expect(plan.clears).toEqual([]);
  });
});

describe('row heights', () => {
  it('paints runs of rows of one height as one range, in an order that ends every row as asked, never touching rows without a height', () => {
    const _ = undefined;
    const heights = [_, _, 33, 33, 48, 33, 33, _, 48, 48, 63, 48, _, _];
    const runs = rowHeightRuns(heights);
    const got: (number | undefined)[] = heights.map(() => undefined);
    for (const { row, rows, height } of runs)
      for (let r = row; r < row + rows; r++) got[r] = height;
    expect(got).toEqual(heights);
    // Exactly: 33×2, 48, 33×2, 48×2, 63, 48 = 6 runs; in layers: 33 over rows 2..6, then 48 at 4, 8..9
    // and 11, and 63 at 10 = 5.
    expect(runs.length).toBe(5);
    expect(runs[0]).toEqual({ row: 2, rows: 5, height: 33 });
    expect(rowHeightRuns(undefined)).toEqual([]);
  });

  it('takes fewer ranges than rows on a 1,000-indicator sheet', () => {
    const sheet = modelOf(syntheticPlan(1000), 'en').sheets[0]!;
    const tall = (sheet.rowHeights ?? []).filter((h) => h !== undefined).length;
    expect(tall).toBeGreaterThan(500);
    expect(rowHeightRuns(sheet.rowHeights).length).toBeLessThan(tall);
  });
});

describe('text guard', () => {
  it('guards what Excel would convert or evaluate, and leaves words alone', () => {
    for (const s of [
      '=SUM(A1)',
      '+86',
      '-张三',
      '@x',
      '2025',
      '007',
      '85%',
      '2025-01-02',
      '12:30',
      'TRUE',
      'false',
      'Jan 5',
      '#N/A',
      ' 1',
    ])
      expect(needsTextGuard(s)).toBe(true);
    for (const s of ['符合', 'Yes', 'No', '不适用', 'Annual report 2025', 'January review', ''])
      expect(needsTextGuard(s)).toBe(false);
  });
});

describe('column widths', () => {
  it('survive the trip to points and back', () => {
    for (const w of [7, 8, 9, 12, 14.5, 42, 60])
      expect(Math.abs(pointsToWidth(widthToPoints(w)) - w)).toBeLessThan(0.15);
  });
});
