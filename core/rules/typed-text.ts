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
