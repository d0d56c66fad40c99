/**
 * Template + a choice (a named profile, the evaluator's ticks and weights, a method) → the
 * scoring plan every writer and the engine work from: the chosen indicators in template order,
 * each with the rule that applies, and first-level weights normalized over the chosen
 * dimensions.
 */
import { issue, type Issue, type Result } from '../issues.ts';
import { sortGrades } from '../grades/grade-bands.ts';
import { perOf } from '../rules/kinds/per-figure.ts';
import type { LocalizedText } from '../text.ts';
import type { GradeBand, Method, Rule, Template } from '../template/schema.ts';

export interface PlanIndicator {
  id: string;
  dimensionId: string;
  groupId: string;
  name: LocalizedText;
  description?: LocalizedText;
  note?: LocalizedText;
  unit?: string;
  rule: Rule;
}

export interface PlanGroup {
  id: string;
  name: LocalizedText;
  indicators: PlanIndicator[];
}

export interface PlanDimension {
  id: string;
  name: LocalizedText;
  /** Normalized: the weights of the chosen dimensions sum to 1. */
  weight: number;
  groups: PlanGroup[];
}

export interface ScoringPlan {
  template: { id: string; version: string; title: LocalizedText };
  profile: { id: string; name: LocalizedText } | null;
  method: Method;
  grades: GradeBand[];
  dimensions: PlanDimension[];
  indicators: PlanIndicator[];
}

export interface PlanChoice {
  profile?: string;
  method?: Method;
  /** Third-level ids to keep; the profile's (or all) when absent. */
  indicators?: readonly string[];
  /** First-level weights by dimension id; any positive numbers, normalized here. */
  weights?: Readonly<Record<string, number>>;
}

export function resolvePlan(t: Template, choice: PlanChoice = {}): Result<ScoringPlan> {
  const errors: Issue[] = [];
  const profile = choice.profile ? t.profiles?.find((p) => p.id === choice.profile) : undefined;
  if (choice.profile && !profile) {
    const available = (t.profiles ?? []).map((p) => p.id).join(', ');
    return {
      value: undefined,
      errors: [
        issue('profile.not-found', ['profile'], { id: choice.profile, template: t.id, available }),
      ],
    };
  }

  const allIds = new Set(
    t.dimensions.flatMap((d) => d.groups.flatMap((g) => g.indicators.map((i) => i.id))),
  );
  const wanted = new Set(choice.indicators ?? profile?.indicators ?? allIds);
  for (const id of wanted)
    if (!allIds.has(id)) errors.push(issue('choice.unknown-indicator', ['indicators'], { id }));

  const rawWeights: Record<string, number | undefined> = {};
  const dims: PlanDimension[] = [];
  const flat: PlanIndicator[] = [];
  for (const d of t.dimensions) {
    const groups: PlanGroup[] = [];
    for (const g of d.groups) {
      const indicators: PlanIndicator[] = [];
      for (const ind of g.indicators) {
        if (!wanted.has(ind.id)) continue;
        const rule = profile?.rules?.[ind.id] ?? ind.rule;
        const planned: PlanIndicator = {
          id: ind.id,
          dimensionId: d.id,
          groupId: g.id,
          name: ind.name,
          rule,
        };
        if (ind.description) planned.description = ind.description;
        if (ind.note) planned.note = ind.note;
        if (ind.unit) planned.unit = ind.unit;
        indicators.push(planned);
        flat.push(planned);
      }
      if (indicators.length) groups.push({ id: g.id, name: g.name, indicators });
    }
    if (!groups.length) continue;
    // The first source that states weights states all of them: the evaluator's, the profile's, the template's, else equal.
    const w = choice.weights
      ? choice.weights[d.id]
      : profile?.weights
        ? profile.weights[d.id]
        : (d.weight ?? 1);
    // A weight the evaluator set to 0 in the workbook is allowed: that dimension then counts for nothing.
    if (w === undefined || !Number.isFinite(w) || w < 0 || (w === 0 && !choice.weights)) {
      errors.push(
        issue(w === undefined ? 'profile.missing-weight' : 'choice.weight', ['weights', d.id], {
          id: d.id,
          value: w ?? '',
        }),
      );
    }
    rawWeights[d.id] = w;
    dims.push({ id: d.id, name: d.name, weight: w ?? 0, groups });
  }
  if (!flat.length) errors.push(issue('choice.empty', ['indicators']));
  // A figure taken per another indicator's figure needs that one on the sheet too.
  for (const ind of flat) {
    const per = perOf(ind.rule);
    if (per && allIds.has(per.indicator) && !wanted.has(per.indicator))
      errors.push(
        issue('choice.per-missing', ['indicators'], {
          id: ind.id,
          per: per.indicator,
          label: per.label['zh-CN'],
          label_en: per.label.en,
        }),
      );
  }
  if (errors.length) return { value: undefined, errors };

  const total = dims.reduce((a, d) => a + d.weight, 0);
  for (const d of dims) d.weight = total > 0 ? d.weight / total : 0;

  return {
    value: {
      template: { id: t.id, version: t.version, title: t.title },
      profile: profile ? { id: profile.id, name: profile.name } : null,
      method: choice.method ?? profile?.method ?? t.method,
      grades: sortGrades(profile?.grades ?? t.grades ?? []),
      dimensions: dims,
      indicators: flat,
    },
    errors: [],
  };
}
