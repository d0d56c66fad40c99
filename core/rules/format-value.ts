/** Numbers as a rule's words and the reports show them. */

/** At most 12 significant digits, without float noise (0.1 + 0.2 → "0.3"). */
export function num(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/**
 * A figure as a person reads it: percentages are stored as fractions (85 % is 0.85, as an Excel
 * percentage cell holds them) and shown on 100. `digits` rounds what is shown, not what is stored.
 */
export function formatValue(value: number, unit: string | undefined, digits?: number): string {
  const shown = (x: number) =>
    num(digits === undefined ? x : Math.round(x * 10 ** digits) / 10 ** digits);
  if (unit === '%') return `${shown(value * 100)}%`;
  return unit ? `${shown(value)} ${unit}` : shown(value);
}
