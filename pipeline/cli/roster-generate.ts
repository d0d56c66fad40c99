/**
 * `scorebook generate ID --roster members.csv --out DIR`: one pre-filled workbook per member,
 * a readable safe file name each, and DIR/manifest.csv to track what comes back.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ScoringPlan } from '../../core/index.ts';
import { readRosterFile } from '../roster/read-roster.ts';
import { safeFileName, uniqueFileName } from '../roster/safe-file-name.ts';
import { defuseCsvCell } from '../inputs/defuse-csv.ts';
import { stampInParallel, type StampJob } from '../workbooks/stamp-pool.ts';
import { prepareStamp } from '../workbooks/stamp-workbook.ts';
import { CliExit, printIssues } from './cli-context.ts';
import type { GenerateOptions } from './generate-command.ts';
import { startProgress } from './progress.ts';

export async function runRosterGenerate(plan: ScoringPlan, opts: GenerateOptions): Promise<void> {
  const zh = opts.lang === 'zh-CN';
  const roster = readRosterFile(opts.roster!);
  printIssues(roster.errors, opts.lang);
  if (!roster.members.length) {
    process.stderr.write(
      zh
        ? '名册中没有可生成的成员，未写入任何文件。\n'
        : 'The roster has no member to write; nothing was written.\n',
    );
    throw new CliExit(1);
  }
  if (existsSync(opts.out) && !statSync(opts.out).isDirectory()) {
    process.stderr.write(
      zh
        ? `${opts.out} 是一个文件；--roster 需要一个文件夹作为 --out。\n`
        : `${opts.out} is a file; with --roster, --out names a folder.\n`,
    );
    throw new CliExit(1);
  }
  // Workbooks already sent out carry their workbook ids; a second run would give every member a
  // new id and overwrite the manifest that tracks the first ones.
  if (existsSync(join(opts.out, 'manifest.csv')) && !opts.force) {
    process.stderr.write(
      zh
        ? `${opts.out} 中已有上一次分发的 manifest.csv，未覆盖：重新生成会给每个成员新的工作簿编号，已发出的工作簿将与清单对不上。要替换请加 --force，或换一个文件夹。\n`
        : `${opts.out} already holds the manifest.csv of an earlier distribution; nothing was overwritten: a new run gives every member a new workbook id, and the workbooks already sent out would no longer match the manifest. Add --force to replace it, or choose another folder.\n`,
    );
    throw new CliExit(1);
  }
  if (/\.xlsx$/i.test(opts.out) && !existsSync(opts.out)) {
    process.stderr.write(
      zh
        ? `注意：--out ${opts.out} 将作为文件夹创建。\n`
        : `Note: --out ${opts.out} is created as a folder.\n`,
    );
  }
  mkdirSync(opts.out, { recursive: true });
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
        workbook_id: randomUUID(),
        generated_at: generatedAt,
      },
    };
  });

  const stamp = await prepareStamp(plan, opts.lang);
  const progress = startProgress(jobs.length, zh ? '生成工作簿' : 'Writing workbooks');
  const workers = opts.workers && opts.workers > 0 ? opts.workers : availableParallelism();
  try {
    await stampInParallel(stamp, jobs, workers, () => progress.tick());
  } finally {
    progress.stop();
  }

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
      'generated_at',
    ],
    data: jobs.map((j) =>
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
        generatedAt,
      ].map(defuseCsvCell),
    ),
  });
  // A BOM so that Excel in China opens the UTF-8 manifest with its Chinese names intact.
  writeFileSync(join(opts.out, 'manifest.csv'), `\uFEFF${manifest}\r\n`);
  const skipped = new Set(roster.errors.filter((e) => e.row !== undefined).map((e) => e.row)).size;
  process.stdout.write(
    zh
      ? `已写入 ${jobs.length} 份工作簿到 ${opts.out}${skipped ? `,跳过 ${skipped} 行有问题的名册记录(见上)` : ''}；清单：${join(opts.out, 'manifest.csv')}\n`
      : `Wrote ${jobs.length} workbook(s) to ${opts.out}${skipped ? `; skipped ${skipped} bad roster row(s) (see above)` : ''}; manifest: ${join(opts.out, 'manifest.csv')}\n`,
  );
  if (skipped) throw new CliExit(3);
}
