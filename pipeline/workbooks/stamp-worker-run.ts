/** Inside a worker: stamp and write this slice of the roster, one message per file. */
import { parentPort, workerData } from 'node:worker_threads';
import { stampSequentially, type StampJob, type WorkerMessage } from './stamp-pool.ts';
import { toWorkerFailure } from '../worker-errors.ts';
import type { Stamp } from './stamp-workbook.ts';

const { stamp, jobs } = workerData as { stamp: Stamp; jobs: StampJob[] };
try {
  stampSequentially(stamp, jobs, (_job, i) =>
    parentPort!.postMessage({ done: i } satisfies WorkerMessage),
  );
} catch (e) {
  parentPort!.postMessage(toWorkerFailure(e) satisfies WorkerMessage);
}
