/**
 * `scorebook fill FILE.xlsx --inputs inputs.csv --out OUT.xlsx`: values from another system
 * into the input cells, by indicator id. All or nothing: any bad row and nothing is written.
 * The workbook is rebuilt from its own metadata with the answers it already had, so formulas,
 * validations and cached results stay exactly as the contract says.
 */
import { writeFileSync } from 'node:fs';
import { collectInputs, issue, layoutWorkbook, toCellAnswer, type Issue, type Lang } from '../../core/index.ts';
import { readInputsFile } from '../inputs/read-inputs.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
import { writeWorkbookBuffer } from '../xlsx/write-workbook.ts';
import { GENERATOR } from '../workbooks/make-workbook.ts';
import { CliExit, printIssues } from './cli-context.ts';

export async function runFill(file: string, opts: { inputs: string; out: string; lang: Lang }): Promise<void> {
  const { value: sub, errors: subErrors } = openSubmissionFile(file);
  if (!sub) {
    printIssues(subErrors, opts.lang);
    throw new CliExit(1);
  }
  const template = shippedTemplates().get(sub.metadata.template_id)!;
  const read = readInputsFile(opts.inputs);
  const collected = collectInputs(template, sub.plan, read.rows);
  const errors: Issue[] = [...read.errors, ...collected.errors.map((e) => ({ ...e, file: opts.inputs }))];
  const answers = new Map(sub.answers);
  const byId = new Map(sub.plan.indicators.map((i) => [i.id, i]));
  for (const [id, raw] of collected.inputs) {
    const ind = byId.get(id)!;
    const cell = toCellAnswer(ind.rule, ind.unit, raw, sub.metadata.lang);
    if (!cell.ok) {
      const e = { ...issue(cell.code, ['inputs', id], { id, ...cell.params }), file: opts.inputs } as Issue;
      const row = collected.rows.get(id);
      if (row !== undefined) e.row = row;
      errors.push(e);
      continue;
    }
    answers.set(id, { ...answers.get(id), ...cell.answer });
  }
  if (errors.length) {
    printIssues(errors, opts.lang);
    process.stderr.write(opts.lang === 'zh-CN' ? `未写入任何内容(${errors.length} 个问题)。\n` : `Nothing was written (${errors.length} problem(s)).\n`);
    throw new CliExit(1);
  }
  const model = layoutWorkbook(sub.plan, sub.metadata, { lang: sub.metadata.lang, answers, rawWeights: sub.rawWeights, generator: GENERATOR });
  writeFileSync(opts.out, await writeWorkbookBuffer(model));
  const n = collected.inputs.size;
  process.stdout.write(opts.lang === 'zh-CN' ? `已填写 ${n} 个指标,写入 ${opts.out}\n` : `Filled ${n} indicator(s) into ${opts.out}\n`);
}
