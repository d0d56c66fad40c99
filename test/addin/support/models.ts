/** Workbook models for the add-in tests: shipped templates with seeded answers, and a synthetic 1,000-indicator plan. */
import {
  buildMetadata,
  layoutWorkbook,
  resolvePlan,
  type Lang,
  type Method,
  type OrgDetails,
  type RowAnswer,
  type ScoringPlan,
  type WorkbookModel,
} from '../../../core/index.ts';
import { syntheticPlan as syntheticPlanOf } from '../../../addin/src/synthetic-plan.ts';
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

export function shippedPlan(
  id: string,
  choice: {
    profile?: string;
    method?: Method;
    weights?: Record<string, number>;
    indicators?: string[];
  } = {},
): ScoringPlan {
  const t = shippedTemplates().get(id);
  if (!t) throw new Error(`no template ${id}`);
  const r = resolvePlan(t, choice);
  if (!r.value) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

export function modelOf(
  plan: ScoringPlan,
  lang: Lang,
  extra: {
    answers?: Map<string, RowAnswer>;
    rawWeights?: Record<string, number>;
    org?: OrgDetails;
  } = {},
): WorkbookModel {
  const meta = buildMetadata(plan, extra.org ?? TRICKY_ORG, {
    workbook_id: '6f1c8a52-0000-4000-8000-00000000beef',
    generated_at: '2025-11-25T08:00:00.000Z',
    lang,
    generator: 'scorebook test',
  });
  return layoutWorkbook(plan, meta, {
    lang,
    generator: 'scorebook test',
    ...(extra.answers ? { answers: extra.answers } : {}),
    ...(extra.rawWeights ? { rawWeights: extra.rawWeights } : {}),
  });
}

/** The synthetic plan of the bench (addin/src/synthetic-plan.ts) from the shipped templates. */
export function syntheticPlan(n: number): ScoringPlan {
  return syntheticPlanOf(n, shippedTemplates());
}
