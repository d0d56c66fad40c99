/** Stamps workbooks for many members, spread over worker threads, reporting each file written. */
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../build/built-dir.ts';
import { stampWorkbook, type Stamp, type StampValues } from './stamp-workbook.ts';

export interface StampJob {
  values: StampValues;
  path: string;
}

const MIN_JOBS_PER_WORKER = 100;

export type WorkerMessage = { done: number } | { error: string };

export function stampSequentially(
  stamp: Stamp,
  jobs: readonly StampJob[],
  onDone: () => void,
): void {
  for (const job of jobs) {
    writeFileSync(job.path, stampWorkbook(stamp, job.values));
    onDone();
  }
}

export async function stampInParallel(
  stamp: Stamp,
  jobs: readonly StampJob[],
  workers: number,
  onDone: () => void,
): Promise<void> {
  // A worker costs about a second to start (it loads the TypeScript sources): not worth it for small rosters.
  const n =
    jobs.length < MIN_JOBS_PER_WORKER * 2
      ? 1
      : Math.max(1, Math.min(workers, Math.floor(jobs.length / MIN_JOBS_PER_WORKER)));
  if (n === 1) return stampSequentially(stamp, jobs, onDone);
  const slices: StampJob[][] = Array.from({ length: n }, () => []);
  jobs.forEach((j, i) => slices[i % n]!.push(j));
  await Promise.all(
    slices.map(
      (slice) =>
        new Promise<void>((resolvePromise, reject) => {
          // The built worker, or the bootstrap that registers the TypeScript loader in the worker.
          const entry = workerEntry('stamp-worker', new URL('./stamp-worker.mjs', import.meta.url));
          const worker = new Worker(entry, {
            workerData: { stamp, jobs: slice },
          });
          worker.on('message', (m: WorkerMessage) => {
            if ('done' in m) onDone();
            else reject(new Error(m.error));
          });
          worker.on('error', reject);
          worker.on('exit', (code) =>
            code === 0
              ? resolvePromise()
              : reject(new Error(`stamp worker exited with code ${code}`)),
          );
        }),
    ),
  );
}
