/**
 * Reads returned files into outcomes, in worker threads when there are enough files to be worth
 * it, and hands them back in the files' order so that a run is repeatable.
 */
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../core/index.ts';
import { readReturnedFile } from './read-returned-file.ts';
import type { FileOutcome } from './file-outcome.ts';
import { readWorkerBundle } from './worker-bundle.ts';
import { shippedTemplates } from '../templates/registry.ts';

export interface ReadOptions {
  maxBytes: number;
  lang: Lang;
  workers: number;
}

const MIN_FILES_PER_WORKER = 100;

export async function readReturns(files: readonly string[], opts: ReadOptions, onOutcome: (o: FileOutcome[], index: number) => Promise<void>): Promise<void> {
  const n = files.length < MIN_FILES_PER_WORKER * 2 ? 1 : Math.max(1, Math.min(opts.workers, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  if (n === 1) {
    for (let i = 0; i < files.length; i++) await onOutcome(readReturnedFile(files[i]!, opts), i);
    return;
  }
  // The bundled worker starts in milliseconds; the tsx one (the fallback) in about a second.
  const templates = shippedTemplates();
  const entry = await readWorkerBundle().catch(() => new URL('./read-worker.mjs', import.meta.url));
  // Results come back in any order; deliver them in file order from a small reorder buffer.
  const ready = new Map<number, FileOutcome[]>();
  let next = 0;
  let chain = Promise.resolve();
  const deliver = () => {
    chain = chain.then(async () => {
      while (ready.has(next)) {
        const o = ready.get(next)!;
        ready.delete(next);
        await onOutcome(o, next);
        next++;
      }
    });
    return chain;
  };
  await Promise.all(
    Array.from({ length: n }, (_, w) =>
      new Promise<void>((resolvePromise, reject) => {
        const mine = files.map((f, i) => ({ f, i })).filter((x) => x.i % n === w);
        const worker = new Worker(entry, { workerData: { files: mine, maxBytes: opts.maxBytes, lang: opts.lang, templates } });
        worker.on('message', (m: { index: number; outcomes: FileOutcome[] } | { error: string }) => {
          if ('error' in m) return reject(new Error(m.error));
          ready.set(m.index, m.outcomes);
          void deliver().catch(reject);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`read worker exited with code ${code}`))));
      }),
    ),
  );
  await deliver();
}
