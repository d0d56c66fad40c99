/** A query's rows as plain objects (JSON-safe values: BIGINT as number or text, as the driver gives them). */
import type { DuckDBConnection } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

export async function queryRows(
  con: DuckDBConnection,
  sql: string,
  params: (string | number)[] = [],
): Promise<Row[]> {
  return (await con.runAndReadAll(sql, params)).getRowObjectsJson() as Row[];
}
