/** Stamps workbooks for many members, spread over worker threads, reporting each file written. */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../build/built-dir.ts';
import { writeWholeSync } from '../files/write-whole.ts';
import { fromWorkerFailure, type WorkerFailure } from '../worker-errors.ts';
import { stampWorkbook, type Stamp, type StampValues } from './stamp-workbook.ts';

export interface StampJob {
  values: StampValues;
  path: string;
}

const MIN_JOBS_PER_WORKER = 100;

/** `done`: the index, in the worker's slice, of a job whose file is written whole. */
export type WorkerMessage = { done: number } | WorkerFailure;

/** Each job's workbook written whole (write-whole.ts); stops at the first that cannot be. */
export function stampSequentially(
  stamp: Stamp,
  jobs: readonly StampJob[],
  onDone: (job: StampJob, index: number) => void,
): void {
  jobs.forEach((job, i) => {
    writeWholeSync(job.path, stampWorkbook(stamp, job.values));
    onDone(job, i);
  });
}

export async function stampInParallel(
  stamp: Stamp,
  jobs: readonly StampJob[],
  workers: number,
  onDone: (job: StampJob) => void,
): Promise<void> {
  // A worker costs about a second to start (it loads the TypeScript sources): not worth it for small rosters.
  const n =
    jobs.length < MIN_JOBS_PER_WORKER * 2
      ? 1
      : Math.max(1, Math.min(workers, Math.floor(jobs.length / MIN_JOBS_PER_WORKER)));
  if (n === 1) return stampSequentially(stamp, jobs, onDone);
  const slices: StampJob[][] = Array.from({ length: n }, () => []);
  jobs.forEach((j, i) => slices[i % n]!.push(j));
  // Every worker runs to its end (or its first failure) before this returns, so that the jobs
  // reported done are all the files there are: a manifest written after lists exactly those.
  const settled = await Promise.allSettled(
    slices.map(
      (slice) =>
        new Promise<void>((resolvePromise, reject) => {
          // The built worker, or the bootstrap that registers the TypeScript loader in the worker.
          const entry = workerEntry('stamp-worker', new URL('./stamp-worker.mjs', import.meta.url));
          const worker = new Worker(entry, {
            workerData: { stamp, jobs: slice },
          });
          worker.on('message', (m: WorkerMessage) => {
            if ('done' in m) onDone(slice[m.done]!);
            else reject(fromWorkerFailure(m));
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
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
