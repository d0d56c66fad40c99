/**
 * Figures as a person reads them, rounded to a fixed number of decimals. A value just below
 * zero (a change of −0.04, a float's −1e-13) rounds to zero, and zero has no sign: JavaScript's
 * own `toFixed` writes "-0.0" for it, and a reader takes that for a loss.
 */

/** The minus sign as typeset (U+2212); ASCII '-' where a program may read the text back. */
export const MINUS = '\u2212';

export interface NumberStyle {
  /** a change: '+' before a figure that rounds above zero (zero stays bare, never "+0.0" or "−0.0") */
  signed?: boolean;
  /** the sign of a negative figure: '-' (default) or MINUS */
  minus?: string;
  /** what a missing or non-finite value reads (default '—') */
  missing?: string;
}

/**
 * `x` rounded to `digits` decimals, halves away from zero (−0.05 and 0.05 round alike, to
 * −0.1 and 0.1), and never −0: what `formatNumber` prints, as a number (for a chart's data).
 */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
  // -0 === 0: both zeros become +0.
  return r === 0 ? 0 : r;
}

/** `x` with exactly `digits` decimals: "80.0", "−3.5", "+1.2" (signed), "0.0" for anything that rounds to zero. */
export function formatNumber(
  x: number | null | undefined,
  digits: number,
  style: NumberStyle = {},
): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return style.missing ?? '—';
  const r = roundTo(x, digits);
  const body = Math.abs(r).toFixed(digits);
  if (r < 0) return `${style.minus ?? '-'}${body}`;
  return style.signed && r > 0 ? `+${body}` : body;
}
