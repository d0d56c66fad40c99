/** How many lines wrapped text takes in a column, and the row heights the layout gives for it. */
import { describe, expect, it } from 'vitest';
import {
  LINE_POINTS,
  ROW_HEIGHT_MAX_POINTS,
  ROW_PADDING_POINTS,
  displayWidth,
  heightForLines,
  rowHeights,
  wrappedLines,
} from '../../core/index.ts';
import { SHEET_STYLES } from '../../core/sheet/sheet-styles.ts';

describe('displayWidth', () => {
  it('counts CJK characters and fullwidth punctuation 2, the rest 1', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('遵守法律')).toBe(8);
    expect(displayWidth('\uff08包括\uff09\uff0c')).toBe(10);
    expect(displayWidth('GB/T 40143')).toBe(10);
    expect(displayWidth('')).toBe(0);
  });
});

describe('wrappedLines', () => {
  it('breaks CJK text anywhere: in a 42-wide column (41 usable) 20 characters are a line, 21 and 37 two', () => {
    // 1.1.1 of GB/T 40143 in zh-CN: 37 characters, cut at the end in a 15 pt row.
    expect(wrappedLines('字'.repeat(20), 42)).toBe(1);
    expect(wrappedLines('字'.repeat(21), 42)).toBe(2);
    expect(wrappedLines('字'.repeat(37), 42)).toBe(2);
    expect(wrappedLines('字'.repeat(62), 42)).toBe(4);
  });

  it('moves a word that does not fit to the next line, and cuts a word longer than a line', () => {
    // 11 usable characters at 0.85: "aaaa bbbb" fits (7.65 + a space), "cccc" does not.
    expect(wrappedLines('aaaa bbbb', 12)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc', 12)).toBe(2);
    expect(wrappedLines('x'.repeat(30), 12)).toBe(3);
    expect(wrappedLines('Evaluation mode', 16)).toBe(1);
    expect(wrappedLines('Evaluation mode', 12)).toBe(2);
  });

  it('starts a line at each line break, and an empty text takes none', () => {
    expect(wrappedLines('a\nb\r\nc', 30)).toBe(3);
    expect(wrappedLines('', 30)).toBe(0);
  });
});

describe('rowHeights', () => {
  const cell = (value: string, style: 'textWrap' | 'text') => ({ value, style });
  it('sizes a row by its tallest wrapped cell, a merged one in its merged width; leaves one-line rows and unwrapped cells alone', () => {
    const long = '很长的说明文字'.repeat(10); // 140 wide: 4 lines of a 42-wide column
    const rows = [
      [cell(long, 'text')], // not wrapped: spills over, as a title does
      [cell('short', 'textWrap'), cell(long, 'textWrap')],
      [cell(long, 'textWrap')], // merged over both columns below: 84 wide, 2 lines
      [cell('short', 'textWrap')],
    ];
    const heights = rowHeights(
      {
        rows,
        columns: [{ width: 42 }, { width: 42 }],
        merges: [{ row: 2, col: 0, rows: 1, cols: 2 }],
      },
      SHEET_STYLES,
    );
    expect(heights).toEqual([
      undefined,
      4 * LINE_POINTS.cjk + ROW_PADDING_POINTS,
      2 * LINE_POINTS.cjk + ROW_PADDING_POINTS,
    ]);
  });

  it('never asks for more than Excel’s tallest row', () => {
    expect(heightForLines(1)).toBeUndefined();
    expect(heightForLines(2, 15)).toBe(33);
    expect(heightForLines(500)).toBe(ROW_HEIGHT_MAX_POINTS);
  });
});
