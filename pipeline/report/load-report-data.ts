/**
 * Everything a report needs, read from DuckDB with few queries for all organizations at once.
 * Peer statistics (quartiles, percentile ranks) are computed once in SQL over the ranked
 * organizations of the selection and period, for every grouping an organization may be
 * compared with (compare-peers.ts), kept in temporary tables, and read back in batches of
 * organizations, so that `report --all` over a large membership stays within memory.
 *
 * k-suppression happens here, in SQL, before any number reaches the report: a statistic over
 * fewer than k organizations is NULL. The bench_* views do the same with the connection's
 * variable min_group, which is set to k.
 */
import { quotedString, type DuckDBConnection } from '@duckdb/node-api';
import { chooseSelection, type Selection } from '../benchmark/choose-selection.ts';
import {
  comparedOrgsSql,
  peerDimensionStats,
  peerGroupStats,
  selectionLiteral,
  selectionWhere,
  type ComparedOrg,
  type PeerDimensionStats,
  type PeerGroupStats,
} from '../benchmark/compare-peers.ts';
import { setConsolidate, type ConsolidateMethod } from '../benchmark/consolidate.ts';
import type { PeerGroupings } from '../benchmark/peer-groupings.ts';
import { setIncludePartial } from '../benchmark/ranked-set.ts';
import { checkMinGroup } from '../benchmark/run-benchmark.ts';
import { queryRows as rows } from '../store/query-rows.ts';
import { inEvaluationMode, setEvaluationMode } from '../benchmark/evaluation-mode-filter.ts';
import type { EvaluationMode, StarLevelCount } from '../../core/index.ts';
import { atGrouping, consolidated, perGrouping, suppress } from '../store/statistics.ts';

export interface ReportScope {
  /** the selection and period compared */
  selection: Selection;
  template: string;
  period: string;
  /** No statistic over fewer than k organizations. */
  k: number;
  /** how several evaluators of one organization are consolidated */
  consolidate: ConsolidateMethod;
  /** partial returns ranked too */
  includePartial: boolean;
  /** only returns of this evaluation mode (--mode); every one when absent */
  mode?: EvaluationMode;
  /** the peer groupings, finest first */
  peers: PeerGroupings;
}

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

export interface OrgRow extends ComparedOrg {
  /** the grades its current submissions state (one per evaluator, distinct) */
  grades: string[];
}

/** A group of some grouping in some period (the selection's, or an earlier one for the trend). */
export interface PeerGroupRow extends PeerGroupStats {
  period: string;
}

export type PeerDimensionRow = PeerDimensionStats;

/** One score of one organization (a second- or third-level indicator) and its rank among its compared peers. */
export interface ScoreRow {
  org_id: string;
  id: string;
  /** 0..1, consolidated over evaluators; null when not applicable or recorded only */
  score: number | null;
  /** ranked peers of its compared group (the organization included when ranked) that have a score here */
  n_peers: number;
  /** 0..100; null when unscored, not ranked, or n_peers < k */
  percentile: number | null;
}

export interface IndicatorRow extends ScoreRow {
  rule: string | null;
  na: boolean;
  /** the figure entered, for recorded (unscored) indicators */
  value: number | null;
  /** applicable and left blank (by an evaluator of the organization) */
  unanswered: boolean;
}

export interface TrendRow {
  org_id: string;
  period: string;
  total: number;
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

/** Who the organization is and how it was evaluated, with its volunteers by star level. */
export interface OrgIdentity {
  /** 统一社会信用代码, where a return gives it */
  creditCode: string | null;
  /** the evaluation modes its returns state (self, third-party, secretariat), sorted */
  modes: string[];
  /** from its latest return filled from volunteer service records; empty when none was */
  stars: StarLevelCount[];
}

export interface OrgDetail {
  /** absent where a caller builds a detail by hand (tests): no code, no mode, no stars */
  identity?: OrgIdentity;
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
  /** every grouping's groups, in the selection's period and the earlier ones (for the trend) */
  groups: PeerGroupRow[];
  /** every grouping's groups' quartiles per first-level indicator, in the selection's period */
  groupDimensions: PeerDimensionRow[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The selection and period to report on (choose-selection.ts): as the options say; for one
 * organization, among those it has a scored return in, its latest period by default.
 */
export async function chooseScope(
  con: DuckDBConnection,
  opts: {
    template?: string;
    profile?: string;
    period?: string;
    org?: string;
    k: number;
    consolidate: ConsolidateMethod;
    includePartial?: boolean;
    peers: PeerGroupings;
    mode?: EvaluationMode;
  },
): Promise<ReportScope> {
  const k = checkMinGroup(opts.k);
  const includePartial = opts.includePartial ?? false;
  // Which organizations, selections and periods exist does not depend on these, but the views read them.
  await setConsolidate(con, opts.consolidate);
  await setIncludePartial(con, includePartial);
  await setEvaluationMode(con, opts.mode);
  const selection = await chooseSelection(con, {
    ...(opts.template !== undefined ? { template: opts.template } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(opts.org !== undefined ? { org: opts.org } : {}),
  });
  return {
    selection,
    template: selection.template_id,
    period: selection.period,
    k,
    consolidate: opts.consolidate,
    includePartial,
    peers: opts.peers,
    ...(opts.mode ? { mode: opts.mode } : {}),
  };
}

/** How many organizations the scope holds (one report each). */
export async function countOrgs(con: DuckDBConnection, scope: ReportScope): Promise<number> {
  const { where, params } = selectionWhere(scope.selection);
  return Number(
    (await rows(con, `SELECT count(*) AS n FROM bench_org_period WHERE ${where}`, params))[0]?.n ??
      0,
  );
}

/** The organizations of the scope with their totals, ranks and compared groups, and the peer groups' statistics. */
export async function loadScopeData(con: DuckDBConnection, scope: ReportScope): Promise<ScopeData> {
  const { k, selection: sel, peers } = scope;
  await con.run(`SET VARIABLE min_group = ${k}`);
  await setConsolidate(con, scope.consolidate);
  await setIncludePartial(con, scope.includePartial);
  await setEvaluationMode(con, scope.mode);
  await createDetailTables(con, scope);
  const { where, params } = selectionWhere(sel, 's');
  const orgs = (
    await rows(
      con,
      `WITH g AS (
         SELECT s.org_id, list(DISTINCT s.grade ORDER BY s.grade) FILTER (WHERE s.grade IS NOT NULL) AS grades
         FROM bench_submissions b JOIN submissions s USING (content_hash) WHERE ${where} GROUP BY s.org_id)
       SELECT p.*, g.grades FROM report_peer p LEFT JOIN g USING (org_id) ORDER BY p.org_id`,
      params,
    )
  ).map((r): OrgRow => ({
    ...comparedOrg(r, peers),
    grades: Array.isArray(r.grades) ? r.grades.map(String) : [],
  }));
  const groups = await peerGroupStats(con, sel, peers, k, 'up-to');
  // The radar's means, this period ($4: the selection's period as peerDimensionStats passes it).
  const groupDimensions = await peerDimensionStats(
    con,
    sel,
    peers,
    k,
    'SELECT org_id, dimension_id, score FROM report_dimension WHERE period = $4',
  );
  return { scope, orgs, groups, groupDimensions };
}

/** A row of comparedOrgsSql as a ComparedOrg. */
function comparedOrg(r: Record<string, unknown>, pg: PeerGroupings): ComparedOrg {
  return {
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
    group: Object.fromEntries(pg.by.map((c) => [c, str(r[c])])),
    level: num(r.level),
    n_compared: num(r.n_compared),
    n_group: Number(r.n_group),
    n_all: Number(r.n_all),
    percentile_in_group: num(r.percentile_in_group),
    percentile_overall: num(r.percentile_overall),
  };
}

/**
 * Per-organization scores with their percentiles in the group each organization is compared
 * with, over every organization of the scope: for every grouping, the rank among the ranked
 * peers of that grouping's group with a score there; the organization's compared level picks one.
 */
async function createDetailTables(con: DuckDBConnection, scope: ReportScope): Promise<void> {
  const { k, selection: sel, peers } = scope;
  const c = (x: string) => consolidated(x, scope.consolidate);
  // Literals, not parameters: a CREATE … AS takes none.
  const inScope = selectionLiteral(sel, 's');
  const upTo = `${selectionLiteral(sel, 's', false)} AND s.period <= ${quotedString(sel.period)}`;
  await con.run(
    `CREATE OR REPLACE TEMP TABLE report_peer AS ${comparedOrgsSql(selectionLiteral(sel), peers, k)}`,
  );
  const gs = peers.groupings.map((g) => g.map((col) => `p.${col}`));
  const ranked = (source: string) => `
    SELECT * EXCLUDE (${gs.map((_, i) => `n_${i}, p_${i}`).join(', ')}),
           ${atGrouping('n', 'level', gs)} AS n_peers,
           ${suppress(atGrouping('n', 'level', gs), atGrouping('p', 'level', gs), k)} AS percentile
    FROM (SELECT x.*, p.level, ${perGrouping('CASE WHEN p.ranked THEN x.score END', ['x.id'], gs)}
          FROM (${source}) x JOIN report_peer p USING (org_id))`;
  await con.run(
    `CREATE OR REPLACE TEMP TABLE report_indicator AS ${ranked(
      `SELECT s.org_id, i.indicator_id AS id, any_value(i.rule) AS rule, ${c('i.score')} AS score, coalesce(bool_and(i.na), false) AS na,
            ${c('i.input_value')} FILTER (WHERE NOT coalesce(i.na, false)) AS value, bool_or(i.state = 'blank') AS unanswered
     FROM bench_submissions s JOIN indicator_scores i USING (content_hash) WHERE ${inScope} GROUP BY s.org_id, i.indicator_id`,
    )} ORDER BY org_id`,
  );
  await con.run(
    `CREATE OR REPLACE TEMP TABLE report_group AS ${ranked(
      `SELECT s.org_id, g.group_id AS id, ${c('g.score')} AS score
     FROM bench_submissions s JOIN group_scores g USING (content_hash) WHERE ${inScope} GROUP BY s.org_id, g.group_id`,
    )} ORDER BY org_id`,
  );
  // First-level scores for the radar and the trend: the mean of applicable third-level scores, 0..1,
  // for this period and the earlier ones.
  await con.run(`CREATE OR REPLACE TEMP TABLE report_dimension AS
    SELECT s.org_id, s.period, d.dimension_id, ${c('d.mean')} AS score
    FROM bench_submissions s JOIN dimension_scores d USING (content_hash)
    WHERE ${upTo} AND d.mean IS NOT NULL AND s.org_id IN (SELECT org_id FROM report_peer)
    GROUP BY s.org_id, s.period, d.dimension_id ORDER BY s.org_id`);
  // Its own totals (ranked or not); the peers' medians come from the groups (ScopeData.groups).
  await con.run(`CREATE OR REPLACE TEMP TABLE report_trend AS
    SELECT s.org_id, s.period, s.total FROM bench_org_period s
    WHERE ${upTo} AND s.org_id IN (SELECT org_id FROM report_peer)
    ORDER BY s.org_id, s.period`);
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
      'SELECT org_id, id, rule, score, n_peers, percentile, na, value, unanswered FROM report_indicator WHERE org_id BETWEEN $1 AND $2',
      range,
    ),
    await rows(
      con,
      'SELECT org_id, period, total FROM report_trend WHERE org_id BETWEEN $1 AND $2 ORDER BY org_id, period',
      range,
    ),
    await rows(
      con,
      `SELECT org_id, indicator_id, raters, mean_score, score, spread FROM bench_rater_spread WHERE ${selectionLiteral(scope.selection)} AND org_id BETWEEN $1 AND $2 AND spread > 0`,
      range,
    ),
  ];
  const [identity, stars] = await identityRows(con, scope, range);
  const out = new Map<string, OrgDetail>();
  const of = (id: unknown): OrgDetail => {
    const key = String(id);
    let d = out.get(key);
    if (!d)
      out.set(
        key,
        (d = {
          identity: { creditCode: null, modes: [], stars: [] },
          dimensions: [],
          groups: [],
          indicators: [],
          trend: [],
          raterSpread: [],
        }),
      );
    return d;
  };
  for (const r of identity)
    of(r.org_id).identity = {
      creditCode: str(r.credit_code),
      modes: Array.isArray(r.modes) ? r.modes.map(String) : [],
      stars: [],
    };
  for (const r of stars)
    of(r.org_id).identity!.stars.push({ level: Number(r.level), volunteers: Number(r.volunteers) });
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
      unanswered: Boolean(r.unanswered),
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
    });
  return out;
}

/**
 * Each organization's identity and modes over the returns that count for it, and the star
 * counts of its latest return that has them (several evaluators fill from the same records).
 */
function identityRows(
  con: DuckDBConnection,
  scope: ReportScope,
  range: string[],
): Promise<[Record<string, unknown>[], Record<string, unknown>[]]> {
  const x = starredReturns(scope, 'org_id BETWEEN $1 AND $2');
  return Promise.all([
    rows(con, `SELECT org_id, credit_code, modes FROM (${x})`, range),
    rows(
      con,
      `SELECT x.org_id, v.star_level AS level, v.volunteers
       FROM (${x}) x JOIN volunteer_stars v ON v.content_hash = x.starred ORDER BY x.org_id, v.star_level`,
      range,
    ),
  ]);
}

/** Per organization of the scope (where `where` holds): its credit code, modes and latest starred return. */
function starredReturns(scope: ReportScope, where: string): string {
  return `SELECT b.org_id, max(s.credit_code) AS credit_code,
            list(DISTINCT s.evaluation_mode ORDER BY s.evaluation_mode) FILTER (WHERE s.evaluation_mode IS NOT NULL) AS modes,
            arg_max(b.content_hash, s.ingested_at) FILTER (WHERE v.content_hash IS NOT NULL) AS starred
     FROM bench_submissions b JOIN submissions s USING (content_hash)
     LEFT JOIN (SELECT DISTINCT content_hash FROM volunteer_stars) v USING (content_hash)
     WHERE ${selectionLiteral(scope.selection, 'b')} AND b.${where} GROUP BY b.org_id`;
}

/** The members' volunteers by star level, summed, and how many members' returns gave them. */
export async function loadStarDistribution(
  con: DuckDBConnection,
  scope: ReportScope,
): Promise<{ members: number; stars: StarLevelCount[] }> {
  const x = starredReturns(scope, 'org_id IS NOT NULL');
  const got = await rows(
    con,
    `SELECT v.star_level AS level, sum(v.volunteers) AS volunteers, count(DISTINCT x.org_id) AS members
     FROM (${x}) x JOIN volunteer_stars v ON v.content_hash = x.starred GROUP BY v.star_level ORDER BY v.star_level`,
  );
  return {
    members: got.reduce((n, r) => Math.max(n, Number(r.members)), 0),
    stars: got.map((r) => ({ level: Number(r.level), volunteers: Number(r.volunteers) })),
  };
}

/** For the secretariat: the flagged current submissions, the organizations that returned, the rejected files. */
export async function loadSecretariatData(
  con: DuckDBConnection,
  scope: ReportScope,
): Promise<{ flagged: FlaggedRow[]; returnedOrgIds: Set<string>; rejected: number }> {
  const { where, params: p } = selectionWhere(scope.selection, 's');
  const flagged = (
    await rows(
      con,
      `SELECT s.org_id, o.org_name, s.evaluator, s.file_name, coalesce(json_array_length(s.mismatches), 0) AS mismatches
       FROM submissions s LEFT JOIN organizations o USING (org_id)
       WHERE s.is_current AND s.flagged AND ${where} AND ${inEvaluationMode('s')} ORDER BY s.org_id, s.evaluator`,
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
    `SELECT DISTINCT org_id FROM submissions s WHERE s.is_current AND ${where} AND ${inEvaluationMode('s')}`,
    p,
  );
  const rejected = Number((await rows(con, 'SELECT count(*) AS n FROM rejections'))[0]?.n ?? 0);
  return { flagged, returnedOrgIds: new Set(returned.map((r) => String(r.org_id))), rejected };
}
