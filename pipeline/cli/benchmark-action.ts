/** What `scorebook benchmark` does: peer groups, distributions and percentile ranks, as a table, CSV or JSON. */
import Papa from 'papaparse';
import {
  EVALUATION_MODE_LABELS,
  formatNumber,
  formatPoints,
  text,
  toPoints,
  type EvaluationMode,
  type Lang,
} from '../../core/index.ts';
import { benchmarkWords } from '../benchmark/benchmark-words.ts';
import { checkConsolidate } from '../benchmark/consolidate.ts';
import {
  runBenchmark,
  type BenchmarkOrganization,
  type GroupColumn,
} from '../benchmark/run-benchmark.ts';
import { isWholeTemplate } from '../benchmark/choose-selection.ts';
import { selectionName } from '../benchmark/selection-label.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { openStore } from '../store/open-store.ts';
import { templateAt } from '../templates/registry.ts';
import { fmt2, lineWriter } from './cli-print.ts';
import { requireDatabase } from './require-database.ts';

export interface BenchmarkCliOptions {
  db?: string;
  template?: string;
  profile?: string;
  period?: string;
  by?: string;
  fallback?: string;
  minGroup?: number;
  includePartial?: boolean;
  mode?: EvaluationMode;
  consolidate?: string;
  json?: boolean;
  csv?: boolean;
  lang: Lang;
}

/** `region=深圳  org_type=社会团体`, or the word for all. */
const groupText = (by: Partial<Record<GroupColumn, string | null>>, all: string) => {
  const cols = Object.keys(by) as GroupColumn[];
  return cols.length ? cols.map((c) => `${c}=${by[c] ?? '—'}`).join('  ') : all;
};

export async function runBenchmarkCommand(opts: BenchmarkCliOptions): Promise<void> {
  const db = requireDatabase(opts.db);
  const consolidate = checkConsolidate(opts.consolidate);
  const store = await openStore(db, { readOnly: true });
  let result;
  try {
    result = await runBenchmark(store.con, {
      ...(opts.template ? { template: opts.template } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.period ? { period: opts.period } : {}),
      ...(opts.by ? { by: opts.by } : {}),
      ...(opts.fallback !== undefined ? { fallback: opts.fallback } : {}),
      ...(opts.minGroup !== undefined ? { minGroup: opts.minGroup } : {}),
      includePartial: opts.includePartial ?? false,
      ...(opts.mode ? { mode: opts.mode } : {}),
      consolidate,
    });
  } finally {
    store.close();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const cols = (result.groupings[0] ?? '').split(',') as GroupColumn[];
  const t = benchmarkWords(opts.lang);
  const compared = (o: BenchmarkOrganization) =>
    !o.ranked
      ? t.notRanked(o.applicable - o.answered, o.applicable)
      : o.compared_with
        ? `${groupText(o.compared_with.by, t.all)} (n=${o.compared_with.n})`
        : t.comparedWithNobody(result.min_group);
  if (opts.csv) {
    const csv = Papa.unparse({
      fields: [
        'org_id',
        ...cols,
        'total',
        'percentile_in_group',
        'percentile_overall',
        'ranked',
        'answered',
        'applicable',
        'compared_with',
        'n_compared',
      ],
      data: result.organizations.map((o) =>
        [
          o.org_id,
          ...cols.map((c) => o.group[c] ?? ''),
          o.total,
          o.percentile_in_group ?? '',
          o.percentile_overall ?? '',
          o.ranked,
          o.answered,
          o.applicable,
          o.compared_with ? groupText(o.compared_with.by, 'all') : '',
          o.compared_with?.n ?? '',
        ].map(defuseCsvCell),
      ),
    });
    process.stdout.write(`${csv}\n`);
    return;
  }
  const w = lineWriter();
  const few = t.few(result.min_group);
  // The first-level indicators by name, in the standard's order (the template is known to this scorebook, or only ids are printed).
  const template = templateAt(result.template, result.template_version);
  const dims = template?.dimensions ?? [];
  const dimName = (id: string) => text(dims.find((d) => d.id === id)?.name, opts.lang);
  const dimOrder = (id: string) => {
    const i = dims.findIndex((d) => d.id === id);
    return i < 0 ? dims.length : i;
  };
  // A change rounds like any figure: never "+-0.00" or "-0.00" (core/format-number.ts).
  const signed = (x: number) => formatNumber(x, 2, { signed: true });
  const label = selectionName(
    {
      template_id: result.template,
      template_version: result.template_version,
      profile: result.profile,
      profile_hash: result.profile_hash,
      indicators: result.indicators,
      whole: isWholeTemplate(result.template, result.profile, result.indicators),
    },
    opts.lang,
  );
  const points = (x: number | null) => formatPoints(toPoints(x));
  const fallback = result.groupings.slice(1);
  w(
    `${label}  ${t.period} ${result.period || '—'}  ${t.by} ${cols.join(', ')}${fallback.length ? `  ${t.fallback} ${fallback.map((g) => (g === 'all' ? t.all : g)).join('; ')}` : ''}${result.include_partial ? `  ${t.partialIncluded}` : ''}${opts.mode ? `  ${EVALUATION_MODE_LABELS[opts.mode][opts.lang]}` : ''}`,
  );
  for (const g of result.groups) {
    w('');
    w(`${groupText(g.by, t.all)}  n=${g.n}`);
    if (!g.total) {
      w(`  ${few}`);
      continue;
    }
    const s = g.total;
    w(
      `  ${t.total}${t.colon}min ${fmt2(s.min)}  q1 ${fmt2(s.q1)}  median ${fmt2(s.median)}  q3 ${fmt2(s.q3)}  max ${fmt2(s.max)}  mean ${fmt2(s.mean)}`,
    );
    // A first-level indicator N/A for some organizations can have fewer than k scores in a group that has k.
    for (const d of [...g.dimensions].sort(
      (a, b) =>
        dimOrder(a.id) - dimOrder(b.id) || a.id.localeCompare(b.id, 'en', { numeric: true }),
    )) {
      const label = t.dimension(d.id, dimName(d.id));
      w(
        d.median === null
          ? `  ${label}${t.colon}${few}`
          : // First-level scores on 100, as the total (core/sheet/score-points.ts).
            `  ${label}${t.colon}median ${points(d.median)}  q1 ${points(d.q1)}  q3 ${points(d.q3)}`,
      );
    }
  }
  if (result.trends.organizations.length) {
    w('');
    w(t.changeTitle);
    for (const c of result.trends.organizations)
      w(`  ${c.org_id} ${c.from_period} → ${c.to_period}${t.colon}${signed(c.total_change)}`);
    for (const g of result.trends.groups) {
      const change =
        g.median_change === null
          ? t.groupChangeFew(result.min_group, g.n)
          : t.groupChange(signed(g.median_change), g.n);
      w(`  ${groupText(g.by, t.all)} ${g.from_period} → ${g.to_period}${t.colon}${change}`);
    }
  }
  if (result.raters.length) {
    w('');
    w(t.ratersTitle(result.consolidate));
    for (const r of result.raters) {
      const ids = r.least_agreement.map((x) => x.indicator_id);
      // Spread is max − min of the evaluators' scores (0..1), a range, not ± around a centre.
      const range = r.largest_spread === null ? '' : fmt2(r.largest_spread);
      const least =
        r.largest_spread === null
          ? t.allAgree
          : r.at_largest_spread > ids.length
            ? t.leastAgreementTied(r.at_largest_spread, range, r.largest_spread > 1 - 1e-9, ids)
            : t.leastAgreement(range, ids);
      w(
        `  ${t.raters(r.org_id, r.raters, fmt2(r.total), fmt2(r.total_range))}${t.semicolon}${least}`,
      );
    }
  }
  w('');
  w(t.orgHeader);
  const pct = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  for (const o of result.organizations)
    w(
      `${o.org_id}  ${fmt2(o.total)}  ${pct(o.percentile_in_group)}  ${pct(o.percentile_overall)}  ${compared(o)}`,
    );
}
