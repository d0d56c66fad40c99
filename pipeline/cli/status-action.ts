/**
 * What `scorebook status --roster members.csv` does: each member's state for one comparison
 * (status-states.ts), with its contact from the roster; as a table, CSV for a mail merge, or
 * JSON. The comparison is chosen as benchmark chooses it (choose-selection.ts), except that a
 * template or profile this scorebook knows is enough even when nothing of it was accepted yet:
 * every file of it may have been rejected, and the secretariat wants to know that.
 */
import { type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { displayWidth, type Lang } from '../../core/index.ts';
import {
  fitting,
  profileMatches,
  refuseSeveral,
  selectionsHeld,
  type Selection,
  type SelectionPeriod,
} from '../benchmark/choose-selection.ts';
import { selectionName } from '../benchmark/selection-label.ts';
import { byIndicatorId } from '../benchmark/trends-and-raters.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { say } from '../messages/index.ts';
import { readRosterFile } from '../roster/read-roster.ts';
import { openStore } from '../store/open-store.ts';
import { queryRows } from '../store/query-rows.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { printIssues } from './cli-print.ts';
import { terminalText } from '../terminal/escape.ts';
import { requireDatabase } from './require-database.ts';
import {
  memberStates,
  STATES,
  type MemberStatus,
  type RejectionFacts,
  type SubmissionFacts,
} from './status-states.ts';

/** The comparison status reports on: a selection, or (nothing accepted yet) a template and period only. */
interface StatusScope {
  selection: Selection | null;
  template: string | null;
  period: string | null;
}

const key = (r: SelectionPeriod) => `${r.template_id} ${r.template_version} ${r.profile_hash}`;

async function chooseStatusScope(
  con: DuckDBConnection,
  opts: { template?: string; profile?: string; period?: string },
): Promise<StatusScope> {
  const held = await selectionsHeld(con);
  const templates = shippedTemplates();
  const { template, profile, period } = opts;
  if (
    template !== undefined &&
    !templates.has(template) &&
    !held.some((r) => r.template_id === template)
  )
    throw UserError.of('status.no-template', {
      template,
      templates: [...new Set([...templates.keys(), ...held.map((r) => r.template_id)])]
        .sort()
        .join(', '),
    });
  let rows = held.filter((r) => template === undefined || r.template_id === template);
  if (profile !== undefined) {
    const matching = rows.filter((r) => profileMatches(r, profile));
    // A profile of a known template is a fine choice before any return of it was accepted.
    const known = (t: string) => (templates.get(t)?.profiles ?? []).some((p) => p.id === profile);
    if (!matching.length && !(template !== undefined ? known(template) : false)) {
      if (template !== undefined)
        throw UserError.of('status.no-profile', {
          template,
          profile,
          profiles: (templates.get(template)?.profiles ?? []).map((p) => p.id).join(', '),
        });
      fitting(held, { profile }); // says which selections there are
    }
    rows = matching;
  }
  if (period !== undefined) {
    const before = rows;
    rows = rows.filter((r) => r.period === period);
    if (!rows.length) {
      const rejected = await queryRows(
        con,
        'SELECT count(*) AS n FROM rejections WHERE period = $1',
        [period],
      );
      if (!Number(rejected[0]?.n ?? 0))
        throw UserError.of('status.no-period', {
          period,
          periods: [...new Set(before.map((r) => r.period))].sort().join(', '),
        });
    }
  }
  if (new Set(rows.map(key)).size > 1) refuseSeveral(rows, period);
  const chosen = rows.at(-1);
  if (!chosen) return { selection: null, template: template ?? null, period: period ?? null };
  const { organizations: _o, submissions: _s, complete: _c, ...selection } = chosen;
  return { selection, template: selection.template_id, period: selection.period };
}

async function readFacts(
  con: DuckDBConnection,
  scope: StatusScope,
  lang: Lang,
): Promise<{ submissions: SubmissionFacts[]; rejections: RejectionFacts[] }> {
  const sel = scope.selection;
  const submissions = sel
    ? (
        await queryRows(
          con,
          `SELECT s.org_id, coalesce(s.complete, s.unanswered = 0) AS complete, s.unanswered,
                  coalesce(s.applicable, s.answered + s.unanswered) AS applicable,
                  coalesce(s.weights_changed, false) AS weights_changed, s.flagged,
                  coalesce(json_array_length(s.mismatches), 0) AS mismatches, s.calculated, s.file_name,
                  (SELECT list(i.indicator_id) FROM indicator_scores i WHERE i.content_hash = s.content_hash AND i.state = 'blank') AS blank
           FROM submissions s
           WHERE s.is_current AND s.template_id = $1 AND s.template_version = $2 AND s.profile_hash = $3 AND s.period = $4`,
          [sel.template_id, sel.template_version, sel.profile_hash, sel.period],
        )
      ).map((r) => ({
        org_id: String(r.org_id),
        complete: Boolean(r.complete),
        unanswered: Number(r.unanswered ?? 0),
        applicable: Number(r.applicable ?? 0),
        weights_changed: Boolean(r.weights_changed),
        flagged: Boolean(r.flagged),
        mismatches: Number(r.mismatches),
        calculated: r.calculated === null ? null : Boolean(r.calculated),
        file_name: r.file_name === null ? null : String(r.file_name),
        blank: (Array.isArray(r.blank) ? r.blank.map(String) : []).sort(byIndicatorId),
      }))
    : [];
  // Rejected files of another template or period than the comparison's are another matter;
  // one whose metadata could not be read may be anyone's, and is matched by its file name.
  const where: string[] = [];
  const params: string[] = [];
  if (scope.template !== null)
    where.push(`(template_id IS NULL OR template_id = $${params.push(scope.template)})`);
  if (scope.period !== null)
    where.push(`(period IS NULL OR period = $${params.push(scope.period)})`);
  const rejections = (
    await queryRows(
      con,
      `SELECT file, org_id, reason, message, code, params FROM rejections
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY rejected_at, file`,
      params,
    )
  ).map((r) => ({
    file: String(r.file),
    org_id: r.org_id === null ? null : String(r.org_id),
    reason: String(r.reason),
    // Said again in the reader's language from the stored code; an older database has only the message.
    words: r.code
      ? say(lang, String(r.code), JSON.parse(String(r.params ?? '{}')))
      : String(r.message),
  }));
  return { submissions, rejections };
}

export async function returnStatus(
  rosterFile: string,
  opts: { db: string; period?: string; template?: string; profile?: string; lang: Lang },
): Promise<{ rows: MemberStatus[]; skippedRows: number; scope: StatusScope }> {
  const roster = readRosterFile(rosterFile);
  printIssues(roster.errors, opts.lang);
  // An unreadable roster is no roster: an empty table would read as "nobody returned".
  if (!roster.members.length) throw UserError.of('cli.status.no-member');
  const store = await openStore(opts.db, { readOnly: true });
  try {
    const scope = await chooseStatusScope(store.con, {
      ...(opts.template !== undefined ? { template: opts.template } : {}),
      ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
      ...(opts.period !== undefined ? { period: opts.period } : {}),
    });
    const facts = await readFacts(store.con, scope, opts.lang);
    return {
      rows: memberStates(roster.members, facts.submissions, facts.rejections),
      skippedRows: new Set(roster.errors.filter((e) => e.row !== undefined).map((e) => e.row)).size,
      scope,
    };
  } finally {
    store.close();
  }
}

export interface StatusCliOptions {
  roster: string;
  db?: string;
  period?: string;
  template?: string;
  profile?: string;
  json?: boolean;
  csv?: boolean;
  lang: Lang;
}

export async function runStatus(opts: StatusCliOptions): Promise<void> {
  const db = requireDatabase(opts.db);
  const { rows, skippedRows, scope } = await returnStatus(opts.roster, {
    db,
    lang: opts.lang,
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.template ? { template: opts.template } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  printStatus(rows, scope, opts);
  // Rows skipped for a blank or repeated id: the list is incomplete, as generate --roster says by exit 3.
  if (skippedRows) throw new CliExit(3);
}

/** What the member still owes or why the state, in words (the CSV's "missing" and the table's detail). */
function detail(r: MemberStatus, lang: Lang): string {
  const sep = lang === 'zh-CN' ? '、' : ', ';
  const words = (() => {
    switch (r.state) {
      case 'partial':
        return say(lang, 'status.detail.partial', {
          unanswered: r.unanswered,
          applicable: r.applicable,
          ids: r.missing_indicators.join(sep),
        });
      case 'weights-changed':
        return say(lang, 'status.detail.weights-changed');
      case 'flagged':
        return say(lang, 'status.detail.flagged', { mismatches: r.mismatches });
      case 'rejected':
        return say(lang, 'status.detail.rejected', {
          file: r.file,
          reason: r.rejection,
          words: r.reason,
        });
      case 'missing':
        return say(lang, 'status.detail.missing');
      default:
        return '';
    }
  })();
  const note = r.calculated === false ? say(lang, 'status.detail.not-calculated') : '';
  return [words, note].filter(Boolean).join(lang === 'zh-CN' ? '；' : '; ');
}

/** The reason a tool reads in --json: for rejected and flagged returns, in the reader's language. */
function reasonOf(r: MemberStatus, lang: Lang): string | null {
  if (r.state === 'rejected') return r.reason;
  if (r.state === 'flagged')
    return say(lang, 'status.detail.flagged', { mismatches: r.mismatches });
  return null;
}

function printStatus(
  rows: MemberStatus[],
  scope: StatusScope,
  opts: { json?: boolean; csv?: boolean; lang: Lang },
): void {
  const { lang } = opts;
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        rows.map((r) => ({
          org_id: r.org_id,
          org_name: r.org_name,
          contact: r.contact,
          state: r.state,
          reason: reasonOf(r, lang),
          file: r.file,
          unanswered: r.unanswered,
          applicable: r.applicable,
          missing_indicators: r.missing_indicators,
          calculated: r.calculated,
          returned: r.returned,
          complete: r.complete,
        })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  const column = (c: string) => say(lang, 'status.column', { column: c });
  const state = (r: MemberStatus) => say(lang, 'status.state', { state: r.state });
  if (opts.csv) {
    // For a mail merge: Excel in China reads UTF-8 only with its BOM.
    const csv = Papa.unparse({
      fields: ['org_id', 'org_name', 'contact', 'state', 'missing'].map(column),
      data: rows.map((r) =>
        [r.org_id, r.org_name, r.contact ?? '', state(r), detail(r, lang)].map(defuseCsvCell),
      ),
    });
    process.stdout.write(`\uFEFF${csv}\r\n`);
    return;
  }
  const w = (s: string) => process.stdout.write(`${s}\n`);
  const sel = scope.selection;
  w(
    say(lang, 'status.scope', {
      selection: sel ? selectionName(sel, lang) : (scope.template ?? ''),
      period: scope.period,
    }),
  );
  const head = ['org_id', 'org_name', 'contact', 'state', 'detail'].map(column);
  const table = [
    head,
    ...rows.map((r) => [
      terminalText(r.org_id),
      terminalText(r.org_name),
      r.contact === null || r.contact === undefined ? '—' : terminalText(r.contact),
      state(r),
      terminalText(detail(r, lang)),
    ]),
  ];
  const widths = head.map((_, c) => Math.max(...table.map((row) => displayWidth(row[c]!))));
  for (const row of table)
    w(
      row
        .map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell)))
        .join('  ')
        .trimEnd(),
    );
  const counts = Object.fromEntries(
    STATES.map((s) => [s, rows.filter((r) => r.state === s).length]).filter(([, n]) => n),
  );
  w('');
  w(say(lang, 'status.summary', { total: rows.length, counts: JSON.stringify(counts) }));
}
