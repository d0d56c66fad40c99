/**
 * An organization's report as plain data, built from loaded rows and the template without a
 * database: the numbers and words every renderer (HTML, charts) shows. Peer statistics arrive
 * already k-suppressed (null); this module never computes a statistic over other organizations.
 */
import {
  gradeFor,
  isScoredKind,
  resolvePlan,
  round9,
  text,
  unitLabel,
  type GradeBand,
  type Lang,
  type Template,
} from '../../core/index.ts';
import type {
  OrgDetail,
  OrgRow,
  PeerDimensionRow,
  PeerGroupRow,
  Quartiles,
  ScopeData,
} from './load-report-data.ts';
import type { ConsolidateMethod } from '../benchmark/consolidate.ts';
import type { GroupColumn } from '../benchmark/group-columns.ts';
import { groupKey } from '../benchmark/peer-groupings.ts';
import { byIndicatorId, LEAST_AGREEMENT_NAMED } from '../benchmark/trends-and-raters.ts';
import { improvementClause } from './report-words.ts';

/**
 * The one peer group the organization is compared with, and why that one: every statistic of
 * its report (quartiles, medians, percentiles, the trend's peer medians) is over this group.
 */
export interface PeerStanding {
  /** the group: its grouping's columns and its values ({} for all of the selection and period); null when compared with nobody */
  by: Partial<Record<GroupColumn, string | null>> | null;
  /** ranked organizations of the group (at least k); when compared with nobody, of the whole comparison */
  n: number;
  /** the finer groupings tried first, finest first, each with fewer than k ranked organizations */
  skipped: GroupColumn[][];
  total: Quartiles | null;
  /** null when not ranked (a partial return) or compared with nobody */
  percentileInGroup: number | null;
}

export interface DimensionScore {
  id: string;
  name: string;
  /**
   * scored; `recorded`: every indicator under it records a figure and none is scored (GB/T
   * 40143's 服务资源), so there is no score to chart or compare, which is not suppression;
   * `na`: nothing under it applies to this organization
   */
  state: 'scored' | 'recorded' | 'na';
  /** 0..100, null when recorded only or nothing applicable */
  score: number | null;
  peer: Quartiles | null;
}

export interface IndicatorScore {
  id: string;
  name: string;
  unit: string | null;
  /** `unanswered`: applicable and left blank (it counts 0, and is no weakness: nothing was said) */
  state: 'scored' | 'na' | 'recorded' | 'missing' | 'unanswered';
  /** 0..100 */
  score: number | null;
  /** the figure entered, for recorded indicators */
  value: number | null;
  percentile: number | null;
  /** a score exists, but fewer than k peers have one */
  peerSuppressed: boolean;
}

export interface GroupScore extends Omit<IndicatorScore, 'unit' | 'value' | 'state'> {
  dimensionId: string;
  indicators: IndicatorScore[];
}

export interface Improvement extends IndicatorScore {
  /** the standard's content description (内容描述), or the indicator's requirement where there is none */
  improvement: string;
  fromDescription: boolean;
}

export interface TrendPoint {
  period: string;
  total: number;
  peerMedian: number | null;
  dimensions: { id: string; score: number | null }[];
}

export interface RaterSpread {
  raters: number;
  /** how the evaluators' figures were made one */
  consolidate: ConsolidateMethod;
  totalRange: number;
  /** the largest spread between the evaluators of any indicator, 0..100; null when they agree on every one */
  largestSpread: number | null;
  /** how many indicators have the largest spread */
  atLargestSpread: number;
  /**
   * The indicators at the largest spread, in the standard's order: all of them when there are at
   * most LEAST_AGREEMENT_NAMED, else the first so many (the page then says how many share it).
   * Spread and score 0..100; the score consolidated like every other figure of the report.
   */
  leastAgreement: { id: string; name: string; spread: number; score: number }[];
}

export interface ReportModel {
  lang: Lang;
  k: number;
  generatedAt: string;
  template: { id: string; version: string; title: string; standard: string; clause: string | null };
  /** the selection, as people read it (selection-label.ts) */
  selection: string;
  period: string;
  org: {
    id: string;
    name: string;
    region: string | null;
    org_type: string | null;
    size: string | null;
  };
  /** the 统一社会信用代码 and evaluation modes its returns state, and its volunteers by star level */
  identity: ReportIdentity;
  total: number;
  grade: string | null;
  hasGrades: boolean;
  flagged: boolean;
  /** in the peer statistics and rankings */
  ranked: boolean;
  /** the return's first-level weights differ from the issued ones: its total with its own (the report's total uses the issued) */
  weightsChanged: { ownTotal: number } | null;
  /** a partial return: applicable indicators left blank, and which */
  partial: { unanswered: number; applicable: number; ids: string[] } | null;
  peer: PeerStanding;
  dimensions: DimensionScore[];
  groups: GroupScore[];
  strengths: IndicatorScore[];
  weakest: Improvement[];
  trend: TrendPoint[];
  raters: RaterSpread | null;
}

export interface StarShare {
  level: number;
  volunteers: number;
  /** 0..100 of the organization's registered volunteers; null when it has none */
  share: number | null;
}

export interface ReportIdentity {
  creditCode: string | null;
  modes: string[];
  /** null when no return of it was filled from volunteer service records */
  stars: StarShare[] | null;
}

/** Counts per star level with their shares of the whole; an organization's own, so no k applies. */
export function starShares(stars: readonly { level: number; volunteers: number }[]): StarShare[] {
  const all = stars.reduce((n, s) => n + s.volunteers, 0);
  return [...stars]
    .sort((a, b) => a.level - b.level)
    .map((s) => ({ ...s, share: all > 0 ? (100 * s.volunteers) / all : null }));
}

export interface BuildOptions {
  lang: Lang;
  k: number;
  generatedAt: string;
  /** the selection's name in the report's language */
  selection?: string;
  /** how many strengths and weakest indicators to list */
  top?: number;
}

const pct = (x: number | null) => (x === null ? null : 100 * x);

const gradeCache = new WeakMap<Template, Map<string, GradeBand[]>>();

/** The grade bands that apply: the profile's, else the template's (resolved once per template and profile). */
function gradeBands(template: Template, profile: string | null): GradeBand[] {
  let byProfile = gradeCache.get(template);
  if (!byProfile) gradeCache.set(template, (byProfile = new Map()));
  const key = profile ?? '';
  let bands = byProfile.get(key);
  if (!bands) {
    const known = profile !== null && (template.profiles ?? []).some((p) => p.id === profile);
    bands = resolvePlan(template, known ? { profile: profile! } : {}).value?.grades ?? [];
    byProfile.set(key, bands);
  }
  return bands;
}

/** Peer rows by group (and period), built once per scope and shared by every organization's model. */
export interface PeerIndex {
  groupings: readonly (readonly GroupColumn[])[];
  period: string;
  /** by `${period}|${groupKey}` */
  groups: Map<string, PeerGroupRow>;
  /** by `${groupKey}|${dimension_id}` */
  dimensions: Map<string, PeerDimensionRow>;
}

export function indexPeers(
  data: Pick<ScopeData, 'groups' | 'groupDimensions' | 'scope'>,
): PeerIndex {
  const gs = data.scope.peers.groupings;
  return {
    groupings: gs,
    period: data.scope.period,
    groups: new Map(data.groups.map((g) => [`${g.period}|${groupKey(gs, g.level, g.by)}`, g])),
    dimensions: new Map(
      data.groupDimensions.map((d) => [`${groupKey(gs, d.level, d.by)}|${d.dimension_id}`, d]),
    ),
  };
}

export function buildReportModel(
  template: Template,
  scope: ScopeData['scope'],
  org: OrgRow,
  detail: OrgDetail,
  peers: PeerIndex,
  opts: BuildOptions,
): ReportModel {
  const { lang, k } = opts;
  const top = opts.top ?? 5;
  // The group compared with (the first grouping with k ranked organizations): every statistic below is over it.
  const key =
    org.level === null
      ? null
      : groupKey(peers.groupings, org.level, org as unknown as Record<string, unknown>);
  const group = key === null ? undefined : peers.groups.get(`${peers.period}|${key}`);
  const shown = group !== undefined && !group.suppressed && group.n >= k;
  // Percentiles only for a ranked organization with a group to be ranked in.
  const compared = org.ranked && shown;
  const grades = gradeBands(template, org.profile);
  const grade = grades.length
    ? text(gradeFor(org.total, grades)?.label, lang) || null
    : org.grades.length === 1
      ? org.grades[0]!
      : org.grades.join(' / ') || null;

  const current = detail.dimensions.filter((d) => d.period === scope.period);
  const dimScore = new Map(current.map((d) => [d.dimension_id, d.score]));
  const groupRows = new Map(detail.groups.map((g) => [g.id, g]));
  const indRows = new Map(detail.indicators.map((i) => [i.id, i]));

  const dimensions: DimensionScore[] = [];
  const groups: GroupScore[] = [];
  const all: IndicatorScore[] = [];
  const meta = new Map<string, { description: string; order: number }>();
  let order = 0;
  for (const d of template.dimensions) {
    const present = d.groups.some((g) => g.indicators.some((i) => indRows.has(i.id)));
    if (!present && !dimScore.has(d.id)) continue;
    const q = (key !== null && peers.dimensions.get(`${key}|${d.id}`)?.quartiles) || null;
    const score = pct(dimScore.get(d.id) ?? null);
    // Recorded only: by the rules the organization was scored with (a profile may differ from the template).
    const rules = d.groups.flatMap((g) =>
      g.indicators.filter((i) => indRows.has(i.id)).map((i) => indRows.get(i.id)!.rule),
    );
    const recordedOnly = score === null && rules.length > 0 && rules.every((r) => !isScoredKind(r));
    dimensions.push({
      id: d.id,
      name: text(d.name, lang),
      state: score !== null ? 'scored' : recordedOnly ? 'recorded' : 'na',
      score,
      peer:
        score !== null && shown && q
          ? { q1: 100 * q.q1, median: 100 * q.median, q3: 100 * q.q3 }
          : null,
    });
    for (const g of d.groups) {
      const indicators: IndicatorScore[] = [];
      for (const i of g.indicators) {
        const r = indRows.get(i.id);
        if (!r) continue;
        const state: IndicatorScore['state'] = r.na
          ? 'na'
          : r.unanswered
            ? 'unanswered'
            : r.score !== null
              ? 'scored'
              : !isScoredKind(r.rule)
                ? 'recorded'
                : 'missing';
        const s: IndicatorScore = {
          id: i.id,
          name: text(i.name, lang),
          unit: unitLabel(i.unit, lang) ?? null,
          state,
          score: pct(r.score),
          value: state === 'recorded' ? r.value : null,
          percentile: compared && state === 'scored' ? r.percentile : null,
          peerSuppressed: state === 'scored' && compared && r.n_peers < k,
        };
        if (s.peerSuppressed) s.percentile = null;
        indicators.push(s);
        all.push(s);
        meta.set(i.id, { description: text(i.description, lang), order: order++ });
      }
      if (!indicators.length) continue;
      const gr = groupRows.get(g.id);
      const gScore = gr?.score ?? null;
      const gSuppressed = gScore !== null && compared && (gr?.n_peers ?? 0) < k;
      groups.push({
        id: g.id,
        dimensionId: d.id,
        name: text(g.name, lang),
        score: pct(gScore),
        percentile: gSuppressed || !compared ? null : (gr?.percentile ?? null),
        peerSuppressed: gSuppressed,
        indicators,
      });
    }
  }

  // Weakest first: lowest score; among equals, the one where peers do better (lower percentile), then the standard's order.
  const scored = all.filter((s) => s.state === 'scored');
  const byOrder = (a: IndicatorScore, b: IndicatorScore) =>
    meta.get(a.id)!.order - meta.get(b.id)!.order;
  const weakest: Improvement[] = [...scored]
    .filter((s) => s.score! < 100 - 1e-9)
    .sort(
      (a, b) =>
        a.score! - b.score! || (a.percentile ?? 101) - (b.percentile ?? 101) || byOrder(a, b),
    )
    .slice(0, top)
    .map((s) => {
      const description = meta.get(s.id)!.description;
      return { ...s, improvement: description || s.name, fromDescription: description !== '' };
    });
  const weakIds = new Set(weakest.map((w) => w.id));
  const strengths = [...scored]
    .filter((s) => s.score! > 1e-9 && !weakIds.has(s.id))
    .sort(
      (a, b) => b.score! - a.score! || (b.percentile ?? -1) - (a.percentile ?? -1) || byOrder(a, b),
    )
    .slice(0, top);

  // Each period's median of the same group (its grouping and values) then, where it had k ranked.
  const trend: TrendPoint[] = detail.trend.map((t) => ({
    period: t.period,
    total: t.total,
    peerMedian:
      (key === null ? null : peers.groups.get(`${t.period}|${key}`)?.total?.median) ?? null,
    dimensions: dimensions
      .filter((d) => d.state !== 'recorded')
      .map((d) => ({
        id: d.id,
        score: pct(
          detail.dimensions.find((x) => x.period === t.period && x.dimension_id === d.id)?.score ??
            null,
        ),
      })),
  }));

  const names = new Map(all.map((s) => [s.id, s.name]));
  // The indicators of least agreement: every one at the largest spread (equal to 1e-9), in the
  // standard's order; with yes/no indicators many tie at 1, and picking some would be arbitrary.
  const disagree = detail.raterSpread.filter((r) => round9(r.spread) > 0);
  const largest = disagree.length ? Math.max(...disagree.map((r) => round9(r.spread))) : null;
  const atLargest = disagree
    .filter((r) => round9(r.spread) === largest)
    .sort((a, b) => byIndicatorId(a.indicator_id, b.indicator_id));
  const raters: RaterSpread | null =
    org.raters > 1
      ? {
          raters: org.raters,
          consolidate: scope.consolidate,
          totalRange: org.total_range,
          largestSpread: largest === null ? null : 100 * largest,
          atLargestSpread: atLargest.length,
          leastAgreement: atLargest.slice(0, LEAST_AGREEMENT_NAMED).map((r) => ({
            id: r.indicator_id,
            name: names.get(r.indicator_id) ?? r.indicator_id,
            spread: 100 * r.spread,
            score: 100 * r.score,
          })),
        }
      : null;

  return {
    lang,
    k,
    generatedAt: opts.generatedAt,
    template: {
      id: template.id,
      version: template.version,
      title: text(template.title, lang),
      standard: template.source.standard,
      clause: improvementClause(template.source.standard, lang),
    },
    selection: opts.selection ?? org.profile ?? '',
    period: scope.period,
    org: {
      id: org.org_id,
      name: org.org_name ?? org.org_id,
      region: org.region,
      org_type: org.org_type,
      size: org.size,
    },
    identity: {
      creditCode: detail.identity?.creditCode ?? null,
      modes: detail.identity?.modes ?? [],
      stars: detail.identity?.stars.length ? starShares(detail.identity.stars) : null,
    },
    total: org.total,
    grade,
    hasGrades: grades.length > 0 || org.grades.length > 0,
    flagged: org.flagged,
    ranked: org.ranked,
    weightsChanged: org.weights_changed ? { ownTotal: org.own_total } : null,
    partial: org.complete
      ? null
      : {
          unanswered: org.unanswered,
          applicable: org.applicable,
          ids: all.filter((s) => s.state === 'unanswered').map((s) => s.id),
        },
    peer: {
      by: shown ? group!.by : null,
      n: shown ? group!.n : org.n_all,
      skipped: peers.groupings
        .slice(0, shown ? org.level! : peers.groupings.length)
        .map((g) => [...g]),
      total:
        shown && group!.total
          ? { q1: group!.total.q1, median: group!.total.median, q3: group!.total.q3 }
          : null,
      percentileInGroup: compared ? org.percentile_in_group : null,
    },
    dimensions,
    groups,
    strengths,
    weakest,
    trend,
    raters,
  };
}
