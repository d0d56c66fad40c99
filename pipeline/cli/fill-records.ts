/**
 * `fill --records`: a volunteer service records export counted into each workbook's indicators
 * (pipeline/records/), for one workbook or a roster folder matched by organization id. A
 * member whose rows give nothing, or a workbook of another template, is listed, not an error.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  issue,
  message,
  parseRecordPeriod,
  type Issue,
  type Lang,
  type Result,
  type RowAnswer,
  type Submission,
  type WorkbookMetadata,
} from '../../core/index.ts';
import { checkRecordsFile, recordsOf, type CheckedFile } from '../records/load-records.ts';
import { recordsFill, withRecordAnswers } from '../records/fill-from-records.ts';
import { UserError } from '../user-error.ts';
import { terminalText } from '../terminal/escape.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
import { CliExit } from './cli-context.ts';
import { printIssues, say } from './cli-print.ts';
import { writeFilled, type FillOptions } from './fill-action.ts';

/** The records file read and checked once: a roster folder's members each take their rows. */
export function readRecordsOnce(file: string, lang: Lang): CheckedFile {
  const checked = checkRecordsFile(file);
  if (!checked.value) {
    printIssues(checked.errors, lang);
    throw new CliExit(1);
  }
  return checked.value;
}

/**
 * One workbook's answers with the records' figures and notes: the organization's rows (by the
 * workbook's org_id where the file names organizations), counted over --period or the
 * workbook's own period. Skipped indicators are said (on stderr unless `tell` says otherwise).
 */
export function recordAnswers(
  file: CheckedFile,
  sub: Submission,
  workbook: string,
  opts: FillOptions & { records: string },
  /** Where the indicators left unfilled are said; stderr, naming the workbook, unless told. */
  tell: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Result<{ answers: Map<string, RowAnswer>; count: number; metadata: WorkbookMetadata }> {
  const period = opts.period ?? sub.metadata.period;
  if (!parseRecordPeriod(period).value) {
    const errors = opts.period
      ? parseRecordPeriod(period).errors
      : [issue('fill.period-needed', [], { file: workbook, period })];
    return { value: undefined, errors };
  }
  const org = file.read.columns.org !== undefined ? sub.metadata.org_id : undefined;
  const loaded = recordsOf(file, period, org);
  if (!loaded.value) return { value: undefined, errors: loaded.errors };
  const fill = recordsFill(loaded.value, sub.plan, sub.metadata.lang);
  for (const sk of fill.skipped) {
    const reason = message(issue(`fill.skip.${sk.reason}`, []), opts.lang);
    // Over a roster folder the same words come for many members: each line names its workbook.
    tell(
      terminalText(
        `${basename(workbook)}  ${say(opts.lang, 'fill.records-skipped', { id: sk.id, reason })}`,
      ),
    );
  }
  const { answers, errors } = withRecordAnswers(sub.answers, sub.plan, fill, sub.metadata.lang);
  if (errors.length)
    return { value: undefined, errors: errors.map((e) => ({ ...e, file: workbook })) };
  const metadata = { ...sub.metadata, volunteer_stars: fill.stars };
  return { value: { answers, count: fill.rows.length, metadata }, errors: [] };
}

/** Every workbook directly in `folder`, filled from the records of its organization. */
export async function fillFolderFromRecords(
  folder: string,
  opts: FillOptions & { records: string },
): Promise<void> {
  const out = opts.out;
  if (existsSync(out) && !statSync(out).isDirectory())
    throw UserError.of('fill.out-folder', { path: folder, out });
  if (/\.xlsx$/i.test(out) && !existsSync(out))
    throw UserError.of('fill.out-folder', { path: folder, out });
  const file = readRecordsOnce(opts.records, opts.lang);
  if (file.read.columns.org === undefined)
    throw UserError.of('fill.records-no-org', { file: opts.records });
  const inPlace = resolve(out) === resolve(folder);
  const workbooks = readdirSync(folder)
    .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('~$'))
    .sort();
  let filled = 0;
  let skipped = 0;
  const problems: Issue[] = [];
  for (const name of workbooks) {
    const path = join(folder, name);
    const target = join(out, name);
    const { value: sub, errors } = openSubmissionFile(path);
    if (!sub) {
      problems.push(...errors);
      skipped++;
      continue;
    }
    const org = sub.metadata.org_id;
    if (!file.orgs.includes(org.normalize('NFKC').trim())) {
      const reason = message(issue('fill.member-no-records', []), opts.lang);
      process.stderr.write(
        `${say(opts.lang, 'fill.member-skipped', { file: name, org, reason })}\n`,
      );
      skipped++;
      continue;
    }
    if (!inPlace && existsSync(target) && !opts.force) {
      problems.push({ ...issue('cli.fill.exists', [], { out: target }), file: target });
      skipped++;
      continue;
    }
    const got = recordAnswers(file, sub, path, opts);
    if (!got.value) {
      problems.push(...got.errors);
      skipped++;
      continue;
    }
    await writeFilled(sub, got.value.answers, target, got.value.metadata);
    filled++;
  }
  printIssues(problems, opts.lang);
  process.stdout.write(`${say(opts.lang, 'fill.folder-done', { filled, skipped, out })}\n`);
  // A member without records is expected (not every member keeps them); a bad file is not.
  if (problems.length) throw new CliExit(filled ? 3 : 1);
}
