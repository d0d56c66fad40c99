/** `scorebook report`: one organization's evaluation report, or all of them with an index and the secretariat's summary. */
import type { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import type { Lang } from '../../core/index.ts';
import { checkConsolidate } from '../benchmark/consolidate.ts';
import { writeReports } from '../report/write-reports.ts';
import { DEFAULT_DB } from '../store/open-store.ts';
import { CliExit, parseLang, printIssues } from './cli-context.ts';
import { startProgress } from './progress.ts';
import { wholeNumber } from './option-values.ts';

export interface ReportCliOptions {
  org?: string;
  all?: boolean;
  db?: string;
  period?: string;
  template?: string;
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
  const zh = opts.lang === 'zh-CN';
  const say = (s: string) => process.stderr.write(`${s}\n`);
  if (!opts.all === (opts.org === undefined)) {
    say(
      zh
        ? '请用 --org 指定一个机构，或用 --all 生成全部机构的报告（二者选一）。'
        : 'Give either --org ID (one organization) or --all (every organization), not both and not neither.',
    );
    throw new CliExit(1);
  }
  const db = opts.db ?? DEFAULT_DB;
  if (!existsSync(db)) {
    say(
      zh
        ? `数据库 ${db} 不存在。请先运行 scorebook ingest。`
        : `The database ${db} does not exist. Run scorebook ingest first.`,
    );
    throw new CliExit(1);
  }
  if (opts.roster && !opts.all)
    say(
      zh
        ? '--roster 用于 --all 的秘书处汇总（回收率）；单个机构的报告不使用它。'
        : '--roster feeds the secretariat summary of --all (return rates); a single report does not use it.',
    );
  if (opts.roster && !existsSync(opts.roster)) {
    say(zh ? `名册文件 ${opts.roster} 不存在。` : `The roster ${opts.roster} does not exist.`);
    throw new CliExit(1);
  }
  const result = await writeReports({
    db,
    out: opts.out,
    lang: opts.lang,
    ...(opts.org !== undefined ? { org: opts.org } : {}),
    ...(opts.all
      ? {
          all: true,
          progress: (n: number) => startProgress(n, zh ? '生成报告' : 'Writing reports'),
        }
      : {}),
    ...(opts.template ? { template: opts.template } : {}),
    ...(opts.period ? { period: opts.period } : {}),
    ...(opts.minGroup !== undefined ? { minGroup: opts.minGroup } : {}),
    consolidate: checkConsolidate(opts.consolidate),
    ...(opts.roster && opts.all ? { roster: opts.roster } : {}),
    ...(opts.pdf ? { pdf: true } : {}),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
  });
  printIssues(result.rosterIssues, opts.lang);
  const w = (s: string) => process.stdout.write(`${s}\n`);
  const { template, period, k } = result.scope;
  const rate = result.reports.length / Math.max(result.seconds, 1e-3);
  if (result.index) {
    w(
      zh
        ? `已为 ${result.reports.length} 个机构生成报告（${template}，${period}，k = ${k}），${rate.toFixed(0)} 份/秒 → ${opts.out}`
        : `Wrote ${result.reports.length} reports (${template}, period ${period}, k = ${k}) at ${rate.toFixed(0)}/s → ${opts.out}`,
    );
    w(`${zh ? '目录' : 'Index'}: ${result.index}`);
    w(`${zh ? '秘书处汇总' : 'Secretariat summary'}: ${result.summary}`);
  } else {
    w(
      zh
        ? `报告（${template}，${period}）：${result.reports[0]!.file} → ${opts.out}`
        : `Report (${template}, period ${period}): ${result.reports[0]!.file} → ${opts.out}`,
    );
  }
  if (result.pdfs.length)
    w(zh ? `PDF:${result.pdfs.length} 个文件` : `PDF: ${result.pdfs.length} file(s)`);
  if (result.pdfSkipped) {
    say(result.pdfSkipped);
    throw new CliExit(3);
  }
}

export function registerReportCommand(
  program: Command,
  langOption: () => Option,
  consolidateOption: () => Option,
): void {
  program
    .command('report')
    .description(
      'write self-contained HTML evaluation reports (charts inline, open offline): one organization, or --all with an index and the secretariat summary',
    )
    .option('--org <id>', 'the organization to report on')
    .option('--all', 'a report for every organization, plus index.html and summary.html')
    .option('--db <file>', 'DuckDB database file', DEFAULT_DB)
    .option('--template <id>', "template (default: the only one, or the organization's)")
    .option('--period <p>', "period (default: the latest, or the organization's latest)")
    .option(
      '--min-group <k>',
      'show no statistic over fewer than k organizations',
      wholeNumber(1),
      5,
    )
    .addOption(consolidateOption())
    .requiredOption('--out <dir>', 'folder for the reports')
    .option(
      '--pdf',
      'also print each report to PDF with headless chromium (exit 3 when chromium is missing; SCOREBOOK_CHROMIUM overrides /usr/bin/chromium)',
    )
    .option('--roster <file>', 'members CSV, for the return rates in the summary of --all')
    .option(
      '--workers <n>',
      'threads drawing the pages of --all, the main one included (default: the number of cores; one for small runs)',
      wholeNumber(1),
    )
    .addOption(langOption())
    .action((o: Omit<ReportCliOptions, 'lang'> & { lang?: string }) =>
      runReportCommand({ ...o, lang: parseLang(o.lang) }),
    );
}
