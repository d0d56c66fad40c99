/** The database schema is created on first use, versioned, and a newer file is refused in words. */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../pipeline/store/schema.ts';
import { openStore } from '../../pipeline/store/open-store.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

describe('store schema', () => {
  it('is created on first use with the submission_scores view, and opening again changes nothing', async () => {
    const db = join(scratchDir('scorebook-schema-'), 'a.duckdb');
    const s1 = await openStore(db);
    const cols = (
      await s1.con.runAndReadAll(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'submission_scores' ORDER BY ordinal_position",
      )
    )
      .getRows()
      .map((r) => r[0]);
    expect(cols.slice(0, 12)).toEqual([
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
    s1.close();
    const s2 = await openStore(db);
    const versions = (await s2.con.runAndReadAll('SELECT version FROM schema_version'))
      .getRows()
      .map((r) => Number(r[0]));
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    s2.close();
  });

  it('migrates a version-1 database forward, keeping its data', async () => {
    const db = join(scratchDir('scorebook-schema-'), 'v1.duckdb');
    const inst = await DuckDBInstance.create(db);
    const con = await inst.connect();
    await con.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    for (const sql of MIGRATIONS[1]!) await con.run(sql);
    await con.run('INSERT INTO schema_version VALUES (1)');
    await con.run("INSERT INTO organizations VALUES ('M1', '甲', '深圳', '社会团体', now())");
    con.closeSync();
    inst.closeSync();
    const store = await openStore(db);
    const v = (
      await store.con.runAndReadAll('SELECT max(version) FROM schema_version')
    ).getRows()[0]![0];
    expect(Number(v)).toBe(SCHEMA_VERSION);
    expect((await store.con.runAndReadAll('SELECT org_name FROM organizations')).getRows()).toEqual(
      [['甲']],
    );
    expect(
      (await store.con.runAndReadAll('SELECT count(*) FROM bench_groups')).getRows()[0]![0],
    ).toBe(0n);
    store.close();
  });

  it('refuses a database written by a newer scorebook, saying what to do', async () => {
    const db = join(scratchDir('scorebook-schema-'), 'future.duckdb');
    const inst = await DuckDBInstance.create(db);
    const con = await inst.connect();
    await con.run('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    await con.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION + 1})`);
    con.closeSync();
    inst.closeSync();
    await expect(openStore(db)).rejects.toThrow(
      /newer than this scorebook understands .* Upgrade scorebook/,
    );
    const dir = scratchDir('scorebook-schema-');
    expect(runCli(['generate', 'gbt-40143-2021', '--out', join(dir, 'a.xlsx')]).code).toBe(0);
    const r = runCli(['ingest', dir, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^This database has schema version \d+, newer than this scorebook understands \(\d+\)\. Upgrade scorebook\.\n/m,
    );
    expect(r.stderr).not.toContain('    at ');
  });
});
