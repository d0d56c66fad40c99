/** One DuckDB file, opened and migrated. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { migrate } from './schema.ts';

export const DEFAULT_DB = './scorebook.duckdb';

export interface Store {
  instance: DuckDBInstance;
  con: DuckDBConnection;
  close(): void;
}

export async function openStore(file: string = DEFAULT_DB): Promise<Store> {
  const instance = await DuckDBInstance.create(file);
  const con = await instance.connect();
  await migrate(con);
  return {
    instance,
    con,
    close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}
