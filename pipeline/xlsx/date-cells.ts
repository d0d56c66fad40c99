/**
 * Dates in a workbook's cells. A spreadsheet stores a date as a number (days since 1900, or
 * 1904) and shows it as a date through the cell's number format; a member who types 2025/1/1
 * into a number cell leaves 45658 there, in a date format. The reader tells such cells by the
 * format (styles.xml: the cell's style → its numFmtId → a built-in date format or a custom
 * code with date or time parts), so that the figure is refused as the date the member typed,
 * never taken for 45,658 volunteers.
 */
import { attributes, elements } from './scan-xml.ts';

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, and the CJK ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a custom format code shows a date or time: y m d h s outside quotes, escapes and colours. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    // Only the first section matters to a positive number.
    .split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    // [Red], [$-804] and the like; the elapsed-time [h] [mm] [ss] are times.
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/general/i.test(bare)) return false;
  return /[ymdhs]|[年月日时分秒]/i.test(bare);
}

export interface DateStyles {
  /** cellXfs indexes whose number format shows a date or time, and whether it shows a time only. */
  dates: Map<number, 'date' | 'time'>;
}

const TIME_ONLY_BUILT_IN = new Set([18, 19, 20, 21, 45, 46, 47]);

/** styles.xml → the styles that show dates. */
export function parseDateStyles(stylesXml: string): DateStyles {
  const custom = new Map<number, string>();
  for (const e of elements(stylesXml, 'numFmt')) {
    const a = attributes(e.attrs);
    if (a.numFmtId !== undefined && a.formatCode !== undefined)
      custom.set(Number(a.numFmtId), a.formatCode);
  }
  const dates = new Map<number, 'date' | 'time'>();
  const start = stylesXml.search(/<(?:\w+:)?cellXfs\b/);
  const end = stylesXml.search(/<\/(?:\w+:)?cellXfs>/);
  if (start < 0 || end < start) return { dates };
  let k = 0;
  for (const e of elements(stylesXml.slice(start, end), 'xf')) {
    const id = Number(attributes(e.attrs).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(id)) {
      const timeOnly =
        code !== undefined
          ? !/[ydm年月日]/i.test(stripTimeMinutes(code))
          : TIME_ONLY_BUILT_IN.has(id);
      dates.set(k, timeOnly ? 'time' : 'date');
    }
    k++;
  }
  return { dates };
}

/** A code without its hours-and-minutes parts (h:mm, mm:ss), so that an m left is a month. */
function stripTimeMinutes(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/h+\s*:\s*m+/gi, '')
    .replace(/m+\s*:\s*s+/gi, '')
    .replace(/[hs]+/gi, '');
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A serial date as the member typed it, in ISO form: 45658 → 2025-01-01; with a time of day,
 * 2025-01-01 08:30; a time only, 08:30. The 1900 system counts 1900-02-29, which never was.
 */
export function serialDateText(serial: number, date1904: boolean, kind: 'date' | 'time'): string {
  const whole = Math.floor(serial);
  const minutes = Math.round((serial - whole) * 24 * 60);
  const time = `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
  if (kind === 'time') return time;
  const epoch = date1904
    ? Date.UTC(1904, 0, 1)
    : whole >= 61
      ? Date.UTC(1899, 11, 30)
      : Date.UTC(1899, 11, 31);
  const d = new Date(epoch + whole * DAY);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return minutes ? `${date} ${time}` : date;
}
