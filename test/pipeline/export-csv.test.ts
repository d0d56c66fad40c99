/**
 * The CSV export as Excel in China opens it: UTF-8 with a byte order mark by default (--no-bom
 * omits it), Chinese column headers under --lang zh-CN (xlsx too), from one table of column
 * labels that covers every exported column in both languages and that docs/database.md shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePlan } from '../../core/index.ts';
import {
  COLUMN_LABELS,
  columnLabelsMarkdown,
  embedColumnLabels,
} from '../../pipeline/export/column-labels.ts';
import { EXPORTED } from '../../pipeline/export/export-database.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { queryDb } from '../support/query-db.ts';
import { write } from '../support/returned-workbooks.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-export-csv-');
const db = join(dir, 'scorebook.duckdb');
const BOM = '\uFEFF';

beforeAll(() => {
  const plan = resolvePlan(shippedTemplates().get('tssof-0001-2024-basic')!).value!;
  const lines = ['template_id,period,org_id,org_name,region,org_type,indicator_id,value'];
  for (const org of ['H01', 'H02'])
    for (const ind of plan.indicators)
      lines.push(`tssof-0001-2024-basic,2025,${org},深圳市第${org}协会,深圳,社会团体,${ind.id},2`);
  write(join(dir, 'returns.csv'), lines.join('\n'));
  const r = runCli(['ingest', join(dir, 'returns.csv'), '--db', db]);
  expect(r.code, r.stderr).toBe(0);
});

const exported = (name: string, extra: string[]) => {
  const out = join(dir, name);
  const r = runCli(['export', '--db', db, '--format', 'csv', '--out', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
};

describe('export --format csv', () => {
  it('begins every file with a UTF-8 BOM by default, and with the column names', () => {
    const out = exported('plain', []);
    for (const f of readdirSync(out))
      expect(readFileSync(join(out, f), 'utf8').startsWith(BOM), f).toBe(true);
    const text = readFileSync(join(out, 'organizations.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(`${BOM}org_id,org_name,region,org_type,updated_at`);
    expect(text).toContain('深圳市第H01协会');
  });

  it('omits the BOM with --no-bom, the rows unchanged', () => {
    const out = exported('no-bom', ['--no-bom']);
    const plain = readFileSync(join(dir, 'plain', 'submissions.csv'), 'utf8');
    const bare = readFileSync(join(out, 'submissions.csv'), 'utf8');
    expect(bare.startsWith('content_hash,')).toBe(true);
    expect(bare).toBe(plain.slice(1));
  });

  it('writes Chinese headers under --lang zh-CN, which DuckDB and a CSV parser read back', async () => {
    const out = exported('zh', ['--lang', 'zh-CN']);
    const text = readFileSync(join(out, 'organizations.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(`${BOM}机构编号,机构名称,地区,机构类型,更新时间`);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r['机构名称']).sort()).toEqual(['深圳市第H01协会', '深圳市第H02协会']);
    const back = await queryDb(
      db,
      `SELECT count(*) AS n FROM read_csv('${join(out, 'submissions.csv')}', header = true)`,
    );
    expect(Number(back[0]!.n)).toBe(2);
    const subs = readFileSync(join(out, 'submissions.csv'), 'utf8').split('\n')[0]!;
    expect(subs).toContain('是否完整作答');
    expect(subs).toContain('权重是否被改动');
  });

  it('writes Chinese headers in the xlsx export under --lang zh-CN', async () => {
    const out = join(dir, 'zh.xlsx');
    expect(
      runCli(['export', '--db', db, '--format', 'xlsx', '--out', out, '--lang', 'zh-CN']).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('organizations')!.getRow(1).values).toEqual([
      undefined,
      '机构编号',
      '机构名称',
      '地区',
      '机构类型',
      '更新时间',
    ]);
  });
});

describe('the column labels', () => {
  it('label every exported column in both languages, one header per column within each table', async () => {
    const columns = await queryDb(
      db,
      `SELECT table_name, list(column_name ORDER BY ordinal_position) AS cols FROM information_schema.columns
       WHERE list_contains([${EXPORTED.map((t) => `'${t}'`).join(', ')}], table_name) GROUP BY table_name`,
    );
    expect(columns.length).toBe(EXPORTED.length);
    const unlabelled: string[] = [];
    for (const { table_name, cols } of columns as { table_name: string; cols: string[] }[]) {
      for (const c of cols) {
        const l = COLUMN_LABELS[c];
        if (!l?.['zh-CN'] || !l.en) unlabelled.push(`${table_name}.${c}`);
      }
      const zh = cols.map((c) => COLUMN_LABELS[c]?.['zh-CN']);
      expect(new Set(zh).size, table_name).toBe(zh.length);
    }
    expect(unlabelled).toEqual([]);
  });

  it('are the table docs/database.md shows (npm run docs:columns writes it)', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'database.md'), 'utf8');
    expect(embedColumnLabels(doc)).toBe(doc);
    expect(doc).toContain(columnLabelsMarkdown());
  });
});
