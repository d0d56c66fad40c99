/**
 * kill -9 in the middle of an ingest, several times, then a run to the end: the database must
 * equal a clean run's, row for row, and every file must be accounted for exactly once.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compoundFile,
  filledWorkbook,
  org,
  stampedReturns,
  write,
} from '../support/returned-workbooks.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';
import { rng } from '../support/random-answers.ts';

const dir = scratchDir('scorebook-crash-');
const returns = join(dir, 'returns');
const FILES = 320;

const TABLES: Record<string, string> = {
  submissions: 'SELECT * EXCLUDE (ingested_at) FROM submissions',
  indicator_scores: 'SELECT * FROM indicator_scores',
  dimension_scores: 'SELECT * FROM dimension_scores',
  group_scores: 'SELECT * FROM group_scores',
  rejections: 'SELECT * EXCLUDE (rejected_at) FROM rejections',
  organizations: 'SELECT * EXCLUDE (updated_at) FROM organizations',
};

async function dump(db: string): Promise<Record<string, string[]>> {
  const inst = await DuckDBInstance.create(db);
  const con = await inst.connect();
  try {
    const out: Record<string, string[]> = {};
    for (const [t, sql] of Object.entries(TABLES))
      out[t] = (await con.runAndReadAll(sql))
        .getRowsJson()
        .map((r) => JSON.stringify(r))
        .sort();
    return out;
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

async function stored(db: string): Promise<number> {
  const inst = await DuckDBInstance.create(db);
  const con = await inst.connect();
  try {
    const rows = (
      await con.runAndReadAll(
        'SELECT (SELECT count(*) FROM submissions) + (SELECT count(DISTINCT file) FROM rejections)',
      )
    ).getRows();
    return Number(rows[0]![0]);
  } catch {
    return 0; // killed before the schema was committed
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

/** Starts an ingest and kills it with SIGKILL once its progress passes `atFiles` files read. */
function killedRun(db: string, atFiles: number): Promise<string> {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/scorebook.mjs'),
        'ingest',
        returns,
        '--db',
        db,
        '--batch-size',
        '7',
        '--workers',
        '2',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/(\d+)\/\d+/g))
        if (Number(m[1]) >= atFiles) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => resolvePromise(signal ?? `exit ${code}`));
  });
}

beforeAll(async () => {
  mkdirSync(returns, { recursive: true });
  await stampedReturns(returns, FILES - 20);
  for (let i = 0; i < 16; i++)
    write(
      join(returns, `F${i}.xlsx`),
      await filledWorkbook({ profile: 'annex-b-example', org: org(1000 + i), seed: 50 + i }),
    );
  for (let i = 0; i < 4; i++)
    write(join(returns, `X${i}.xlsx`), i % 2 ? compoundFile(true) : 'not a workbook');
}, 300_000);

describe('ingest killed with SIGKILL', () => {
  it('ends, after a re-run, exactly as a clean run: row for row, every file once', async () => {
    const clean = join(dir, 'clean.duckdb');
    const r = runCli(['ingest', returns, '--db', clean, '--json']);
    expect(r.code).toBe(3);
    const summary = JSON.parse(r.stdout);
    expect(summary.ingested + summary.unchanged + summary.replaced + summary.rejected.length).toBe(
      FILES,
    );

    const crashed = join(dir, 'crashed.duckdb');
    const random = rng(9);
    const partial: number[] = [];
    for (let k = 0; k < 4; k++) {
      const signal = await killedRun(crashed, Math.floor(FILES * (0.2 + 0.7 * random())));
      if (signal === 'SIGKILL' && existsSync(crashed)) partial.push(await stored(crashed));
    }
    // At least one run must really have been cut off half-way for the test to mean anything.
    expect(
      partial.some((n) => n > 0 && n < FILES),
      `files stored after each kill: ${partial.join(', ')}`,
    ).toBe(true);
    const last = runCli(['ingest', returns, '--db', crashed, '--json']);
    const s2 = JSON.parse(last.stdout);
    expect(s2.ingested + s2.unchanged + s2.replaced + s2.rejected.length).toBe(FILES);

    const a = await dump(clean);
    const b = await dump(crashed);
    for (const t of Object.keys(TABLES)) {
      expect(b[t]!.length, t).toBe(a[t]!.length);
      expect(b[t], t).toEqual(a[t]);
    }
    expect(a.submissions!.length).toBe(FILES - 4);
    expect(a.rejections!.length).toBe(4);
  });
});
