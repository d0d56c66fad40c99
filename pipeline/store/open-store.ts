/**
 * One DuckDB file, opened and migrated; or, for the commands that only read (benchmark, report,
 * export, status), opened read-only, so that a database on a read-only disk or shared
 * read-only works, and several readers may open it at once.
 *
 * DuckDB never installs or loads an extension on its own here: a file that is not a DuckDB
 * database (a SQLite file given as --db) would otherwise make it download one from the internet
 * and write ~/.duckdb/extensions/. The file's first bytes are looked at before it is opened, so
 * such a file is refused in words ("not a scorebook database").
 */
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { issue } from '../../core/index.ts';
import { ensureViews, viewsUpToDate } from './ensure-views.ts';
import { migrate, SCHEMA_VERSION } from './schema.ts';
import { UserError } from '../user-error.ts';
import { DEFAULT_DB } from './default-db.ts';
import { fileKind, notRegular } from '../files/regular-file.ts';
import { errnoOf, firstLine } from '../files/errno-of.ts';

export { DEFAULT_DB };

export interface Store {
  instance: DuckDBInstance;
  con: DuckDBConnection;
  close(): void;
}

export interface OpenStoreOptions {
  /** Open for reading only: nothing is written, not even the views (they must be current). */
  readOnly?: boolean;
}

/** Settings every instance is created with: no extension is installed or loaded implicitly. */
export const INSTANCE_CONFIG = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
} as const;

/** What the file's first bytes say it is: a DuckDB database, a SQLite one, or something else. */
function databaseKind(file: string): 'missing' | 'empty' | 'duckdb' | 'sqlite' | 'other' {
  let st;
  try {
    st = statSync(file);
  } catch {
    return 'missing';
  }
  const kind = fileKind(st);
  if (kind !== 'file') throw new UserError(notRegular(file, kind));
  if (st.size === 0) return 'empty';
  const head = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    readSync(fd, head, 0, 16, 0);
  } catch {
    // Unreadable: DuckDB says why when it tries.
    return 'duckdb';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (head.toString('latin1', 0, 16) === 'SQLite format 3\u0000') return 'sqlite';
  // A DuckDB file: an 8-byte checksum, then the magic bytes DUCK.
  if (head.toString('latin1', 8, 12) === 'DUCK') return 'duckdb';
  return 'other';
}

async function create(file: string, readOnly: boolean): Promise<DuckDBInstance> {
  try {
    return await DuckDBInstance.create(file, {
      ...INSTANCE_CONFIG,
      ...(readOnly ? { access_mode: 'READ_ONLY' } : {}),
    });
  } catch (e) {
    // Typically another process holds the file.
    throw UserError.of('store.open', { file, reason: firstLine(e) });
  }
}

function storeOf(instance: DuckDBInstance, con: DuckDBConnection): Store {
  return {
    instance,
    con,
    close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}

/** The schema version the file holds; 0 for a DuckDB file without scorebook's bookkeeping. */
async function schemaVersion(con: DuckDBConnection): Promise<number> {
  const has = await con.runAndReadAll(
    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'",
  );
  if (Number(has.getRows()[0]![0]) === 0) return 0;
  const rows = (await con.runAndReadAll('SELECT max(version) AS v FROM schema_version')).getRows();
  return Number(rows[0]?.[0] ?? 0);
}

/** Whether this process could write the file and the folder beside it (DuckDB writes a .wal there). */
function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function openStore(
  file: string = DEFAULT_DB,
  opts: OpenStoreOptions = {},
): Promise<Store> {
  const kind = databaseKind(file);
  if (kind === 'sqlite' || kind === 'other')
    throw UserError.of('store.not-scorebook', { file, what: kind });
  if (opts.readOnly && (kind === 'duckdb' || kind === 'empty')) {
    const ro = await openReadOnly(file);
    if (ro) return ro;
    // Written by an earlier scorebook: brought up to date once where it can be written.
    if (!writable(file)) throw UserError.of('store.read-only-outdated', { file });
    (await openWritable(file)).close();
    const again = await openReadOnly(file);
    if (again) return again;
    throw UserError.of('store.read-only-outdated', { file });
  }
  return openWritable(file);
}

/** The store opened read-only, or undefined when its schema or views are not this scorebook's. */
async function openReadOnly(file: string): Promise<Store | undefined> {
  const instance = await create(file, true);
  const con = await instance.connect();
  const store = storeOf(instance, con);
  try {
    const version = await schemaVersion(con);
    if (version === 0) throw UserError.of('store.not-scorebook', { file, what: 'foreign' });
    if (version > SCHEMA_VERSION)
      throw UserError.of('store.newer-schema', { version, supported: SCHEMA_VERSION });
    if (version === SCHEMA_VERSION && (await viewsUpToDate(con))) return store;
  } catch (e) {
    store.close();
    throw e;
  }
  store.close();
  return undefined;
}

async function openWritable(file: string): Promise<Store> {
  const instance = await create(file, false);
  const con = await instance.connect();
  try {
    await migrate(con);
    await ensureViews(con);
  } catch (e) {
    con.closeSync();
    instance.closeSync();
    throw storeWriteFailed(e, file);
  }
  return storeOf(instance, con);
}

/**
 * A failure to write the database said in words (the disk is full …); the batch it happened in
 * was rolled back (in-transaction.ts), the database holds what was committed before. Other
 * errors pass as they are.
 */
export function storeWriteFailed(e: unknown, file: string): unknown {
  if (e instanceof UserError) return e;
  const reason = errnoOf(e);
  const io = /\bIO Error\b|could not (write|sync|truncate)|fsync|No space/i.test(firstLine(e));
  if (!reason && !io) return e;
  return new UserError(issue('store.write-failed', [], { file, reason: reason ?? firstLine(e) }));
}
