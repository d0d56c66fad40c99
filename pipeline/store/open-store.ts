/** One DuckDB file, opened and migrated. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ensureViews } from './ensure-views.ts';
import { migrate } from './schema.ts';
import { UserError } from '../user-error.ts';
import { DEFAULT_DB } from './default-db.ts';

export { DEFAULT_DB };

export interface Store {
  instance: DuckDBInstance;
  con: DuckDBConnection;
  close(): void;
}

export async function openStore(file: string = DEFAULT_DB): Promise<Store> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file);
  } catch (e) {
    // Typically another process holds the file, or it is not a DuckDB database.
    throw UserError.of('store.open', { file, reason: (e as Error).message.split('\n')[0] });
  }
  const con = await instance.connect();
  try {
    await migrate(con);
    await ensureViews(con);
  } catch (e) {
    con.closeSync();
    instance.closeSync();
    throw e;
  }
  return {
    instance,
    con,
    close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}
