/**
 * The system's reason for a failed read or write, as an errno code (ENOSPC …) where one can be
 * told: Node's errors carry it, DuckDB's and chromium's say it only in their message's words.
 */
const BY_WORDS: [RegExp, string][] = [
  [/no space left on device/i, 'ENOSPC'],
  [/disk quota exceeded/i, 'EDQUOT'],
  [/read-only file system/i, 'EROFS'],
  [/permission denied/i, 'EACCES'],
  [/file too large/i, 'EFBIG'],
  [/input\/output error/i, 'EIO'],
];

export function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  const text = e instanceof Error ? e.message : String(e);
  return BY_WORDS.find(([re]) => re.test(text))?.[1];
}

/** The first line of an error's message, for the rare failure no errno names. */
export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}
