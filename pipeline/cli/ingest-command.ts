/** `scorebook ingest PATH… [--db FILE] [--workers N] [--json]`. Exit 0 all ingested or unchanged, 3 some rejected, 1 tool failure. */
import { availableParallelism } from 'node:os';
import type { Lang } from '../../core/index.ts';
import { discoverFiles } from '../ingest/discover-files.ts';
import { ingestFiles } from '../ingest/run-ingest.ts';
import { DEFAULT_DB } from '../store/open-store.ts';
import { DEFAULT_MAX_BYTES } from '../xlsx/read-workbook.ts';
import { CliExit } from './cli-context.ts';
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
  const zh = opts.lang === 'zh-CN';
  const { files, missing } = discoverFiles(paths);
  for (const m of missing) process.stderr.write(zh ? `找不到：${m}\n` : `Not found: ${m}\n`);
  if (!files.length) {
    process.stderr.write(
      zh
        ? '没有可导入的文件（.xlsx、.xlsm、.csv）。\n'
        : 'No files to ingest (.xlsx, .xlsm, .csv).\n',
    );
    throw new CliExit(1);
  }
  const progress = startProgress(files.length, zh ? '导入' : 'Ingesting');
  const summary = await ingestFiles(files, {
    db: opts.db ?? DEFAULT_DB,
    workers: opts.workers && opts.workers > 0 ? opts.workers : availableParallelism(),
    maxBytes: (opts.maxMb ?? DEFAULT_MAX_BYTES / 1048576) * 1048576,
    lang: opts.lang,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    onFile: () => progress.tick(),
  }).finally(() => progress.stop());
  // A path that names nothing is no file to store, but it is part of what was asked: the summary
  // lists it with the rejections (not the database's table, which holds files), and exit is 3.
  for (const m of missing) {
    summary.rejected.push({
      file: m,
      reason: 'not-found',
      message: zh
        ? `找不到这个文件或文件夹：${m}。请检查路径的拼写，或通配符是否匹配到文件。`
        : `No such file or folder: ${m}. Check the path's spelling, or whether the glob matches any file.`,
    });
  }

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const byReason = new Map<string, number>();
    for (const r of summary.rejected) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    const w = (s: string) => process.stdout.write(`${s}\n`);
    w(zh ? `数据库：${opts.db ?? DEFAULT_DB}` : `Database: ${opts.db ?? DEFAULT_DB}`);
    w(
      `${zh ? '新导入' : 'ingested'}: ${summary.ingested}   ${zh ? '未变(已存在)' : 'unchanged'}: ${summary.unchanged}   ${zh ? '替换旧版' : 'replaced'}: ${summary.replaced}   ${zh ? '已标记(缓存结果与引擎不一致)' : 'flagged'}: ${summary.flagged}   ${zh ? '拒收' : 'rejected'}: ${summary.rejected.length}`,
    );
    for (const [reason, n] of byReason) w(`  ${reason}: ${n}`);
    for (const r of summary.rejected.slice(0, 50)) w(`  ${r.file}  [${r.reason}]  ${r.message}`);
    if (summary.rejected.length > 50)
      w(
        zh
          ? `  …另有 ${summary.rejected.length - 50} 个，见数据库 rejections 表`
          : `  … ${summary.rejected.length - 50} more in the rejections table`,
      );
  }
  if (summary.rejected.length || missing.length) throw new CliExit(3);
}
