/**
 * What generating a plan's sheet costs in Office.js terms, for `npm run bench`: the number of
 * context.sync() calls and the bytes of the requests, measured by running the real writer
 * against the recording fake of Excel (a new workbook, ExcelApi 1.8). The bytes are the JSON of
 * the recorded operations: the same order of size as Office.js's own request body, which carries
 * the same values and a comparable envelope per operation.
 *
 * From Node (the bench):
 *   const templates = shippedTemplates();                       // pipeline/templates/registry.ts
 *   for (const { label, plan } of addinBenchPlans(templates)) {
 *     const { syncs, payloadBytes, largestRequestBytes } = await measureAddinGeneration(plan);
 *   }
 */
import {
  buildMetadata,
  layoutWorkbook,
  resolvePlan,
  type Lang,
  type ScoringPlan,
  type Template,
} from '../core/index.ts';
import { FakeExcel } from '../addin/fake/fake-excel.ts';
import { writeWorkbookModel } from '../addin/src/office-writer.ts';
import { syntheticPlan } from '../addin/src/synthetic-plan.ts';

export interface AddinGenerationFigures {
  syncs: number;
  /** All requests of the generation together. */
  payloadBytes: number;
  /** The largest single request (Excel on the web refuses one over 5 MB). */
  largestRequestBytes: number;
  operations: number;
}

export async function measureAddinGeneration(
  plan: ScoringPlan,
  lang: Lang = 'zh-CN',
): Promise<AddinGenerationFigures> {
  const meta = buildMetadata(
    plan,
    {
      org_id: 'M001',
      org_name: '阳光志愿者协会',
      region: '深圳',
      org_type: '社会团体',
      period: '2025',
      evaluator: '评价人',
    },
    {
      workbook_id: '00000000-0000-4000-8000-000000000000',
      generated_at: '2025-01-01T00:00:00.000Z',
      lang,
      generator: 'scorebook bench',
    },
  );
  const model = layoutWorkbook(plan, meta, { lang });
  const excel = new FakeExcel({ apiVersion: 1.8 });
  await excel.run((ctx) => writeWorkbookModel(ctx, model));
  const sizes = excel.log.syncs.map((s) => s.bytes);
  return {
    syncs: excel.log.syncs.length,
    payloadBytes: sizes.reduce((a, b) => a + b, 0),
    largestRequestBytes: Math.max(...sizes),
    operations: excel.log.syncs.reduce((a, s) => a + s.ops.length, 0),
  };
}

/** The two plans the issue asks the bench to measure: GB/T 40143-2021 (all 95 indicators) and a synthetic 1,000-indicator plan. */
export function addinBenchPlans(
  templates: ReadonlyMap<string, Template>,
): { label: string; plan: ScoringPlan }[] {
  const gbt = templates.get('gbt-40143-2021');
  const out: { label: string; plan: ScoringPlan }[] = [];
  if (gbt) {
    const r = resolvePlan(gbt, {});
    if (r.value)
      out.push({
        label: `gbt-40143-2021 (${r.value.indicators.length} indicators)`,
        plan: r.value,
      });
  }
  out.push({ label: 'synthetic (1,000 indicators)', plan: syntheticPlan(1000, templates) });
  return out;
}
