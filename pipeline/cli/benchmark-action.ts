/** What `scorebook benchmark` does: peer groups, distributions and percentile ranks, as a table, CSV or JSON. */
import Papa from 'papaparse';
import { text, type Lang } from '../../core/index.ts';
import { benchmarkWords } from '../benchmark/benchmark-words.ts';
import { checkConsolidate } from '../benchmark/consolidate.ts';
import { runBenchmark, type GroupColumn } from '../benchmark/run-benchmark.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { openStore } from '../store/open-store.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { fmt2, lineWriter } from './cli-print.ts';
import { requireDatabase } from './require-database.ts';

export interface BenchmarkCliOptions {
  db?: string;
  template?: string;
  period?: string;
  by?: string;
  minGroup?: number;
  consolidate?: string;
  json?: boolean;
  csv?: boolean;
  lang: Lang;
}

export async function runBenchmarkCommand(opts: BenchmarkCliOptions): Promise<void> {
  const db = requireDatabase(opts.db);
  const consolidate = checkConsolidate(opts.consolidate);
  const by = opts.by
    ? (opts.by
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean) as GroupColumn[])
    : undefined;
  const store = await openStore(db, { readOnly: true });
  let result;
  try {
    result = await runBenchmark(store.con, {
      ...(opts.template ? { template: opts.template } : {}),
      ...(opts.period ? { period: opts.period } : {}),
      ...(by ? { by } : {}),
      ...(opts.minGroup !== undefined ? { minGroup: opts.minGroup } : {}),
      consolidate,
    });
  } finally {
    store.close();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const cols = Object.keys(result.groups[0]?.by ?? {}) as GroupColumn[];
  if (opts.csv) {
    const csv = Papa.unparse({
      fields: ['org_id', ...cols, 'total', 'percentile_in_group', 'percentile_overall'],
      data: result.organizations.map((o) =>
        [
          o.org_id,
          ...cols.map((c) => o.group[c] ?? ''),
          o.total,
          o.percentile_in_group ?? '',
          o.percentile_overall ?? '',
        ].map(defuseCsvCell),
      ),
    });
    process.stdout.write(`${csv}\n`);
    return;
  }
  const w = lineWriter();
  const t = benchmarkWords(opts.lang);
  const few = t.few(result.min_group);
  // The first-level indicators by name, in the standard's order (the template is known to this scorebook, or only ids are printed).
  const template = shippedTemplates().get(result.template);
  const dims = template?.dimensions ?? [];
  const dimName = (id: string) => text(dims.find((d) => d.id === id)?.name, opts.lang);
  const dimOrder = (id: string) => {
    const i = dims.findIndex((d) => d.id === id);
    return i < 0 ? dims.length : i;
  };
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${fmt2(x)}`;
  w(`${result.template}  ${t.period} ${result.period || '—'}  ${t.by} ${cols.join(', ')}`);
  for (const g of result.groups) {
    w('');
    w(`${cols.map((c) => `${c}=${g.by[c] ?? '—'}`).join('  ')}  n=${g.n}`);
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
          : `  ${label}${t.colon}median ${fmt2(d.median)}  q1 ${fmt2(d.q1)}  q3 ${fmt2(d.q3)}`,
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
      w(
        `  ${cols.map((c) => `${c}=${g.by[c] ?? '—'}`).join('  ')} ${g.from_period} → ${g.to_period}${t.colon}${change}`,
      );
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
  for (const o of result.organizations)
    w(
      `${o.org_id}  ${fmt2(o.total)}  ${o.percentile_in_group === null ? '—' : o.percentile_in_group.toFixed(1)}  ${o.percentile_overall === null ? '—' : o.percentile_overall.toFixed(1)}`,
    );
}
