/**
 * Text that groups or matches — an organization's id and name, its region and type, a period,
 * an evaluator, a roster's fields, a CSV return's keys — in one form, whoever typed it and
 * wherever: "北京" and "北京\u200B" (a zero-width space pasted from a web page), or ＡＢＣ０１ and
 * ABC01 typed on a full-width keyboard, look the same to a person and must be one key, one peer
 * group. NFKC folds compatibility forms (full-width letters and digits, the ideographic
 * space); the invisible format characters are removed: zero-width spaces and joiners, the bidi
 * marks, embeddings, overrides and isolates (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069) and
 * the BOM (U+FEFF); control characters and line breaks go as plainText says.
 */

/**
 * Text from a stranger's workbook or CSV, made safe to store and print: C0 and C1 control
 * characters are dropped (an ESC would colour, move or clear a terminal; a newline would start a
 * fake line in a report or log), line breaks and tabs become a space, and the ends are trimmed.
 */
export function plainText(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s)) return s.trim();
  // eslint-disable-next-line no-control-regex
  return s
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
}

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** `s` as a key: NFKC, invisible format characters removed, controls dropped, ends trimmed. */
export function textKey(s: string): string {
  // ASCII without controls is its own key: most ids and periods stop here.
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0020-\u007e]/.test(s)) return s.trim();
  return plainText(s.normalize('NFKC').replace(INVISIBLE, ''));
}
