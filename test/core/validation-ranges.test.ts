/** A sheet's validations as ranges that never overlap (what the exceljs writer writes). */
import { describe, expect, it } from 'vitest';
import { validationRanges, type ValidationSpec } from '../../core/index.ts';

describe('validationRanges', () => {
  const v = (row: number, col: number, list: string[]): ValidationSpec => ({
    row,
    col,
    type: 'list',
    list,
    prompt: { title: 't', text: 'p' },
    error: { title: 'e', text: 'x', style: 'stop' },
  });
  it('joins runs down a column and runs side by side over the same rows, never two ranges on a cell', () => {
    const ranges = validationRanges([
      v(3, 5, ['a']),
      v(4, 5, ['a']),
      v(5, 5, ['b']),
      v(7, 5, ['a']),
      v(3, 6, ['a']),
      v(4, 6, ['a']),
      v(9, 6, ['c']),
      v(9, 7, ['c']),
    ]);
    expect(
      ranges.map(
        ({ spec, rect }) =>
          `${spec.list!.join()}@${rect.row},${rect.col} ${rect.rows}x${rect.cols}`,
      ),
    ).toEqual(['a@3,5 2x2', 'b@5,5 1x1', 'a@7,5 1x1', 'c@9,6 1x2']);
  });

  it('refuses two validations on one cell', () => {
    expect(() => validationRanges([v(3, 5, ['a']), v(3, 5, ['b'])])).toThrow(/two validations/);
  });
});
