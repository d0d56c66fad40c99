/**
 * Row heights from the wrapped text a row holds. Neither Excel nor LibreOffice fits a row to its
 * wrapped text when a file opens (a row without a height is drawn at the default 15 pt, and the
 * text spills over or is cut), so the layout estimates each row's lines and both writers write
 * the same height. An estimate, not a measurement: characters are counted in digit widths of
 * the column (a CJK character 2, any other 0.85: Calibri's letters and spaces average about 0.8 of
 * its digits), words are wrapped greedily at spaces, and a line is a little taller than
 * the fonts' own line (15 pt for 10.5 pt 等线 or Noto Sans CJK, 13.5 pt for 10.5 pt Calibri), so
 * the estimate errs on the side of a little white space rather than cut text.
 */
import type { CellSpec, SheetSpec, StyleName, StyleSpec } from './sheet-model.ts';
import type { Lang } from '../text.ts';

/** A wide character: CJK ideographs and punctuation, kana, hangul, fullwidth forms. */
const WIDE_RANGES =
  '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE = new RegExp(`[${WIDE_RANGES}]`, 'u');
/** A wide character on its own, or a word (a run of other characters but spaces); then the spaces after it. */
const TOKEN = new RegExp(`([${WIDE_RANGES}]|[^\\s${WIDE_RANGES}]+)?(\\s*)`, 'gu');

/** Columns of a monospaced terminal, or digit widths of a cell: CJK characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** What a character other than a wide one takes of a column's digit widths, on average. */
export const NARROW_CHAR_WIDTH = 0.85;

function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : NARROW_CHAR_WIDTH;
  return w;
}

/**
 * The lines `text` takes in a column `width` characters wide when wrapped: at each line break,
 * then greedily, a word going to the next line when it does not fit, a CJK character anywhere,
 * and a word longer than a line cut. An empty text takes no line.
 */
export function wrappedLines(text: string, width: number): number {
  if (text === '') return 0;
  // One character of the width goes to the cell's margins and border.
  const usable = Math.max(1, Math.floor(width - 1));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    // A CJK character on its own, or a run of other characters (a word) with the spaces after it.
    for (const [, token = '', space = ''] of paragraph.matchAll(TOKEN)) {
      if (token === '' && space === '') continue;
      let w = textWidth(token);
      if (used > 0 && used + w > usable) {
        lines++;
        used = 0;
      }
      while (w > usable) {
        // A word wider than a line: cut where the line ends.
        lines++;
        w -= usable;
      }
      used += w + textWidth(space);
    }
  }
  return lines;
}

/** Points per line of wrapped text, by the workbook's font, and what a taller row adds for its margins. */
export const LINE_POINTS = { cjk: 15, latin: 13.5 } as const;

/** The line height of a workbook's language: its Chinese font's lines are taller. */
export const linePointsFor = (lang: Lang): number =>
  lang === 'zh-CN' ? LINE_POINTS.cjk : LINE_POINTS.latin;
export const ROW_PADDING_POINTS = 3;

/**
 * Lines a row with a cell to fill in (an unlocked cell) takes at least: printed blank for a site
 * visit, an answer and a note are written there by hand, and one line of 10.5 pt type at the
 * fit-to-width scale is too low for a pen (docs/printing.md).
 */
export const INPUT_ROW_MIN_LINES = 2;

/** Excel's tallest row. */
export const ROW_HEIGHT_MAX_POINTS = 409;

/** The height of a row of `lines` lines; undefined (the default height) for one line or none. */
export function heightForLines(
  lines: number,
  linePoints: number = LINE_POINTS.cjk,
): number | undefined {
  return lines > 1
    ? Math.min(ROW_HEIGHT_MAX_POINTS, lines * linePoints + ROW_PADDING_POINTS)
    : undefined;
}

function cellText(c: CellSpec): string {
  if (c.formula !== undefined)
    return c.cached === null || c.cached === undefined ? '' : String(c.cached);
  return c.value === null || c.value === undefined ? '' : String(c.value);
}

/** The font size the line heights are for; a cell in a larger size (the title) takes taller lines. */
const BASE_SIZE = 10.5;

/**
 * Each row's height in points (undefined: the default height), from its cells with a wrapping
 * style, in the width of their column (of their merged columns, for a merged cell: the titles,
 * which wrap so that a long one never runs past the printed page); a row with a cell to fill in
 * is INPUT_ROW_MIN_LINES tall at least.
 */
export function rowHeights(
  sheet: Pick<SheetSpec, 'rows' | 'columns' | 'merges'>,
  styles: Record<StyleName, StyleSpec>,
  linePoints: number = LINE_POINTS.cjk,
): (number | undefined)[] {
  const heights: (number | undefined)[] = [];
  for (let r = 0; r < sheet.rows.length; r++) heights.push(rowHeight(sheet, r, styles, linePoints));
  while (heights.length && heights[heights.length - 1] === undefined) heights.pop();
  return heights;
}

/** Row `r`'s height in points as rowHeights gives it (undefined: the default height). */
export function rowHeight(
  sheet: Pick<SheetSpec, 'rows' | 'columns' | 'merges'>,
  r: number,
  styles: Record<StyleName, StyleSpec>,
  linePoints: number = LINE_POINTS.cjk,
): number | undefined {
  const mergeAt = (c: number) =>
    sheet.merges.find((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols);
  const cells = sheet.rows[r];
  let points = 0;
  let lines = 1;
  cells?.forEach((c, col) => {
    if (c?.style && !styles[c.style].locked) lines = Math.max(lines, INPUT_ROW_MIN_LINES);
    if (!c?.style || !styles[c.style].wrap) return;
    const m = mergeAt(col);
    // A merged cell's text is its first cell's; a merge over rows is left to the default.
    if (m && (m.row !== r || m.col !== col || m.rows > 1)) return;
    const width = m
      ? sheet.columns.slice(col, col + m.cols).reduce((a, x) => a + x.width, 0)
      : sheet.columns[col]?.width;
    if (width === undefined) return;
    const scale = (styles[c.style].size ?? BASE_SIZE) / BASE_SIZE;
    const n = wrappedLines(cellText(c), width / scale);
    if (scale === 1) lines = Math.max(lines, n);
    else if (n > 1) points = Math.max(points, heightForLines(n, linePoints * scale) ?? 0);
  });
  const h = heightForLines(lines, linePoints);
  return points > (h ?? 0) ? points : h;
}
