/**
 * A CSV cell that a spreadsheet would run as a formula (= + - @, and the tab/CR tricks) is
 * written as text by prefixing an apostrophe, as OWASP's CSV-injection advice says.
 */
export function defuseCsvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
