/**
 * A batch's rows are appended while it fills (ingest-writer.ts), so a run that fails with a
 * batch open has rows in an open transaction: the run must still end, roll that batch back
 * whole, keep every batch committed before it, and a re-run must store the rest exactly once.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../pipeline/ingest/run-ingest.ts';
import { stampedReturns } from '../support/returned-workbooks.ts';
import { scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-open-batch-');
const FILES = 60;
const BATCH = 20;
let files: string[] = [];

beforeAll(async () => {
  files = await stampedReturns(dir, FILES);
}, 120_000);

async function counts(db: string): Promise<Record<string, number>> {
  const inst = await DuckDBInstance.create(db);
  const con = await inst.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of ['submissions', 'indicator_scores', 'dimension_scores', 'organizations']) {
      const rows = (await con.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows();
      out[t] = Number(rows[0]![0]);
    }
    return out;
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

describe('ingest failing with a batch open', () => {
  it('ends, keeps the batches committed before, none of the open one, and a re-run stores the rest', async () => {
    const db = join(dir, 'open.duckdb');
    let seen = 0;
    // Batches of 20: the first two are closed (and committed) by the 40th file; the run fails
    // at the 50th, with ten records of the third batch appended in its open transaction.
    await expect(
      ingestFiles(files, {
        db,
        workers: 1,
        maxBytes: 50 * 1048576,
        lang: 'en',
        batchSize: BATCH,
        onFile: () => {
          if (++seen === 50) throw new Error('reading failed at the 50th file');
        },
      }),
    ).rejects.toThrow('reading failed at the 50th file');
    const kept = await counts(db);
    // Rows per return (the Annex B example profile's indicators and dimensions), whole returns only.
    const indicators = kept.indicator_scores! / 40;
    const dimensions = kept.dimension_scores! / 40;
    expect([indicators, dimensions].every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(kept).toEqual({
      submissions: 40,
      indicator_scores: 40 * indicators,
      dimension_scores: 40 * dimensions,
      organizations: 40,
    });

    const again = await ingestFiles(files, { db, workers: 1, maxBytes: 50 * 1048576, lang: 'en' });
    expect({ ingested: again.ingested, unchanged: again.unchanged }).toEqual({
      ingested: 20,
      unchanged: 40,
    });
    expect(await counts(db)).toEqual({
      submissions: FILES,
      indicator_scores: FILES * indicators,
      dimension_scores: FILES * dimensions,
      organizations: FILES,
    });
  }, 60_000);
});
