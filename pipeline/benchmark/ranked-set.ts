/**
 * Which returns enter the statistics: complete ones, or (include_partial) partial ones too.
 * The bench_* views read the connection's variable include_partial (statistics.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** Makes the bench_* views of this connection rank partial returns too, or not. */
export async function setIncludePartial(con: DuckDBConnection, include: boolean): Promise<void> {
  await con.run(`SET VARIABLE include_partial = ${include ? 'true' : 'false'}`);
}
