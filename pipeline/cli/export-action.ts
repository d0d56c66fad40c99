/** What `scorebook export --format csv|parquet|xlsx --out PATH` does: the tables and views for BI tools. */
import type { Lang } from '../../core/index.ts';
import { chooseExportPart } from '../benchmark/choose-selection.ts';
import { checkConsolidate } from '../benchmark/consolidate.ts';
import { exportDatabase, type ExportFormat } from '../export/export-database.ts';
import { openStore } from '../store/open-store.ts';
import { DEFAULT_MIN_GROUP } from '../store/statistics.ts';
import { say } from './cli-print.ts';
import { requireDatabase } from './require-database.ts';

export interface ExportCliOptions {
  db?: string;
  format: ExportFormat;
  out: string;
  minGroup?: number;
  partition?: boolean;
  consolidate?: string;
  /** CSV: write a UTF-8 BOM (default true; --no-bom) */
  bom?: boolean;
  /** the language of the csv and xlsx headers: zh-CN only when --lang zh-CN is given */
  headers: Lang;
  template?: string;
  profile?: string;
  period?: string;
  lang: Lang;
}

export async function runExport(opts: ExportCliOptions): Promise<void> {
  const db = requireDatabase(opts.db);
  const store = await openStore(db, { readOnly: true });
  try {
    const only = await chooseExportPart(store.con, {
      ...(opts.template !== undefined ? { template: opts.template } : {}),
      ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
      ...(opts.period !== undefined ? { period: opts.period } : {}),
    });
    const files = await exportDatabase(store.con, opts.format, opts.out, {
      only,
      minGroup: opts.minGroup ?? DEFAULT_MIN_GROUP,
      partition: opts.partition ?? false,
      consolidate: checkConsolidate(opts.consolidate),
      lang: opts.headers,
      bom: opts.bom ?? true,
      onTable: (table) =>
        process.stderr.write(`${say(opts.lang, 'cli.export.table', { table })}\n`),
    });
    process.stdout.write(
      `${say(opts.lang, 'cli.export.done', { count: files.length, out: opts.out })}\n`,
    );
  } finally {
    store.close();
  }
}
