/**
 * The report run: choose the selection and period, claim the folder (report-manifest.ts), load
 * everything once, then for each organization build its model, draw its charts, write its page;
 * with `all`, the index and the secretariat's summary too; with `pdf`, print them through
 * chromium at the end; then the manifest.
 */
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  issue,
  type EvaluationMode,
  type Issue,
  type Lang,
  type Template,
} from '../../core/index.ts';
import type { Progress } from '../cli/progress.ts';
import {
  checkConsolidate,
  DEFAULT_CONSOLIDATE,
  type ConsolidateMethod,
} from '../benchmark/consolidate.ts';
import { DEFAULT_MIN_GROUP } from '../store/statistics.ts';
import { peerGroupings } from '../benchmark/peer-groupings.ts';
import { checkSized } from '../benchmark/run-benchmark.ts';
import { selectionLabel } from '../benchmark/selection-label.ts';
import { claimFolder, comparisonFlags, MANIFEST_FILE, writeManifest } from './report-manifest.ts';
import { readRosterFile } from '../roster/read-roster.ts';
import { safeFileName, uniqueFileName } from '../roster/safe-file-name.ts';
import { openStore } from '../store/open-store.ts';
import { templateAt } from '../templates/registry.ts';
import { UserError } from '../user-error.ts';
import { ensureFolder, partialRun, writeWholeSync } from '../files/write-whole.ts';
import { gradesOption, heatmapOption, histogramOption } from './chart-options.ts';
import {
  chooseScope,
  countOrgs,
  loadOrgDetails,
  loadScopeData,
  loadSecretariatData,
  loadStarDistribution,
  type OrgRow,
  type ReportScope,
  type ScopeData,
} from './load-report-data.ts';
import { findChromium, printPdfs, type PdfJob } from './print-pdf.ts';
import { buildReportModel, indexPeers } from './report-model.ts';
import { reportWords } from './report-words.ts';
import { createPageWriter, workersFor, type PageWriter } from './render-pool.ts';
import { renderChartSvg } from './render-chart.ts';
import { renderIndexHtml, renderSummaryHtml } from './render-summary-html.ts';
import { buildSummaryModel } from './summary-model.ts';

export const INDEX_FILE = 'index.html';
export const SUMMARY_FILE = 'summary.html';
/** Organizations whose details are read from DuckDB at a time. */
const BATCH = 500;

export interface WriteReportsOptions {
  db: string;
  out: string;
  lang: Lang;
  /** one organization … */
  org?: string;
  /** … or all of them, with the index and the summary */
  all?: boolean;
  template?: string;
  /** a profile id, or the first digits of a selection's hash */
  profile?: string;
  period?: string;
  /** the finest peer groups (default region,org_type) and the coarser ones to fall back to (peer-groupings.ts) */
  by?: string;
  fallback?: string;
  /** rank partial returns too */
  includePartial?: boolean;
  /** only returns of this evaluation mode */
  mode?: EvaluationMode;
  /** replace the reports of another comparison in `out` */
  force?: boolean;
  /** k: no statistic over fewer than k organizations (default 5) */
  minGroup?: number;
  /** several evaluators of one organization: mean (default), median, min or max */
  consolidate?: ConsolidateMethod;
  /** members CSV, for the summary's return rates */
  roster?: string;
  pdf?: boolean;
  /** threads drawing the pages, the main thread included (default: the number of cores; the main thread alone for small runs) */
  workers?: number;
  /** made once the number of reports is known */
  progress?: (total: number) => Progress;
  /** the time printed on every page (default: now) */
  generatedAt?: string;
}

export interface WriteReportsResult {
  scope: ReportScope;
  reports: { org_id: string; file: string }[];
  index: string | null;
  summary: string | null;
  pdfs: string[];
  /** why no PDF was printed although asked for */
  pdfSkipped: Issue | null;
  rosterIssues: Issue[];
  seconds: number;
}

function now(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export async function writeReports(opts: WriteReportsOptions): Promise<WriteReportsResult> {
  const started = performance.now();
  if (!opts.all && opts.org === undefined) throw UserError.of('reports.org-or-all');
  const k = opts.minGroup ?? DEFAULT_MIN_GROUP;
  const peers = peerGroupings(opts.by, opts.fallback);
  const comparison = comparisonFlags({
    peers,
    includePartial: opts.includePartial ?? false,
    k,
    consolidate: opts.consolidate ?? DEFAULT_CONSOLIDATE,
  });
  const out = resolve(opts.out);
  const w = reportWords(opts.lang);
  const generatedAt = opts.generatedAt ?? now();
  const store = await openStore(opts.db, { readOnly: true });
  const written: { org_id: string; file: string }[] = [];
  const grades = new Map<string, string | null>();
  let data: ScopeData;
  let template: Template;
  let index: string | null = null;
  let summary: string | null = null;
  const rosterIssues: Issue[] = [];
  let writer: PageWriter | undefined;
  let progress: Progress | undefined;
  // Pages on disk (each whole): what a run stopped by a full disk says it completed.
  let pagesDone = 0;
  let pagesDue = 0;
  let selection = '';
  let earlier: string[] = [];
  try {
    const scope = await chooseScope(store.con, {
      k,
      consolidate: checkConsolidate(opts.consolidate),
      includePartial: opts.includePartial ?? false,
      peers,
      ...(opts.mode ? { mode: opts.mode } : {}),
      ...(opts.template ? { template: opts.template } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.period ? { period: opts.period } : {}),
      ...(opts.all ? {} : { org: opts.org! }),
    });
    const t = templateAt(scope.template, scope.selection.template_version);
    if (!t) throw UserError.of('reports.template-not-shipped', { template: scope.template });
    template = t;
    if (scope.peers.by.includes('size')) checkSized(scope.template);
    selection = selectionLabel(scope.selection, opts.lang);
    // Nothing is written into a folder of another comparison (unless forced).
    ensureFolder(out);
    earlier = claimFolder(
      out,
      {
        template: scope.template,
        template_version: scope.selection.template_version,
        profile_hash: scope.selection.profile_hash,
        period: scope.period,
        selection: selectionLabel(scope.selection, 'en'),
        ...(scope.mode ? { evaluation_mode: scope.mode } : {}),
        ...(comparison ? { comparison } : {}),
      },
      opts.force ?? false,
    );
    // Workers start loading while DuckDB computes the peer statistics.
    const count = opts.all ? await countOrgs(store.con, scope) : 1;
    writer = createPageWriter(
      workersFor(count, {
        cores: availableParallelism(),
        ...(opts.workers !== undefined ? { asked: opts.workers } : {}),
      }),
      () => {
        pagesDone++;
        progress?.tick();
      },
    );
    data = await loadScopeData(store.con, scope);
    const targets: OrgRow[] = opts.all ? data.orgs : data.orgs.filter((o) => o.org_id === opts.org);
    if (!targets.length)
      throw UserError.of('reports.org-not-scored', {
        org: opts.org,
        template: scope.template,
        period: scope.period,
      });
    pagesDue = targets.length;
    const peerIndex = indexPeers(data);
    const taken = new Set<string>([INDEX_FILE, SUMMARY_FILE, MANIFEST_FILE]);
    progress = opts.progress?.(targets.length);
    try {
      for (let i = 0; i < targets.length; i += BATCH) {
        const batch = targets.slice(i, i + BATCH);
        const details = await loadOrgDetails(
          store.con,
          scope,
          batch[0]!.org_id,
          batch[batch.length - 1]!.org_id,
        );
        for (const org of batch) {
          const detail = details.get(org.org_id) ?? {
            dimensions: [],
            groups: [],
            indicators: [],
            trend: [],
            raterSpread: [],
          };
          const model = buildReportModel(template, scope, org, detail, peerIndex, {
            lang: opts.lang,
            k,
            generatedAt,
            selection,
          });
          const file = uniqueFileName(safeFileName([org.org_id, scope.period], '.html'), taken);
          await writer.write({ model, file: join(out, file) });
          written.push({ org_id: org.org_id, file });
          grades.set(org.org_id, model.grade);
        }
      }
      await writer.written();
    } finally {
      progress?.stop();
    }

    if (opts.all) {
      let roster:
        | {
            members: { org_id: string; org_name: string; region: string }[];
            returnedOrgIds: Set<string>;
          }
        | undefined;
      const sec = await loadSecretariatData(store.con, scope);
      const stars = await loadStarDistribution(store.con, scope);
      if (opts.roster) {
        const r = readRosterFile(opts.roster);
        rosterIssues.push(...r.errors);
        roster = { members: r.members, returnedOrgIds: sec.returnedOrgIds };
      }
      const model = buildSummaryModel({
        data,
        template,
        lang: opts.lang,
        selection,
        generatedAt,
        files: new Map(written.map((r) => [r.org_id, r.file])),
        grades,
        flagged: sec.flagged,
        rejected: sec.rejected,
        stars,
        ...(scope.mode ? { mode: scope.mode } : {}),
        ...(roster ? { roster } : {}),
      });
      const charts = {
        histogram: model.histogram.length
          ? renderChartSvg(histogramOption(model, w), 640, 280)
          : null,
        grades: model.grades.length ? renderChartSvg(gradesOption(model, w), 480, 240) : null,
        heatmap:
          model.heatmap.rows.length && model.heatmap.dimensions.length
            ? renderChartSvg(
                heatmapOption(model, w),
                900,
                Math.max(240, 150 + 28 * model.heatmap.rows.length),
              )
            : null,
      };
      writeWholeSync(join(out, SUMMARY_FILE), renderSummaryHtml(model, w, charts, INDEX_FILE));
      writeWholeSync(join(out, INDEX_FILE), renderIndexHtml(model, w, SUMMARY_FILE));
      summary = join(out, SUMMARY_FILE);
      index = join(out, INDEX_FILE);
    }
  } catch (e) {
    throw partialRun(e, out, () =>
      issue('write.reports-partial', [], { done: pagesDone, total: pagesDue, out, index: false }),
    );
  } finally {
    store.close();
    await writer?.close();
  }

  const pdfs: string[] = [];
  let pdfSkipped: Issue | null = null;
  if (opts.pdf) {
    const chromium = findChromium();
    if (!chromium.found) {
      pdfSkipped = issue('reports.no-chromium', [], { path: chromium.path });
    } else {
      const jobs: PdfJob[] = written.map((r) => ({
        html: join(out, r.file),
        pdf: join(out, r.file.replace(/\.html$/, '.pdf')),
      }));
      if (summary) jobs.push({ html: summary, pdf: summary.replace(/\.html$/, '.pdf') });
      const progress = opts.progress?.(jobs.length);
      try {
        await printPdfs(chromium.path, jobs, {
          onDone: (j) => {
            pdfs.push(j.pdf);
            progress?.tick();
          },
        });
      } catch (e) {
        throw partialRun(e, out, () =>
          issue('write.pdfs-partial', [], { done: pdfs.length, total: jobs.length }),
        );
      } finally {
        progress?.stop();
      }
    }
  }
  const { selection: sel } = data.scope;
  writeManifest(
    out,
    {
      template: sel.template_id,
      template_version: sel.template_version,
      profile: sel.profile,
      profile_hash: sel.profile_hash,
      selection: selectionLabel(sel, 'en'),
      period: sel.period,
      ...(data.scope.mode ? { evaluation_mode: data.scope.mode } : {}),
      ...(comparison ? { comparison } : {}),
      generated_at: generatedAt,
      files: [
        ...written.map((r) => r.file),
        ...[index, summary, ...pdfs].filter((f) => f !== null).map((f) => basename(f)),
      ],
    },
    earlier,
    opts.all ?? false,
  );
  return {
    scope: data.scope,
    reports: written,
    index,
    summary,
    pdfs,
    pdfSkipped,
    rosterIssues,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Every organization's report, the index and the summary (what `npm run demo` calls). */
export async function writeAllReports(o: {
  db: string;
  out: string;
  lang: Lang;
  roster?: string;
  template?: string;
  profile?: string;
  period?: string;
  force?: boolean;
  consolidate?: ConsolidateMethod;
  workers?: number;
  progress?: (total: number) => Progress;
}): Promise<{ index: string; count: number }> {
  const r = await writeReports({ ...o, all: true });
  return { index: r.index!, count: r.reports.length };
}
