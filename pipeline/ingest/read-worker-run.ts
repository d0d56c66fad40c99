/** Inside a worker: read this share of the files, one message per file. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../../core/index.ts';
import { readReturnedFile } from './read-returned-file.ts';

const { files, maxBytes, lang } = workerData as { files: { f: string; i: number }[]; maxBytes: number; lang: Lang };
try {
  for (const { f, i } of files) parentPort!.postMessage({ index: i, outcomes: readReturnedFile(f, { maxBytes, lang }) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
