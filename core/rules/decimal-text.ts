/**
 * Numbers written as text in a definition workbook, both ways and exactly: "85%" is 0.85 and
 * 0.85 on a % indicator is written "85%", by moving the decimal point in the digits rather than
 * multiplying, so that a number written and read back is the same number, bit for bit.
 */
import { normalize } from './typed-text.ts';

/** "85%" → "0.85", "1.5" → "0.015" when `places` is -2; the digits, never a float product. */
function shiftPoint(digits: string, places: number): string {
  const negative = digits.startsWith('-');
  const s = digits.replace(/^[+-]/, '');
  const [int = '', frac = ''] = s.split('.');
  const all = int + frac;
  let point = int.length + places;
  let body = all;
  if (point <= 0) {
    body = '0'.repeat(1 - point) + body;
    point = 1;
  }
  if (point > body.length) body += '0'.repeat(point - body.length);
  const whole = body.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = body.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

/**
 * A number as a person types it: full-width digits, stray spaces, thousands separators
 * ("1,000"), a trailing % (a fraction: "85%" is 0.85), "０．８５". undefined when it is not one.
 */
export function parseDecimal(raw: string): number | undefined {
  let s = normalize(raw)
    .replace(/\s+/g, '')
    .replace(/[。．]/g, '.');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  if (percent) s = /e/i.test(s) ? String(Number(s) / 100) : shiftPoint(s, -2);
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A number as the workbook writes it; as a percentage ("85%") where asked and exact. */
export function formatDecimal(n: number, percent = false): string {
  const s = String(n);
  if (!percent || /e/i.test(s)) return s;
  return `${shiftPoint(s, 2)}%`;
}
