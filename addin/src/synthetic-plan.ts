/**
 * A scoring plan of any size for measuring the add-in (tests and `npm run bench`): n indicators
 * in 10 first-level × 10 second-level groups, their rules taken in turn from every template
 * given (binary, bands, scale, manual, record …), so the sheet has each kind of formula. Pure:
 * the caller passes the templates (the CLI's shippedTemplates(), or the pane's bundled ones).
 */
import {
  perOf,
  resolvePlan,
  ruleKind,
  type Rule,
  type PlanDimension,
  type PlanIndicator,
  type ScoringPlan,
  type Template,
} from '../../core/index.ts';

function planOf(t: Template, profile?: string): ScoringPlan {
  const r = resolvePlan(t, profile ? { profile } : {});
  if (!r.value) throw new Error(`template ${t.id}: ${JSON.stringify(r.errors)}`);
  return r.value;
}

export function syntheticPlan(n: number, templates: ReadonlyMap<string, Template>): ScoringPlan {
  const pool: PlanIndicator[] = [...templates.values()].flatMap((t) => planOf(t).indicators);
  if (!pool.length) throw new Error('syntheticPlan needs at least one template with indicators');
  const perGroup = Math.ceil(n / 100);
  const dimensions: PlanDimension[] = [];
  const indicators: PlanIndicator[] = [];
  let k = 0;
  for (let d = 1; d <= 10; d++) {
    const dim: PlanDimension = {
      id: String(d),
      name: { 'zh-CN': `一级指标${d}`, en: `Dimension ${d}` },
      weight: 0.1,
      groups: [],
    };
    for (let g = 1; g <= 10 && k < n; g++) {
      const group = {
        id: `${d}.${g}`,
        name: { 'zh-CN': `二级指标${d}.${g}`, en: `Group ${d}.${g}` },
        indicators: [] as PlanIndicator[],
      };
      for (let i = 1; i <= perGroup && k < n; i++, k++) {
        const src = pool[k % pool.length]!;
        const ind: PlanIndicator = {
          ...src,
          id: `${d}.${g}.${i}`,
          dimensionId: dim.id,
          groupId: group.id,
        };
        group.indicators.push(ind);
        indicators.push(ind);
      }
      dim.groups.push(group);
    }
    if (dim.groups.length) dimensions.push(dim);
  }
  // A rule taken per another indicator's figure names that one's id in its template: point it
  // at a figure of this plan instead, so that its formula is the one a real sheet carries.
  const figure = indicators.find((i) => ruleKind(i.rule).entry === 'figure' && !perOf(i.rule));
  for (const ind of indicators) {
    const per = perOf(ind.rule);
    if (per && figure) ind.rule = { ...ind.rule, per: { ...per, indicator: figure.id } } as Rule;
  }
  const gbt = templates.get('gbt-40143-2021');
  return {
    template: {
      id: `synthetic-${n}`,
      version: '1',
      title: { 'zh-CN': '合成模板', en: 'Synthetic template' },
    },
    profile: null,
    method: 'mean',
    grades: gbt ? planOf(gbt, 'annex-b-example').grades : [],
    dimensions,
    indicators,
  };
}
