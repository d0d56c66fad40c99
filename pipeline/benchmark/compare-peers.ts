/**
 * Who each organization of one selection and period is compared with, and the statistics of
 * those groups, shared by `benchmark` and `report`: one peer group per organization (the first
 * grouping whose group holds at least k ranked organizations), every statistic over ranked
 * organizations only and none over fewer than k. Read from the bench_* views, which the caller
 * has set to the consolidation method and the ranked set it wants.
 */
import { quotedString, type DuckDBConnection } from '@duckdb/node-api';
import { queryRows, type Row } from '../store/query-rows.ts';
import {
  atGrouping,
  distribution,
  firstShownGrouping,
  groupingSets,
  perGrouping,
  quartiles,
  shownWhen,
  suppress,
  withAll,
} from '../store/statistics.ts';
import type { Selection } from './choose-selection.ts';
import type { GroupColumn } from './group-columns.ts';
import { groupBy, groupKey, type PeerGroupings } from './peer-groupings.ts';

export interface Distribution {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** An organization of the comparison: its figures, whether it is ranked, the group it is compared with. */
export interface ComparedOrg {
  org_id: string;
  org_name: string | null;
  profile: string | null;
  region: string | null;
  org_type: string | null;
  size: string | null;
  /** 0..100, consolidated over its evaluators (issued weights) */
  total: number;
  raters: number;
  total_range: number;
  flagged: boolean;
  /** in the ranked set: complete (or any, with include_partial) */
  ranked: boolean;
  complete: boolean;
  /** applicable indicators left blank (the most of its evaluators') and applicable ones */
  unanswered: number;
  applicable: number;
  /** an evaluator's return had other weights than the issued ones (total is with the issued ones) */
  weights_changed: boolean;
  /** the total with the returns' own weights, consolidated like total */
  own_total: number;
  /** the values of the finest grouping (--by) */
  group: Partial<Record<GroupColumn, string | null>>;
  /** the index of the grouping it is compared with; null when even the coarsest holds fewer than k */
  level: number | null;
  /** ranked organizations of that group */
  n_compared: number | null;
  /** ranked organizations of its finest group, and of the selection and period */
  n_group: number;
  n_all: number;
  /** 0..100 in the compared group; null when not ranked or compared with nobody */
  percentile_in_group: number | null;
  /** 0..100 among all ranked organizations; null when not ranked or fewer than k */
  percentile_overall: number | null;
}

/** A group of some grouping: its size (ranked organizations) and distribution of totals (null under k). */
export interface PeerGroupStats {
  level: number;
  by: Partial<Record<GroupColumn, string | null>>;
  n: number;
  suppressed: boolean;
  total: Distribution | null;
}

/** A group's quartiles of one first-level indicator's scores: n with a score, quartiles null under k. */
export interface PeerDimensionStats {
  level: number;
  by: Partial<Record<GroupColumn, string | null>>;
  dimension_id: string;
  n: number;
  quartiles: { q1: number; median: number; q3: number } | null;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The WHERE of one selection (and period, unless `period` is false), as positional parameters from $1. */
export function selectionWhere(
  s: Selection,
  alias = '',
  withPeriod = true,
): { where: string; params: string[] } {
  const a = alias ? `${alias}.` : '';
  const cols = [
    'template_id',
    'template_version',
    'profile_hash',
    ...(withPeriod ? ['period'] : []),
  ];
  return {
    where: cols.map((c, i) => `${a}${c} = $${i + 1}`).join(' AND '),
    params: [s.template_id, s.template_version, s.profile_hash, ...(withPeriod ? [s.period] : [])],
  };
}

/** The same WHERE with the values written in (for a CREATE … AS, which takes no parameters). */
export function selectionLiteral(s: Selection, alias = '', withPeriod = true): string {
  const { where, params } = selectionWhere(s, alias, withPeriod);
  return where.replace(/\$(\d+)/g, (_, i: string) => quotedString(params[Number(i) - 1]!));
}

/**
 * The organizations of bench_org_period matching `where` (one selection and period): each one's
 * compared group (`level`, the index of its grouping; NULL when none has k ranked), the ranked
 * organizations there (n_compared) and its percentile in it, its finest group's and the whole
 * comparison's ranked counts, its overall percentile (null under k).
 */
export function comparedOrgsSql(where: string, pg: PeerGroupings, k: number): string {
  const gs = pg.groupings;
  // Ranked once per grouping, all among them (appended when the fallback lacks it).
  const every = withAll(gs);
  return `WITH r AS (SELECT *, CASE WHEN ranked THEN total END AS ranked_total FROM bench_org_period WHERE ${where}),
     g AS (SELECT *, ${perGrouping('ranked_total', [], every.groupings)}, n_${every.all} AS n_all,
                  p_${every.all} AS rank_all FROM r),
     c AS (SELECT *, ${firstShownGrouping(gs, k)} AS level FROM g)
     SELECT org_id, org_name, profile, region, org_type, size, total, raters, total_range, flagged, ranked, complete,
            unanswered, applicable, weights_changed, own_total, level, ${atGrouping('n', 'level', gs)} AS n_compared,
            ${atGrouping('p', 'level', gs)} AS percentile_in_group, n_0 AS n_group, n_all,
            ${suppress('n_all', 'rank_all', k)} AS percentile_overall
     FROM c ORDER BY org_id`;
}

export async function compareOrganizations(
  con: DuckDBConnection,
  sel: Selection,
  pg: PeerGroupings,
  k: number,
): Promise<ComparedOrg[]> {
  const { where, params } = selectionWhere(sel);
  const rows = await queryRows(con, comparedOrgsSql(where, pg, k), params);
  return rows.map((r) => ({
    org_id: String(r.org_id),
    org_name: str(r.org_name),
    profile: str(r.profile),
    region: str(r.region),
    org_type: str(r.org_type),
    size: str(r.size),
    total: Number(r.total),
    raters: Number(r.raters),
    total_range: Number(r.total_range),
    flagged: Boolean(r.flagged),
    ranked: Boolean(r.ranked),
    complete: Boolean(r.complete),
    unanswered: Number(r.unanswered ?? 0),
    applicable: Number(r.applicable ?? 0),
    weights_changed: Boolean(r.weights_changed),
    own_total: Number(r.own_total ?? r.total),
    group: groupBy(pg.by, r),
    level: num(r.level),
    n_compared: num(r.n_compared),
    n_group: Number(r.n_group),
    n_all: Number(r.n_all),
    percentile_in_group: num(r.percentile_in_group),
    percentile_overall: num(r.percentile_overall),
  }));
}

/**
 * The groups of every grouping over the ranked organizations, with their distribution of
 * totals; for the selection's `period`, or (with `periods: 'up-to'`) every period up to it,
 * each row then naming its period (for trends' peer medians).
 */
export async function peerGroupStats(
  con: DuckDBConnection,
  sel: Selection,
  pg: PeerGroupings,
  k: number,
  periods: 'period' | 'up-to' = 'period',
): Promise<(PeerGroupStats & { period: string })[]> {
  const { where, params } = selectionWhere(sel, '', periods === 'period');
  const sets = groupingSets(['period'], pg.groupings);
  const upTo = periods === 'up-to' ? ` AND period <= $${params.push(sel.period)}` : '';
  const rows = await queryRows(
    con,
    `SELECT period, ${sets.level} AS level, ${sets.select}count(*) AS n,
            NOT (${shownWhen('count(*)', k)}) AS suppressed, ${distribution('total', 'count(*)', k)}
     FROM bench_org_period WHERE ${where}${upTo} AND ranked
     GROUP BY ${sets.groupBy} ORDER BY period, level${sets.columns.length ? `, ${sets.columns.join(', ')}` : ''}`,
    params,
  );
  return rows.map((r) => {
    const level = Number(r.level);
    const suppressed = Boolean(r.suppressed);
    return {
      period: String(r.period),
      level,
      by: groupBy(pg.groupings[level]!, r),
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
    };
  });
}

/**
 * Each group's quartiles per first-level indicator over its ranked organizations with a score
 * there. `source` is a query of the selection and period with the columns org_id, dimension_id
 * and score (bench_org_dimension's by default; the report's means), which may use the
 * selection's parameters $1 to $4.
 */
export async function peerDimensionStats(
  con: DuckDBConnection,
  sel: Selection,
  pg: PeerGroupings,
  k: number,
  source?: string,
): Promise<PeerDimensionStats[]> {
  const { where, params } = selectionWhere(sel, 'p');
  const sets = groupingSets(['d.dimension_id'], pg.groupings, 'p');
  const from =
    source ??
    `SELECT org_id, dimension_id, score FROM bench_org_dimension WHERE ${selectionWhere(sel).where}`;
  const rows = await queryRows(
    con,
    `WITH d AS (${from})
     SELECT d.dimension_id, ${sets.level} AS level, ${sets.select}count(*) AS n, ${quartiles('d.score', 'count(*)', k)}
     FROM bench_org_period p JOIN d USING (org_id)
     WHERE ${where} AND p.ranked AND d.score IS NOT NULL
     GROUP BY ${sets.groupBy}`,
    params,
  );
  return rows.map((r: Row) => {
    const level = Number(r.level);
    return {
      level,
      by: groupBy(pg.groupings[level]!, r),
      dimension_id: String(r.dimension_id),
      n: Number(r.n),
      quartiles:
        r.median === null || r.median === undefined
          ? null
          : { q1: Number(r.q1), median: Number(r.median), q3: Number(r.q3) },
    };
  });
}

/** Lookups by group: a group's key (groupKey) for the organization's compared level. */
export function keyOfOrg(pg: PeerGroupings, o: ComparedOrg): string | null {
  return o.level === null ? null : groupKey(pg.groupings, o.level, o as unknown as Row);
}
