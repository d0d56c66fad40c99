/** Work that takes effect whole or not at all: committed when it succeeds, rolled back when it throws. */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function inTransaction<T>(con: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await con.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await con.run('COMMIT');
    return result;
  } catch (e) {
    // A failed commit (a full disk) may have ended the transaction already: the rollback then
    // fails too, and its complaint ("no transaction is active") must not hide the cause.
    await con.run('ROLLBACK').catch(() => {});
    throw e;
  }
}
