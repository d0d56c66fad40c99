/**
 * The tables and views for BI tools: CSV (text cells that a spreadsheet would run as a formula
 * are quoted as text), Parquet, or one xlsx with a sheet per table. DuckDB writes CSV and
 * Parquet itself (COPY), so exports scale with the database, not with memory.
 */
import { createReadStream, createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { quotedIdentifier, quotedString, type DuckDBConnection } from '@duckdb/node-api';
import { issue, type Lang } from '../../core/index.ts';
import { onlyRows, type Only } from '../benchmark/selection-filter.ts';
import { columnHeader } from './column-labels.ts';
import { UserError } from '../user-error.ts';
import { ensureFolder, partialRun, writeWholeWith } from '../files/write-whole.ts';
import {
  DEFAULT_CONSOLIDATE,
  setConsolidate,
  type ConsolidateMethod,
} from '../benchmark/consolidate.ts';

/** Every table and view docs/database.md documents (schema_version and view_definitions are bookkeeping, not data). */
export const EXPORTED = [
  'organizations',
  'submissions',
  'indicator_scores',
  'dimension_scores',
  'group_scores',
  'rejections',
  'size_bands',
  'volunteer_stars',
  'submission_scores',
  'bench_selections',
  'bench_submissions',
  'bench_org_period',
  'bench_org_dimension',
  'bench_org_indicator',
  'bench_groups',
  'bench_percentiles',
  'bench_trends',
  'bench_rater_spread',
  'bench_org_size',
] as const;

export type ExportFormat = 'csv' | 'parquet' | 'xlsx';
const XLSX_MAX_ROWS = 1_048_575;

type Column = { name: string; type: string };

async function columns(con: DuckDBConnection, table: string): Promise<Column[]> {
  const r = await con.runAndReadAll(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return r.getRows().map((x) => ({ name: String(x[0]), type: String(x[1]) }));
}

/** SELECT list that prefixes an apostrophe to text starting with = + - @ (or tab/CR). */
function defusedSelect(cols: readonly Column[]): string {
  return cols
    .map(({ name, type }) => {
      const q = quotedIdentifier(name);
      return type === 'VARCHAR' || type === 'JSON'
        ? `CASE WHEN regexp_matches(${q}::VARCHAR, '^[=+\\-@\\t\\r]') THEN '''' || ${q}::VARCHAR ELSE ${q}::VARCHAR END AS ${q}`
        : q;
    })
    .join(', ');
}

const WHOLE_NUMBERS = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
]);

/**
 * SELECT list for a sheet: counts (BIGINT, which the driver hands over as text) as numbers, and
 * every timestamp as ISO 8601 text in UTC (2025-06-01T08:30:00.000Z), one form in every sheet
 * and unambiguous without a time zone column; a sheet has no time zones.
 */
function sheetSelect(cols: readonly Column[]): string {
  return cols
    .map(({ name, type }) => {
      const q = quotedIdentifier(name);
      if (WHOLE_NUMBERS.has(type) || type.startsWith('DECIMAL'))
        return `CAST(${q} AS DOUBLE) AS ${q}`;
      if (type === 'TIMESTAMP WITH TIME ZONE')
        return `strftime(timezone('UTC', ${q}), '%Y-%m-%dT%H:%M:%S.%gZ') AS ${q}`;
      if (type.startsWith('TIMESTAMP')) return `strftime(${q}, '%Y-%m-%dT%H:%M:%S.%g') AS ${q}`;
      if (type === 'DATE') return `strftime(${q}, '%Y-%m-%d') AS ${q}`;
      return q;
    })
    .join(', ');
}

/** A header cell as CSV writes it: quoted when it holds a quote, a comma or a line break. */
const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * One table as CSV: a BOM (unless `bom` is false) and the header in the export's language, then
 * DuckDB's rows, streamed after them: COPY writes the rows (it scales with the database), and
 * can neither begin a file with a BOM nor write headers other than the column names.
 */
async function writeCsv(
  con: DuckDBConnection,
  table: string,
  cols: readonly Column[],
  file: string,
  opts: { lang: Lang; bom: boolean; from?: string },
): Promise<void> {
  const rows = `${file}.rows`;
  try {
    await con.run(
      `COPY (SELECT ${defusedSelect(cols)} FROM ${opts.from ?? table}) TO ${quotedString(rows)} (FORMAT csv, HEADER false)`,
    );
    const header = cols.map((c) => csvCell(columnHeader(c.name, opts.lang)));
    writeFileSync(file, `${opts.bom ? '\uFEFF' : ''}${header.join(',')}\n`);
    await pipeline(createReadStream(rows), createWriteStream(file, { flags: 'a' }));
  } finally {
    rmSync(rows, { force: true });
  }
}

/** The per-submission tables, which grow with the returns; the rest are small. */
const PER_SUBMISSION = new Set<string>([
  'submissions',
  'indicator_scores',
  'dimension_scores',
  'group_scores',
  'volunteer_stars',
]);

/**
 * With `partition`, the per-submission tables are written as Hive-partitioned Parquet folders
 * (`indicator_scores/template_id=…/period=…/*.parquet`), the layout DuckDB, Spark and Trino
 * prune by the two columns every benchmark filters on; child tables gain both columns from
 * their submission so that each partition stands alone.
 */
export interface ExportOptions {
  minGroup: number;
  partition?: boolean;
  /** how the bench_* views consolidate several evaluators of one organization */
  consolidate?: ConsolidateMethod;
  onTable?: (t: string) => void;
  /** rows a sheet may hold below its header (Excel's limit; smaller in tests) */
  xlsxMaxRows?: number;
  /** the headers of CSV and xlsx: column names in en, their labels in zh-CN (column-labels.ts) */
  lang?: Lang;
  /** CSV: begin each file with a UTF-8 byte order mark (default), so that Excel reads it as UTF-8 */
  bom?: boolean;
  /** only this template, selection or period (selection-filter.ts); everything when absent */
  only?: Only;
}

export async function exportDatabase(
  con: DuckDBConnection,
  format: ExportFormat,
  out: string,
  opts: ExportOptions,
): Promise<string[]> {
  const { minGroup, partition = false, onTable, lang = 'en', bom = true } = opts;
  if (partition && format !== 'parquet') throw UserError.of('export.partition-format', { format });
  await con.run(`SET VARIABLE min_group = ${Math.max(1, Math.floor(minGroup))}`);
  await setConsolidate(con, opts.consolidate ?? DEFAULT_CONSOLIDATE);
  const written: string[] = [];
  // Each table's columns, asked of DuckDB once per run: the filter, the SELECT and the header use them.
  const known = new Map<string, Promise<Column[]>>();
  const columnsOf = (t: string) => {
    let c = known.get(t);
    if (!c) known.set(t, (c = columns(con, t)));
    return c;
  };
  const from = async (t: string) =>
    opts.only
      ? onlyRows(
          t,
          (await columnsOf(t)).map((c) => c.name),
          opts.only,
        )
      : t;
  if (format === 'xlsx') {
    if (!/\.xlsx$/i.test(out)) throw UserError.of('export.xlsx-out', { out });
    // Refuse before writing rather than cut a table short: a truncated export looks complete.
    const maxRows = opts.xlsxMaxRows ?? XLSX_MAX_ROWS;
    for (const t of EXPORTED) {
      const n = Number(
        (await con.runAndReadAll(`SELECT count(*) FROM ${await from(t)}`)).getRows()[0]![0],
      );
      if (n > maxRows)
        throw UserError.of('export.xlsx-rows', { table: t, rows: n, max: maxRows, out });
    }
    // Written whole (write-whole.ts), through a stream of ours whose failure (a full disk) ends
    // the export: exceljs listens for one only at the very end, and would wait for ever after it.
    await writeWholeWith(out, async (partial) => {
      const stream = createWriteStream(partial);
      const failed = new Promise<never>((_, reject) => stream.on('error', reject));
      failed.catch(() => {});
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream,
        useSharedStrings: false,
        useStyles: false,
      });
      // After a failure the tables stop at their next query, and the export ends only once no
      // query is under way, so that the connection is closed with nothing running on it.
      let stop = false;
      let queriesDone!: () => void;
      const noQuery = new Promise<void>((r) => (queriesDone = r));
      const work = (async () => {
        try {
          for (const t of EXPORTED) {
            if (stop) return;
            const cols = await columnsOf(t);
            const ws = wb.addWorksheet(t);
            ws.columns = cols.map((c) => ({ header: columnHeader(c.name, lang), key: c.name }));
            const reader = await con.streamAndReadUntil(
              `SELECT ${sheetSelect(cols)} FROM ${await from(t)}`,
              maxRows,
            );
            for (const row of reader.getRowsJson())
              ws.addRow(
                row.map((v) => (v === null ? null : typeof v === 'object' ? JSON.stringify(v) : v)),
              ).commit();
            ws.commit();
            onTable?.(t);
          }
        } finally {
          queriesDone();
        }
        await wb.commit();
      })();
      work.catch(() => {});
      try {
        await Promise.race([work, failed]);
      } catch (e) {
        stop = true;
        await noQuery;
        throw e;
      }
    });
    return [out];
  }
  ensureFolder(out);
  try {
    for (const t of EXPORTED) {
      if (partition && PER_SUBMISSION.has(t)) {
        const folder = join(out, t);
        const select =
          t === 'submissions'
            ? `SELECT * FROM ${await from('submissions')}`
            : `SELECT c.*, s.template_id, s.period FROM ${await from(t)} c JOIN submissions s USING (content_hash)`;
        await writeWholeWith(folder, (partial) =>
          con.run(
            `COPY (${select}) TO ${quotedString(partial)} (FORMAT parquet, PARTITION_BY (template_id, period), OVERWRITE_OR_IGNORE true)`,
          ),
        );
        written.push(folder);
        onTable?.(t);
        continue;
      }
      const file = join(out, `${t}.${format}`);
      const source = await from(t);
      // Each file written whole: a full disk leaves the tables exported before, none cut short.
      await writeWholeWith(file, async (partial) => {
        if (format === 'csv')
          await writeCsv(con, t, await columnsOf(t), partial, { lang, bom, from: source });
        else
          await con.run(
            `COPY (SELECT * FROM ${source}) TO ${quotedString(partial)} (FORMAT parquet)`,
          );
      });
      written.push(file);
      onTable?.(t);
    }
  } catch (e) {
    throw partialRun(e, out, () =>
      issue('write.export-partial', [], { done: written.length, total: EXPORTED.length, out }),
    );
  }
  return written;
}
