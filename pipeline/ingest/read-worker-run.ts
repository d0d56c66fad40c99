/** A helper reader (read-returns.ts): reads the files the main thread asks for, one message per request. */
import { parentPort, workerData } from 'node:worker_threads';
import { readReturnedFile } from './read-returned-file.ts';
import type { ReaderSetup, WorkerReply, WorkerRequest } from './read-returns.ts';

// The templates come from the main thread, compiled once there, not once per worker.
const { files, maxBytes, lang, templates } = workerData as ReaderSetup;
const port = parentPort!;
port.on('message', (m: WorkerRequest) => {
  if (m === null) return port.close();
  try {
    const outcomes = [];
    for (let i = m.from; i < m.to; i++)
      outcomes.push(readReturnedFile(files[i]!, { maxBytes, lang, templates }));
    // One message per request, not per file: each message costs a turn of both event loops.
    port.postMessage({ from: m.from, files: outcomes } satisfies WorkerReply);
  } catch (e) {
    port.postMessage({ error: (e as Error).stack ?? String(e) } satisfies WorkerReply);
  }
});
port.postMessage({ ready: true } satisfies WorkerReply);
