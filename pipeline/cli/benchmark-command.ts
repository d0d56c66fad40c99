/** `scorebook benchmark`: peer groups, distributions and percentile ranks, as a table, CSV or JSON. */
import { existsSync } from 'node:fs';
import Papa from 'papaparse';
import type { Lang } from '../../core/index.ts';
import { checkConsolidate } from '../benchmark/consolidate.ts';
import { runBenchmark, type GroupColumn } from '../benchmark/run-benchmark.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { DEFAULT_DB, openStore } from '../store/open-store.ts';
import { CliExit, fmt2 } from './cli-context.ts';

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
  const zh = opts.lang === 'zh-CN';
  const db = opts.db ?? DEFAULT_DB;
  if (!existsSync(db)) {
    process.stderr.write(zh ? `数据库 ${db} 不存在。请先运行 scorebook ingest。\n` : `The database ${db} does not exist. Run scorebook ingest first.\n`);
    throw new CliExit(1);
  }
  const consolidate = checkConsolidate(opts.consolidate);
  const by = opts.by ? (opts.by.split(',').map((s) => s.trim()).filter(Boolean) as GroupColumn[]) : undefined;
  const store = await openStore(db);
  let result;
  try {
    result = await runBenchmark(store.con, { ...(opts.template ? { template: opts.template } : {}), ...(opts.period ? { period: opts.period } : {}), ...(by ? { by } : {}), ...(opts.minGroup !== undefined ? { minGroup: opts.minGroup } : {}), consolidate });
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
      data: result.organizations.map((o) => [o.org_id, ...cols.map((c) => o.group[c] ?? ''), o.total, o.percentile_in_group ?? '', o.percentile_overall ?? ''].map(defuseCsvCell)),
    });
    process.stdout.write(`${csv}\n`);
    return;
  }
  const w = (s: string) => process.stdout.write(`${s}\n`);
  const few = zh ? `少于 ${result.min_group} 个同类机构,不显示统计` : `fewer than ${result.min_group} peers: not shown`;
  w(`${result.template}  ${zh ? '周期' : 'period'} ${result.period || '—'}  ${zh ? '分组' : 'by'} ${cols.join(', ')}`);
  for (const g of result.groups) {
    w('');
    w(`${cols.map((c) => `${c}=${g.by[c] ?? '—'}`).join('  ')}  n=${g.n}`);
    if (!g.total) {
      w(`  ${few}`);
      continue;
    }
    const t = g.total;
    w(`  ${zh ? '总分' : 'total'}: min ${fmt2(t.min)}  q1 ${fmt2(t.q1)}  median ${fmt2(t.median)}  q3 ${fmt2(t.q3)}  max ${fmt2(t.max)}  mean ${fmt2(t.mean)}`);
    for (const d of g.dimensions) w(`  ${zh ? '一级指标' : 'dimension'} ${d.id}: median ${fmt2(d.median)}  q1 ${fmt2(d.q1)}  q3 ${fmt2(d.q3)}`);
  }
  if (result.trends.organizations.length) {
    w('');
    w(zh ? '变化(相对上一周期)' : 'Change since the previous period');
    for (const t of result.trends.organizations) w(`  ${t.org_id} ${t.from_period} → ${t.to_period}: ${t.total_change >= 0 ? '+' : ''}${fmt2(t.total_change)}`);
    for (const g of result.trends.groups) w(`  ${cols.map((c) => `${c}=${g.by[c] ?? '—'}`).join('  ')} ${g.from_period} → ${g.to_period}: ${g.median_change === null ? few : `median ${g.median_change >= 0 ? '+' : ''}${fmt2(g.median_change)}`}`);
  }
  if (result.raters.length) {
    w('');
    const how = { mean: ['平均值', 'mean'], median: ['中位数', 'median'], min: ['最低分', 'lowest'], max: ['最高分', 'highest'] }[result.consolidate];
    w(zh ? `多位评价人(取${how[0]})` : `Several evaluators (${how[1]})`);
    for (const r of result.raters) w(`  ${r.org_id}: ${r.raters} ${zh ? '位评价人' : 'evaluators'}, ${zh ? '总分' : 'total'} ${fmt2(r.total)} (${zh ? '极差' : 'range'} ${fmt2(r.total_range)}); ${zh ? '分歧最大' : 'least agreement'}: ${r.least_agreement.map((x) => `${x.indicator_id} (±${fmt2(x.spread)})`).join(', ') || '—'}`);
  }
  w('');
  w(zh ? '机构  总分  组内百分位  全体百分位' : 'org  total  percentile in group  percentile overall');
  for (const o of result.organizations) w(`${o.org_id}  ${fmt2(o.total)}  ${o.percentile_in_group === null ? '—' : o.percentile_in_group.toFixed(1)}  ${o.percentile_overall === null ? '—' : o.percentile_overall.toFixed(1)}`);
}
