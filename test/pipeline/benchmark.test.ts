/**
 * Benchmarks on a fixture database with known answers. Quartiles and percentile ranks are
 * computed here in plain TypeScript, not with the SQL under test; k-anonymity is checked at
 * the boundary: a group of k is shown, a group of k − 1 is not, in the table, JSON and CSV.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, resolvePlan } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { exportDatabase } from '../../pipeline/export/export-database.ts';
import { openStore } from '../../pipeline/store/open-store.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';
import { write } from '../support/returned-workbooks.ts';

const TEMPLATE = 'tnssq-2022-standard-quality';
const dir = scratchDir('scorebook-bench-');
const db = join(dir, 'bench.duckdb');
// Per organization: its peer group and the level (1..3) it answers for every indicator, shifted by indicator.
const ORGS = [
  { id: 'A1', region: '深圳', type: '社会团体', base: 1 },
  { id: 'A2', region: '深圳', type: '社会团体', base: 2 },
  { id: 'A3', region: '深圳', type: '社会团体', base: 3 },
  { id: 'A4', region: '深圳', type: '社会团体', base: 2 }, // ties with A2
  { id: 'A5', region: '深圳', type: '社会团体', base: 4 },
  { id: 'B1', region: '武汉', type: '基金会', base: 1 },
  { id: 'B2', region: '武汉', type: '基金会', base: 5 },
  { id: 'B3', region: '武汉', type: '基金会', base: 6 },
  { id: 'B4', region: '武汉', type: '基金会', base: 7 },
];
const plan = resolvePlan(shippedTemplates().get(TEMPLATE)!).value!;
const level = (base: number, k: number) => 1 + ((base * 7 + k * ((base % 3) + 1)) % 3);
const expected = new Map<string, { total: number; dims: number[] }>();

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]!) - s[lo]!);
}

function percentileRank(xs: number[], x: number): number {
  const below = xs.filter((v) => v < x - 1e-12).length;
  const equal = xs.filter((v) => Math.abs(v - x) <= 1e-12).length;
  return (100 * (below + 0.5 * equal)) / xs.length;
}

beforeAll(() => {
  const lines = ['template_id,period,org_id,org_name,region,org_type,indicator_id,value'];
  for (const o of ORGS) {
    const inputs: Record<string, string> = {};
    plan.indicators.forEach((ind, k) => {
      inputs[ind.id] = String(level(o.base, k));
      lines.push(
        `${TEMPLATE},2025,${o.id},机构${o.id},${o.region},${o.type},${ind.id},${inputs[ind.id]}`,
      );
    });
    const ev = evaluate(plan, inputs);
    expected.set(o.id, { total: ev.total!, dims: ev.dimensions.map((d) => d.score!) });
  }
  // An organization named to break HTML and CSV, in its own (suppressed) group.
  for (const ind of plan.indicators)
    lines.push(`${TEMPLATE},2025,Z1,"=cmd|' /C calc'!A0 <script>",北京,基金会,${ind.id},2`);
  write(join(dir, 'returns.csv'), lines.join('\n'));
  const r = runCli(['ingest', join(dir, 'returns.csv'), '--db', db, '--json']);
  expect(JSON.parse(r.stdout).ingested).toBe(ORGS.length + 1);
});

describe('scorebook benchmark', () => {
  it("gives each group's distribution, computed independently, and suppresses groups under k", () => {
    const r = runCli(['benchmark', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ template: TEMPLATE, period: '2025', min_group: 5 });
    const a = j.groups.find((g: { by: { region: string } }) => g.by.region === '深圳');
    const totals = ORGS.filter((o) => o.region === '深圳').map((o) => expected.get(o.id)!.total);
    expect(a).toMatchObject({
      by: { region: '深圳', org_type: '社会团体' },
      n: 5,
      suppressed: false,
    });
    expect(a.total.min).toBeCloseTo(Math.min(...totals), 9);
    expect(a.total.q1).toBeCloseTo(quantile(totals, 0.25), 9);
    expect(a.total.median).toBeCloseTo(quantile(totals, 0.5), 9);
    expect(a.total.q3).toBeCloseTo(quantile(totals, 0.75), 9);
    expect(a.total.max).toBeCloseTo(Math.max(...totals), 9);
    expect(a.total.mean).toBeCloseTo(totals.reduce((x, y) => x + y, 0) / 5, 9);
    plan.dimensions.forEach((d, i) => {
      const scores = ORGS.filter((o) => o.region === '深圳').map(
        (o) => expected.get(o.id)!.dims[i]!,
      );
      const got = a.dimensions.find((x: { id: string }) => x.id === d.id);
      expect(got.median).toBeCloseTo(quantile(scores, 0.5), 9);
      expect(got.q1).toBeCloseTo(quantile(scores, 0.25), 9);
    });
    const b = j.groups.find((g: { by: { region: string } }) => g.by.region === '武汉');
    expect(b).toEqual({
      level: 'region,org_type',
      by: { region: '武汉', org_type: '基金会' },
      n: 4,
      suppressed: true,
      total: null,
      dimensions: plan.dimensions.map((d) => ({
        id: d.id,
        n: 4,
        median: null,
        q1: null,
        q3: null,
      })),
    });
  });

  it('ranks each organization within the group it is compared with and overall, as percentiles 0..100', () => {
    const j = JSON.parse(runCli(['benchmark', '--db', db, '--json']).stdout);
    const all = [...expected.values()]
      .map((e) => e.total)
      .concat([j.organizations.find((o: { org_id: string }) => o.org_id === 'Z1').total]);
    for (const o of ORGS) {
      const got = j.organizations.find((x: { org_id: string }) => x.org_id === o.id);
      expect(got.total).toBeCloseTo(expected.get(o.id)!.total, 9);
      expect(got.percentile_overall).toBeCloseTo(percentileRank(all, got.total), 9);
      expect(got).toMatchObject({ ranked: true, complete: true, weights_changed: false });
      if (o.region === '深圳') {
        const peers = ORGS.filter((p) => p.region === '深圳').map((p) => expected.get(p.id)!.total);
        expect(got.percentile_in_group).toBeCloseTo(percentileRank(peers, got.total), 9);
        expect(got.compared_with).toEqual({
          by: { region: '深圳', org_type: '社会团体' },
          n: 5,
          fallback: false,
        });
      } else {
        // 武汉 × 基金会 and 武汉 hold 4: compared with all, the percentile among all.
        expect(got.compared_with).toEqual({ by: {}, n: all.length, fallback: true });
        expect(got.percentile_in_group).toBeCloseTo(percentileRank(all, got.total), 9);
      }
    }
    // The group fallen back to is listed with its level; no group in between was used.
    expect(j.groupings).toEqual(['region,org_type', 'region', 'all']);
    expect(j.groups.filter((g: { level: string }) => g.level !== 'region,org_type')).toEqual([
      expect.objectContaining({ level: 'all', by: {}, n: all.length, suppressed: false }),
    ]);
    // Without a fallback, a group under k has no percentile.
    const none = JSON.parse(
      runCli(['benchmark', '--db', db, '--json', '--fallback', 'none']).stdout,
    );
    const b1 = none.organizations.find((x: { org_id: string }) => x.org_id === 'B1');
    expect(b1).toMatchObject({ percentile_in_group: null, compared_with: null });
    // --fallback "org_type;all": type before all (基金会: B1–B4 and Z1, five).
    const byType = JSON.parse(
      runCli(['benchmark', '--db', db, '--json', '--fallback', 'org_type;all']).stdout,
    );
    const fund = [
      ...ORGS.filter((p) => p.type === '基金会').map((p) => expected.get(p.id)!.total),
      all.at(-1)!,
    ];
    const b1t = byType.organizations.find((x: { org_id: string }) => x.org_id === 'B1');
    expect(b1t.compared_with).toEqual({ by: { org_type: '基金会' }, n: 5, fallback: true });
    expect(b1t.percentile_in_group).toBeCloseTo(percentileRank(fund, b1t.total), 9);
    const bad = runCli(['benchmark', '--db', db, '--fallback', 'size;all']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--fallback');
  });

  it('moves the boundary with --min-group: k − 1 shows the group of four, k + 1 hides the group of five', () => {
    const four = JSON.parse(runCli(['benchmark', '--db', db, '--json', '--min-group', '4']).stdout);
    expect(four.groups.find((g: { n: number }) => g.n === 4).suppressed).toBe(false);
    const none = ['--fallback', 'none'];
    const six = JSON.parse(
      runCli(['benchmark', '--db', db, '--json', '--min-group', '6', ...none]).stdout,
    );
    expect(
      six.groups.every(
        (g: { suppressed: boolean; total: unknown }) => g.suppressed && g.total === null,
      ),
    ).toBe(true);
    expect(
      six.organizations.every(
        (o: { percentile_in_group: unknown }) => o.percentile_in_group === null,
      ),
    ).toBe(true);
    expect(six.organizations[0].percentile_overall).not.toBeNull();
    const eleven = JSON.parse(
      runCli(['benchmark', '--db', db, '--json', '--min-group', '11']).stdout,
    );
    expect(
      eleven.organizations.every(
        (o: { percentile_overall: unknown; compared_with: unknown }) =>
          o.percentile_overall === null && o.compared_with === null,
      ),
    ).toBe(true);
  });

  it('says "fewer than k peers" in the table, and prints the organizations as CSV', () => {
    const table = runCli(['benchmark', '--db', db, '--fallback', 'none']).stdout;
    expect(table).toContain('region=武汉  org_type=基金会  n=4\n  fewer than 5 peers: not shown');
    expect(table).not.toMatch(/region=武汉[^\n]*\n {2}total:/);
    const zh = runCli(['benchmark', '--db', db, '--lang', 'zh-CN', '--fallback', 'none']).stdout;
    expect(zh).toContain('少于 5 个同类机构\uff0c不显示统计');
    const csv = runCli(['benchmark', '--db', db, '--csv', '--by', 'org_type']).stdout;
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'org_id,org_type,total,percentile_in_group,percentile_overall,ranked,answered,applicable,compared_with,n_compared',
    );
    expect(lines.find((l) => l.startsWith('B1,'))).toMatch(
      /^B1,基金会,[\d.]+,[\d.]+,[\d.]+,true,33,33,org_type=基金会,5$/,
    );
  });

  it('leaves the percentile in a group of k − 1 empty in the CSV, and fills it for a group of k or once --min-group is k − 1', () => {
    const parse = (csv: string) =>
      Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    const none = ['--fallback', 'none'];
    const five = parse(runCli(['benchmark', '--db', db, '--csv', ...none]).stdout);
    const b1 = five.find((r) => r.org_id === 'B1')!;
    expect(b1).toMatchObject({ region: '武汉', org_type: '基金会', percentile_in_group: '' });
    expect(b1.percentile_overall).toMatch(/^[\d.]+$/);
    const peers = ORGS.filter((p) => p.region === '深圳').map((p) => expected.get(p.id)!.total);
    expect(Number(five.find((r) => r.org_id === 'A1')!.percentile_in_group)).toBeCloseTo(
      percentileRank(peers, expected.get('A1')!.total),
      9,
    );
    const four = parse(
      runCli(['benchmark', '--db', db, '--csv', '--min-group', '4', ...none]).stdout,
    );
    const wuhan = ORGS.filter((p) => p.region === '武汉').map((p) => expected.get(p.id)!.total);
    expect(Number(four.find((r) => r.org_id === 'B1')!.percentile_in_group)).toBeCloseTo(
      percentileRank(wuhan, expected.get('B1')!.total),
      9,
    );
  });

  it('refuses an unknown grouping or period in words', () => {
    const bad = runCli(['benchmark', '--db', db, '--by', 'city']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Cannot group by "city": use region, org_type, size.');
    const p = runCli(['benchmark', '--db', db, '--period', '1999']);
    expect(p.stderr).toContain('No submission for period 1999');
    // T/NSSQ has no size band: one group "size=—" would look like an answer.
    const size = runCli(['benchmark', '--db', db, '--by', 'region,size']);
    expect(size.code).toBe(1);
    expect(size.stdout).toBe('');
    expect(size.stderr).toBe(
      `Cannot group ${TEMPLATE} by size: only gbt-40143-2021 has a size band (registered volunteers, indicator 2.1.3). Group ${TEMPLATE} by region, org_type (for example --by region,org_type).\n`,
    );
  });

  it('exports CSV with formula-like text defused, Parquet DuckDB reads back, and one xlsx, all k-suppressed', async () => {
    const out = join(dir, 'export-csv');
    expect(runCli(['export', '--db', db, '--format', 'csv', '--out', out]).code).toBe(0);
    const orgs = readFileSync(join(out, 'organizations.csv'), 'utf8');
    expect(orgs).toContain(`Z1,'=cmd|' /C calc'!A0 <script>,北京,基金会`);
    const groups = Papa.parse<Record<string, string>>(
      readFileSync(join(out, 'bench_groups.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    // The groups of region × type (level), each as the views group them, then the coarser ones.
    const wuhan = groups.find((g) => g.region === '武汉' && g.level === 'region,org_type')!;
    expect(wuhan).toMatchObject({
      n: '4',
      suppressed: 'true',
      min: '',
      median: '',
      max: '',
      mean: '',
    });
    expect(groups.find((g) => g.region === '深圳')!.median).not.toBe('');

    const pq = join(dir, 'export-parquet');
    expect(runCli(['export', '--db', db, '--format', 'parquet', '--out', pq]).code).toBe(0);
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const n = (
      await con.runAndReadAll(
        `SELECT count(*) FROM read_parquet('${join(pq, 'indicator_scores.parquet')}')`,
      )
    ).getRows()[0]![0];
    expect(Number(n)).toBe((ORGS.length + 1) * plan.indicators.length);
    con.closeSync();
    inst.closeSync();

    const xlsx = join(dir, 'export.xlsx');
    expect(runCli(['export', '--db', db, '--format', 'xlsx', '--out', xlsx]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toContain('submission_scores');
    // Counts are numbers, not text; every timestamp is ISO 8601 text in UTC.
    const sheetRows = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      const out: Record<string, unknown>[] = [];
      ws.eachRow((row, i) => {
        if (i > 1)
          out.push(Object.fromEntries(header.map((h, c) => [h, row.getCell(c + 1).value])));
      });
      return out;
    };
    expect(
      sheetRows('bench_groups')
        .filter((g) => g.level === 'region,org_type')
        .map((g) => [g.region, g.n])
        .sort(),
    ).toEqual([
      ['北京', 1],
      ['武汉', 4],
      ['深圳', 5],
    ]);
    const pct = sheetRows('bench_percentiles').find((r) => r.org_id === 'A1')!;
    expect(pct).toMatchObject({ n_group: 5, n_all: ORGS.length + 1 });
    expect(sheetRows('bench_org_period').every((r) => r.raters === 1)).toBe(true);
    expect(
      sheetRows('bench_org_indicator').every((r) => r.raters === 1 && typeof r.score === 'number'),
    ).toBe(true);
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    const stamps = [
      ...sheetRows('submissions').map((r) => r.ingested_at),
      ...sheetRows('organizations').map((r) => r.updated_at),
      ...sheetRows('submission_scores').map((r) => r.ingested_at),
    ];
    expect(stamps.length).toBe(3 * (ORGS.length + 1));
    for (const t of stamps) expect(t).toMatch(iso);
    expect(Math.abs(Date.parse(String(stamps[0])) - Date.now())).toBeLessThan(24 * 3600 * 1000);
    const sheet = wb.getWorksheet('organizations')!;
    const names: unknown[] = [];
    sheet.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain("=cmd|' /C calc'!A0 <script>");
    expect(readZipText(xlsx)).not.toMatch(/<f>[^<]*cmd/);
  });

  it('exports every table and view docs/database.md documents, in each format', async () => {
    const documented = documentedTablesAndViews();
    expect(documented).toEqual(
      expect.arrayContaining([
        'submission_scores',
        'bench_org_indicator',
        'bench_org_size',
        'bench_rater_spread',
        'organizations',
        'rejections',
      ]),
    );
    const csv = join(dir, 'export-all-csv');
    expect(runCli(['export', '--db', db, '--format', 'csv', '--out', csv]).code).toBe(0);
    expect(readdirSync(csv).sort()).toEqual(documented.map((t) => `${t}.csv`).sort());
    // bench_org_indicator: one row per organization and scored indicator, as ingested.
    const ind = Papa.parse<Record<string, string>>(
      readFileSync(join(csv, 'bench_org_indicator.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(ind).toHaveLength((ORGS.length + 1) * plan.indicators.length);
    const a1 = ind.find((r) => r.org_id === 'A1' && r.indicator_id === plan.indicators[1]!.id)!;
    expect(Number(a1.score)).toBeCloseTo((level(1, 1) - 1) / 2, 9);
    const pq = join(dir, 'export-all-parquet');
    expect(runCli(['export', '--db', db, '--format', 'parquet', '--out', pq]).code).toBe(0);
    expect(readdirSync(pq).sort()).toEqual(documented.map((t) => `${t}.parquet`).sort());
    const xlsx = join(dir, 'export-all.xlsx');
    expect(runCli(['export', '--db', db, '--format', 'xlsx', '--out', xlsx]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual([...documented].sort());
  });

  it('refuses an xlsx export a sheet cannot hold, naming the table, and writes nothing', async () => {
    const store = await openStore(db);
    const out = join(dir, 'too-big.xlsx');
    try {
      await expect(
        exportDatabase(store.con, 'xlsx', out, { minGroup: 5, xlsxMaxRows: 50 }),
      ).rejects.toThrow(
        new RegExp(
          `indicator_scores has ${((ORGS.length + 1) * plan.indicators.length).toLocaleString('en')} rows and a sheet holds at most 50: nothing was written`,
        ),
      );
    } finally {
      store.close();
    }
    expect(existsSync(out)).toBe(false);
  });

  it('exports Parquet partitioned by template and period that DuckDB reads back whole, and refuses --partition for csv', async () => {
    const pq = join(dir, 'export-partitioned');
    const r = runCli(['export', '--db', db, '--format', 'parquet', '--partition', '--out', pq]);
    expect(r.stderr + r.stdout).not.toContain('failed');
    expect(r.code).toBe(0);
    const subs = readdirSync(join(pq, 'indicator_scores')).sort();
    expect(subs).toEqual([`template_id=${plan.template.id}`]);
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const rows = (
      await con.runAndReadAll(
        `SELECT template_id, period, count(*) FROM read_parquet('${join(pq, 'indicator_scores', '**', '*.parquet')}', hive_partitioning = true) GROUP BY ALL`,
      )
    ).getRows();
    expect(rows.map((x) => [String(x[0]), String(x[1]), Number(x[2])])).toEqual([
      [plan.template.id, '2025', (ORGS.length + 1) * plan.indicators.length],
    ]);
    const subCount = (
      await con.runAndReadAll(
        `SELECT count(*) FROM read_parquet('${join(pq, 'submissions', '**', '*.parquet')}', hive_partitioning = true)`,
      )
    ).getRows()[0]![0];
    expect(Number(subCount)).toBe(ORGS.length + 1);
    expect(existsSync(join(pq, 'bench_groups.parquet'))).toBe(true);
    con.closeSync();
    inst.closeSync();

    const bad = runCli([
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--partition',
      '--out',
      join(dir, 'x'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--partition applies to --format parquet only');
  });
});

/** The tables and views docs/database.md documents: the view headings, and the first column of the "view" and "table" tables. */
function documentedTablesAndViews(): string[] {
  const doc = readFileSync(join(ROOT, 'docs', 'database.md'), 'utf8');
  const headings = [...doc.matchAll(/^### `([a-z_]+)`/gm)].map((m) => m[1]!);
  const blocks: string[][] = [];
  let block: string[] | null = null;
  for (const line of doc.split('\n')) {
    if (!line.startsWith('|')) block = null;
    else if (block) block.push(line);
    else blocks.push((block = [line]));
  }
  const tables = blocks.filter((b) => /^\| (view|table) \|/.test(b[0]!));
  expect(tables).toHaveLength(2);
  const rows = tables.flatMap((t) =>
    t
      .map((line) => line.match(/^\| `([a-z_]+)` \|/)?.[1])
      .filter((x): x is string => x !== undefined),
  );
  return [...new Set([...headings, ...rows])];
}

function readZipText(file: string): string {
  const files = unzipSync(readFileSync(file));
  return Object.entries(files)
    .filter(([n]) => n.startsWith('xl/worksheets/'))
    .map(([, b]) => strFromU8(b))
    .join('');
}

describe('trends and several evaluators', () => {
  it("reports each organization's change per period and where two evaluators disagree most", () => {
    const db2 = join(dir, 'trends.duckdb');
    const lines = [
      'template_id,period,org_id,org_name,region,org_type,evaluator,indicator_id,value',
    ];
    const add = (period: string, org: string, evaluator: string, base: number) => {
      plan.indicators.forEach((ind, k) =>
        lines.push(
          `${TEMPLATE},${period},${org},机构${org},深圳,社会团体,${evaluator},${ind.id},${level(base, k)}`,
        ),
      );
    };
    add('2024', 'T1', '甲', 1);
    add('2025', 'T1', '甲', 4);
    add('2025', 'T2', '甲', 2);
    add('2025', 'T2', '乙', 3);
    write(join(dir, 'trends.csv'), lines.join('\n'));
    expect(runCli(['ingest', join(dir, 'trends.csv'), '--db', db2]).code).toBe(0);
    const j = JSON.parse(runCli(['benchmark', '--db', db2, '--json', '--min-group', '1']).stdout);
    const total = (base: number) =>
      evaluate(
        plan,
        Object.fromEntries(plan.indicators.map((ind, k) => [ind.id, String(level(base, k))])),
      ).total!;
    const t1 = j.trends.organizations.find((t: { org_id: string }) => t.org_id === 'T1');
    expect(t1).toMatchObject({ from_period: '2024', to_period: '2025' });
    expect(t1.total_change).toBeCloseTo(total(4) - total(1), 9);
    expect(t1.dimensions).toHaveLength(plan.dimensions.length);
    const t2 = j.raters.find((r: { org_id: string }) => r.org_id === 'T2');
    expect(t2.raters).toBe(2);
    expect(t2.total).toBeCloseTo((total(2) + total(3)) / 2, 9);
    expect(t2.total_range).toBeCloseTo(Math.abs(total(2) - total(3)), 9);
    // The indicators of least agreement are those where the two raters' levels are furthest apart:
    // more than five here (one said 1, the other 3), so the count and the first five in the
    // standard's order, none picked among them.
    const gaps = plan.indicators.map((ind, k) => ({
      id: ind.id,
      gap: Math.abs(level(2, k) - level(3, k)) / 2,
    }));
    const widest = Math.max(...gaps.map((g) => g.gap));
    const atWidest = gaps.filter((g) => g.gap === widest).map((g) => g.id);
    expect(widest).toBe(1);
    expect(atWidest.length).toBeGreaterThan(5);
    expect(t2).toMatchObject({ at_largest_spread: atWidest.length });
    expect(t2.largest_spread).toBeCloseTo(widest, 9);
    expect(t2.least_agreement.map((x: { indicator_id: string }) => x.indicator_id)).toEqual(
      atWidest.slice(0, 5),
    );
    expect(j.organizations.find((o: { org_id: string }) => o.org_id === 'T2').total).toBeCloseTo(
      (total(2) + total(3)) / 2,
      9,
    );
    const text = runCli(['benchmark', '--db', db2, '--min-group', '1']).stdout;
    // Signed, and zero bare: never "+0.00" or "-0.00" (core/format-number.ts).
    const change = total(4) - total(1);
    expect(text).toContain(
      `T1 2024 → 2025: ${Math.abs(change) < 0.005 ? '0.00' : `+${change.toFixed(2)}`}\n`,
    );
    expect(text).toContain(
      `T2: 2 evaluators, total ${((total(2) + total(3)) / 2).toFixed(2)} (range ${Math.abs(total(2) - total(3)).toFixed(2)}); least agreement: ${atWidest.length} indicators with opposite scores (range 1.00), the first 5 of them: ${atWidest.slice(0, 5).join(', ')}\n`,
    );
    expect(text).not.toContain('±');
  });
});
