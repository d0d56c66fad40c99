/**
 * `scorebook fill FILE.xlsx --inputs inputs.csv --out OUT.xlsx`: values from another system
 * into the input cells, by indicator id (or, with --records, from a volunteer service records
 * export, for one workbook or a roster folder: fill-records.ts). All or nothing: any bad row and nothing is written.
 * The workbook is rebuilt from its own metadata with the answers it already had, so formulas,
 * validations and cached results stay exactly as the contract says.
 */
import { existsSync, statSync } from 'node:fs';
import { ensureFolder, writeWholeSync } from '../files/write-whole.ts';
import { dirname, resolve } from 'node:path';
import {
  collectInputs,
  issue,
  layoutWorkbook,
  toCellAnswer,
  type Issue,
  type Lang,
  type RowAnswer,
  type Submission,
  type WorkbookMetadata,
} from '../../core/index.ts';
import { readInputsFile } from '../inputs/read-inputs.ts';
import { findTemplate } from '../templates/registry.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
import { writeWorkbookBuffer } from '../xlsx/write-workbook.ts';
import { GENERATOR } from '../workbooks/make-workbook.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { printIssues, say } from './cli-print.ts';

export interface FillOptions {
  inputs?: string;
  /** a volunteer service records export (docs/records.md) */
  records?: string;
  /** the records' period; the workbook's own period when absent */
  period?: string;
  out: string;
  force?: boolean;
  lang: Lang;
}

export async function runFill(target: string, opts: FillOptions): Promise<void> {
  if (!opts.inputs === !opts.records) throw UserError.of('fill.inputs-or-records');
  if (existsSync(target) && statSync(target).isDirectory()) {
    if (!opts.records) throw UserError.of('fill.folder-needs-records', { path: target });
    const { fillFolderFromRecords } = await import('./fill-records.ts');
    return fillFolderFromRecords(target, { ...opts, records: opts.records });
  }
  if (!/\.xlsx$/i.test(opts.out)) throw UserError.of('cli.out-not-xlsx', { out: opts.out });
  // Filling a workbook in place is a choice; writing over another existing file is a slip.
  if (existsSync(opts.out) && resolve(opts.out) !== resolve(target) && !opts.force)
    throw UserError.of('cli.fill.exists', { out: opts.out });
  const { value: sub, errors: subErrors } = openSubmissionFile(target);
  if (!sub) {
    printIssues(subErrors, opts.lang);
    throw new CliExit(1);
  }
  let filled: { answers: Map<string, RowAnswer>; count: number; metadata?: WorkbookMetadata };
  if (opts.records) {
    const { recordAnswers, readRecordsOnce } = await import('./fill-records.ts');
    const file = readRecordsOnce(opts.records, opts.lang);
    const got = recordAnswers(file, sub, target, { ...opts, records: opts.records });
    if (!got.value) {
      printIssues(got.errors, opts.lang);
      throw new CliExit(1);
    }
    filled = got.value;
  } else filled = answersFromInputs(sub, opts.inputs!, opts.lang);
  await writeFilled(sub, filled.answers, opts.out, filled.metadata);
  process.stdout.write(
    `${say(opts.lang, 'cli.fill.done', { count: filled.count, out: opts.out })}\n`,
  );
}

/** The workbook's answers with an inputs file's values written in; nothing if any row is bad. */
function answersFromInputs(
  sub: Submission,
  inputs: string,
  lang: Lang,
): { answers: Map<string, RowAnswer>; count: number } {
  // The workbook's own version: the one it was read with.
  const template = findTemplate(
    `${sub.metadata.template_id}@${sub.metadata.template_version}`,
  ).value!;
  const read = readInputsFile(inputs);
  const collected = collectInputs(template, sub.plan, read.rows);
  const errors: Issue[] = [
    ...read.errors,
    ...collected.errors.map((e) => ({ ...e, file: inputs })),
  ];
  const answers = new Map(sub.answers);
  const byId = new Map(sub.plan.indicators.map((i) => [i.id, i]));
  for (const [id, raw] of collected.inputs) {
    const ind = byId.get(id)!;
    const cell = toCellAnswer(ind.rule, ind.unit, raw, sub.metadata.lang);
    if (!cell.ok) {
      const e = {
        ...issue(cell.code, ['inputs', id], { id, ...cell.params }),
        file: inputs,
      } as Issue;
      const row = collected.rows.get(id);
      if (row !== undefined) e.row = row;
      errors.push(e);
      continue;
    }
    answers.set(id, { ...answers.get(id), ...cell.answer });
  }
  if (errors.length) {
    printIssues(errors, lang);
    throw UserError.of('cli.fill.nothing-written', { count: errors.length });
  }
  return { answers, count: collected.inputs.size };
}

/** The workbook rebuilt from its own metadata with these answers, written to `out`. */
export async function writeFilled(
  sub: Submission,
  answers: ReadonlyMap<string, RowAnswer>,
  out: string,
  /** the metadata to write, when filling changes it (the records' star counts) */
  metadata: WorkbookMetadata = sub.metadata,
): Promise<void> {
  const model = layoutWorkbook(sub.plan, metadata, {
    lang: sub.metadata.lang,
    answers,
    rawWeights: sub.rawWeights,
    generator: GENERATOR,
  });
  const bytes = await writeWorkbookBuffer(model);
  ensureFolder(dirname(resolve(out)));
  writeWholeSync(out, bytes);
}
