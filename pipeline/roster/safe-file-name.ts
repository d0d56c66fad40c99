/**
 * Member names → file names a secretariat can read and every OS accepts:
 * ["M0001", "阳光志愿者协会"] → "M0001-阳光志愿者协会.xlsx".
 *
 * Letters and digits of any script stay; path separators, `..`, control and bidi characters
 * and what Windows forbids become `_`, so `path.basename(name) === name` always holds and
 * nothing can point outside the output folder.
 */

/** File names are capped at this many UTF-8 bytes (ext4 allows 255; archives and sync tools less). */
export const MAX_FILE_NAME_BYTES = 120;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;

function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cs}]/gu, '_')
    .replace(BIDI, '_')
    .replace(/[<>:"/\\|?*]/g, '_');
}

const trimEnds = (s: string) => s.replace(/^[.\s]+|[.\s]+$/gu, '');

/** Cut whole characters (grapheme clusters: no half emoji, no orphan accent) to fit `max` bytes. */
function truncateBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) {
    const n = bytes(segment);
    if (used + n > max) break;
    out += segment;
    used += n;
  }
  return out;
}

/** "xlsx" or ".xlsx" → ".xlsx"; only letters and digits survive. */
function cleanExt(ext: string): string {
  const body = ext
    .replace(/^\.+/, '')
    .replace(/[^\p{L}\p{N}.]/gu, '')
    .replace(/\.{2,}/g, '.')
    .replace(/\.+$/, '');
  return body ? `.${truncateBytes(body, 16)}` : '';
}

/** Windows treats `CON`, `con.txt` and `CON .foo` all as the console: suffix the first segment. */
function avoidReserved(base: string): string {
  const dot = base.indexOf('.');
  const head = dot < 0 ? base : base.slice(0, dot);
  return RESERVED.test(head.trimEnd())
    ? `${head.trimEnd()}_${dot < 0 ? '' : base.slice(dot)}`
    : base;
}

/** Parts (e.g. [org_id, org_name]) joined by "-", made safe, plus `ext` (".xlsx" or "xlsx"). */
export function safeFileName(parts: string[], ext: string): string {
  const extension = cleanExt(ext);
  const joined = parts
    .map((p) => trimEnds(clean(p ?? '')))
    .filter((p) => p !== '')
    .join('-');
  let base = trimEnds(joined)
    .replace(/\.{2,}/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/ {2,}/g, ' ');
  base = avoidReserved(base);
  base = trimEnds(truncateBytes(base, MAX_FILE_NAME_BYTES - bytes(extension)));
  return `${base || '_'}${extension}`;
}

const key = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * `name` if no name in `taken` equals it case-insensitively, else "name (2).ext", "name (3).ext" …
 * (still within MAX_FILE_NAME_BYTES). The returned name is added to `taken`.
 */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(key(t));
  let result = name;
  if (used.has(key(name))) {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      result = `${trimEnds(truncateBytes(stem, MAX_FILE_NAME_BYTES - bytes(suffix) - bytes(ext)))}${suffix}${ext}`;
      if (!used.has(key(result))) break;
    }
  }
  taken.add(result);
  return result;
}
