/**
 * Reads returned files into outcomes, on more than one core when there are enough files to be
 * worth it, and hands them back in the files' order so that a run is repeatable.
 *
 * `workers` counts the readers, the main thread among them: with two, the main thread reads
 * between writes and one helper thread reads beside it. Every helper costs CPU the main thread
 * does not (it starts, warms its own JIT up, and each record it reads is copied across), so on
 * the two cores this is measured on, a main thread that only wrote and two helpers that read
 * used an eighth more CPU than this for the same files and finished later (docs/scaling.md).
 *
 * Helpers pull: the main thread hands out small chunks of file indices, in order, only while
 * fewer than WINDOW files are read but not yet delivered. A slow writer therefore slows the
 * readers instead of piling outcomes up in memory, a slower helper simply gets fewer chunks,
 * and the reorder buffer never holds more than WINDOW outcomes however many files there are.
 */
import { Worker } from 'node:worker_threads';
import type { Lang, Template } from '../../core/index.ts';
import { readReturnedFile } from './read-returned-file.ts';
import type { FileOutcome } from './file-outcome.ts';
import { readWorkerBundle } from './worker-bundle.ts';
import { templatesForReading } from '../templates/registry.ts';

export interface ReadOptions {
  maxBytes: number;
  lang: Lang;
  /** readers, the main thread included */
  workers: number;
  /** Told how many files are handed out and how many delivered, each time more are handed out. */
  observe?: (issued: number, delivered: number) => void;
}

const MIN_FILES_PER_WORKER = 100;
/** Files per request to a helper: one message per 8 files keeps the round trips negligible. */
const CHUNK = 8;
/** Files a helper may hold at once: enough that it never waits for the main thread to ask. */
const PER_WORKER = 4 * CHUNK;

/** What a helper is told once, before any request. */
export interface ReaderSetup {
  files: readonly string[];
  maxBytes: number;
  lang: Lang;
  templates: Map<string, Template>;
}
export type WorkerRequest = { from: number; to: number } | null;
/**
 * `ready` once the helper has loaded its modules; then the outcomes of the files from `from` on,
 * in order, one message per request.
 */
export type WorkerReply =
  { ready: true } | { from: number; files: FileOutcome[][] } | { error: string };

/** Readers started ahead of the writer: helpers start and read while the store opens. */
export interface Readers {
  /** Hands every file's outcomes to `onOutcome` in the files' order; once only. */
  read(onOutcome: (o: FileOutcome[], index: number) => Promise<void>): Promise<void>;
  /** Lets the helpers go: after `read`, or instead of it when the run failed before reading. */
  close(): void;
}

export async function readReturns(
  files: readonly string[],
  opts: ReadOptions,
  onOutcome: (o: FileOutcome[], index: number) => Promise<void>,
): Promise<void> {
  const readers = startReaders(files, opts);
  try {
    await readers.read(onOutcome);
  } finally {
    readers.close();
  }
}

/**
 * Starts the helpers at once, so that their start (about a tenth of a second each, a thread
 * loading its modules) overlaps whatever the caller does before reading, such as opening the
 * store; each gets its first chunks as soon as it says it has loaded.
 */
export function startReaders(files: readonly string[], opts: ReadOptions): Readers {
  const n =
    files.length < MIN_FILES_PER_WORKER * 2
      ? 1
      : Math.max(1, Math.min(opts.workers, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  const templates = templatesForReading();
  const read = (i: number) =>
    readReturnedFile(files[i]!, { maxBytes: opts.maxBytes, lang: opts.lang, templates });
  if (n === 1)
    return {
      async read(onOutcome) {
        for (let i = 0; i < files.length; i++) {
          await onOutcome(read(i), i);
          // Reading is synchronous: without a turn of the event loop between files, a batch's
          // DuckDB calls (each a round trip to its thread pool) would wait for the next flush
          // and its commit would not overlap the reading at all.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      },
      close() {},
    };

  const window = n * PER_WORKER * 2;
  // A helper gets files only once it is ready: handed the first files while it still loads
  // (a tenth of a second or more, while the store opens beside it), it held back the delivery
  // of every file the main thread had read after them.
  const helpers: { worker: Worker; held: number; loaded: boolean }[] = [];
  const ready = new Map<number, FileOutcome[]>();
  let issued = 0; // files handed to a reader so far (always a prefix of `files`)
  let next = 0; // the next file to deliver
  let delivering = false;
  let readingHere = false;
  let closed = false;
  let error: Error | undefined;
  let reading:
    | {
        onOutcome: (o: FileOutcome[], index: number) => Promise<void>;
        resolve: () => void;
        reject: (e: Error) => void;
      }
    | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    // Done, they are told so and end on their own; failed, they are stopped.
    for (const h of helpers)
      if (error || next < files.length) void h.worker.terminate();
      else h.worker.postMessage(null satisfies WorkerRequest);
  };
  const fail = (e: unknown) => {
    if (error) return;
    error = e instanceof Error ? e : new Error(String(e));
    close();
    reading?.reject(error);
  };
  const topUp = () => {
    for (const h of helpers) {
      while (
        h.loaded &&
        !error &&
        issued < files.length &&
        h.held + CHUNK <= PER_WORKER &&
        issued - next < window
      ) {
        const to = Math.min(files.length, issued + CHUNK, next + window);
        h.worker.postMessage({ from: issued, to } satisfies WorkerRequest);
        h.held += to - issued;
        issued = to;
        opts.observe?.(issued, next);
      }
    }
    if (reading) readHere();
  };
  // The main thread reads the next file itself, one per turn of the event loop, so that the
  // helpers' replies and the writer's DuckDB calls are seen between files.
  function readHere(): void {
    if (readingHere) return;
    readingHere = true;
    setImmediate(() => {
      readingHere = false;
      if (error || issued >= files.length || issued - next >= window) return;
      const i = issued++;
      opts.observe?.(issued, next);
      try {
        ready.set(i, read(i));
      } catch (e) {
        return fail(e);
      }
      readHere();
      deliver().catch(fail);
    });
  }
  // One delivery loop at a time, in file order; it asks for more work as it frees the window.
  const deliver = async () => {
    if (delivering || !reading) return;
    delivering = true;
    try {
      while (!error && ready.has(next)) {
        const o = ready.get(next)!;
        ready.delete(next);
        await reading.onOutcome(o, next);
        next++;
        topUp();
      }
    } finally {
      delivering = false;
    }
    if (!error && next === files.length) reading.resolve();
  };

  // The bundled reader starts in milliseconds; the tsx one (the fallback) in about a second.
  void readWorkerBundle()
    .catch(() => new URL('./read-worker.mjs', import.meta.url))
    .then((entry) => {
      if (closed) return;
      for (let k = 1; k < n; k++) {
        const worker = new Worker(entry, {
          workerData: { files, maxBytes: opts.maxBytes, lang: opts.lang, templates },
        });
        const slot = { worker, held: 0, loaded: false };
        helpers.push(slot);
        worker.on('message', (m: WorkerReply) => {
          if ('error' in m) return fail(new Error(m.error));
          if ('ready' in m) {
            slot.loaded = true;
            return topUp();
          }
          slot.held -= m.files.length;
          m.files.forEach((o, k) => ready.set(m.from + k, o));
          topUp();
          deliver().catch(fail);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!closed && !error) fail(new Error(`read worker exited with code ${code}`));
        });
      }
      topUp();
    })
    .catch(fail);

  return {
    read(onOutcome) {
      return new Promise<void>((resolve, reject) => {
        if (error) return reject(error);
        reading = { onOutcome, resolve, reject };
        topUp();
        deliver().catch(fail);
      });
    },
    close,
  };
}
