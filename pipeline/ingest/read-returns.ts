/**
 * Reads returned files into outcomes, in worker threads when there are enough files to be worth
 * it, and hands them back in the files' order so that a run is repeatable.
 *
 * Workers pull: the main thread hands out small chunks of file indices, in order, only while
 * fewer than WINDOW files are read but not yet delivered. A slow writer therefore slows the
 * readers instead of piling outcomes up in memory, a slower worker simply gets fewer chunks,
 * and the reorder buffer never holds more than WINDOW outcomes however many files there are.
 */
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../core/index.ts';
import { readReturnedFile } from './read-returned-file.ts';
import type { FileOutcome } from './file-outcome.ts';
import { readWorkerBundle } from './worker-bundle.ts';
import { templatesForReading } from '../templates/registry.ts';

export interface ReadOptions {
  maxBytes: number;
  lang: Lang;
  workers: number;
  /** Told how many files are handed out and how many delivered, each time more are handed out. */
  observe?: (issued: number, delivered: number) => void;
}

const MIN_FILES_PER_WORKER = 100;
/** Files per request to a worker: one message per 8 files keeps the round trips negligible. */
const CHUNK = 8;
/** Files a worker may hold at once: enough that it never waits for the main thread to ask. */
const PER_WORKER = 4 * CHUNK;

export type WorkerRequest = { from: number; to: number } | null;
/** The outcomes of the files from `from` on, in order: one message per request. */
export type WorkerReply = { from: number; files: FileOutcome[][] } | { error: string };

export async function readReturns(
  files: readonly string[],
  opts: ReadOptions,
  onOutcome: (o: FileOutcome[], index: number) => Promise<void>,
): Promise<void> {
  const n =
    files.length < MIN_FILES_PER_WORKER * 2
      ? 1
      : Math.max(1, Math.min(opts.workers, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  if (n === 1) {
    for (let i = 0; i < files.length; i++) {
      await onOutcome(readReturnedFile(files[i]!, opts), i);
      // Reading is synchronous: without a turn of the event loop between files, a batch's
      // DuckDB calls (each a round trip to its thread pool) would wait for the next flush and
      // its commit would not overlap the reading at all.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  // The bundled worker starts in milliseconds; the tsx one (the fallback) in about a second.
  const templates = templatesForReading();
  const entry = await readWorkerBundle().catch(() => new URL('./read-worker.mjs', import.meta.url));
  const window = n * PER_WORKER * 2;

  return new Promise<void>((resolvePromise, reject) => {
    const workers: { worker: Worker; held: number }[] = [];
    const ready = new Map<number, FileOutcome[]>();
    let issued = 0; // files handed to a worker so far (always a prefix of `files`)
    let next = 0; // the next file to deliver
    let delivering = false;
    let failed = false;

    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.worker.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const topUp = () => {
      for (const w of workers) {
        while (
          !failed &&
          issued < files.length &&
          w.held + CHUNK <= PER_WORKER &&
          issued - next < window
        ) {
          const to = Math.min(files.length, issued + CHUNK, next + window);
          w.worker.postMessage({ from: issued, to } satisfies WorkerRequest);
          w.held += to - issued;
          issued = to;
          opts.observe?.(issued, next);
        }
      }
    };
    const finish = () => {
      for (const w of workers) w.worker.postMessage(null satisfies WorkerRequest);
      resolvePromise();
    };
    // One delivery loop at a time, in file order; it asks for more work as it frees the window.
    const deliver = async () => {
      if (delivering) return;
      delivering = true;
      try {
        while (!failed && ready.has(next)) {
          const o = ready.get(next)!;
          ready.delete(next);
          await onOutcome(o, next);
          next++;
          topUp();
        }
      } finally {
        delivering = false;
      }
      if (!failed && next === files.length) finish();
    };

    for (let k = 0; k < n; k++) {
      const worker = new Worker(entry, {
        workerData: { files, maxBytes: opts.maxBytes, lang: opts.lang, templates },
      });
      const slot = { worker, held: 0 };
      workers.push(slot);
      worker.on('message', (m: WorkerReply) => {
        if ('error' in m) return fail(new Error(m.error));
        slot.held -= m.files.length;
        m.files.forEach((o, k) => ready.set(m.from + k, o));
        topUp();
        deliver().catch(fail);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0 && next < files.length)
          fail(new Error(`read worker exited with code ${code}`));
      });
    }
    topUp();
  });
}
