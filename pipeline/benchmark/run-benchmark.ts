/**
 * Peer benchmarks from the bench_* views: per peer group the distribution of totals and of each
 * first-level score, each organization's percentile rank in its group and overall. Nothing is
 * computed over fewer than k organizations; such a statistic is null and the group says
 * `suppressed`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../user-error.ts';
import { checkConsolidate, setConsolidate, type ConsolidateMethod } from './consolidate.ts';
import {
  raterAgreement,
  trends,
  type GroupTrend,
  type OrgTrend,
  type RaterAgreement,
} from './trends-and-raters.ts';

export const GROUP_COLUMNS = ['region', 'org_type', 'size'] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

/**
 * The templates with a size band, as the view bench_org_size derives it (GB/T 40143's 2.1.3,
 * registered volunteers). Any other template has no size: grouping by it would put every
 * organization into one group "size=—" and look like an answer.
 */
export const SIZED_TEMPLATES: readonly string[] = ['gbt-40143-2021'];

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

async function rows(
  con: DuckDBConnection,
  sql: string,
  params: (string | number)[] = [],
): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
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
  if (!templates.length)
    throw new UserError('The database holds no scored submission yet. Run scorebook ingest first.');
  const template = opts.template ?? (templates.length === 1 ? templates[0]! : undefined);
  if (!template)
    throw new UserError(
      `The database holds several templates (${templates.join(', ')}): choose one with --template.`,
    );
  if (!templates.includes(template))
    throw new UserError(
      `No submission for template ${template}. Templates present: ${templates.join(', ')}.`,
    );
  const periods = (
    await rows(
      con,
      'SELECT DISTINCT period FROM bench_org_period WHERE template_id = $1 ORDER BY 1',
      [template],
    )
  ).map((r) => String(r.period));
  const period = opts.period ?? periods[periods.length - 1]!;
  if (!periods.includes(period))
    throw new UserError(
      `No submission for period ${period} of ${template}. Periods present: ${periods.join(', ')}.`,
    );
  return { template, period };
}

export async function runBenchmark(
  con: DuckDBConnection,
  opts: BenchmarkOptions = {},
): Promise<BenchmarkResult> {
  const by = opts.by?.length ? opts.by : (['region', 'org_type'] as GroupColumn[]);
  for (const c of by)
    if (!GROUP_COLUMNS.includes(c))
      throw new UserError(`Cannot group by "${c}": use ${GROUP_COLUMNS.join(', ')}.`);
  const k = opts.minGroup ?? 5;
  if (!Number.isInteger(k) || k < 1)
    throw new UserError(`--min-group must be a whole number of at least 1, not ${opts.minGroup}.`);
  const consolidate = checkConsolidate(opts.consolidate);
  // The views consolidate by the connection's variable: always set, so no earlier caller's choice lingers.
  await setConsolidate(con, consolidate);
  const { template, period } = await choosePeriod(con, opts);
  if (by.includes('size') && !SIZED_TEMPLATES.includes(template)) {
    const others = GROUP_COLUMNS.filter((c) => c !== 'size');
    throw new UserError(
      `Cannot group ${template} by size: only ${SIZED_TEMPLATES.join(', ')} has a size band (registered volunteers, indicator 2.1.3). Group ${template} by ${others.join(', ')} (for example --by ${others.join(',')}).`,
    );
  }
  const cols = by.join(', ');
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(by.map((c) => r[c] ?? null));
  const stat = (expr: string) => `CASE WHEN count(*) >= ${k} THEN ${expr} END`;

  const groupRows = await rows(
    con,
    `SELECT ${cols}, count(*) AS n,
            ${stat('min(total)')} AS min, ${stat('quantile_cont(total, 0.25)')} AS q1, ${stat('quantile_cont(total, 0.5)')} AS median,
            ${stat('quantile_cont(total, 0.75)')} AS q3, ${stat('max(total)')} AS max, ${stat('avg(total)')} AS mean
     FROM bench_org_period WHERE template_id = $1 AND period = $2 GROUP BY ${cols} ORDER BY ${cols}`,
    [template, period],
  );
  const dimRows = await rows(
    con,
    `SELECT ${by.map((c) => `p.${c}`).join(', ')}, d.dimension_id, count(*) AS n,
            ${stat('quantile_cont(d.score, 0.5)')} AS median, ${stat('quantile_cont(d.score, 0.25)')} AS q1, ${stat('quantile_cont(d.score, 0.75)')} AS q3
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
    const n = Number(r.n);
    const suppressed = n < k;
    return {
      by: Object.fromEntries(by.map((c) => [c, (r[c] as string | null) ?? null])),
      n,
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

  // Percentile rank: 100 × (peers below + half of those level, self included) / n. Level means
  // equal to 1e-9, as in bench_percentiles: floating-point noise in a stored total is no rank.
  const orgRows = await rows(
    con,
    `WITH p AS (
       SELECT org_id, ${cols}, total,
              count(*) OVER (PARTITION BY ${cols}) AS n_group,
              rank() OVER (PARTITION BY ${cols} ORDER BY round(total, 9)) - 1 AS below_group,
              count(*) OVER (PARTITION BY ${cols}, round(total, 9)) AS equal_group,
              count(*) OVER () AS n_all,
              rank() OVER (ORDER BY round(total, 9)) - 1 AS below_all,
              count(*) OVER (PARTITION BY round(total, 9)) AS equal_all
       FROM bench_org_period WHERE template_id = $1 AND period = $2)
     SELECT org_id, ${cols}, total,
            CASE WHEN n_group >= ${k} THEN 100.0 * (below_group + 0.5 * equal_group) / n_group END AS percentile_in_group,
            CASE WHEN n_all >= ${k} THEN 100.0 * (below_all + 0.5 * equal_all) / n_all END AS percentile_overall
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
