/** Inside a worker: read this share of the files, one message per file. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang, Template } from '../../core/index.ts';
import { readReturnedFile } from './read-returned-file.ts';

// The templates come from the main thread, compiled once there, not once per worker.
const { files, maxBytes, lang, templates } = workerData as { files: { f: string; i: number }[]; maxBytes: number; lang: Lang; templates: Map<string, Template> };
try {
  for (const { f, i } of files) parentPort!.postMessage({ index: i, outcomes: readReturnedFile(f, { maxBytes, lang, templates }) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
