/**
 * A full disk: every file scorebook writes appears whole or not at all, the run says "the disk
 * is full" and what it completed, and an ingest leaves the database as it was before the batch
 * that could not be written. The disk is a real tmpfs of a few hundred KB where this process
 * may mount one (as root); elsewhere the write seam of write-whole.ts stands in for it (and,
 * for DuckDB's own writes, a file size limit: ulimit -f). Sizes are measured first, on an
 * ordinary folder, so that each disk holds about half of what the run would write.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORTED } from '../../pipeline/export/export-database.ts';
import { PARTIAL_FILE } from '../../pipeline/files/write-whole.ts';
import { readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { buildFixture } from '../report/support/fixture.ts';
import { queryDb } from '../support/query-db.ts';
import { ROOT, runCli, scratchDir, type CliRun } from '../support/run-cli.ts';
import { smallDisk } from '../support/small-disk.ts';
import { typeNumbers } from '../support/returned-workbooks.ts';

const sizeOf = (dir: string, match: (f: string) => boolean = () => true): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile() && match(f))
    .reduce((n, f) => n + statSync(f).size, 0);
const kbHalf = (bytes: number) => Math.max(16, Math.ceil(bytes / 2 / 1024 / 4) * 4);
const noPartials = (dir: string) =>
  expect(
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      PARTIAL_FILE.test(f.split('/').pop()!),
    ),
  ).toEqual([]);

let fixture: { db: string; roster: string };

beforeAll(async () => {
  fixture = await buildFixture(scratchDir());
});

describe('generate on a full disk', () => {
  it('one workbook: not written at all, and said', () => {
    const disk = smallDisk(16);
    try {
      if (disk.real) writeFileSync(join(disk.dir, 'filler'), Buffer.alloc(12 * 1024));
      const out = join(disk.dir, 'a.xlsx');
      const r = runCli(['generate', 'gbt-40143-2021', '--out', out], { env: disk.env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${out}  Could not write this file: the disk is full`);
      expect(readdirSync(disk.dir).filter((f) => f !== 'filler')).toEqual([]);
    } finally {
      disk.release();
    }
  });

  it('a roster: each workbook whole, and the manifest lists exactly those written', () => {
    const dir = scratchDir();
    const roster = join(dir, 'r.csv');
    const members = Array.from({ length: 240 }, (_, i) => `O${i},机构${i},R${i % 3},T${i % 2}`);
    writeFileSync(roster, `org_id,org_name,region,org_type\n${members.join('\n')}\n`);
    const disk = smallDisk(1024);
    try {
      const out = join(disk.dir, 'out');
      const args = ['generate', 'gbt-40143-2021', '--roster', roster, '--out', out];
      const r = runCli([...args, '--period', '2025', '--workers', '2'], { env: disk.env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('the disk is full');
      const books = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
      expect(books.length).toBeGreaterThan(0);
      expect(books.length).toBeLessThan(240);
      for (const b of books)
        expect(readWorkbookBytes(readFileSync(join(out, b))).errors).toEqual([]);
      noPartials(out);
      const m = /Wrote (\d+) of 240 workbooks, each whole; the manifest (.*) lists those/.exec(
        r.stderr,
      );
      expect(m, r.stderr).not.toBeNull();
      expect(Number(m![1])).toBe(books.length);
      const manifest = Papa.parse<Record<string, string>>(
        readFileSync(join(out, 'manifest.csv'), 'utf8').replace(/^\uFEFF/, ''),
        { header: true, skipEmptyLines: true },
      ).data;
      expect(manifest.map((row) => row.file).sort()).toEqual([...books].sort());
    } finally {
      disk.release();
    }
  });
});

describe('report and export on a full disk', () => {
  it('report --all: the pages written are whole, the count is said, no index claims the rest', () => {
    const full = scratchDir();
    expect(runCli(['report', '--all', '--db', fixture.db, '--out', full]).code).toBe(0);
    const pages = readdirSync(full).filter((f) => f.endsWith('.html')).length - 2;
    const disk = smallDisk(kbHalf(sizeOf(full)));
    try {
      const r = runCli(['report', '--all', '--db', fixture.db, '--out', disk.dir], {
        env: disk.env,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('the disk is full');
      const written = readdirSync(disk.dir).filter((f) => f.endsWith('.html'));
      expect(written).not.toContain('index.html');
      const m = new RegExp(`Wrote (\\d+) of ${pages} reports in .*, each whole`).exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(written.length).toBe(Number(m![1]));
      for (const f of written)
        expect(readFileSync(join(disk.dir, f), 'utf8').trimEnd()).toMatch(/<\/html>$/);
      noPartials(disk.dir);
    } finally {
      disk.release();
    }
  });

  it('export --format xlsx: no broken workbook, and no "exported" at the end', () => {
    const full = join(scratchDir(), 'all.xlsx');
    expect(runCli(['export', '--db', fixture.db, '--format', 'xlsx', '--out', full]).code).toBe(0);
    const disk = smallDisk(kbHalf(statSync(full).size));
    try {
      const out = join(disk.dir, 'all.xlsx');
      const r = runCli(['export', '--db', fixture.db, '--format', 'xlsx', '--out', out], {
        env: disk.env,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${out}  Could not write this file: the disk is full`);
      expect(r.stdout).not.toMatch(/Exported|exported/);
      expect(readdirSync(disk.dir)).toEqual([]);
    } finally {
      disk.release();
    }
  });

  it('export --format csv: the tables exported before are whole, and their number is said', () => {
    const full = scratchDir();
    expect(runCli(['export', '--db', fixture.db, '--format', 'csv', '--out', full]).code).toBe(0);
    const disk = smallDisk(kbHalf(sizeOf(full)));
    try {
      const r = runCli(['export', '--db', fixture.db, '--format', 'csv', '--out', disk.dir], {
        env: disk.env,
      });
      expect(r.code).toBe(1);
      const m = new RegExp(
        `Exported (\\d+) of ${EXPORTED.length} tables to .*, each file whole`,
      ).exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      const files = readdirSync(disk.dir);
      expect(files).toHaveLength(Number(m![1]));
      for (const f of files)
        expect(readFileSync(join(disk.dir, f))).toEqual(readFileSync(join(full, f)));
    } finally {
      disk.release();
    }
  });
});

describe('ingest on a full disk', () => {
  it('says why, keeps every batch committed before, and a run with room stores the rest', async () => {
    const dir = scratchDir();
    const roster = join(dir, 'r.csv');
    const members = Array.from({ length: 300 }, (_, i) => `O${i},机构${i},R${i % 3},T${i % 2}`);
    writeFileSync(roster, `org_id,org_name,region,org_type\n${members.join('\n')}\n`);
    const returns = join(dir, 'returns');
    expect(
      runCli([
        'generate',
        'gbt-40143-2021',
        '--roster',
        roster,
        '--out',
        returns,
        '--period',
        '2025',
      ]).code,
    ).toBe(0);
    // Each return answers one figure (a blank one would be rejected as empty, and store little).
    for (const f of readdirSync(returns).filter((n) => n.endsWith('.xlsx')))
      writeFileSync(
        join(returns, f),
        typeNumbers(readFileSync(join(returns, f)), { IN_2_1_3: 40 }),
      );
    const disk = smallDisk(3 * 1024);
    let r: CliRun;
    const db = join(disk.dir, 'db.duckdb');
    try {
      // Batches of 200: the disk fills after the first is committed, inside the second.
      if (disk.real) r = runCli(['ingest', returns, '--db', db, '--batch-size', '200']);
      else {
        // No small disk to mount: DuckDB's writes meet a file size limit instead (EFBIG).
        const s = spawnSync(
          'sh',
          [
            '-c',
            'ulimit -f 6000; exec "$0" "$@"',
            process.execPath,
            join(ROOT, 'bin/scorebook.mjs'),
            'ingest',
            returns,
            '--db',
            db,
            '--batch-size',
            '200',
          ],
          { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', SCOREBOOK_LANG: '' } },
        );
        r = { code: s.status ?? -1, stdout: s.stdout, stderr: s.stderr };
      }
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Could not write to the database ${db}: `);
      expect(r.stderr).toMatch(/the disk is full|larger than the file system allows/);
      expect(r.stderr).toContain('the database holds every file stored before it');
      expect(r.stderr).not.toContain('TransactionContext');
      const copy = join(dir, 'copy');
      cpSync(disk.dir, copy, { recursive: true });
      const stored = await queryDb(
        join(copy, 'db.duckdb'),
        'SELECT count(*)::INTEGER AS n FROM submissions',
      );
      // Whole batches of 200 only: what a transaction committed, nothing of the one that failed.
      expect([0, 200]).toContain(stored[0]!.n);
      const again = runCli(['ingest', returns, '--db', join(copy, 'db.duckdb'), '--json']);
      expect(again.code).toBe(0);
      const summary = JSON.parse(again.stdout) as { ingested: number; unchanged: number };
      expect(summary.ingested + summary.unchanged).toBe(300);
      expect(summary.unchanged).toBe(stored[0]!.n);
    } finally {
      disk.release();
    }
  });
});
