/** The grouping that keeps the Office.js request small: rectangles, validation runs, text guards, widths. */
import { describe, expect, it } from 'vitest';
import { needsTextGuard, rectangles, validationRuns, widthToPoints } from '../../addin/src/sheet-batches.ts';
import type { ValidationSpec } from '../../core/index.ts';
import { pointsToWidth } from './support/state-to-xlsx.ts';

describe('rectangles', () => {
  it('joins runs along rows, then rows with the same run', () => {
    const A = 'a', B = 'b', _ = undefined;
    const grid = [
      [A, A, B],
      [A, A, B],
      [_, B, B],
      [A, A, _],
    ];
    const rects = rectangles(grid).map(({ style, rect }) => `${style}@${rect.row},${rect.col} ${rect.rows}x${rect.cols}`);
    expect(rects.sort()).toEqual(['a@0,0 2x2', 'a@3,0 1x2', 'b@0,2 2x1', 'b@2,1 1x2'].sort());
  });

  it('covers every styled cell exactly once', () => {
    const grid = Array.from({ length: 40 }, (_, r) => Array.from({ length: 7 }, (_, c) => (r % 5 === 0 ? 'h' : (['x', 'y', undefined] as const)[(c + (r % 3 === 0 ? 1 : 0)) % 3])));
    const seen = new Map<string, string>();
    for (const { style, rect } of rectangles(grid)) {
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) {
        expect(seen.has(`${r},${c}`)).toBe(false);
        seen.set(`${r},${c}`, style);
      }
    }
    grid.forEach((row, r) => row.forEach((s, c) => expect(seen.get(`${r},${c}`)).toBe(s)));
  });
});

describe('validation runs', () => {
  const v = (row: number, col: number, list: string[]): ValidationSpec => ({ row, col, type: 'list', list, prompt: { title: 't', text: 'p' }, error: { title: 'e', text: 'x', style: 'stop' } });
  it('one range per run of identical validations in a column', () => {
    const runs = validationRuns([v(3, 6, ['不适用']), v(4, 6, ['不适用']), v(5, 6, ['不适用']), v(7, 6, ['不适用']), v(3, 5, ['是', '否']), v(4, 5, ['1', '2'])]);
    expect(runs.map((r) => `${r.rect.col}:${r.rect.row}+${r.rect.rows}`)).toEqual(['5:3+1', '5:4+1', '6:3+3', '6:7+1']);
  });
});

describe('text guard', () => {
  it('guards what Excel would convert or evaluate, and leaves words alone', () => {
    for (const s of ['=SUM(A1)', '+86', '-张三', '@x', '2025', '007', '85%', '2025-01-02', '12:30', 'TRUE', 'false', 'Jan 5', '#N/A', ' 1']) expect(needsTextGuard(s)).toBe(true);
    for (const s of ['符合', 'Yes', 'No', '不适用', 'Annual report 2025', 'January review', '']) expect(needsTextGuard(s)).toBe(false);
  });
});

describe('column widths', () => {
  it('survive the trip to points and back', () => {
    for (const w of [7, 8, 9, 12, 14.5, 42, 60]) expect(Math.abs(pointsToWidth(widthToPoints(w)) - w)).toBeLessThan(0.15);
  });
});
