/** What `scorebook status --roster members.csv` does: who has returned, who has not, whose return is incomplete. */
import Papa from 'papaparse';
import { displayWidth, type Lang } from '../../core/index.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { readRosterFile } from '../roster/read-roster.ts';
import { openStore } from '../store/open-store.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { printIssues, say } from './cli-print.ts';
import { terminalText } from '../terminal/escape.ts';
import { requireDatabase } from './require-database.ts';

export interface StatusRow {
  org_id: string;
  org_name: string;
  returned: boolean;
  complete: boolean;
  unanswered: number | null;
}

export async function returnStatus(
  rosterFile: string,
  opts: { db: string; period?: string; template?: string; lang: Lang },
): Promise<{ rows: StatusRow[]; skippedRows: number }> {
  const roster = readRosterFile(rosterFile);
  printIssues(roster.errors, opts.lang);
  // An unreadable roster is no roster: an empty table would read as "nobody returned".
  if (!roster.members.length) throw UserError.of('cli.status.no-member');
  const store = await openStore(opts.db, { readOnly: true });
  try {
    const where = ['is_current'];
    const params: string[] = [];
    if (opts.period) where.push(`period = $${params.push(opts.period)}`);
    if (opts.template) where.push(`template_id = $${params.push(opts.template)}`);
    const rows = (
      await store.con.runAndReadAll(
        `SELECT org_id, sum(unanswered)::INTEGER AS unanswered FROM submissions WHERE ${where.join(' AND ')} GROUP BY org_id`,
        params,
      )
    ).getRowObjects();
    const byOrg = new Map(rows.map((r) => [String(r.org_id), Number(r.unanswered)]));
    const statusRows = roster.members.map((m) => {
      const unanswered = byOrg.get(m.org_id);
      return {
        org_id: m.org_id,
        org_name: m.org_name,
        returned: unanswered !== undefined,
        complete: unanswered === 0,
        unanswered: unanswered ?? null,
      };
    });
    return {
      rows: statusRows,
      skippedRows: new Set(roster.errors.filter((e) => e.row !== undefined).map((e) => e.row)).size,
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
  json?: boolean;
  csv?: boolean;
  lang: Lang;
}

export async function runStatus(opts: StatusCliOptions): Promise<void> {
  const db = requireDatabase(opts.db);
  const { rows, skippedRows } = await returnStatus(opts.roster, {
    db,
    lang: opts.lang,
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.template ? { template: opts.template } : {}),
  });
  printStatus(rows, opts);
  // Rows skipped for a blank or repeated id: the list is incomplete, as generate --roster says by exit 3.
  if (skippedRows) throw new CliExit(3);
}

function printStatus(rows: StatusRow[], opts: { json?: boolean; csv?: boolean; lang: Lang }): void {
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (opts.csv) {
    const csv = Papa.unparse({
      fields: ['org_id', 'org_name', 'returned', 'complete', 'unanswered'],
      data: rows.map((r) =>
        [r.org_id, r.org_name, r.returned, r.complete, r.unanswered ?? ''].map(defuseCsvCell),
      ),
    });
    process.stdout.write(`${csv}\n`);
    return;
  }
  const yes = say(opts.lang, 'cli.yes-no', { value: true });
  const no = say(opts.lang, 'cli.yes-no', { value: false });
  const head = ['org_id', 'org_name', 'returned', 'complete', 'unanswered'].map((column) =>
    say(opts.lang, 'cli.status.column', { column }),
  );
  const table = [
    head,
    ...rows.map((r) => [
      terminalText(r.org_id),
      terminalText(r.org_name),
      r.returned ? yes : no,
      r.complete ? yes : no,
      r.unanswered === null ? '—' : String(r.unanswered),
    ]),
  ];
  const widths = head.map((_, c) => Math.max(...table.map((row) => displayWidth(row[c]!))));
  for (const row of table)
    process.stdout.write(
      `${row
        .map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell)))
        .join('  ')
        .trimEnd()}\n`,
    );
  const returned = rows.filter((r) => r.returned).length;
  const complete = rows.filter((r) => r.complete).length;
  const summary = say(opts.lang, 'cli.status.summary', { returned, complete, total: rows.length });
  process.stdout.write(`\n${summary}\n`);
}
