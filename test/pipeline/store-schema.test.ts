/**
 * The database schema: made on first use from the table declarations, versioned, and an older
 * file migrated without loss (a version-4 file, as scorebook wrote it, gives the same sizes,
 * totals and ranks after as its own views gave before); views recreated on open only when the
 * code's differ from those the file holds; a newer file refused in words.
 */
import { DuckDBInstance, quotedString, type DuckDBConnection } from '@duckdb/node-api';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePlan } from '../../core/index.ts';
import { ensureViews, viewsUpToDate } from '../../pipeline/store/ensure-views.ts';
import { openStore } from '../../pipeline/store/open-store.ts';
import { SCHEMA_VERSION } from '../../pipeline/store/schema.ts';
import { TABLES } from '../../pipeline/store/tables.ts';
import { VIEWS } from '../../pipeline/store/views/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { copyIntoLegacy } from '../fixtures/store/copy-into-legacy.ts';
import { makeLegacySchema } from '../fixtures/store/legacy-migrations.ts';
import { queryDb } from '../support/query-db.ts';
import { write } from '../support/returned-workbooks.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-schema-');
const TEMPLATE = 'gbt-40143-2021';
const plan = resolvePlan(shippedTemplates().get(TEMPLATE)!).value!;

/** Registered volunteers (2.1.3) per organization and evaluator: every band's edges, N/A, and two evaluators across an edge. */
const VOLUNTEERS: [org: string, evaluator: string, figure: string][] = [
  ['S1', '甲', '0'],
  ['S2', '甲', '49'],
  ['S3', '甲', '50'],
  ['S4', '甲', '199'],
  ['S5', '甲', '200'],
  ['S6', '甲', '999'],
  ['S7', '甲', '1000'],
  ['S8', '甲', '25000'],
  ['S9', '甲', '不适用'],
  ['S10', '甲', '40'],
  ['S10', '乙', '60'],
];

/** A database ingested by this scorebook from GB/T 40143 returns (CSV), the source of the older files' data. */
const current = join(dir, 'current.duckdb');

beforeAll(() => {
  const lines = ['template_id,period,org_id,org_name,region,org_type,evaluator,indicator_id,value'];
  VOLUNTEERS.forEach(([org, evaluator, figure], o) => {
    plan.indicators.forEach((ind, k) => {
      const value =
        ind.id === '2.1.3'
          ? figure
          : ind.rule.kind === 'binary'
            ? (k + o) % 3
              ? '是'
              : '否'
            : ind.rule.kind === 'scale'
              ? String(1 + ((k + o) % 4))
              : ind.unit === '%'
                ? `${40 + o}%`
                : String(10 + o + k);
      lines.push(
        `${TEMPLATE},2025,${org},机构${org},深圳,社会团体,${evaluator},${ind.id},${value}`,
      );
    });
  });
  write(join(dir, 'returns.csv'), lines.join('\n'));
  const r = runCli(['ingest', join(dir, 'returns.csv'), '--db', current, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ ingested: 11, rejected: [] });
});

/** The data tables of schema versions 1 to 4, whose columns later versions kept (and added to). */
const DATA_TABLES = [
  'organizations',
  'submissions',
  'indicator_scores',
  'dimension_scores',
  'group_scores',
  'rejections',
];

/** A file of schema `version` as that scorebook made it, holding the data of `current`. */
async function legacyDatabase(version: number, name: string): Promise<string> {
  const file = join(dir, name);
  await withConnection(file, async (con) => {
    await makeLegacySchema(con, version);
    await con.run(`ATTACH ${quotedString(current)} AS now (READ_ONLY)`);
    await copyIntoLegacy(con, DATA_TABLES, 'now');
    await con.run('DETACH now');
  });
  return file;
}

async function withConnection<T>(
  file: string,
  work: (con: DuckDBConnection) => Promise<T>,
  options: Record<string, string> = {},
): Promise<T> {
  const inst = await DuckDBInstance.create(file, options);
  const con = await inst.connect();
  try {
    return await work(con);
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

/** Every table's columns with their types, nullability and keys, as DuckDB describes them. */
const SHAPE = `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.ordinal_position,
    (SELECT string_agg(k.constraint_type, ',' ORDER BY k.constraint_type) FROM duckdb_constraints() k
     WHERE k.table_name = c.table_name AND list_contains(k.constraint_column_names, c.column_name)) AS constraints
  FROM information_schema.columns c JOIN information_schema.tables t USING (table_name)
  WHERE t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`;

/** What the views say of the organizations, under a consolidation method. */
const FIGURES = (method: string) => `SET VARIABLE consolidate = '${method}';
  SELECT p.org_id, p.size, p.total, p.raters, r.percentile_in_group, r.percentile_overall, z.size AS band
  FROM bench_org_period p JOIN bench_percentiles r USING (template_id, period, org_id)
  LEFT JOIN bench_org_size z USING (template_id, period, org_id) ORDER BY p.org_id`;

describe('store schema', () => {
  it('is made on first use from the table declarations with every view, and opening again writes nothing', async () => {
    const db = join(dir, 'fresh.duckdb');
    const s1 = await openStore(db);
    s1.close();
    const columns = await queryDb(
      db,
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name NOT IN ('schema_version', 'view_definitions') AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') ORDER BY table_name, ordinal_position",
    );
    const declared = TABLES.flatMap((t) =>
      t.columns.map((c) => ({
        table_name: t.name,
        column_name: c.name,
        data_type: c.type === 'TIMESTAMPTZ' ? 'TIMESTAMP WITH TIME ZONE' : c.type,
      })),
    ).sort((a, b) => a.table_name.localeCompare(b.table_name));
    expect(columns).toEqual(declared);
    const views = await queryDb(
      db,
      'SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name',
    );
    expect(views.map((v) => v.view_name)).toEqual(VIEWS.map((v) => v.name).sort());
    const cols = await queryDb(
      db,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'submission_scores' ORDER BY ordinal_position",
    );
    expect(cols.slice(0, 12).map((c) => c.column_name)).toEqual([
      'workbook_id',
      'org_id',
      'org_name',
      'region',
      'org_type',
      'period',
      'evaluator',
      'template_id',
      'template_version',
      'total',
      'grade',
      'flagged',
    ]);
    // A file that holds the code's views needs no write to be opened: read-only would do.
    expect(await withConnection(db, viewsUpToDate, { access_mode: 'READ_ONLY' })).toBe(true);
    const s2 = await openStore(db);
    s2.close();
    expect(await queryDb(db, 'SELECT version FROM schema_version')).toEqual([
      { version: SCHEMA_VERSION },
    ]);
  });

  it('migrates a version-4 database without loss: the same tables as a new one, and the same sizes, totals and ranks', async () => {
    const v4 = await legacyDatabase(4, 'v4.duckdb');
    const before = {
      mean: await queryDb(v4, FIGURES('mean')),
      min: await queryDb(v4, FIGURES('min')),
    };
    // The fixture covers what it claims: every band, an organization without a figure, and
    // two evaluators whose mean crosses an edge that their minimum does not.
    const size = (rows: Record<string, unknown>[], org: string) =>
      rows.find((r) => r.org_id === org)!.size;
    expect(new Set(before.mean.map((r) => r.size))).toEqual(
      new Set(['<50', '50-199', '200-999', '1000+', null]),
    );
    expect([size(before.mean, 'S10'), size(before.min, 'S10')]).toEqual(['50-199', '<50']);
    const counts = async (file: string) =>
      Promise.all(
        DATA_TABLES.map(async (t) => (await queryDb(file, `SELECT count(*) AS n FROM ${t}`))[0]!.n),
      );
    const rowsBefore = await counts(v4);

    (await openStore(v4)).close();
    expect((await queryDb(v4, 'SELECT max(version) AS v FROM schema_version'))[0]!.v).toBe(
      SCHEMA_VERSION,
    );
    expect(await counts(v4)).toEqual(rowsBefore);
    expect(await queryDb(v4, FIGURES('mean'))).toEqual(before.mean);
    expect(await queryDb(v4, FIGURES('min'))).toEqual(before.min);
    // The sizes come from the template now, not from the view's literals.
    expect(
      await queryDb(
        v4,
        'SELECT template_id, indicator_id, band, below FROM size_bands ORDER BY position',
      ),
    ).toEqual([
      { template_id: TEMPLATE, indicator_id: '2.1.3', band: '<50', below: 50 },
      { template_id: TEMPLATE, indicator_id: '2.1.3', band: '50-199', below: 200 },
      { template_id: TEMPLATE, indicator_id: '2.1.3', band: '200-999', below: 1000 },
      { template_id: TEMPLATE, indicator_id: '2.1.3', band: '1000+', below: null },
    ]);
    expect(await queryDb(v4, SHAPE)).toEqual(await queryDb(current, SHAPE));
    expect(await withConnection(v4, viewsUpToDate, { access_mode: 'READ_ONLY' })).toBe(true);
  });

  it('fills the columns of schema version 6 in an older file from what it holds', async () => {
    const old = await legacyDatabase(4, 'v4-filled.duckdb');
    await withConnection(old, async (con) => {
      // Two workbook returns as an older scorebook stored them: one agreed with the engine, one was flagged.
      await con.run("UPDATE submissions SET source = 'xlsx' WHERE org_id IN ('S1', 'S2')");
      await con.run("UPDATE submissions SET flagged = true, unanswered = 3 WHERE org_id = 'S2'");
      await con.run(
        "INSERT INTO rejections VALUES ('late.xlsx', NULL, 'corrupt', 'damaged', now())",
      );
    });
    (await openStore(old)).close();
    const rows = await queryDb(
      old,
      `SELECT org_id, evaluator, source, answered, unanswered, applicable, complete, weights_changed,
              issued_weights = weights AS same_weights, own_total IS NOT DISTINCT FROM total AS same_total, calculated
       FROM submissions ORDER BY org_id, evaluator`,
    );
    expect(rows.length).toBe(VOLUNTEERS.length);
    for (const r of rows) {
      expect(r.applicable).toBe(Number(r.answered) + Number(r.unanswered));
      expect(r.complete).toBe(r.unanswered === 0);
      expect(r).toMatchObject({ weights_changed: false, same_weights: true, same_total: true });
    }
    const byOrg = (org: string) => rows.find((r) => r.org_id === org)!;
    expect(byOrg('S1')).toMatchObject({ source: 'xlsx', calculated: true, complete: true });
    // Flagged: it may have had no cached values at all, so whether it was calculated is unknown.
    expect(byOrg('S2')).toMatchObject({ source: 'xlsx', calculated: null, complete: false });
    expect(byOrg('S3')).toMatchObject({ source: 'csv', calculated: null });
    expect(
      await queryDb(old, 'SELECT file, org_id, period, template_id, code, params FROM rejections'),
    ).toEqual([
      {
        file: 'late.xlsx',
        org_id: null,
        period: null,
        template_id: null,
        code: null,
        params: null,
      },
    ]);
  });

  it('migrates a version-1 database forward, keeping its data', async () => {
    const v1 = await legacyDatabase(1, 'v1.duckdb');
    const store = await openStore(v1);
    try {
      expect(
        Number(
          (
            await store.con.runAndReadAll('SELECT max(version) FROM schema_version')
          ).getRows()[0]![0],
        ),
      ).toBe(SCHEMA_VERSION);
      expect(
        (await store.con.runAndReadAll('SELECT count(*) FROM bench_org_period')).getRows()[0]![0],
      ).toBe(BigInt(new Set(VOLUNTEERS.map(([org]) => org)).size));
    } finally {
      store.close();
    }
    expect(await queryDb(v1, SHAPE)).toEqual(await queryDb(current, SHAPE));
  });

  it('recreates views that differ from the code, and drops one an earlier scorebook made that the code no longer has', async () => {
    const db = join(dir, 'changed-views.duckdb');
    copyFileSync(current, db);
    await withConnection(db, async (con) => {
      await con.run('CREATE OR REPLACE VIEW bench_groups AS SELECT 1 AS stale');
      await con.run('CREATE VIEW bench_gone AS SELECT 1 AS x');
      await con.run(
        "UPDATE view_definitions SET sql = 'SELECT 1 AS stale' WHERE name = 'bench_groups'",
      );
      await con.run("INSERT INTO view_definitions VALUES (100, 'bench_gone', 'SELECT 1 AS x')");
      expect(await viewsUpToDate(con)).toBe(false);
      await ensureViews(con);
      expect(await viewsUpToDate(con)).toBe(true);
    });
    const views = await queryDb(db, 'SELECT view_name FROM duckdb_views() WHERE NOT internal');
    expect(views.map((v) => v.view_name)).not.toContain('bench_gone');
    const groups = await queryDb(db, 'SELECT * FROM bench_groups');
    expect(Object.keys(groups[0]!)).toContain('median');
  });

  it('has every column of every table and view named in docs/database.md', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'database.md'), 'utf8');
    const paragraph = (start: string) => doc.slice(doc.indexOf(start)).split('\n\n')[0]!;
    const bookkeeping = paragraph('The schema is created');
    const naming = paragraph('Each row of a `bench_*` view');
    const textOf = (name: string) =>
      doc.split('\n').find((l) => l.startsWith(`| \`${name}\` |`)) ??
      (doc.includes(`### \`${name}\``)
        ? doc.slice(doc.indexOf(`### \`${name}\``)).split('\n## ')[0]!
        : bookkeeping);
    const relations = await queryDb(
      current,
      'SELECT table_name AS name, list(column_name ORDER BY ordinal_position) AS columns FROM information_schema.columns GROUP BY 1 ORDER BY 1',
    );
    expect(relations.length).toBe(TABLES.length + VIEWS.length + 2);
    const undocumented: Record<string, string[]> = {};
    for (const { name, columns } of relations as { name: string; columns: string[] }[]) {
      const missing = columns.filter(
        (c) =>
          !textOf(name).includes(`\`${c}\``) &&
          !(name.startsWith('bench_') && naming.includes(`\`${c}\``)),
      );
      if (missing.length) undocumented[name] = missing;
    }
    expect(undocumented).toEqual({});
  });

  it('refuses a database written by a newer scorebook, saying what to do', async () => {
    const db = join(dir, 'future.duckdb');
    await withConnection(db, async (con) => {
      await con.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
      await con.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION + 1})`);
    });
    await expect(openStore(db)).rejects.toThrow(
      /newer than this scorebook understands .* Upgrade scorebook/,
    );
    const out = scratchDir('scorebook-schema-');
    expect(runCli(['generate', TEMPLATE, '--out', join(out, 'a.xlsx')]).code).toBe(0);
    const r = runCli(['ingest', out, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^This database has schema version \d+, newer than this scorebook understands \(\d+\)\. Upgrade scorebook\.\n/m,
    );
    expect(r.stderr).not.toContain('    at ');
  });
});
