/**
 * Change over periods (per organization and per peer group) and agreement between evaluators
 * (the consolidated score, by the method asked for; the spread per indicator; the indicators of
 * least agreement).
 *
 * A group's change is the median of its organizations' own changes, over those scored in both
 * periods: the difference of the two periods' medians would mix in who joined and who left,
 * and reads as a change no organization made.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows as rows } from '../store/query-rows.ts';
import { consolidated, suppress } from '../store/statistics.ts';
import type { Selection } from './choose-selection.ts';
import { selectionWhere } from './compare-peers.ts';
import type { ConsolidateMethod } from './consolidate.ts';
import type { GroupColumn } from './group-columns.ts';

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
  /** organizations of the group scored in both periods (from_period is each one's own previous period) */
  n: number;
  /** the median of those organizations' own changes of total; null when n < k */
  median_change: number | null;
}

export interface RaterAgreement {
  org_id: string;
  raters: number;
  /** consolidated by the method asked for (mean by default) */
  total: number;
  total_range: number;
  /** the largest spread (max − min of the evaluators' scores, 0..1) of any indicator; null when they agree on every one */
  largest_spread: number | null;
  /** how many indicators have the largest spread (equal to 1e-9) */
  at_largest_spread: number;
  /**
   * The indicators of least agreement: those at the largest spread, in the standard's order;
   * all of them when there are at most `named` (5 by default), else the first `named`, so that
   * a tie is never broken by picking some. mean_score is the evaluators' mean, score consolidated by the method.
   */
  least_agreement: { indicator_id: string; spread: number; mean_score: number; score: number }[];
}

/** Indicators of least agreement named at most (all of them up to this many). */
export const LEAST_AGREEMENT_NAMED = 5;

/** Indicator ids in the standard's order: 1.2.10 after 1.2.9. */
export const byIndicatorId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The changes between consecutive ranked periods of the selection, up to its period: an
 * organization's own (its previous ranked period in the same selection), and per group of `by`
 * the median of its organizations' changes.
 */
export async function trends(
  con: DuckDBConnection,
  sel: Selection,
  by: GroupColumn[],
  k: number,
): Promise<{ organizations: OrgTrend[]; groups: GroupTrend[] }> {
  // The selection (not its period: every period up to it), $1 to $3, and the period, $4.
  const at = (alias: string) =>
    `${selectionWhere(sel, alias, false).where} AND ${alias}.period <= $4`;
  const p = [...selectionWhere(sel, '', false).params, sel.period];
  // One row per organization and period, its dimension changes gathered in SQL: building them in
  // JavaScript from one row per dimension took seconds at 100,000 submissions. The previous
  // score is its previous ranked period's, as bench_trends takes it.
  const orgRows = await rows(
    con,
    `WITH d AS (
       SELECT d.org_id, d.period, d.dimension_id, d.score - lag(d.score) OVER (PARTITION BY d.org_id, d.dimension_id ORDER BY d.period) AS change
       FROM bench_org_dimension d SEMI JOIN bench_trends t USING (template_id, template_version, profile_hash, org_id, period)
       WHERE ${at('d')}),
     dl AS (
       SELECT org_id, period, string_agg(dimension_id || '=' || change, ';' ORDER BY dimension_id) AS dims
       FROM d WHERE change IS NOT NULL GROUP BY org_id, period)
     SELECT t.org_id, t.previous_period, t.period, t.change, dl.dims
     FROM bench_trends t LEFT JOIN dl USING (org_id, period)
     WHERE ${at('t')} AND t.previous_period IS NOT NULL ORDER BY t.org_id, t.period`,
    p,
  );
  const organizations = orgRows.map((r) => ({
    org_id: String(r.org_id),
    from_period: String(r.previous_period),
    to_period: String(r.period),
    total_change: Number(r.change),
    dimensions: r.dims
      ? String(r.dims)
          .split(';')
          .map((x) => {
            const [id, change] = x.split('=');
            return { id: id!, change: Number(change) };
          })
      : [],
  }));
  // Each organization's own change (bench_trends: from its previous period), in the group it is
  // in at the later period; the median over the group's organizations scored in both periods.
  const cols = by.map((c) => `p.${c}`).join(', ');
  const groupRows = await rows(
    con,
    `SELECT ${cols}, t.previous_period AS from_period, t.period AS to_period, count(*) AS n,
            ${suppress('count(*)', 'quantile_cont(t.change, 0.5)', k)} AS median_change
     FROM bench_trends t JOIN bench_org_period p USING (template_id, template_version, profile_hash, org_id, period)
     WHERE ${at('t')} AND t.previous_period IS NOT NULL
     GROUP BY ALL ORDER BY ${cols}, to_period, from_period`,
    p,
  );
  const groups = groupRows.map((r) => ({
    by: Object.fromEntries(by.map((c) => [c, (r[c] as string | null) ?? null])),
    from_period: String(r.from_period),
    to_period: String(r.to_period),
    n: Number(r.n),
    median_change: r.median_change === null ? null : Number(r.median_change),
  }));
  return { organizations, groups };
}

/** `total` comes from bench_org_period, consolidated by the connection's variable; pass the same method for the indicators. */
export async function raterAgreement(
  con: DuckDBConnection,
  sel: Selection,
  method: ConsolidateMethod = 'mean',
  named = LEAST_AGREEMENT_NAMED,
): Promise<RaterAgreement[]> {
  const { where, params } = selectionWhere(sel);
  const orgs = await rows(
    con,
    `SELECT org_id, raters, total, total_range FROM bench_org_period WHERE ${where} AND raters > 1 ORDER BY org_id`,
    params,
  );
  if (!orgs.length) return [];
  // Only the organizations with several raters: aggregating every indicator row first took seconds on 10 M rows.
  // Only the indicators at each organization's largest spread, compared to 1e-9 (noise is no disagreement).
  const spread = await rows(
    con,
    `WITH multi AS (SELECT org_id FROM bench_org_period WHERE ${where} AND raters > 1),
     x AS (
       SELECT s.org_id, i.indicator_id, max(i.score) - min(i.score) AS spread, avg(i.score) AS mean_score, ${consolidated('i.score', method)} AS score
       FROM bench_submissions s SEMI JOIN multi USING (org_id) JOIN indicator_scores i USING (content_hash)
       WHERE ${selectionWhere(sel, 's').where} AND i.score IS NOT NULL
       GROUP BY s.org_id, i.indicator_id HAVING count(*) > 1 AND round(max(i.score) - min(i.score), 9) > 0)
     SELECT * FROM x QUALIFY round(spread, 9) = max(round(spread, 9)) OVER (PARTITION BY org_id)`,
    params,
  );
  const byOrg = new Map<string, Record<string, unknown>[]>();
  for (const s of spread) {
    const id = String(s.org_id);
    if (!byOrg.has(id)) byOrg.set(id, []);
    byOrg.get(id)!.push(s);
  }
  return orgs.map((o) => {
    const top = (byOrg.get(String(o.org_id)) ?? []).sort((a, b) =>
      byIndicatorId(String(a.indicator_id), String(b.indicator_id)),
    );
    return {
      org_id: String(o.org_id),
      raters: Number(o.raters),
      total: Number(o.total),
      total_range: Number(o.total_range),
      largest_spread: top.length ? Math.max(...top.map((s) => Number(s.spread))) : null,
      at_largest_spread: top.length,
      least_agreement: top.slice(0, named).map((s) => ({
        indicator_id: String(s.indicator_id),
        spread: Number(s.spread),
        mean_score: Number(s.mean_score),
        score: Number(s.score),
      })),
    };
  });
}
