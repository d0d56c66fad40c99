/**
 * `scorebook generate ID --roster members.csv --out DIR`: one pre-filled workbook per member,
 * a readable safe file name each, and DIR/manifest.csv to track what comes back.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { EvaluationMode, Lang, ScoringPlan } from '../../core/index.ts';
import { readRosterFile } from '../roster/read-roster.ts';
import { safeFileName, uniqueFileName } from '../roster/safe-file-name.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { stampInParallel, type StampJob } from '../workbooks/stamp-pool.ts';
import { prepareStamp } from '../workbooks/stamp-workbook.ts';
import { UserError } from '../user-error.ts';
import { ensureFolder, writeWholeSync } from '../files/write-whole.ts';
import { issue } from '../../core/index.ts';
import { CliExit } from './cli-context.ts';
import { printIssues, say } from './cli-print.ts';
import { startProgress } from './progress.ts';

export interface RosterGenerateOptions {
  roster: string;
  out: string;
  period?: string;
  evaluator?: string;
  workers?: number;
  /** Replace a folder that already has a manifest. */
  force?: boolean;
  /** The language of messages. */
  lang: Lang;
  /** The language of the workbooks. */
  workbookLang: Lang;
  editableWeights?: boolean;
  /** The evaluation mode of members whose row gives none (generate --mode). */
  mode?: EvaluationMode;
}

export async function runRosterGenerate(
  plan: ScoringPlan,
  opts: RosterGenerateOptions,
): Promise<void> {
  const roster = readRosterFile(opts.roster);
  printIssues([...roster.errors, ...roster.warnings], opts.lang);
  if (!roster.members.length) throw UserError.of('cli.roster.no-member');
  // Every later ingest would reject a workbook without a period: refuse before writing any.
  const noPeriod = roster.members.filter((m) => !m.period && !opts.period);
  if (noPeriod.length) {
    const rows = noPeriod.map((m) => m.row);
    throw UserError.of('cli.roster.no-period', {
      count: noPeriod.length,
      rows: rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : ''),
      all: noPeriod.length === roster.members.length,
    });
  }
  if (existsSync(opts.out) && !statSync(opts.out).isDirectory())
    throw UserError.of('cli.roster.out-is-file', { out: opts.out });
  // Workbooks already sent out carry their workbook ids; a second run would give every member a
  // new id and overwrite the manifest that tracks the first ones.
  if (existsSync(join(opts.out, 'manifest.csv')) && !opts.force)
    throw UserError.of('cli.roster.manifest-exists', { out: opts.out });
  if (/\.xlsx$/i.test(opts.out) && !existsSync(opts.out))
    process.stderr.write(`${say(opts.lang, 'cli.roster.out-as-folder', { out: opts.out })}\n`);
  ensureFolder(opts.out);
  const generatedAt = new Date().toISOString();
  const taken = new Set<string>(['manifest.csv']);
  const jobs: (StampJob & { file: string })[] = roster.members.map((m) => {
    const file = uniqueFileName(safeFileName([m.org_id, m.org_name], '.xlsx'), taken);
    taken.add(file);
    return {
      file,
      path: join(opts.out, file),
      values: {
        org_id: m.org_id,
        org_name: m.org_name,
        region: m.region,
        org_type: m.org_type,
        period: m.period || opts.period || '',
        evaluator: m.evaluator || opts.evaluator || '',
        contact: m.contact ?? '',
        credit_code: m.credit_code ?? '',
        evaluation_mode: m.evaluation_mode ?? opts.mode ?? '',
        workbook_id: randomUUID(),
        generated_at: generatedAt,
      },
    };
  });

  const stamp = await prepareStamp(plan, opts.workbookLang, undefined, {
    editableWeights: opts.editableWeights ?? false,
  });
  const progress = startProgress(jobs.length, say(opts.lang, 'cli.roster.progress'));
  const workers = opts.workers && opts.workers > 0 ? opts.workers : availableParallelism();
  // Each workbook is written whole or not at all; when one cannot be (a full disk), the manifest
  // lists exactly those that were, so that what is in the folder and what it says agree.
  const done = new Set<StampJob>();
  let failure: unknown;
  try {
    await stampInParallel(stamp, jobs, workers, (job) => {
      done.add(job);
      progress.tick();
    });
  } catch (e) {
    failure = e;
  } finally {
    progress.stop();
  }
  const listed = failure ? jobs.filter((j) => done.has(j)) : jobs;

  const manifest = Papa.unparse({
    fields: [
      'org_id',
      'org_name',
      'file',
      'workbook_id',
      'template_id',
      'template_version',
      'profile',
      'period',
      'evaluator',
      'contact',
      'credit_code',
      'evaluation_mode',
      'generated_at',
    ],
    data: listed.map((j) =>
      [
        j.values.org_id,
        j.values.org_name,
        j.file,
        j.values.workbook_id,
        plan.template.id,
        plan.template.version,
        plan.profile?.id ?? '',
        j.values.period,
        j.values.evaluator,
        j.values.contact,
        j.values.credit_code ?? '',
        j.values.evaluation_mode ?? '',
        generatedAt,
      ].map(defuseCsvCell),
    ),
  });
  const manifestFile = join(opts.out, 'manifest.csv');
  let manifestWritten = false;
  if (listed.length) {
    try {
      // A BOM so that Excel in China opens the UTF-8 manifest with its Chinese names intact.
      writeWholeSync(manifestFile, `\uFEFF${manifest}\r\n`);
      manifestWritten = true;
    } catch (e) {
      failure ??= e;
    }
  }
  if (failure) {
    const cause = failure instanceof UserError ? failure.issues : [];
    if (!cause.length) throw failure;
    throw new UserError([
      ...cause,
      issue('write.roster-partial', [], {
        done: listed.length,
        total: jobs.length,
        manifest: manifestWritten,
        manifestFile,
      }),
    ]);
  }
  const skipped = new Set(roster.errors.filter((e) => e.row !== undefined).map((e) => e.row)).size;
  const written = say(opts.lang, 'cli.roster.written', {
    count: jobs.length,
    out: opts.out,
    skipped,
    manifest: join(opts.out, 'manifest.csv'),
  });
  process.stdout.write(`${written}\n`);
  if (skipped) throw new CliExit(3);
}
