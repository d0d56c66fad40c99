/** Ingest timed with several numbers of workers in turn, each run into a new database. */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '../pipeline/ingest/run-ingest.ts';

/**
 * Seconds per run for each number of workers, run 1, 2, 1, 2 …: a machine that slows down or
 * speeds up meets every count alike, and the k-th runs of two counts make a fair pair.
 */
export async function timeIngest(
  paths: readonly string[],
  counts: readonly number[],
  runs: number,
): Promise<Map<number, number[]>> {
  const times = new Map<number, number[]>(counts.map((w) => [w, []]));
  for (let run = 0; run < runs; run++) {
    for (const workers of counts) {
      const db = join(tmpdir(), `scorebook-bench-ingest-${randomUUID()}.duckdb`);
      try {
        const t0 = performance.now();
        const summary = await ingestFiles(paths, {
          db,
          workers,
          maxBytes: 50 * 1048576,
          lang: 'en',
        });
        times.get(workers)!.push((performance.now() - t0) / 1000);
        if (summary.ingested !== paths.length)
          throw new Error(`bench ingest: ${JSON.stringify(summary).slice(0, 300)}`);
      } finally {
        rmSync(db, { force: true });
        rmSync(`${db}.wal`, { force: true });
      }
    }
  }
  return times;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
