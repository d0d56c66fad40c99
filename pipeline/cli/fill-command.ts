/**
 * `scorebook fill FILE.xlsx --inputs inputs.csv --out OUT.xlsx`: values from another system
 * into the input cells, by indicator id. All or nothing: any bad row and nothing is written.
 * The workbook is rebuilt from its own metadata with the answers it already had, so formulas,
 * validations and cached results stay exactly as the contract says.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  collectInputs,
  issue,
  layoutWorkbook,
  toCellAnswer,
  type Issue,
  type Lang,
} from '../../core/index.ts';
import { readInputsFile } from '../inputs/read-inputs.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
import { writeWorkbookBuffer } from '../xlsx/write-workbook.ts';
import { GENERATOR } from '../workbooks/make-workbook.ts';
import { CliExit, printIssues } from './cli-context.ts';

export async function runFill(
  file: string,
  opts: { inputs: string; out: string; force?: boolean; lang: Lang },
): Promise<void> {
  const zh = opts.lang === 'zh-CN';
  if (!/\.xlsx$/i.test(opts.out)) {
    process.stderr.write(
      zh
        ? `输出文件应以 .xlsx 结尾：${opts.out}\n`
        : `The output file must end in .xlsx: ${opts.out}\n`,
    );
    throw new CliExit(1);
  }
  // Filling a workbook in place is a choice; writing over another existing file is a slip.
  if (existsSync(opts.out) && resolve(opts.out) !== resolve(file) && !opts.force) {
    process.stderr.write(
      zh
        ? `${opts.out} 已存在，未覆盖。要替换它请加 --force；要在原工作簿上填写，--out 写原文件名。\n`
        : `${opts.out} already exists and was not overwritten. Add --force to replace it; to fill the workbook in place, give its own name as --out.\n`,
    );
    throw new CliExit(1);
  }
  const { value: sub, errors: subErrors } = openSubmissionFile(file);
  if (!sub) {
    printIssues(subErrors, opts.lang);
    throw new CliExit(1);
  }
  const template = shippedTemplates().get(sub.metadata.template_id)!;
  const read = readInputsFile(opts.inputs);
  const collected = collectInputs(template, sub.plan, read.rows);
  const errors: Issue[] = [
    ...read.errors,
    ...collected.errors.map((e) => ({ ...e, file: opts.inputs })),
  ];
  const answers = new Map(sub.answers);
  const byId = new Map(sub.plan.indicators.map((i) => [i.id, i]));
  for (const [id, raw] of collected.inputs) {
    const ind = byId.get(id)!;
    const cell = toCellAnswer(ind.rule, ind.unit, raw, sub.metadata.lang);
    if (!cell.ok) {
      const e = {
        ...issue(cell.code, ['inputs', id], { id, ...cell.params }),
        file: opts.inputs,
      } as Issue;
      const row = collected.rows.get(id);
      if (row !== undefined) e.row = row;
      errors.push(e);
      continue;
    }
    answers.set(id, { ...answers.get(id), ...cell.answer });
  }
  if (errors.length) {
    printIssues(errors, opts.lang);
    process.stderr.write(
      opts.lang === 'zh-CN'
        ? `未写入任何内容（${errors.length} 个问题）。\n`
        : `Nothing was written (${errors.length} problem(s)).\n`,
    );
    throw new CliExit(1);
  }
  const model = layoutWorkbook(sub.plan, sub.metadata, {
    lang: sub.metadata.lang,
    answers,
    rawWeights: sub.rawWeights,
    generator: GENERATOR,
  });
  const bytes = await writeWorkbookBuffer(model);
  mkdirSync(dirname(resolve(opts.out)), { recursive: true });
  writeFileSync(opts.out, bytes);
  const n = collected.inputs.size;
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `已填写 ${n} 个指标，写入 ${opts.out}\n`
      : `Filled ${n} indicator(s) into ${opts.out}\n`,
  );
}
