/** The bench's returned workbooks: GB/T 40143 (95 indicators) with random plausible answers, one per organization. */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePlan } from '../core/index.ts';
import { shippedTemplates } from '../pipeline/templates/registry.ts';
import { prepareStamp, stampWorkbook } from '../pipeline/workbooks/stamp-workbook.ts';
import { randomAnswers, rng } from '../pipeline/synthetic/random-answers.ts';

/** Writes `files` returns R0.xlsx … into `dir`; returns their paths and the indicators per return. */
export async function writeReturnedWorkbooks(
  dir: string,
  files: number,
): Promise<{ paths: string[]; indicators: number }> {
  const plan = resolvePlan(shippedTemplates().get('gbt-40143-2021')!, {}).value!;
  const stamp = await prepareStamp(plan, 'zh-CN', randomAnswers(plan, 'zh-CN', rng(1)));
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const path = join(dir, `R${i}.xlsx`);
    writeFileSync(
      path,
      stampWorkbook(stamp, {
        org_id: `M${i}`,
        org_name: `第${i}协会`,
        region: ['深圳', '武汉'][i % 2]!,
        org_type: '社会团体',
        period: '2025',
        evaluator: '秘书处',
        contact: '',
        workbook_id: randomUUID(),
        generated_at: new Date().toISOString(),
      }),
    );
    paths.push(path);
  }
  return { paths, indicators: plan.indicators.length };
}
