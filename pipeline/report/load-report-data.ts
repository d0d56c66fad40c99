/**
 * Everything a report needs, read from DuckDB with few queries for all organizations at once.
 * Peer statistics (quartiles, percentile ranks) are computed once in SQL over every
 * organization of the template and period, kept in temporary tables, and read back in batches
 * of organizations, so that `report --all` over a large membership stays within memory.
 *
 * k-suppression happens here, in SQL, before any number reaches the report: a statistic over
 * fewer than k organizations is NULL. The bench_* views do the same with the connection's
 * variable min_group, which is set to k.
 */
import { quotedString, type DuckDBConnection } from '@duckdb/node-api';
import { setConsolidate, type ConsolidateMethod } from '../benchmark/consolidate.ts';
import { checkMinGroup, choosePeriod } from '../benchmark/run-benchmark.ts';
import { queryRows as rows } from '../store/query-rows.ts';
import {
  consolidated,
  peerCount,
  percentileRank,
  quartiles,
  suppress,
} from '../store/statistics.ts';
import { UserError } from '../user-error.ts';

export interface ReportScope {
  template: string;
  period: string;
  /** No statistic over fewer than k organizations. */
  k: number;
  /** how several evaluators of one organization are consolidated */
  consolidate: ConsolidateMethod;
}

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

export interface OrgRow {
  org_id: string;
  org_name: string | null;
  region: string | null;
  org_type: string | null;
  size: string | null;
  /** 0..100, consolidated over the organization's evaluators (scope.consolidate) */
  total: number;
  raters: number;
  total_range: number;
  flagged: boolean;
  /** the grades its current submissions state (one per evaluator, distinct) */
  grades: string[];
  profile: string | null;
  n_group: number;
  n_all: number;
  percentile_in_group: number | null;
  percentile_overall: number | null;
}

export interface PeerGroupRow {
  region: string | null;
  org_type: string | null;
  n: number;
  suppressed: boolean;
  total: (Quartiles & { min: number; max: number; mean: number }) | null;
}

export interface PeerDimensionRow {
  region: string | null;
  org_type: string | null;
  dimension_id: string;
  n: number;
  /** null when n < k */
  quartiles: Quartiles | null;
}

/** One score of one organization (a second- or third-level indicator) and its rank among peers. */
export interface ScoreRow {
  org_id: string;
  id: string;
  /** 0..1, consolidated over evaluators; null when not applicable or recorded only */
  score: number | null;
  /** peers (the organization included) that have a score here */
  n_peers: number;
  /** 0..100; null when unscored or n_peers < k */
  percentile: number | null;
}

export interface IndicatorRow extends ScoreRow {
  rule: string | null;
  na: boolean;
  /** the figure entered, for recorded (unscored) indicators */
  value: number | null;
}

export interface TrendRow {
  org_id: string;
  period: string;
  total: number;
  /** the peer group's median total that period; null when fewer than k */
  peer_median: number | null;
}

export interface TrendDimensionRow {
  org_id: string;
  period: string;
  dimension_id: string;
  /** 0..1: the mean of the first-level indicator's applicable third-level scores, consolidated over evaluators */
  score: number;
}

/** Where several evaluators scored the organization: one row per indicator (from bench_rater_spread). */
export interface RaterSpreadRow {
  org_id: string;
  indicator_id: string;
  raters: number;
  mean_score: number;
  /** consolidated by scope.consolidate */
  score: number;
  /** max − min of the evaluators' scores, 0..1 */
  spread: number;
}

export interface OrgDetail {
  dimensions: TrendDimensionRow[];
  groups: ScoreRow[];
  indicators: IndicatorRow[];
  trend: TrendRow[];
  raterSpread: RaterSpreadRow[];
}

export interface FlaggedRow {
  org_id: string;
  org_name: string | null;
  evaluator: string | null;
  file_name: string | null;
  mismatches: number;
}

export interface ScopeData {
  scope: ReportScope;
  orgs: OrgRow[];
  groups: PeerGroupRow[];
  groupDimensions: PeerDimensionRow[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The template and period to report on: as given; else, for one organization, the template it
 * was scored on and its latest period; else the only template and the latest period.
 */
export async function chooseScope(
  con: DuckDBConnection,
  opts: {
    template?: string;
    period?: string;
    org?: string;
    k: number;
    consolidate: ConsolidateMethod;
  },
): Promise<ReportScope> {
  const k = checkMinGroup(opts.k);
  const { consolidate } = opts;
  // Which organizations, templates and periods exist does not depend on the method, but the views read it.
  await setConsolidate(con, consolidate);
  if (opts.org !== undefined) {
    const mine = await rows(
      con,
      'SELECT template_id, period FROM bench_org_period WHERE org_id = $1 ORDER BY template_id, period',
      [opts.org],
    );
    const org = opts.org;
    if (!mine.length) throw UserError.of('scope.no-org', { org });
    const templates = [...new Set(mine.map((r) => String(r.template_id)))];
    const template = opts.template ?? (templates.length === 1 ? templates[0]! : undefined);
    if (!template)
      throw UserError.of('scope.org-templates', { org, templates: templates.join(', ') });
    const periods = mine.filter((r) => r.template_id === template).map((r) => String(r.period));
    if (!periods.length)
      throw UserError.of('scope.org-no-template', {
        org,
        template,
        templates: templates.join(', '),
      });
    const period = opts.period ?? periods[periods.length - 1]!;
    if (!periods.includes(period))
      throw UserError.of('scope.org-no-period', {
        org,
        period,
        template,
        periods: periods.join(', '),
      });
    return { template, period, k, consolidate };
  }
  const chosen = await choosePeriod(con, {
    ...(opts.template ? { template: opts.template } : {}),
    ...(opts.period ? { period: opts.period } : {}),
  });
  return { ...chosen, k, consolidate };
}

/** How many organizations the scope holds (one report each). */
export async function countOrgs(con: DuckDBConnection, scope: ReportScope): Promise<number> {
  return Number(
    (
      await rows(
        con,
        'SELECT count(*) AS n FROM bench_org_period WHERE template_id = $1 AND period = $2',
        [scope.template, scope.period],
      )
    )[0]?.n ?? 0,
  );
}

/** The organizations of the scope with their totals and ranks, and the peer groups' statistics. */
export async function loadScopeData(con: DuckDBConnection, scope: ReportScope): Promise<ScopeData> {
  const { template, period, k } = scope;
  await con.run(`SET VARIABLE min_group = ${k}`);
  await setConsolidate(con, scope.consolidate);
  const p = [template, period];
  const orgs = (
    await rows(
      con,
      `WITH g AS (
         SELECT org_id, list(DISTINCT grade ORDER BY grade) FILTER (WHERE grade IS NOT NULL) AS grades, any_value(profile) AS profile
         FROM submissions WHERE is_current AND template_id = $1 AND period = $2 AND total IS NOT NULL GROUP BY org_id)
       SELECT o.org_id, o.org_name, o.region, o.org_type, o.size, o.total, o.raters, o.total_range, o.flagged,
              g.grades, g.profile, r.n_group, r.n_all, r.percentile_in_group, r.percentile_overall
       FROM bench_org_period o JOIN bench_percentiles r USING (template_id, period, org_id) LEFT JOIN g USING (org_id)
       WHERE o.template_id = $1 AND o.period = $2 ORDER BY o.org_id`,
      p,
    )
  ).map((r): OrgRow => ({
    org_id: String(r.org_id),
    org_name: str(r.org_name),
    region: str(r.region),
    org_type: str(r.org_type),
    size: str(r.size),
    total: Number(r.total),
    raters: Number(r.raters),
    total_range: Number(r.total_range),
    flagged: Boolean(r.flagged),
    grades: Array.isArray(r.grades) ? r.grades.map(String) : [],
    profile: str(r.profile),
    n_group: Number(r.n_group),
    n_all: Number(r.n_all),
    percentile_in_group: num(r.percentile_in_group),
    percentile_overall: num(r.percentile_overall),
  }));
  const groups = (
    await rows(
      con,
      'SELECT * FROM bench_groups WHERE template_id = $1 AND period = $2 ORDER BY region, org_type',
      p,
    )
  ).map((r): PeerGroupRow => ({
    region: str(r.region),
    org_type: str(r.org_type),
    n: Number(r.n),
    suppressed: Boolean(r.suppressed),
    total: r.suppressed
      ? null
      : {
          min: Number(r.min),
          q1: Number(r.q1),
          median: Number(r.median),
          q3: Number(r.q3),
          max: Number(r.max),
          mean: Number(r.mean),
        },
  }));
  await createDetailTables(con, scope);
  const groupDimensions = (
    await rows(
      con,
      `SELECT region, org_type, dimension_id, count(*) AS n, ${quartiles('score', 'count(*)', k)}
       FROM report_dimension WHERE period = $1 GROUP BY ALL ORDER BY region, org_type, dimension_id`,
      [period],
    )
  ).map((r): PeerDimensionRow => ({
    region: str(r.region),
    org_type: str(r.org_type),
    dimension_id: String(r.dimension_id),
    n: Number(r.n),
    quartiles:
      r.median === null ? null : { q1: Number(r.q1), median: Number(r.median), q3: Number(r.q3) },
  }));
  return { scope, orgs, groups, groupDimensions };
}

/** Per-organization scores with their peer percentiles, over every organization of the scope. */
async function createDetailTables(con: DuckDBConnection, scope: ReportScope): Promise<void> {
  const { k } = scope;
  const c = (x: string) => consolidated(x, scope.consolidate);
  // Literals, not parameters: a CREATE … AS takes none.
  const t = quotedString(scope.template);
  const per = quotedString(scope.period);
  const peers = `CREATE OR REPLACE TEMP VIEW report_peer AS SELECT org_id, region, org_type FROM bench_org_period WHERE template_id = ${t} AND period = ${per}`;
  await con.run(peers);
  // Percentile rank among the peers (region × org type) that have a score there.
  const among = ['p.region', 'p.org_type', 'x.id'];
  const ranked = (source: string) => `
    SELECT x.*, p.region, p.org_type, ${peerCount('x.score', among)} AS n_peers,
           ${suppress(peerCount('x.score', among), percentileRank('x.score', among), k)} AS percentile
    FROM (${source}) x JOIN report_peer p USING (org_id)`;
  const current = `s.is_current AND s.template_id = ${t} AND s.period = ${per} AND s.total IS NOT NULL`;
  await con.run(
    `CREATE OR REPLACE TEMP TABLE report_indicator AS ${ranked(
      `SELECT s.org_id, i.indicator_id AS id, any_value(i.rule) AS rule, ${c('i.score')} AS score, coalesce(bool_and(i.na), false) AS na,
            ${c('i.input_value')} FILTER (WHERE NOT coalesce(i.na, false)) AS value
     FROM submissions s JOIN indicator_scores i USING (content_hash) WHERE ${current} GROUP BY s.org_id, i.indicator_id`,
    )} ORDER BY org_id`,
  );
  await con.run(
    `CREATE OR REPLACE TEMP TABLE report_group AS ${ranked(
      `SELECT s.org_id, g.group_id AS id, ${c('g.score')} AS score
     FROM submissions s JOIN group_scores g USING (content_hash) WHERE ${current} GROUP BY s.org_id, g.group_id`,
    )} ORDER BY org_id`,
  );
  // First-level scores for the radar and the trend: the mean of applicable third-level scores, 0..1,
  // for this period and the earlier ones.
  await con.run(`CREATE OR REPLACE TEMP TABLE report_dimension AS
    SELECT s.org_id, s.period, d.dimension_id, ${c('d.mean')} AS score, any_value(o.region) AS region, any_value(o.org_type) AS org_type
    FROM submissions s JOIN dimension_scores d USING (content_hash) JOIN organizations o USING (org_id)
    WHERE s.is_current AND s.template_id = ${t} AND s.period <= ${per} AND s.total IS NOT NULL AND d.mean IS NOT NULL
      AND s.org_id IN (SELECT org_id FROM report_peer)
    GROUP BY s.org_id, s.period, d.dimension_id ORDER BY s.org_id`);
  await con.run(`CREATE OR REPLACE TEMP TABLE report_trend AS
    SELECT t.org_id, t.period, t.total, g.median AS peer_median
    FROM bench_org_period t LEFT JOIN bench_groups g
      ON g.template_id = t.template_id AND g.period = t.period AND g.region IS NOT DISTINCT FROM t.region AND g.org_type IS NOT DISTINCT FROM t.org_type
    WHERE t.template_id = ${t} AND t.period <= ${per} AND t.org_id IN (SELECT org_id FROM report_peer)
    ORDER BY t.org_id, t.period`);
}

/** The details of the organizations of the scope with ids from `first` to `last` (inclusive), by org id. */
export async function loadOrgDetails(
  con: DuckDBConnection,
  scope: ReportScope,
  first: string,
  last: string,
): Promise<Map<string, OrgDetail>> {
  const range = [first, last];
  const [dims, groups, indicators, trend, spread] = [
    await rows(
      con,
      'SELECT org_id, period, dimension_id, score FROM report_dimension WHERE org_id BETWEEN $1 AND $2',
      range,
    ),
    await rows(
      con,
      'SELECT org_id, id, score, n_peers, percentile FROM report_group WHERE org_id BETWEEN $1 AND $2',
      range,
    ),
    await rows(
      con,
      'SELECT org_id, id, rule, score, n_peers, percentile, na, value FROM report_indicator WHERE org_id BETWEEN $1 AND $2',
      range,
    ),
    await rows(
      con,
      'SELECT org_id, period, total, peer_median FROM report_trend WHERE org_id BETWEEN $1 AND $2 ORDER BY org_id, period',
      range,
    ),
    await rows(
      con,
      'SELECT org_id, indicator_id, raters, mean_score, score, spread FROM bench_rater_spread WHERE template_id = $1 AND period = $2 AND org_id BETWEEN $3 AND $4 AND spread > 0',
      [scope.template, scope.period, ...range],
    ),
  ];
  const out = new Map<string, OrgDetail>();
  const of = (id: unknown): OrgDetail => {
    const key = String(id);
    let d = out.get(key);
    if (!d)
      out.set(
        key,
        (d = { dimensions: [], groups: [], indicators: [], trend: [], raterSpread: [] }),
      );
    return d;
  };
  for (const r of dims)
    of(r.org_id).dimensions.push({
      org_id: String(r.org_id),
      period: String(r.period),
      dimension_id: String(r.dimension_id),
      score: Number(r.score),
    });
  for (const r of groups)
    of(r.org_id).groups.push({
      org_id: String(r.org_id),
      id: String(r.id),
      score: num(r.score),
      n_peers: Number(r.n_peers),
      percentile: num(r.percentile),
    });
  for (const r of indicators) {
    of(r.org_id).indicators.push({
      org_id: String(r.org_id),
      id: String(r.id),
      rule: str(r.rule),
      score: num(r.score),
      n_peers: Number(r.n_peers),
      percentile: num(r.percentile),
      na: Boolean(r.na),
      value: num(r.value),
    });
  }
  for (const r of spread)
    of(r.org_id).raterSpread.push({
      org_id: String(r.org_id),
      indicator_id: String(r.indicator_id),
      raters: Number(r.raters),
      mean_score: Number(r.mean_score),
      score: Number(r.score),
      spread: Number(r.spread),
    });
  for (const r of trend)
    of(r.org_id).trend.push({
      org_id: String(r.org_id),
      period: String(r.period),
      total: Number(r.total),
      peer_median: num(r.peer_median),
    });
  return out;
}

/** For the secretariat: the flagged current submissions, the organizations that returned, the rejected files. */
export async function loadSecretariatData(
  con: DuckDBConnection,
  scope: ReportScope,
): Promise<{ flagged: FlaggedRow[]; returnedOrgIds: Set<string>; rejected: number }> {
  const p = [scope.template, scope.period];
  const flagged = (
    await rows(
      con,
      `SELECT s.org_id, o.org_name, s.evaluator, s.file_name, coalesce(json_array_length(s.mismatches), 0) AS mismatches
       FROM submissions s LEFT JOIN organizations o USING (org_id)
       WHERE s.is_current AND s.flagged AND s.template_id = $1 AND s.period = $2 ORDER BY s.org_id, s.evaluator`,
      p,
    )
  ).map((r): FlaggedRow => ({
    org_id: String(r.org_id),
    org_name: str(r.org_name),
    evaluator: str(r.evaluator),
    file_name: str(r.file_name),
    mismatches: Number(r.mismatches),
  }));
  const returned = await rows(
    con,
    'SELECT DISTINCT org_id FROM submissions WHERE is_current AND template_id = $1 AND period = $2',
    p,
  );
  const rejected = Number((await rows(con, 'SELECT count(*) AS n FROM rejections'))[0]?.n ?? 0);
  return { flagged, returnedOrgIds: new Set(returned.map((r) => String(r.org_id))), rejected };
}
