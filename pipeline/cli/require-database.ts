/** The database a reading command needs: it must exist, since opening a missing one would make it empty. */
import { existsSync } from 'node:fs';
import { DEFAULT_DB } from '../store/default-db.ts';
import { UserError } from '../user-error.ts';

/** The database file to open (the default when none is named), or a UserError that says to ingest first. */
export function requireDatabase(db: string | undefined): string {
  const file = db ?? DEFAULT_DB;
  if (!existsSync(file)) throw UserError.of('cli.no-database', { db: file });
  return file;
}
