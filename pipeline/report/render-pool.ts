/**
 * Drawing charts is most of a report's cost (ECharts' layout, 5–10 ms a chart), so large runs
 * share the pages between the main thread and worker threads. A worker takes a second or two to
 * start (the TypeScript loader, ECharts); until it says it is ready, and whenever the workers
 * have enough queued, the main thread draws the page itself. So a worker can only add speed,
 * never make a run wait for it.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../build/built-dir.ts';
import { writeReportPage, type PageJob } from './render-page.ts';
import { fromWorkerFailure, type WorkerFailure } from '../worker-errors.ts';

/**
 * Below this many reports, starting a worker costs more CPU than it can save: measured with
 * `npm run bench` on 2 cores, 300 reports ran at 85/s on one thread and 62/s with a worker; at
 * 1,000 the worker began to pay (64/s against 55/s).
 */
export const MIN_REPORTS_FOR_WORKERS = 500;
/** Pages queued per worker: enough to keep it busy while the main thread draws one, few enough to stay small in memory. */
const IN_FLIGHT = 4;

export interface PageWriter {
  /** draws and writes the page, here or in a worker; written() resolves when every page is on disk */
  write(job: PageJob): Promise<void>;
  written(): Promise<void>;
  /** resolves once every worker has started (or one failed) */
  ready(): Promise<void>;
  /** pages drawn by the workers so far (the rest were drawn on the main thread) */
  readonly byWorkers: number;
  close(): Promise<void>;
}

export type WorkerRequest = { id: number; job: PageJob };
export type WorkerReply = { ready: true } | ({ id: number } & Partial<WorkerFailure>);

/**
 * Worker threads to start for `reports` pages: threads asked for (the main thread included)
 * less one; by default (the number of cores) none for small runs.
 */
export function workersFor(reports: number, threads: { asked?: number; cores: number }): number {
  if (threads.asked !== undefined && threads.asked > 0)
    return Math.min(threads.asked, Math.max(1, reports)) - 1;
  return reports < MIN_REPORTS_FOR_WORKERS ? 0 : Math.max(0, threads.cores - 1);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createPageWriter(workers: number, onWritten: () => void): PageWriter {
  let failure: Error | null = null;
  let closing = false;
  let nextId = 0;
  let byWorkers = 0;
  let waiting: (() => void)[] = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  const pool = Array.from({ length: workers }, () => {
    // The built worker, or the bootstrap that registers the TypeScript loader in the worker.
    const worker = new Worker(
      workerEntry('render-worker', new URL('./render-worker.mjs', import.meta.url)),
    );
    const slot = { worker, ready: false, pending: new Set<number>() };
    worker.on('message', (m: WorkerReply) => {
      if ('ready' in m) slot.ready = true;
      else {
        slot.pending.delete(m.id);
        if (m.error !== undefined)
          failure ??= fromWorkerFailure({
            error: m.error,
            ...(m.issues ? { issues: m.issues } : {}),
          });
        else {
          byWorkers++;
          onWritten();
        }
      }
      wake();
    });
    const fail = (e: Error) => {
      failure ??= e;
      slot.ready = false;
      slot.pending.clear();
      wake();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`a report worker stopped (exit code ${code})`));
    });
    return slot;
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async write(job) {
      check();
      const slot = pool
        .filter((s) => s.ready && s.pending.size < IN_FLIGHT)
        .sort((a, b) => a.pending.size - b.pending.size)[0];
      if (slot) {
        const id = nextId++;
        slot.pending.add(id);
        slot.worker.postMessage({ id, job } satisfies WorkerRequest);
      } else {
        writeReportPage(job);
        onWritten();
      }
      // Let the workers' replies in before the next page.
      if (pool.length) await nextTurn();
    },
    async written() {
      while (pool.some((s) => s.pending.size > 0)) {
        check();
        await new Promise<void>((r) => waiting.push(r));
      }
      check();
    },
    async ready() {
      while (!failure && pool.some((s) => !s.ready))
        await new Promise<void>((r) => waiting.push(r));
      check();
    },
    get byWorkers() {
      return byWorkers;
    },
    async close() {
      closing = true;
      await Promise.all(pool.map((s) => s.worker.terminate()));
    },
  };
}
