/**
 * Reading in worker threads gives what reading on one thread gives, in the files' order, and
 * reads ahead of a slow writer only by a bounded window: memory stays flat in the number of files.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../pipeline/ingest/file-outcome.ts';
import { readReturns } from '../../pipeline/ingest/read-returns.ts';
import {
  compoundFile,
  filledWorkbook,
  org,
  stampedReturns,
  write,
} from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = join(scratchDir('scorebook-read-returns-'), 'returns');
const FILES = 400;
let files: string[] = [];

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await stampedReturns(dir, FILES - 12);
  for (let i = 0; i < 10; i++)
    write(
      join(dir, `F${i}.xlsx`),
      await filledWorkbook({ profile: 'annex-b-example', org: org(2000 + i), seed: 70 + i }),
    );
  write(join(dir, 'X0.xlsx'), compoundFile(true));
  write(join(dir, 'X1.xlsx'), 'not a workbook');
  files = readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
}, 300_000);

async function readAll(
  workers: number,
  slow: boolean,
  observe?: (issued: number, delivered: number) => void,
): Promise<{ index: number; outcomes: FileOutcome[] }[]> {
  const got: { index: number; outcomes: FileOutcome[] }[] = [];
  await readReturns(
    files,
    { maxBytes: 50 * 1024 * 1024, lang: 'en', workers, ...(observe ? { observe } : {}) },
    async (outcomes, index) => {
      got.push({ index, outcomes });
      if (slow) await sleep(3);
    },
  );
  return got;
}

describe('readReturns', () => {
  it("gives, with two workers, the outcomes of one thread in the files' order", async () => {
    const one = await readAll(1, false);
    const two = await readAll(2, false);
    expect(two.map((x) => x.index)).toEqual(files.map((_, i) => i));
    expect(two).toEqual(one);
    const kinds = two.flatMap((x) => x.outcomes.map((o) => o.kind));
    expect(kinds.filter((k) => k === 'rejection')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'submission')).toHaveLength(FILES - 2);
  }, 120_000);

  it('reads ahead of a slow writer by a bounded window, not by the whole batch', async () => {
    let ahead = 0;
    const got = await readAll(
      2,
      true,
      (issued, delivered) => (ahead = Math.max(ahead, issued - delivered)),
    );
    expect(got).toHaveLength(FILES);
    // The helper holds at most 32 files, the main thread reads one at a time, and the window is
    // 128: far below the 400 files
    // that a reader without back-pressure would have pushed at a writer this slow.
    expect(ahead).toBeGreaterThanOrEqual(64); // the readers did run ahead: the writer was the slower
    expect(ahead).toBeLessThanOrEqual(128);
  }, 120_000);

  it('lets its helper go when the store cannot be opened after the helpers started', () => {
    // The helpers start before the store opens: one left waiting would keep the command from
    // ever ending (runCli's time limit would then fail this test).
    const notADatabase = scratchDir('scorebook-read-returns-db-');
    const r = runCli(['ingest', dir, '--db', notADatabase, '--workers', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(notADatabase);
  }, 150_000);
});
