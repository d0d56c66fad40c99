/**
 * Change over periods (per organization and per peer group) and agreement between evaluators
 * (the consolidated score, by the method asked for; the spread per indicator; the indicators of
 * least agreement).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { consolidateSql, type ConsolidateMethod } from './consolidate.ts';
import type { GroupColumn } from './run-benchmark.ts';

export interface OrgTrend {
  org_id: string;
  from_period: string;
  to_period: string;
  total_change: number;
  dimensions: { id: string; change: number | null }[];
}

export interface GroupTrend {
  by: Partial<Record<GroupColumn, string | null>>;
  from_period: string;
  to_period: string;
  /** change of the group's median total; null where either period has fewer than k organizations */
  median_change: number | null;
}

export interface RaterAgreement {
  org_id: string;
  raters: number;
  /** consolidated by the method asked for (mean by default) */
  total: number;
  total_range: number;
  /** spread = max − min of the evaluators' scores (0..1); mean_score their mean; score consolidated by the method */
  least_agreement: { indicator_id: string; spread: number; mean_score: number; score: number }[];
}

async function rows(con: DuckDBConnection, sql: string, params: (string | number)[]): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
}

export async function trends(con: DuckDBConnection, template: string, by: GroupColumn[], k: number): Promise<{ organizations: OrgTrend[]; groups: GroupTrend[] }> {
  // One row per organization and period, its dimension changes gathered in SQL: building them in
  // JavaScript from one row per dimension took seconds at 100,000 submissions.
  const orgRows = await rows(
    con,
    `WITH d AS (
       SELECT org_id, period, dimension_id, score - lag(score) OVER (PARTITION BY org_id, dimension_id ORDER BY period) AS change
       FROM bench_org_dimension WHERE template_id = $1),
     dl AS (
       SELECT org_id, period, string_agg(dimension_id || '=' || change, ';' ORDER BY dimension_id) AS dims
       FROM d WHERE change IS NOT NULL GROUP BY org_id, period)
     SELECT t.org_id, t.previous_period, t.period, t.change, dl.dims
     FROM bench_trends t LEFT JOIN dl USING (org_id, period)
     WHERE t.template_id = $1 AND t.previous_period IS NOT NULL ORDER BY t.org_id, t.period`,
    [template],
  );
  const organizations = orgRows.map((r) => ({
    org_id: String(r.org_id),
    from_period: String(r.previous_period),
    to_period: String(r.period),
    total_change: Number(r.change),
    dimensions: r.dims ? String(r.dims).split(';').map((x) => {
      const [id, change] = x.split('=');
      return { id: id!, change: Number(change) };
    }) : [],
  }));
  const cols = by.join(', ');
  const groupRows = await rows(
    con,
    `WITH g AS (
       SELECT ${cols}, period, count(*) AS n, quantile_cont(total, 0.5) AS median
       FROM bench_org_period WHERE template_id = $1 GROUP BY ALL)
     SELECT ${cols}, lag(period) OVER w AS from_period, period AS to_period,
            CASE WHEN n >= ${k} AND lag(n) OVER w >= ${k} THEN median - lag(median) OVER w END AS median_change
     FROM g WINDOW w AS (PARTITION BY ${cols} ORDER BY period)
     QUALIFY lag(period) OVER w IS NOT NULL ORDER BY ${cols}, to_period`,
    [template],
  );
  const groups = groupRows.map((r) => ({
    by: Object.fromEntries(by.map((c) => [c, (r[c] as string | null) ?? null])),
    from_period: String(r.from_period),
    to_period: String(r.to_period),
    median_change: r.median_change === null ? null : Number(r.median_change),
  }));
  return { organizations, groups };
}

/** `total` comes from bench_org_period, consolidated by the connection's variable; pass the same method for the indicators. */
export async function raterAgreement(con: DuckDBConnection, template: string, period: string, method: ConsolidateMethod = 'mean', top = 3): Promise<RaterAgreement[]> {
  const orgs = await rows(
    con,
    `SELECT org_id, raters, total, total_range FROM bench_org_period WHERE template_id = $1 AND period = $2 AND raters > 1 ORDER BY org_id`,
    [template, period],
  );
  if (!orgs.length) return [];
  // Only the organizations with several raters: aggregating every indicator row first took seconds on 10 M rows.
  const spread = await rows(
    con,
    `WITH multi AS (SELECT org_id FROM bench_org_period WHERE template_id = $1 AND period = $2 AND raters > 1)
     SELECT s.org_id, i.indicator_id, max(i.score) - min(i.score) AS spread, avg(i.score) AS mean_score, ${consolidateSql(method, 'i.score')} AS score
     FROM submissions s SEMI JOIN multi USING (org_id) JOIN indicator_scores i USING (content_hash)
     WHERE s.is_current AND s.template_id = $1 AND s.period = $2 AND i.score IS NOT NULL
     GROUP BY s.org_id, i.indicator_id HAVING count(*) > 1 AND max(i.score) > min(i.score)
     ORDER BY s.org_id, spread DESC, i.indicator_id`,
    [template, period],
  );
  return orgs.map((o) => ({
    org_id: String(o.org_id),
    raters: Number(o.raters),
    total: Number(o.total),
    total_range: Number(o.total_range),
    least_agreement: spread
      .filter((s) => s.org_id === o.org_id)
      .slice(0, top)
      .map((s) => ({ indicator_id: String(s.indicator_id), spread: Number(s.spread), mean_score: Number(s.mean_score), score: Number(s.score) })),
  }));
}
