/**
 * The secretariat's summary and the index of reports as plain data: the distribution of totals
 * and grades, first-level medians by peer group (k-suppressed cells are null), return rates
 * against the roster, the submissions flagged at ingest. Pure: built from loaded rows.
 */
import { isScored, resolvePlan, text, type Lang, type Template } from '../../core/index.ts';
import type { FlaggedRow, OrgRow, Quartiles, ScopeData } from './load-report-data.ts';
import { groupLabel } from './page-shell.ts';
import { reportWords } from './report-words.ts';

export interface SummaryGroup {
  region: string | null;
  org_type: string | null;
  n: number;
  /** null when n < k */
  total: (Quartiles & { min: number; max: number; mean: number }) | null;
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
  file: string;
}

export interface SummaryModel {
  lang: Lang;
  k: number;
  generatedAt: string;
  template: { id: string; version: string; title: string };
  period: string;
  n: number;
  /** over all organizations; null when fewer than k */
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
  flagged: FlaggedRow[];
  rejected: number;
  index: IndexEntry[];
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
  generatedAt: string;
  /** the report file of each organization, relative to the index */
  files: Map<string, string>;
  grades: Map<string, string | null>;
  flagged: FlaggedRow[];
  rejected: number;
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
  const { k, period } = data.scope;
  const orgs = data.orgs;
  const totals = orgs.map((o) => o.total).sort((a, b) => a - b);
  const enough = orgs.length >= k;
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
    for (const o of orgs) {
      const g = input.grades.get(o.org_id);
      if (g) gradeCounts.set(g, (gradeCounts.get(g) ?? 0) + 1);
    }
  const listed = enough ? gradeLabels(template, orgs, lang) : [];
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
  const cell = new Map(
    data.groupDimensions.map((d) => [
      `${JSON.stringify([d.region, d.org_type])}|${d.dimension_id}`,
      d,
    ]),
  );
  const rows = data.groups.map((g) => ({
    label: `${groupLabel(g.region, g.org_type)}${reportWords(lang).paren(g.suppressed ? `< ${k}` : String(g.n))}`,
    n: g.n,
    cells: dimensions.map((d) => {
      const c = cell.get(`${JSON.stringify([g.region, g.org_type])}|${d.id}`);
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
    period,
    n: orgs.length,
    total,
    histogram,
    grades,
    groups: data.groups.map((g) => ({
      region: g.region,
      org_type: g.org_type,
      n: g.n,
      total: g.suppressed ? null : g.total,
    })),
    heatmap: { dimensions, rows, recordedOnly },
    returns,
    flagged: input.flagged,
    rejected: input.rejected,
    index: orgs.map((o: OrgRow) => ({
      org_id: o.org_id,
      org_name: o.org_name ?? o.org_id,
      region: o.region,
      org_type: o.org_type,
      total: o.total,
      grade: input.grades.get(o.org_id) ?? null,
      flagged: o.flagged,
      file: input.files.get(o.org_id) ?? '',
    })),
  };
}
