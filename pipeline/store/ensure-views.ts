/**
 * The views (views/) are recreated when a database is opened, from the code: a view's
 * definition lives in its own file, not in a migration. The definitions last written are kept
 * in view_definitions; when they equal the code's, opening writes nothing, so that a database
 * can later be opened read-only by a scorebook whose views it already holds.
 */
import { quotedIdentifier, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from './in-transaction.ts';
import { VIEWS } from './views/index.ts';

interface Stored {
  name: string;
  sql: string;
}

async function storedViews(con: DuckDBConnection): Promise<Stored[]> {
  return (
    await con.runAndReadAll('SELECT name, sql FROM view_definitions ORDER BY position')
  ).getRowObjectsJson() as unknown as Stored[];
}

/** Whether the database holds the code's views exactly (read only). */
export async function viewsUpToDate(con: DuckDBConnection): Promise<boolean> {
  const stored = await storedViews(con);
  return (
    stored.length === VIEWS.length &&
    stored.every((s, i) => s.name === VIEWS[i]!.name && s.sql === VIEWS[i]!.sql)
  );
}

/** Recreates the views unless the database holds them already. */
export async function ensureViews(con: DuckDBConnection): Promise<void> {
  if (await viewsUpToDate(con)) return;
  const stored = await storedViews(con);
  await inTransaction(con, async () => {
    // Those of an earlier scorebook first: one it no longer has must not linger.
    for (const s of [...stored].reverse())
      await con.run(`DROP VIEW IF EXISTS ${quotedIdentifier(s.name)}`);
    for (const v of VIEWS)
      await con.run(`CREATE OR REPLACE VIEW ${quotedIdentifier(v.name)} AS ${v.sql}`);
    await con.run('DELETE FROM view_definitions');
    for (const [i, v] of VIEWS.entries())
      await con.run('INSERT INTO view_definitions VALUES ($1, $2, $3)', [i + 1, v.name, v.sql]);
  });
}
