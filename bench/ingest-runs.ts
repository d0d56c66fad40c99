/** Ingest timed with several numbers of workers in turn, each run into a new database. */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '../pipeline/ingest/run-ingest.ts';

/** For each number of workers, each run's seconds: on the clock, and of CPU (every thread). */
export interface IngestTimes {
  wall: Map<number, number[]>;
  /** the whole process's user + system time: the helpers', DuckDB's and the main thread's */
  cpu: Map<number, number[]>;
}

/**
 * Seconds per run for each number of workers, run 1, 2, 1, 2 …: a machine that slows down or
 * speeds up meets every count alike, and the k-th runs of two counts make a fair pair.
 */
export async function timeIngest(
  paths: readonly string[],
  counts: readonly number[],
  runs: number,
): Promise<IngestTimes> {
  const times = new Map<number, number[]>(counts.map((w) => [w, []]));
  const cpu = new Map<number, number[]>(counts.map((w) => [w, []]));
  for (let run = 0; run < runs; run++) {
    for (const workers of counts) {
      const db = join(tmpdir(), `scorebook-bench-ingest-${randomUUID()}.duckdb`);
      try {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const summary = await ingestFiles(paths, {
          db,
          workers,
          maxBytes: 50 * 1048576,
          lang: 'en',
        });
        times.get(workers)!.push((performance.now() - t0) / 1000);
        const c = process.cpuUsage(c0);
        cpu.get(workers)!.push((c.user + c.system) / 1e6);
        if (summary.ingested !== paths.length)
          throw new Error(`bench ingest: ${JSON.stringify(summary).slice(0, 300)}`);
      } finally {
        rmSync(db, { force: true });
        rmSync(`${db}.wal`, { force: true });
      }
    }
  }
  return { wall: times, cpu };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Milliseconds of CPU a workbook with `workers` readers, the median of the runs. */
export function cpuMsPerWorkbook(t: IngestTimes, workers: number, files: number): number {
  return (median(t.cpu.get(workers)!) / files) * 1000;
}
