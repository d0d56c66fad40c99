/** What `scorebook report` does: one organization's evaluation report, or all of them with an index and the secretariat's summary. */
import { existsSync } from 'node:fs';
import { formatIssue, type EvaluationMode, type Lang } from '../../core/index.ts';
import { checkConsolidate } from '../benchmark/consolidate.ts';
import { selectionLabel } from '../benchmark/selection-label.ts';
import { writeReports } from '../report/write-reports.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { lineWriter, printIssues, say } from './cli-print.ts';
import { startProgress } from './progress.ts';
import { requireDatabase } from './require-database.ts';

export interface ReportCliOptions {
  org?: string;
  all?: boolean;
  db?: string;
  period?: string;
  template?: string;
  profile?: string;
  by?: string;
  fallback?: string;
  includePartial?: boolean;
  mode?: EvaluationMode;
  force?: boolean;
  minGroup?: number;
  consolidate?: string;
  out: string;
  pdf?: boolean;
  roster?: string;
  workers?: number;
  lang: Lang;
}

/** Exit codes: 0 done; 1 bad input; 3 the HTML is written but the asked-for PDF could not be (no chromium). */
export async function runReportCommand(opts: ReportCliOptions): Promise<void> {
  const { lang } = opts;
  if (!opts.all === (opts.org === undefined)) throw UserError.of('reports.org-or-all');
  const db = requireDatabase(opts.db);
  if (opts.roster && !opts.all) process.stderr.write(`${say(lang, 'cli.report.roster-ignored')}\n`);
  if (opts.roster && !existsSync(opts.roster))
    throw UserError.of('cli.report.no-roster', { roster: opts.roster });
  const result = await writeReports({
    db,
    out: opts.out,
    lang,
    ...(opts.org !== undefined ? { org: opts.org } : {}),
    ...(opts.all
      ? {
          all: true,
          progress: (n: number) => startProgress(n, say(lang, 'cli.report.progress')),
        }
      : {}),
    ...(opts.template ? { template: opts.template } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.by ? { by: opts.by } : {}),
    ...(opts.fallback !== undefined ? { fallback: opts.fallback } : {}),
    ...(opts.includePartial ? { includePartial: true } : {}),
    ...(opts.mode ? { mode: opts.mode } : {}),
    ...(opts.force ? { force: true } : {}),
    ...(opts.minGroup !== undefined ? { minGroup: opts.minGroup } : {}),
    consolidate: checkConsolidate(opts.consolidate),
    ...(opts.roster && opts.all ? { roster: opts.roster } : {}),
    ...(opts.pdf ? { pdf: true } : {}),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
  });
  printIssues(result.rosterIssues, lang);
  const w = lineWriter();
  const { period, k } = result.scope;
  const template = `${result.scope.template} ${selectionLabel(result.scope.selection, lang)}`;
  const rate = result.reports.length / Math.max(result.seconds, 1e-3);
  if (result.index) {
    w(
      say(lang, 'cli.report.written-all', {
        count: result.reports.length,
        template,
        period,
        k,
        rate: rate.toFixed(0),
        out: opts.out,
      }),
    );
    w(say(lang, 'cli.report.index', { file: result.index }));
    w(say(lang, 'cli.report.summary', { file: result.summary }));
  } else {
    w(
      say(lang, 'cli.report.written-one', {
        template,
        period,
        file: result.reports[0]!.file,
        out: opts.out,
      }),
    );
  }
  if (result.pdfs.length) w(say(lang, 'cli.report.pdfs', { count: result.pdfs.length }));
  if (result.pdfSkipped) {
    process.stderr.write(`${formatIssue(result.pdfSkipped, lang)}\n`);
    throw new CliExit(3);
  }
}
