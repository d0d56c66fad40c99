/** Rows of one query against a scorebook database file, opened and closed around it. */
import { DuckDBInstance } from '@duckdb/node-api';

export async function queryDb(
  db: string,
  sql: string,
  opts: { readOnly?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  // Read-only by default: a test that looks must not be able to change what it looks at.
  const inst = await DuckDBInstance.create(
    db,
    opts.readOnly === false ? {} : { access_mode: 'READ_ONLY' },
  );
  const con = await inst.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
