/**
 * How a database is opened: the commands that only read work on a read-only disk; a database
 * whose views an earlier scorebook wrote is brought up to date once where it can be written,
 * and said where it cannot; a SQLite file, or anything not DuckDB, is "not a scorebook
 * database", and no extension is fetched or installed for it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../report/support/fixture.ts';
import { queryDb } from '../support/query-db.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { smallDisk } from '../support/small-disk.ts';

let fixture: { db: string; roster: string };

beforeAll(async () => {
  fixture = await buildFixture(scratchDir());
});

/** The reading commands, each on `db`; their outputs go to a writable scratch folder. */
function readAll(db: string) {
  const out = scratchDir();
  return {
    benchmark: runCli(['benchmark', '--db', db]),
    status: runCli(['status', '--db', db, '--roster', fixture.roster]),
    report: runCli(['report', '--db', db, '--org', 'A1', '--out', join(out, 'r')]),
    export: runCli(['export', '--db', db, '--format', 'csv', '--out', join(out, 'e')]),
  };
}

describe('a read-only database', () => {
  it('benchmark, status, report and export read it as it is', () => {
    const disk = smallDisk(8 * 1024);
    try {
      const db = join(disk.dir, 'ro.duckdb');
      copyFileSync(fixture.db, db);
      disk.readOnly();
      for (const [verb, r] of Object.entries(readAll(db))) {
        expect(r.stderr, verb).not.toMatch(/Cannot open|read-only mode|failed/);
        expect(r.code, `${verb}: ${r.stderr}`).toBe(0);
      }
    } finally {
      disk.release();
    }
  });

  it('with views an earlier scorebook wrote: brought up to date where writable, said where not', async () => {
    const dir = scratchDir();
    const db = join(dir, 'old.duckdb');
    copyFileSync(fixture.db, db);
    await queryDb(db, "UPDATE view_definitions SET sql = 'SELECT 1' WHERE position = 1", {
      readOnly: false,
    });
    const disk = smallDisk(8 * 1024);
    try {
      const ro = join(disk.dir, 'old.duckdb');
      copyFileSync(db, ro);
      disk.readOnly();
      const r = runCli(['benchmark', '--db', ro]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`The database ${ro} was written by an earlier scorebook`);
      expect(r.stderr).toContain('writable');
    } finally {
      disk.release();
    }
    const w = runCli(['benchmark', '--db', db]);
    expect(w.code, w.stderr).toBe(0);
    const after = await queryDb(db, 'SELECT sql FROM view_definitions WHERE position = 1');
    expect(after[0]!.sql).not.toBe('SELECT 1');
  });
});

describe('a file that is not a scorebook database', () => {
  it('a SQLite file is refused in words, and no extension is installed (~/.duckdb stays absent)', () => {
    const dir = scratchDir();
    const lite = join(dir, 'lite.db');
    const py = spawnSync('python3', [
      '-c',
      `import sqlite3; c = sqlite3.connect(${JSON.stringify(lite)}); c.execute('create table t(x)'); c.commit()`,
    ]);
    expect(py.status, String(py.stderr)).toBe(0);
    const home = scratchDir();
    for (const args of [
      ['benchmark', '--db', lite],
      ['ingest', fixture.roster, '--db', lite],
      ['status', '--db', lite, '--roster', fixture.roster],
    ]) {
      const r = runCli(args, { env: { HOME: home } });
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toContain(`${lite} is not a scorebook database (it is a SQLite database)`);
    }
    expect(existsSync(join(home, '.duckdb'))).toBe(false);
  });

  it('other bytes, a DuckDB file without our tables, and a FIFO are refused too', async () => {
    const dir = scratchDir();
    const text = join(dir, 'notes.duckdb');
    writeFileSync(text, 'these are my notes, not a database\n'.repeat(100));
    expect(runCli(['benchmark', '--db', text]).stderr).toContain(
      'is not a scorebook database (it is not a DuckDB database file)',
    );
    const foreign = join(dir, 'foreign.duckdb');
    await queryDb(foreign, 'CREATE TABLE t AS SELECT 1 AS x', { readOnly: false });
    expect(runCli(['benchmark', '--db', foreign]).stderr).toContain(
      "it is a DuckDB database without scorebook's tables",
    );
    const fifo = join(dir, 'pipe.duckdb');
    spawnSync('mkfifo', [fifo]);
    const r = runCli(['benchmark', '--db', fifo]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${fifo}  It is a named pipe (FIFO), not a regular file`);
  });
});
