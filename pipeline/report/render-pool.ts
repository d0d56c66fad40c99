/**
 * Drawing charts is most of a report's cost (ECharts' layout, about 10 ms a chart), so large
 * runs spread the pages over worker threads while the main thread reads DuckDB and builds the
 * models. Small runs stay on the main thread: a worker takes about a second to start.
 */
import { Worker } from 'node:worker_threads';
import { writeReportPage, type PageJob } from './render-page.ts';

/**
 * Below this many reports per worker, a worker costs more than it saves: it takes one to two
 * seconds to start (the TypeScript loader, ECharts), while the main thread alone writes about
 * 50–60 reports a second on two cores. Measured: 228 reports, 55/s on the main thread, 39/s
 * with two workers; 941 reports, 46–49/s alone, 28–64/s with two (the machine was shared).
 */
export const MIN_REPORTS_PER_WORKER = 250;
/** Pages queued per worker at most, so that a run over 100,000 organizations keeps few models in memory. */
const IN_FLIGHT = 32;

export interface PageWriter {
  /** resolves when the page is queued (it may wait for room); written() resolves when all are on disk */
  write(job: PageJob): Promise<void>;
  written(): Promise<void>;
  close(): Promise<void>;
}

export type WorkerRequest = { id: number; job: PageJob };
export type WorkerReply = { id: number; error?: string };

export function workersFor(reports: number, requested: number): number {
  return Math.max(1, Math.min(requested, Math.floor(reports / MIN_REPORTS_PER_WORKER)));
}

export function createPageWriter(workers: number, onWritten: () => void): PageWriter {
  if (workers <= 1) {
    return {
      async write(job) {
        writeReportPage(job);
        onWritten();
      },
      async written() {},
      async close() {},
    };
  }
  let failure: Error | null = null;
  let closing = false;
  let nextId = 0;
  const pool = Array.from({ length: workers }, () => {
    // The bootstrap registers the TypeScript loader in the worker, as bin/scorebook.mjs does for the CLI.
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url));
    const slot = { worker, pending: new Map<number, () => void>(), exited: false };
    worker.on('message', (m: WorkerReply) => {
      if (m.error && !failure) failure = new Error(m.error);
      slot.pending.get(m.id)?.();
      slot.pending.delete(m.id);
      if (!m.error) onWritten();
      wake();
    });
    const fail = (e: Error) => {
      if (!failure) failure = e;
      for (const done of slot.pending.values()) done();
      slot.pending.clear();
      wake();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      slot.exited = true;
      if (code !== 0 && !closing) fail(new Error(`report worker exited with code ${code}`));
    });
    return slot;
  });
  let waiting: (() => void)[] = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async write(job) {
      for (;;) {
        check();
        const slot = pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
        if (slot.pending.size < IN_FLIGHT && !slot.exited) {
          const id = nextId++;
          slot.pending.set(id, () => {});
          slot.worker.postMessage({ id, job } satisfies WorkerRequest);
          return;
        }
        await new Promise<void>((r) => waiting.push(r));
      }
    },
    async written() {
      while (pool.some((s) => s.pending.size > 0)) {
        check();
        await new Promise<void>((r) => waiting.push(r));
      }
      check();
    },
    async close() {
      closing = true;
      await Promise.all(pool.map((s) => s.worker.terminate()));
    },
  };
}
