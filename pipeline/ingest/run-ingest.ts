/** Files → outcomes → batched transactions in the store; the summary of what became of each file. */
import type { Lang } from '../../core/index.ts';
import { openStore, storeWriteFailed } from '../store/open-store.ts';
import { IngestWriter, type IngestSummary } from './ingest-writer.ts';
import { startReaders, type Readers } from './read-returns.ts';

export interface IngestOptions {
  db: string;
  workers: number;
  maxBytes: number;
  lang: Lang;
  /** Files per transaction (BATCH_FILES unless given). */
  batchSize?: number;
  onFile?: () => void;
}

/**
 * Files per transaction. A commit costs DuckDB 50–100 ms on the 2-core machine, largely fixed
 * (the WAL written and synced, a checkpoint now and then): 1,000 files a commit spend about half
 * the time per file that 200 did. A crash loses at most one batch, which a re-run writes again;
 * memory holds at most two (one being written, one being filled), some 20 MB each.
 */
export const BATCH_FILES = 1000;

export async function ingestFiles(
  files: readonly string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  // Started first: the helpers start and read while the store opens.
  const readers: Readers = startReaders(files, {
    maxBytes: opts.maxBytes,
    lang: opts.lang,
    workers: opts.workers,
  });
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(opts.db);
  } catch (e) {
    readers.close();
    throw e;
  }
  let writer: IngestWriter | undefined;
  try {
    writer = await IngestWriter.open(store.con);
    const batch = opts.batchSize ?? BATCH_FILES;
    await readers.read(async (outcomes) => {
      for (const o of outcomes) writer!.accept(o, opts.lang);
      opts.onFile?.();
      if (writer!.pendingCount >= batch) await writer!.flushBehind();
    });
    await writer.flush();
    return writer.summary;
  } catch (e) {
    // A batch that could not be written (a full disk) was rolled back: say why, in words.
    throw storeWriteFailed(e, opts.db);
  } finally {
    // A batch may still be committing when reading failed: the connection closes after it.
    readers.close();
    await writer?.settled();
    store.close();
  }
}
