/** `scorebook export --format csv|parquet|xlsx --out PATH`: the tables and views for BI tools. */
import { existsSync } from 'node:fs';
import type { Lang } from '../../core/index.ts';
import { exportDatabase, type ExportFormat } from '../export/export-database.ts';
import { DEFAULT_DB, openStore } from '../store/open-store.ts';
import { CliExit } from './cli-context.ts';
import { checkConsolidate } from '../benchmark/consolidate.ts';

export async function runExport(opts: {
  db?: string;
  format: ExportFormat;
  out: string;
  minGroup?: number;
  partition?: boolean;
  consolidate?: string;
  lang: Lang;
}): Promise<void> {
  const zh = opts.lang === 'zh-CN';
  const db = opts.db ?? DEFAULT_DB;
  if (!existsSync(db)) {
    process.stderr.write(
      zh
        ? `数据库 ${db} 不存在。请先运行 scorebook ingest。\n`
        : `The database ${db} does not exist. Run scorebook ingest first.\n`,
    );
    throw new CliExit(1);
  }
  const store = await openStore(db);
  try {
    const files = await exportDatabase(store.con, opts.format, opts.out, {
      minGroup: opts.minGroup ?? 5,
      partition: opts.partition ?? false,
      consolidate: checkConsolidate(opts.consolidate),
      onTable: (t) => process.stderr.write(`${zh ? '已导出' : 'exported'} ${t}\n`),
    });
    process.stdout.write(
      zh
        ? `已写入 ${files.length} 个文件到 ${opts.out}\n`
        : `Wrote ${files.length} file(s) to ${opts.out}\n`,
    );
  } finally {
    store.close();
  }
}
