/**
 * Ingest as a user runs it: `scorebook ingest DIR --workers N`, the built CLI, a new process
 * each run, so every thread starts cold (modules loaded, the JIT warmed up from nothing) as it
 * does for a secretariat's one run. Counts in turn, like timeIngest, each run into a new database.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ensureBuilt } from '../pipeline/build/build-cli.ts';
import type { IngestTimes } from './ingest-runs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/scorebook.mjs');

/**
 * CPU seconds of the children waited for so far (user + system, every thread of each), from
 * /proc/self/stat; undefined where there is no /proc. Clock ticks of 1/100 s, Linux's on x86-64
 * and arm64.
 */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5), cutime and cstime, counted from the state (field 3).
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Seconds per run on the clock and of CPU (empty when unknown) for each number of workers. */
export async function timeIngestCommands(
  dir: string,
  files: number,
  counts: readonly number[],
  runs: number,
): Promise<IngestTimes> {
  await ensureBuilt(ROOT);
  const wall = new Map<number, number[]>(counts.map((w) => [w, []]));
  const cpu = new Map<number, number[]>(counts.map((w) => [w, []]));
  for (let run = 0; run < runs; run++) {
    for (const workers of counts) {
      const db = join(tmpdir(), `scorebook-bench-ingest-${randomUUID()}.duckdb`);
      try {
        const c0 = childrenCpu();
        const t0 = performance.now();
        const r = spawnSync(
          process.execPath,
          [BIN, 'ingest', dir, '--db', db, '--workers', String(workers), '--json'],
          {
            env: { ...process.env, SCOREBOOK_RUN: 'build' },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        wall.get(workers)!.push((performance.now() - t0) / 1000);
        const c1 = childrenCpu();
        if (c0 !== undefined && c1 !== undefined) cpu.get(workers)!.push(c1 - c0);
        const ingested =
          r.status === 0 ? (JSON.parse(r.stdout) as { ingested?: number }).ingested : -1;
        if (ingested !== files)
          throw new Error(
            `bench ingest command: exit ${r.status}, ${r.stdout.slice(0, 300)} ${r.stderr.slice(-300)}`,
          );
      } finally {
        rmSync(db, { force: true });
        rmSync(`${db}.wal`, { force: true });
      }
    }
  }
  return { wall, cpu };
}
