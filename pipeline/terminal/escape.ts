/**
 * Text from users' files on the terminal, made inert. A file name, a roster name or a message
 * quoting a file's text may hold an escape sequence (clear the screen, retitle the window, a
 * hyperlink), a carriage return that overwrites the line before, a newline that breaks a table
 * or fakes a line of output, or bidirectional controls that show text reversed. Each such
 * character is shown as its escape (`\x1b`, `\n`, `\u202e`), visible and harmless; all other
 * text, Chinese included, is left as it is.
 */
import type { Issue } from '../../core/index.ts';

// C0 controls, DEL, C1 controls, and the invisible format characters: zero-width, bidi marks,
// embeddings, overrides and isolates, the word joiner family, the BOM, line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` safe to print: every control or invisible character shown as its escape. */
export function terminalText(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escapeOne) : s;
}

/** Several lines of our own making that may quote users' text: each line made inert, the line breaks kept. */
export function terminalLines(s: string): string {
  return s.split('\n').map(terminalText).join('\n');
}

/** An issue whose file and text parameters are safe to print (formatIssue then says it as usual). */
export function terminalIssue(i: Issue): Issue {
  const out: Issue = { ...i };
  if (i.file !== undefined) out.file = terminalText(i.file);
  if (i.params) out.params = terminalParams(i.params);
  if (i.path.some((p) => typeof p === 'string'))
    out.path = i.path.map((p) => (typeof p === 'string' ? terminalText(p) : p));
  return out;
}

/** A message's parameters with their text made safe to print. */
export function terminalParams(params: NonNullable<Issue['params']>): NonNullable<Issue['params']> {
  const out: NonNullable<Issue['params']> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? terminalText(v) : v;
  return out;
}
