/**
 * How the commands put words on the screen: issues and the catalogue's lines (pipeline/messages/)
 * in the reader's language, and the numbers of scores. Loaded by the verbs' actions, not at start.
 */
import { formatIssue, type Issue, type Lang } from '../../core/index.ts';

export { say } from '../messages/index.ts';

export function printIssues(
  issues: readonly Issue[],
  lang: Lang,
  out: NodeJS.WritableStream = process.stderr,
): void {
  for (const i of issues) out.write(`${formatIssue(i, lang)}\n`);
}

export function round9(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e9) / 1e9;
}

export function fmt2(x: number | null): string {
  return x === null ? '—' : x.toFixed(2);
}
