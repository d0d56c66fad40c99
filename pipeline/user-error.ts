/**
 * A failure the user can act on: the CLI prints it alone, without a stack trace, in the reader's
 * language. It carries issues (a code and its parameters each), said in words once, at the
 * edge, by core's catalogue (the pipeline's words join it in pipeline/messages/).
 */
import { formatIssue, issue as makeIssue, type Issue, type Lang } from '../core/index.ts';
import './messages/index.ts';

export class UserError extends Error {
  override readonly name = 'UserError';
  /** the issues to say, one line each; for a plain-text UserError (being phased out), none */
  readonly issues: readonly Issue[];

  constructor(what: Issue | readonly Issue[] | string) {
    const issues: readonly Issue[] = typeof what === 'string' ? [] : 'code' in what ? [what] : what;
    super(typeof what === 'string' ? what : issues.map((i) => formatIssue(i, 'en')).join('\n'));
    this.issues = issues;
  }

  /** A UserError for the issue `code` with these parameters, at no path. */
  static of(code: string, params?: Issue['params']): UserError {
    return new UserError(makeIssue(code, [], params));
  }

  /** What to print, in the reader's language. */
  say(lang: Lang): string {
    return this.issues.length
      ? this.issues.map((i) => formatIssue(i, lang)).join('\n')
      : this.message;
  }
}
