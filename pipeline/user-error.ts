/**
 * A failure the user can act on: the CLI prints it alone, without a stack trace, in the reader's
 * language. It carries an issue (a code and its parameters), said in words once, at the edge, by
 * core's catalogue (the pipeline's words join it in pipeline/messages/).
 */
import { formatIssue, issue as makeIssue, type Issue, type Lang } from '../core/index.ts';
import './messages/index.ts';

export class UserError extends Error {
  override readonly name = 'UserError';
  /** the issue to say; for a plain-text UserError (being phased out), none */
  readonly issue: Issue | undefined;

  constructor(what: Issue | string) {
    super(typeof what === 'string' ? what : formatIssue(what, 'en'));
    this.issue = typeof what === 'string' ? undefined : what;
  }

  /** A UserError for the issue `code` with these parameters, at no path. */
  static of(code: string, params?: Issue['params']): UserError {
    return new UserError(makeIssue(code, [], params));
  }

  /** What to print, in the reader's language. */
  say(lang: Lang): string {
    return this.issue ? formatIssue(this.issue, lang) : this.message;
  }
}
