/**
 * The rows of a table or view that belong to one part of the database — a template, a selection
 * (template, version, profile_hash), a period — for an export of that part only: by the
 * table's own columns where it has them, else through its submission (content_hash) or its
 * organization's submissions (org_id). A rejected file whose template or period could not be
 * read may be of any part and is kept.
 */
import { quotedString } from '@duckdb/node-api';

export interface Only {
  template_id?: string;
  template_version?: string;
  profile_hash?: string;
  period?: string;
}

const KEYS = ['template_id', 'template_version', 'profile_hash', 'period'] as const;

/** The submissions of `only`, as a condition on submissions' columns. */
function submissionsWhere(only: Only): string {
  return KEYS.filter((k) => only[k] !== undefined)
    .map((k) => `${k} = ${quotedString(only[k]!)}`)
    .join(' AND ');
}

/** `table`, or a subquery of its rows of `only` (use it where `FROM table` was). */
export function onlyRows(table: string, columns: readonly string[], only: Only): string {
  const given = KEYS.filter((k) => only[k] !== undefined);
  if (!given.length) return table;
  // size_bands' template_version is the version its bands were read from, not a submission's.
  const own = given.filter(
    (k) => columns.includes(k) && !(table === 'size_bands' && k === 'template_version'),
  );
  const conditions = own.map((k) =>
    table === 'rejections'
      ? `(${k} IS NULL OR ${k} = ${quotedString(only[k]!)})`
      : `${k} = ${quotedString(only[k]!)}`,
  );
  const rest = given.filter((k) => !own.includes(k));
  if (rest.length && table !== 'rejections' && table !== 'size_bands') {
    const subs = `SELECT %s FROM submissions WHERE ${submissionsWhere(only)}`;
    if (columns.includes('content_hash'))
      conditions.push(`content_hash IN (${subs.replace('%s', 'content_hash')})`);
    else if (columns.includes('org_id'))
      conditions.push(`org_id IN (${subs.replace('%s', 'org_id')})`);
  }
  return conditions.length ? `(SELECT * FROM ${table} WHERE ${conditions.join(' AND ')})` : table;
}
