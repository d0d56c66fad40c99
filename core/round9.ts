/**
 * Numbers to 1e-9, as DESIGN.md compares them, and as the workbook's ROUND(…, 9) gives them: the
 * engine and the formulas round at the same places, so that floating-point noise (89.99999999999999,
 * 0.09999999999999999) lands on the value a person reads, in both.
 */
export function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
