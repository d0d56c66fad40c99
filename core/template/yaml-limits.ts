/**
 * What a template's YAML may be before it is parsed: a template is some 40 KB and ten levels
 * deep. A file thousands of levels deep makes the YAML parser recurse until the stack (or, for
 * deep flow collections, the memory of its regular expressions) runs out, so the nesting is
 * measured first, on the text, by a scan that itself never recurses; a huge file is refused by
 * its size. Aliases are limited when the document is turned into data (parse-template.ts).
 */

/** Characters a template may have: a hundred times the largest shipped one. */
export const MAX_TEMPLATE_CHARS = 4 * 1024 * 1024;
/** Levels of nesting a template may have (the shipped ones have about ten). */
export const MAX_TEMPLATE_DEPTH = 64;
/** Aliases a document may expand: enough for any template, far too few for an alias bomb. */
export const MAX_TEMPLATE_ALIASES = 10_000;

/**
 * The first line (1-based) where the nesting passes `max` levels, counting indentation levels,
 * the `- ` of sequences written on one line, and open flow brackets ([ {); undefined if none.
 * Quoted text and comments are skipped; it is a bound, not a parse, and errs on no template.
 */
export function firstTooDeepLine(source: string, max = MAX_TEMPLATE_DEPTH): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let i = 0;
  const n = source.length;
  while (i < n) {
    // Start of a line: its indentation, outside flow collections, sets the block level.
    let indent = 0;
    while (i < n && source[i] === ' ') {
      indent++;
      i++;
    }
    let dashes = 0;
    while (source[i] === '-' && (source[i + 1] === ' ' || source[i + 1] === '\n')) {
      dashes++;
      i += 2;
      while (source[i] === ' ') i++;
    }
    const blank = i >= n || source[i] === '\n' || source[i] === '\r' || source[i] === '#';
    if (!blank && flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    if (indents.length + dashes + flow > max) return line;
    // The rest of the line: flow brackets outside quotes and comments.
    let quote = '';
    for (; i < n && source[i] !== '\n'; i++) {
      const c = source[i]!;
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === 0 || source[i - 1] === ' ' || source[i - 1] === '\t')) {
        while (i < n && source[i] !== '\n') i++;
        break;
      }
      if (c === '"' || (c === "'" && /[\s[{,:]/.test(source[i - 1] ?? ' '))) quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + dashes + flow > max) return line;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    i++;
    line++;
  }
  return undefined;
}
