/** Files → outcomes → batched transactions in the store; the summary of what became of each file. */
import type { Lang } from '../../core/index.ts';
import { openStore, storeWriteFailed } from '../store/open-store.ts';
import { IngestWriter, type IngestSummary } from './ingest-writer.ts';
import { readReturns } from './read-returns.ts';

export interface IngestOptions {
  db: string;
  workers: number;
  maxBytes: number;
  lang: Lang;
  /** Files per transaction: DuckDB commits cost about 1 ms, so batching keeps the load fast. */
  batchSize?: number;
  onFile?: () => void;
}

export async function ingestFiles(
  files: readonly string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  const store = await openStore(opts.db);
  let writer: IngestWriter | undefined;
  try {
    writer = await IngestWriter.open(store.con);
    const batch = opts.batchSize ?? 200;
    await readReturns(
      files,
      { maxBytes: opts.maxBytes, lang: opts.lang, workers: opts.workers },
      async (outcomes) => {
        for (const o of outcomes) writer!.accept(o, opts.lang);
        opts.onFile?.();
        if (writer!.pendingCount >= batch) await writer!.flushBehind();
      },
    );
    await writer.flush();
    return writer.summary;
  } catch (e) {
    // A batch that could not be written (a full disk) was rolled back: say why, in words.
    throw storeWriteFailed(e, opts.db);
  } finally {
    // A batch may still be committing when reading failed: the connection closes after it.
    await writer?.settled();
    store.close();
  }
}
