/**
 * How the commands put words on the screen: issues and the catalogue's lines (pipeline/messages/)
 * in the reader's language, and the numbers of scores. Loaded by the verbs' actions, not at start.
 */
import { formatIssue, formatNumber, type Issue, type Lang } from '../../core/index.ts';
import { say as catalogue } from '../messages/index.ts';
import { terminalIssue, terminalParams, terminalText } from '../terminal/escape.ts';

/** The catalogue's words for the terminal: text from users' files in the parameters is made inert. */
export function say(lang: Lang, code: string, params?: Issue['params']): string {
  return catalogue(lang, code, params && terminalParams(params));
}

/**
 * A writer of whole lines to the terminal: each line is made inert (pipeline/terminal/escape.ts),
 * so an organization's name, a region or a file name cannot move the cursor or break the table.
 */
export function lineWriter(out: NodeJS.WritableStream = process.stdout): (line: string) => void {
  return (line) => out.write(`${terminalText(line)}\n`);
}

/** Problems of one kind shown before the rest are counted: 200,000 rows with one id make a few lines. */
export const SHOWN_PER_CODE = 10;

/** One line per issue, its file and quoted text made inert, at most SHOWN_PER_CODE of each code. */
export function printIssues(
  issues: readonly Issue[],
  lang: Lang,
  out: NodeJS.WritableStream = process.stderr,
): void {
  out.write(issueLines(issues, lang).join(''));
}

export function issueLines(issues: readonly Issue[], lang: Lang): string[] {
  const seen = new Map<string, number>();
  const lines: string[] = [];
  for (const i of issues) {
    const k = (seen.get(i.code) ?? 0) + 1;
    seen.set(i.code, k);
    if (k <= SHOWN_PER_CODE) lines.push(`${formatIssue(terminalIssue(i), lang)}\n`);
  }
  for (const [code, k] of seen)
    if (k > SHOWN_PER_CODE)
      lines.push(`${say(lang, 'cli.more-issues', { count: k - SHOWN_PER_CODE, code })}\n`);
  return lines;
}

export function round9(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e9) / 1e9;
}

/** Two decimals, "—" for none, never "-0.00" (core/format-number.ts). */
export function fmt2(x: number | null): string {
  return formatNumber(x, 2);
}
