/** Inside a worker: say it is ready, then write each page it is sent and say so (or why not). */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './render-pool.ts';
import { writeReportPage } from './render-page.ts';
import { toWorkerFailure } from '../worker-errors.ts';

parentPort!.on('message', ({ id, job }: WorkerRequest) => {
  try {
    writeReportPage(job);
    parentPort!.postMessage({ id } satisfies WorkerReply);
  } catch (e) {
    parentPort!.postMessage({ id, ...toWorkerFailure(e) } satisfies WorkerReply);
  }
});
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
