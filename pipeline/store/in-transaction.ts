/** Work that takes effect whole or not at all: committed when it succeeds, rolled back when it throws. */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function inTransaction<T>(con: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await con.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await con.run('COMMIT');
    return result;
  } catch (e) {
    await con.run('ROLLBACK');
    throw e;
  }
}
