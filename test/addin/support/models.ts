/** Workbook models for the add-in tests: shipped templates with seeded answers, and a synthetic 1,000-indicator plan. */
import { buildMetadata, layoutWorkbook, resolvePlan, type Lang, type Method, type OrgDetails, type PlanDimension, type PlanIndicator, type RowAnswer, type ScoringPlan, type WorkbookModel } from '../../../core/index.ts';
import { shippedTemplates } from '../../../pipeline/templates/registry.ts';

/** Text that a careless writer would turn into formulas, numbers or dates. */
export const TRICKY_ORG: OrgDetails = {
  org_id: '007',
  org_name: '=HYPERLINK("http://x","点我") 阳光志愿者协会',
  region: '+86 深圳',
  org_type: '@社会团体',
  period: '2025',
  evaluator: '-张三',
  contact: '2025-01-02',
};

export function shippedPlan(id: string, choice: { profile?: string; method?: Method; weights?: Record<string, number>; indicators?: string[] } = {}): ScoringPlan {
  const t = shippedTemplates().get(id);
  if (!t) throw new Error(`no template ${id}`);
  const r = resolvePlan(t, choice);
  if (!r.value) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

export function modelOf(plan: ScoringPlan, lang: Lang, extra: { answers?: Map<string, RowAnswer>; rawWeights?: Record<string, number>; org?: OrgDetails } = {}): WorkbookModel {
  const meta = buildMetadata(plan, extra.org ?? TRICKY_ORG, { workbook_id: '6f1c8a52-0000-4000-8000-00000000beef', generated_at: '2025-11-25T08:00:00.000Z', lang, generator: 'scorebook test' });
  return layoutWorkbook(plan, meta, { lang, generator: 'scorebook test', ...(extra.answers ? { answers: extra.answers } : {}), ...(extra.rawWeights ? { rawWeights: extra.rawWeights } : {}) });
}

/**
 * n indicators in 10 first-level × 10 second-level groups, their rules taken in turn from every
 * shipped template (binary, bands, scale, manual, record …), so the sheet has each kind of formula.
 */
export function syntheticPlan(n: number): ScoringPlan {
  const pool: PlanIndicator[] = [...shippedTemplates().keys()].flatMap((id) => shippedPlan(id).indicators);
  const perGroup = Math.ceil(n / 100);
  const dimensions: PlanDimension[] = [];
  const indicators: PlanIndicator[] = [];
  let k = 0;
  for (let d = 1; d <= 10; d++) {
    const dim: PlanDimension = { id: String(d), name: { 'zh-CN': `一级指标${d}`, en: `Dimension ${d}` }, weight: 0.1, groups: [] };
    for (let g = 1; g <= 10 && k < n; g++) {
      const group = { id: `${d}.${g}`, name: { 'zh-CN': `二级指标${d}.${g}`, en: `Group ${d}.${g}` }, indicators: [] as PlanIndicator[] };
      for (let i = 1; i <= perGroup && k < n; i++, k++) {
        const src = pool[k % pool.length]!;
        const ind: PlanIndicator = { ...src, id: `${d}.${g}.${i}`, dimensionId: dim.id, groupId: group.id };
        group.indicators.push(ind);
        indicators.push(ind);
      }
      dim.groups.push(group);
    }
    if (dim.groups.length) dimensions.push(dim);
  }
  return {
    template: { id: 'synthetic-1000', version: '1', title: { 'zh-CN': '合成模板', en: 'Synthetic template' } },
    profile: null,
    method: 'mean',
    grades: shippedPlan('gbt-40143-2021', { profile: 'annex-b-example' }).grades,
    dimensions,
    indicators,
  };
}
