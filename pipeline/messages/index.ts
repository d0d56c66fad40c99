/**
 * The pipeline's words, joined to core's message catalogue: one file per part (its errors and
 * summary lines, zh-CN and en), each registering its entries when loaded. Importing this module
 * is enough to say any pipeline issue.
 */
import { issue, type Issue } from '../../core/issues.ts';
import { message } from '../../core/messages.ts';
import type { Lang } from '../../core/text.ts';
import './store-messages.ts';
import './records-messages.ts';
import './benchmark-messages.ts';
import './cli-messages.ts';
import './score-messages.ts';
import './generate-messages.ts';
import './ingest-messages.ts';
import './reports-messages.ts';
import './fill-messages.ts';
import './refusal-messages.ts';
import './definition-messages.ts';
import './selection-messages.ts';
import './status-messages.ts';
import './identity-messages.ts';

/** The catalogue's words for `code` with these parameters: a summary line, a note, a label. */
export function say(lang: Lang, code: string, params?: Issue['params']): string {
  return message(issue(code, [], params), lang);
}
