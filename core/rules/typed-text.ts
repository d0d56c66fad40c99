/** What a person typed, folded the same way wherever it is read. */

export function normalize(raw: string): string {
  // NFKC folds full-width digits, ％ and letters typed with a Chinese IME into ASCII.
  return raw.normalize('NFKC').trim();
}

/** "1,234.5" → 1234.5; "85%" → { value: 0.85, percent: true }; anything else → undefined. */
export function parseNumber(raw: string): { value: number; percent: boolean } | undefined {
  let s = normalize(raw).replace(/\s+/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  return { value: percent ? n / 100 : n, percent };
}

/**
 * Whether what was typed is a date or a time of day (2025-01-01, 2025/1/1, 2025年1月1日,
 * 2025-01-01 08:30, 08:30), as a spreadsheet shows a date typed into a number cell: a figure
 * is due there, and a date is refused as one, not read as the day count behind it.
 */
export function looksLikeDate(raw: string): boolean {
  const s = normalize(raw);
  return (
    /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.test(
      s,
    ) ||
    /^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}$/.test(s) ||
    /^\d{4}\s*年\s*\d{1,2}\s*月$/.test(s) ||
    /^\d{1,2}:\d{2}(?::\d{2})?$/.test(s)
  );
}
