/**
 * A cell of a definition sheet as a person meant it: text trimmed (its full-width punctuation
 * kept: it is the standard's), codes and numbers folded (full-width digits, stray spaces, "１．２",
 * a number typed as text, 85% for 0.85), yes/no in either language. Each reader says undefined
 * for an empty cell and `bad` for one it cannot read, so the caller can name the cell.
 */
import { parseDecimal } from '../rules/decimal-text.ts';
import { normalize } from '../rules/typed-text.ts';
import type { PlainCell } from './definition-book.ts';

export const BAD = Symbol('unreadable');
export type Read<T> = T | undefined | typeof BAD;

/** Nothing, or only spaces (as a guard: a cell that is not empty holds a value). */
export function isEmpty(v: PlainCell | undefined): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Trimmed, line breaks as \n; a number or a yes/no as it would be shown. */
export function readText(v: PlainCell | undefined): string | undefined {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).replace(/\r\n?/g, '\n').trim();
}

/**
 * A code (an indicator id, a version, a profile id): folded to ASCII, spaces dropped, a Chinese
 * full stop or 、 read as the dot. A number cell (Excel turns "2" or "1.2" typed into a cell
 * formatted General into one) as its digits.
 */
export function readCode(v: PlainCell | undefined): Read<string> {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'boolean') return BAD;
  if (typeof v === 'number') return String(v);
  return normalize(v)
    .replace(/\s+/g, '')
    .replace(/[。．、]/g, '.');
}

export function readNumberCell(v: PlainCell | undefined): Read<number> {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : BAD;
  if (typeof v === 'boolean') return BAD;
  return parseDecimal(v) ?? BAD;
}

const YES = new Set(['是', 'yes', 'y', 'true', '1', '√', '✓', '✔', '选', '选入', 'x']);
const NO = new Set(['否', 'no', 'n', 'false', '0', '×', '✗', '-', '不选']);

export function readYesNo(v: PlainCell | undefined): Read<boolean> {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : BAD;
  const s = normalize(v).toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return BAD;
}

export const YES_NO = { 'zh-CN': ['是', '否'], en: ['yes', 'no'] } as const;

/** The value of the item a cell names, among items given by value and labels, compared folded. */
export function readChoice(
  v: PlainCell | undefined,
  choices: readonly { value: string; label: { 'zh-CN': string; en: string } }[],
): Read<string> {
  if (isEmpty(v)) return undefined;
  const s = normalize(String(v)).toLowerCase();
  const found = choices.find((c) =>
    [c.value, c.label['zh-CN'], c.label.en].some((x) => normalize(x).toLowerCase() === s),
  );
  return found ? found.value : BAD;
}

/** "1 未开展" … "4 完善" → the names, when every line is numbered 1, 2, 3 … in order. */
export function dropNumbering(lines: string[]): string[] {
  const re = /^(\d+)\s*[.、．:：)）\s]\s*(.+)$/;
  const numbered = lines.map((l) => re.exec(normalize(l)));
  if (lines.length > 1 && numbered.every((m, i) => m && Number(m[1]) === i + 1))
    return lines.map((l) => l.replace(/^\s*[0-9０-９]+\s*[.、．:：)）\s]\s*/, ''));
  return lines;
}
