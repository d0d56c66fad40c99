/** What `scorebook ingest PATH… [--db FILE] [--workers N] [--json]` does. Exit 0 all ingested or unchanged, 3 some rejected, 1 tool failure. */
import { availableParallelism } from 'node:os';
import type { Lang } from '../../core/index.ts';
import { discoverFiles } from '../ingest/discover-files.ts';
import { ingestFiles } from '../ingest/run-ingest.ts';
import { DEFAULT_DB } from '../store/open-store.ts';
import { DEFAULT_MAX_BYTES } from '../xlsx/read-workbook.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { lineWriter, say } from './cli-print.ts';
import { startProgress } from './progress.ts';

export interface IngestCliOptions {
  db?: string;
  workers?: number;
  maxMb?: number;
  json?: boolean;
  batchSize?: number;
  lang: Lang;
}

export async function runIngestCommand(paths: string[], opts: IngestCliOptions): Promise<void> {
  const { lang } = opts;
  const { files, missing } = discoverFiles(paths);
  for (const path of missing)
    lineWriter(process.stderr)(say(lang, 'cli.ingest.not-found', { path }));
  if (!files.length) throw UserError.of('cli.ingest.no-files');
  const progress = startProgress(files.length, say(lang, 'cli.ingest.progress'));
  const summary = await ingestFiles(files, {
    db: opts.db ?? DEFAULT_DB,
    workers: opts.workers && opts.workers > 0 ? opts.workers : availableParallelism(),
    maxBytes: (opts.maxMb ?? DEFAULT_MAX_BYTES / 1048576) * 1048576,
    lang,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    onFile: () => progress.tick(),
  }).finally(() => progress.stop());
  // A path that names nothing is no file to store, but it is part of what was asked: the summary
  // lists it with the rejections (not the database's table, which holds files), and exit is 3.
  for (const path of missing) {
    summary.rejected.push({
      file: path,
      reason: 'not-found',
      message: say(lang, 'cli.ingest.missing-path', { path }),
    });
  }

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const byReason = new Map<string, number>();
    for (const r of summary.rejected) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    const w = lineWriter();
    w(say(lang, 'cli.ingest.database', { db: opts.db ?? DEFAULT_DB }));
    w(
      say(lang, 'cli.ingest.counts', {
        ingested: summary.ingested,
        unchanged: summary.unchanged,
        replaced: summary.replaced,
        flagged: summary.flagged,
        rejected: summary.rejected.length,
      }),
    );
    if (summary.partial || summary.weights_changed || summary.not_calculated)
      w(
        say(lang, 'cli.ingest.notes', {
          partial: summary.partial,
          weights_changed: summary.weights_changed,
          not_calculated: summary.not_calculated,
        }),
      );
    if (summary.regenerated) w(say(lang, 'cli.ingest.regenerated', { count: summary.regenerated }));
    for (const [reason, n] of byReason) w(`  ${reason}: ${n}`);
    for (const r of summary.rejected.slice(0, 50)) w(`  ${r.file}  [${r.reason}]  ${r.message}`);
    if (summary.warnings.length)
      w(say(lang, 'cli.ingest.warnings', { count: summary.warnings.length }));
    for (const r of summary.warnings.slice(0, 50)) w(`  ${r.file}  ${r.message}`);
    if (summary.warnings.length > 50)
      w(
        `  ${say(lang, 'cli.more-issues', { count: summary.warnings.length - 50, code: 'input.implausible' })}`,
      );
    if (summary.rejected.length > 50)
      w(`  ${say(lang, 'cli.ingest.more-rejected', { count: summary.rejected.length - 50 })}`);
  }
  if (summary.rejected.length || missing.length) throw new CliExit(3);
}
