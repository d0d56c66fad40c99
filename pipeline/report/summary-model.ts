/**
 * The secretariat's summary and the index of reports as plain data: the distribution of totals
 * and grades, first-level medians by peer group (k-suppressed cells are null), return rates
 * against the roster, the submissions flagged at ingest. Pure: built from loaded rows.
 */
import {
  isScored,
  resolvePlan,
  text,
  type Lang,
  type StarLevelCount,
  type Template,
} from '../../core/index.ts';
import { groupKey } from '../benchmark/peer-groupings.ts';
import type { FlaggedRow, OrgRow, Quartiles, ScopeData } from './load-report-data.ts';
import { reportWords } from './report-words.ts';
import { starShares, type StarShare } from './report-model.ts';

/**
 * A peer group of the period: every group of the finest grouping, then each coarser group some
 * organization is compared with (`fallback`).
 */
export interface SummaryGroup {
  /** its values, in words (深圳 × 社会团体; all members) */
  label: string;
  fallback: boolean;
  /** ranked organizations */
  n: number;
  /** null when n < k */
  total: (Quartiles & { min: number; max: number; mean: number }) | null;
  /** the group its organizations are compared with, when not this one (null: this one, or nobody has k) */
  comparedWith: string | null;
}

/** A partial return: not ranked (unless --include-partial). */
export interface PartialEntry {
  org_id: string;
  org_name: string;
  unanswered: number;
  applicable: number;
}

export interface ReturnRates {
  rosterSize: number;
  returned: number;
  byRegion: { region: string; rosterSize: number; returned: number }[];
  notReturned: { org_id: string; org_name: string; region: string }[];
  notOnRoster: string[];
}

export interface IndexEntry {
  org_id: string;
  org_name: string;
  region: string | null;
  org_type: string | null;
  total: number;
  grade: string | null;
  flagged: boolean;
  ranked: boolean;
  file: string;
}

export interface SummaryModel {
  lang: Lang;
  k: number;
  generatedAt: string;
  template: { id: string; version: string; title: string };
  selection: string;
  period: string;
  /** organizations reported on, and those ranked */
  n: number;
  ranked: number;
  /** the groupings tried, finest first, in words ("地区和类型 → 地区 → 全部成员") */
  groupings: string;
  /** over all ranked organizations; null when fewer than k */
  total: (Quartiles & { min: number; max: number; mean: number }) | null;
  histogram: { label: string; count: number }[];
  grades: { grade: string; count: number }[];
  groups: SummaryGroup[];
  heatmap: {
    dimensions: { id: string; name: string }[];
    rows: { label: string; n: number; cells: (number | null)[] }[];
    /** first-level indicators left out because every indicator under them records a figure and none is scored */
    recordedOnly: { id: string; name: string }[];
  };
  returns: ReturnRates | null;
  partial: PartialEntry[];
  /** partial returns ranked all the same (--include-partial) */
  includePartial: boolean;
  flagged: FlaggedRow[];
  rejected: number;
  index: IndexEntry[];
  /** the members' volunteers by star level, summed (null when no return was filled from records) */
  stars: { members: number; stars: StarShare[] } | null;
  /** the evaluation mode compared within (--mode); null: every mode */
  mode: string | null;
}

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.ceil(h)] ?? sorted[lo]!) - sorted[lo]!);
}

export interface SummaryInput {
  data: ScopeData;
  template: Template;
  lang: Lang;
  /** the selection's name in the summary's language */
  selection?: string;
  generatedAt: string;
  /** the report file of each organization, relative to the index */
  files: Map<string, string>;
  grades: Map<string, string | null>;
  flagged: FlaggedRow[];
  rejected: number;
  /** the members' volunteers by star level (loadStarDistribution) */
  stars?: { members: number; stars: StarLevelCount[] };
  mode?: string;
  roster?: {
    members: { org_id: string; org_name: string; region: string }[];
    returnedOrgIds: Set<string>;
  };
}

/**
 * The labels of the grades that apply to the scope, highest first: the bands of the template, or
 * of the profiles the organizations were scored with (a profile may have grades of its own).
 */
function gradeLabels(template: Template, orgs: OrgRow[], lang: Lang): string[] {
  const labels: string[] = [];
  const profiles = new Set(
    orgs.map((o) => ((template.profiles ?? []).some((p) => p.id === o.profile) ? o.profile : null)),
  );
  for (const profile of profiles) {
    const bands = resolvePlan(template, profile ? { profile } : {}).value?.grades ?? [];
    for (const b of bands) {
      const label = text(b.label, lang);
      if (!labels.includes(label)) labels.push(label);
    }
  }
  return labels;
}

export function buildSummaryModel(input: SummaryInput): SummaryModel {
  const { data, template, lang } = input;
  const { k, period, peers } = data.scope;
  const w = reportWords(lang);
  const orgs = data.orgs;
  // Every statistic over the ranked organizations only: a partial return's blanks count 0.
  const rankedOrgs = orgs.filter((o) => o.ranked);
  const totals = rankedOrgs.map((o) => o.total).sort((a, b) => a - b);
  const enough = rankedOrgs.length >= k;
  const total =
    enough && totals.length
      ? {
          min: totals[0]!,
          q1: quantile(totals, 0.25),
          median: quantile(totals, 0.5),
          q3: quantile(totals, 0.75),
          max: totals[totals.length - 1]!,
          mean: totals.reduce((a, b) => a + b, 0) / totals.length,
        }
      : null;
  const histogram = enough
    ? Array.from({ length: 10 }, (_, i) => ({
        label: `${i * 10}–${i * 10 + 10}`,
        count: totals.filter((t) => (i === 9 ? t >= 90 : t >= i * 10 && t < i * 10 + 10)).length,
      }))
    : [];
  // Every grade that applies, highest first, none left out at zero: a grade nobody reached is news.
  // Grades the template does not list (stated by the returns themselves) follow, in their own order.
  const gradeCounts = new Map<string, number>();
  if (enough)
    for (const o of rankedOrgs) {
      const g = input.grades.get(o.org_id);
      if (g) gradeCounts.set(g, (gradeCounts.get(g) ?? 0) + 1);
    }
  const listed = enough ? gradeLabels(template, rankedOrgs, lang) : [];
  const grades = [
    ...listed.map((grade) => ({ grade, count: gradeCounts.get(grade) ?? 0 })),
    ...[...gradeCounts]
      .filter(([g]) => !listed.includes(g))
      .map(([grade, count]) => ({ grade, count }))
      .sort((a, b) => a.grade.localeCompare(b.grade, 'en', { numeric: true })),
  ];

  const dimIds = new Set(data.groupDimensions.map((d) => d.dimension_id));
  const dimensions = template.dimensions
    .filter((d) => dimIds.has(d.id))
    .map((d) => ({ id: d.id, name: text(d.name, lang) }));
  // By the rules the organizations were scored with: their profiles' (record-only records the
  // figures GB/T 40143 scores by default), the template's when none.
  const plans = [...new Set(orgs.length ? orgs.map((o) => o.profile ?? '') : [''])].flatMap(
    (profile) => resolvePlan(template, profile ? { profile } : {}).value ?? [],
  );
  const recordedOnly = template.dimensions
    .filter((d) => {
      const chosen = plans.flatMap((p) => p.dimensions.filter((x) => x.id === d.id));
      return (
        !dimIds.has(d.id) &&
        chosen.length > 0 &&
        chosen.every((x) => x.groups.every((g) => g.indicators.every((i) => !isScored(i.rule))))
      );
    })
    .map((d) => ({ id: d.id, name: text(d.name, lang) }));
  // The finest groups, then the coarser ones someone is compared with, in the groupings' order.
  const gs = peers.groupings;
  const keyOf = (level: number, row: Record<string, unknown>) => groupKey(gs, level, row);
  const comparedKey = new Map<string, string>();
  const used = new Set<string>();
  for (const o of orgs) {
    if (o.level === null) continue;
    const row = o as unknown as Record<string, unknown>;
    used.add(keyOf(o.level, row));
    comparedKey.set(keyOf(0, row), keyOf(o.level, row));
  }
  const current = data.groups.filter(
    (g) => g.period === period && (g.level === 0 || used.has(keyOf(g.level, g.by))),
  );
  const labelOf = (by: Record<string, unknown>) =>
    Object.keys(by).length ? w.groupName(Object.values(by) as (string | null)[]) : w.allMembers;
  const labels = new Map(current.map((g) => [keyOf(g.level, g.by), labelOf(g.by)]));
  const cell = new Map(
    data.groupDimensions.map((d) => [`${keyOf(d.level, d.by)}|${d.dimension_id}`, d]),
  );
  const rows = current.map((g) => ({
    label: `${labelOf(g.by)}${w.paren(g.suppressed ? `< ${k}` : String(g.n))}`,
    n: g.n,
    cells: dimensions.map((d) => {
      const c = cell.get(`${keyOf(g.level, g.by)}|${d.id}`);
      return g.suppressed || !c?.quartiles ? null : 100 * c.quartiles.median;
    }),
  }));

  let returns: ReturnRates | null = null;
  if (input.roster) {
    const { members, returnedOrgIds } = input.roster;
    const onRoster = new Set(members.map((m) => m.org_id));
    const regions = new Map<string, { rosterSize: number; returned: number }>();
    for (const m of members) {
      const r = regions.get(m.region) ?? { rosterSize: 0, returned: 0 };
      r.rosterSize++;
      if (returnedOrgIds.has(m.org_id)) r.returned++;
      regions.set(m.region, r);
    }
    returns = {
      rosterSize: members.length,
      returned: members.filter((m) => returnedOrgIds.has(m.org_id)).length,
      byRegion: [...regions]
        .map(([region, r]) => ({ region, ...r }))
        .sort((a, b) => a.region.localeCompare(b.region, 'zh-CN')),
      notReturned: members.filter((m) => !returnedOrgIds.has(m.org_id)),
      notOnRoster: [...returnedOrgIds].filter((id) => !onRoster.has(id)).sort(),
    };
  }

  return {
    lang,
    k,
    generatedAt: input.generatedAt,
    template: { id: template.id, version: template.version, title: text(template.title, lang) },
    selection: input.selection ?? data.scope.selection.profile ?? '',
    period,
    n: orgs.length,
    ranked: rankedOrgs.length,
    groupings: gs.map((g) => (g.length ? w.groupColumns(g) : w.allMembers)).join(' → '),
    total,
    histogram,
    grades,
    groups: current.map((g) => {
      const key = keyOf(g.level, g.by);
      const to = g.level === 0 ? comparedKey.get(key) : undefined;
      return {
        label: labelOf(g.by),
        fallback: g.level > 0,
        n: g.n,
        total: g.suppressed ? null : g.total,
        comparedWith: to && to !== key ? (labels.get(to) ?? null) : null,
      };
    }),
    heatmap: { dimensions, rows, recordedOnly },
    returns,
    includePartial: data.scope.includePartial,
    partial: orgs
      .filter((o) => !o.complete)
      .map((o) => ({
        org_id: o.org_id,
        org_name: o.org_name ?? o.org_id,
        unanswered: o.unanswered,
        applicable: o.applicable,
      })),
    flagged: input.flagged,
    rejected: input.rejected,
    stars: input.stars?.members ? { ...input.stars, stars: starShares(input.stars.stars) } : null,
    mode: input.mode ?? null,
    index: orgs.map((o: OrgRow) => ({
      org_id: o.org_id,
      org_name: o.org_name ?? o.org_id,
      region: o.region,
      org_type: o.org_type,
      total: o.total,
      grade: input.grades.get(o.org_id) ?? null,
      flagged: o.flagged,
      ranked: o.ranked,
      file: input.files.get(o.org_id) ?? '',
    })),
  };
}
