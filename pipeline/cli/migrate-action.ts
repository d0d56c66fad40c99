/**
 * What `scorebook migrate` does: one workbook, or every workbook of a folder (a roster's, with
 * its manifest written anew), into the new version of its template, saying for each what was
 * carried, dropped and is new.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Issue, Lang, Template } from '../../core/index.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { ensureFolder, writeWholeSync } from '../files/write-whole.ts';
import { migrateWorkbook, type MigrationReport } from '../migrate/migrate-workbook.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { printIssues, say } from './cli-print.ts';
import { templateOrExit } from './template-arg.ts';

export interface MigrateOptions {
  to: string;
  out: string;
  period?: string;
  force?: boolean;
  /** Leave the weight cells editable (self-assessment), as generate --editable-weights does. */
  editableWeights?: boolean;
  lang: Lang;
}

function printReport(file: string, out: string, r: MigrationReport, lang: Lang): void {
  const w = (line: string) => process.stdout.write(`${line}\n`);
  w(
    say(lang, 'cli.migrate.written', {
      file,
      out,
      from: r.from,
      to: r.to,
      kept: r.kept.length,
      moved: r.moved.length,
    }),
  );
  if (r.dropped.length) w(say(lang, 'cli.migrate.dropped', { ids: r.dropped.join(', ') }));
  if (r.unreadable.length)
    w(say(lang, 'cli.migrate.unreadable', { ids: r.unreadable.map((u) => u.id).join(', ') }));
  if (r.added.length) w(say(lang, 'cli.migrate.new', { ids: r.added.join(', ') }));
}

type Outcome = { report: MigrationReport; out: string } | { skipped: Issue } | { failed: Issue[] };

async function migrateOne(
  file: string,
  out: string,
  target: Template,
  opts: MigrateOptions,
): Promise<Outcome> {
  const r = await migrateWorkbook(file, target, {
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(opts.editableWeights ? { editableWeights: true } : {}),
  });
  if (r.skip) return { skipped: r.skip };
  if (!r.value) return { failed: r.errors };
  ensureFolder(dirname(resolve(out)));
  writeWholeSync(out, r.value.bytes);
  return { report: r.value.report, out };
}

export async function runMigrate(source: string, opts: MigrateOptions): Promise<void> {
  const target = templateOrExit(opts.to, opts.lang);
  const folder = existsSync(source) && statSync(source).isDirectory();
  if (!folder) {
    if (!/\.xlsx$/i.test(opts.out)) throw UserError.of('cli.out-not-xlsx', { out: opts.out });
    if (existsSync(opts.out) && !opts.force)
      throw UserError.of('cli.definition.exists', { out: opts.out });
    const o = await migrateOne(source, opts.out, target, opts);
    if ('skipped' in o)
      return void process.stdout.write(`${say(opts.lang, o.skipped.code, o.skipped.params)}\n`);
    if ('failed' in o) {
      printIssues(o.failed, opts.lang);
      throw new CliExit(1);
    }
    printReport(source, o.out, o.report, opts.lang);
    return;
  }
  if (existsSync(opts.out) && !statSync(opts.out).isDirectory())
    throw UserError.of('cli.migrate.out-folder', { out: opts.out });
  const files = readdirSync(source)
    .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('~$'))
    .sort();
  const manifest: string[][] = [];
  let failed = 0;
  let skipped = 0;
  for (const f of files) {
    const out = join(opts.out, f);
    if (existsSync(out) && !opts.force) {
      printIssues(
        [{ ...UserError.of('cli.definition.exists', { out }).issues[0]!, file: join(source, f) }],
        opts.lang,
      );
      failed++;
      continue;
    }
    const o = await migrateOne(join(source, f), out, target, opts);
    if ('skipped' in o) {
      skipped++;
      process.stdout.write(`${say(opts.lang, o.skipped.code, o.skipped.params)}\n`);
    } else if ('failed' in o) {
      failed++;
      printIssues(o.failed, opts.lang);
    } else {
      printReport(join(source, f), out, o.report, opts.lang);
      manifest.push([
        basename(out),
        o.report.workbookId,
        o.report.migratedFrom,
        target.id,
        target.version,
      ]);
    }
  }
  if (manifest.length) {
    const csv = Papa.unparse({
      fields: ['file', 'workbook_id', 'migrated_from', 'template_id', 'template_version'],
      data: manifest.map((row) => row.map(defuseCsvCell)),
    });
    writeWholeSync(join(opts.out, 'migrated.csv'), `\uFEFF${csv}\r\n`);
  }
  process.stdout.write(
    `${say(opts.lang, 'cli.migrate.summary', { total: files.length, written: manifest.length, skipped, failed })}\n`,
  );
  if (failed) throw new CliExit(3);
}
