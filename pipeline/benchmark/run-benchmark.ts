/**
 * Peer benchmarks from the bench_* views: per peer group the distribution of totals and of each
 * first-level score, each organization's percentile rank in its group and overall. Nothing is
 * computed over fewer than k organizations; such a statistic is null and the group says
 * `suppressed`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows as rows } from '../store/query-rows.ts';
import {
  DEFAULT_MIN_GROUP,
  distribution,
  peerCount,
  percentileRank,
  quartiles,
  shownWhen,
  suppress,
} from '../store/statistics.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { UserError } from '../user-error.ts';
import { checkConsolidate, setConsolidate, type ConsolidateMethod } from './consolidate.ts';
import { GROUP_COLUMNS, type GroupColumn } from './group-columns.ts';
import {
  raterAgreement,
  trends,
  type GroupTrend,
  type OrgTrend,
  type RaterAgreement,
} from './trends-and-raters.ts';

export { GROUP_COLUMNS, type GroupColumn } from './group-columns.ts';

export interface Distribution {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

export interface BenchmarkGroup {
  by: Partial<Record<GroupColumn, string | null>>;
  n: number;
  suppressed: boolean;
  total: Distribution | null;
  /** per first-level indicator: n organizations of the group with a score there (N/A leaves it); quartiles null when n < k */
  dimensions: {
    id: string;
    n: number;
    median: number | null;
    q1: number | null;
    q3: number | null;
  }[];
}

export interface BenchmarkResult {
  template: string;
  period: string;
  min_group: number;
  /** how several evaluators of one organization in the period were consolidated */
  consolidate: ConsolidateMethod;
  groups: BenchmarkGroup[];
  organizations: {
    org_id: string;
    group: Partial<Record<GroupColumn, string | null>>;
    total: number;
    percentile_in_group: number | null;
    percentile_overall: number | null;
  }[];
  /** Changes between consecutive periods of the template, per organization and per peer group. */
  trends: { organizations: OrgTrend[]; groups: GroupTrend[] };
  /** Organizations scored by several evaluators in this period: the consolidated total, the spread, where they disagree most. */
  raters: RaterAgreement[];
}

export interface BenchmarkOptions {
  template?: string;
  period?: string;
  by?: GroupColumn[];
  minGroup?: number;
  /** several evaluators of one organization: mean (default), median, min or max (see consolidate.ts) */
  consolidate?: ConsolidateMethod;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The template and period to benchmark: as given, or the only template and the latest period. */
export async function choosePeriod(
  con: DuckDBConnection,
  opts: BenchmarkOptions,
): Promise<{ template: string; period: string }> {
  const templates = (
    await rows(con, 'SELECT DISTINCT template_id FROM bench_org_period ORDER BY 1')
  ).map((r) => String(r.template_id));
  if (!templates.length) throw UserError.of('benchmark.empty');
  const template = opts.template ?? (templates.length === 1 ? templates[0]! : undefined);
  if (!template)
    throw UserError.of('benchmark.several-templates', { templates: templates.join(', ') });
  if (!templates.includes(template))
    throw UserError.of('benchmark.no-template', { template, templates: templates.join(', ') });
  const periods = (
    await rows(
      con,
      'SELECT DISTINCT period FROM bench_org_period WHERE template_id = $1 ORDER BY 1',
      [template],
    )
  ).map((r) => String(r.period));
  const period = opts.period ?? periods[periods.length - 1]!;
  if (!periods.includes(period))
    throw UserError.of('benchmark.no-period', { period, template, periods: periods.join(', ') });
  return { template, period };
}

export async function runBenchmark(
  con: DuckDBConnection,
  opts: BenchmarkOptions = {},
): Promise<BenchmarkResult> {
  const by = opts.by?.length ? opts.by : (['region', 'org_type'] as GroupColumn[]);
  for (const c of by)
    if (!GROUP_COLUMNS.includes(c))
      throw UserError.of('benchmark.group-column', {
        column: c,
        columns: GROUP_COLUMNS.join(', '),
      });
  const k = checkMinGroup(opts.minGroup ?? DEFAULT_MIN_GROUP);
  const consolidate = checkConsolidate(opts.consolidate);
  // The views consolidate by the connection's variable: always set, so no earlier caller's choice lingers.
  await setConsolidate(con, consolidate);
  const { template, period } = await choosePeriod(con, opts);
  if (by.includes('size')) checkSized(template);
  const cols = by.join(', ');
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(by.map((c) => r[c] ?? null));

  const groupRows = await rows(
    con,
    `SELECT ${cols}, count(*) AS n, NOT (${shownWhen('count(*)', k)}) AS suppressed,
            ${distribution('total', 'count(*)', k)}
     FROM bench_org_period WHERE template_id = $1 AND period = $2 GROUP BY ${cols} ORDER BY ${cols}`,
    [template, period],
  );
  const dimRows = await rows(
    con,
    `SELECT ${by.map((c) => `p.${c}`).join(', ')}, d.dimension_id, count(*) AS n,
            ${quartiles('d.score', 'count(*)', k)}
     FROM bench_org_period p JOIN bench_org_dimension d USING (template_id, period, org_id)
     WHERE p.template_id = $1 AND p.period = $2 GROUP BY ALL ORDER BY d.dimension_id`,
    [template, period],
  );
  const dims = new Map<string, BenchmarkGroup['dimensions']>();
  for (const r of dimRows) {
    const key = keyOf(r);
    if (!dims.has(key)) dims.set(key, []);
    dims.get(key)!.push({
      id: String(r.dimension_id),
      n: Number(r.n),
      median: num(r.median),
      q1: num(r.q1),
      q3: num(r.q3),
    });
  }
  const groups: BenchmarkGroup[] = groupRows.map((r) => {
    const suppressed = Boolean(r.suppressed);
    return {
      by: Object.fromEntries(by.map((c) => [c, (r[c] as string | null) ?? null])),
      n: Number(r.n),
      suppressed,
      total: suppressed
        ? null
        : {
            min: num(r.min)!,
            q1: num(r.q1)!,
            median: num(r.median)!,
            q3: num(r.q3)!,
            max: num(r.max)!,
            mean: num(r.mean)!,
          },
      dimensions: dims.get(keyOf(r)) ?? [],
    };
  });

  // As bench_percentiles ranks, in the groups asked for rather than region × org type.
  const orgRows = await rows(
    con,
    `WITH p AS (
       SELECT org_id, ${cols}, total,
              ${peerCount('total', by)} AS n_group, ${percentileRank('total', by)} AS rank_group,
              ${peerCount('total', [])} AS n_all, ${percentileRank('total', [])} AS rank_all
       FROM bench_org_period WHERE template_id = $1 AND period = $2)
     SELECT org_id, ${cols}, total,
            ${suppress('n_group', 'rank_group', k)} AS percentile_in_group,
            ${suppress('n_all', 'rank_all', k)} AS percentile_overall
     FROM p ORDER BY org_id`,
    [template, period],
  );
  return {
    template,
    period,
    min_group: k,
    consolidate,
    trends: await trends(con, template, by, k),
    raters: await raterAgreement(con, template, period, consolidate),
    groups,
    organizations: orgRows.map((r) => ({
      org_id: String(r.org_id),
      group: Object.fromEntries(by.map((c) => [c, (r[c] as string | null) ?? null])),
      total: Number(r.total),
      percentile_in_group: num(r.percentile_in_group),
      percentile_overall: num(r.percentile_overall),
    })),
  };
}

/** k as a command line gives it: a whole number of at least 1. */
export function checkMinGroup(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw UserError.of('benchmark.min-group', { value: k });
  return k;
}

/**
 * Only a template that defines a size (its `size`) can be grouped by it: any other would put
 * every organization into one group "size=—" and look like an answer.
 */
function checkSized(template: string): void {
  const templates = shippedTemplates();
  if (templates.get(template)?.size) return;
  const sized = [...templates.values()]
    .filter((t) => t.size)
    .map((t) => ({ id: t.id, indicator: t.size!.indicator, label: t.size!.label }));
  const others = GROUP_COLUMNS.filter((c) => c !== 'size');
  throw UserError.of('benchmark.no-size', {
    template,
    sized: JSON.stringify(sized),
    others: others.join(', '),
    example: others.join(','),
  });
}
