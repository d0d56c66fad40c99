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
import { findTemplate } from '../templates/registry.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
import { writeWorkbookBuffer } from '../xlsx/write-workbook.ts';
import { GENERATOR } from '../workbooks/make-workbook.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { printIssues, say } from './cli-print.ts';

export async function runFill(
  file: string,
  opts: { inputs: string; out: string; force?: boolean; lang: Lang },
): Promise<void> {
  if (!/\.xlsx$/i.test(opts.out)) throw UserError.of('cli.out-not-xlsx', { out: opts.out });
  // Filling a workbook in place is a choice; writing over another existing file is a slip.
  if (existsSync(opts.out) && resolve(opts.out) !== resolve(file) && !opts.force)
    throw UserError.of('cli.fill.exists', { out: opts.out });
  const { value: sub, errors: subErrors } = openSubmissionFile(file);
  if (!sub) {
    printIssues(subErrors, opts.lang);
    throw new CliExit(1);
  }
  // The workbook's own version: the one it was read with.
  const template = findTemplate(
    `${sub.metadata.template_id}@${sub.metadata.template_version}`,
  ).value!;
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
    throw UserError.of('cli.fill.nothing-written', { count: errors.length });
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
  process.stdout.write(`${say(opts.lang, 'cli.fill.done', { count: n, out: opts.out })}\n`);
}
