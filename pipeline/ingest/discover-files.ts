/**
 * The files an ingest takes: files as named, folders walked recursively for returns
 * (.xlsx, .xlsm, .xls, .ods, .csv), and glob patterns. Sorted, so that a run is repeatable.
 * A folder that cannot be listed is among the files too, so that reading it reports it
 * (rejected `unreadable`, with the reason) instead of the walk stopping the run.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

// .xls and .ods are not read, but taken, so that the member is told to save as .xlsx.
const RETURN_FILE = /\.(xlsx|xlsm|xls|ods|csv)$/i;
// Excel's lock files (~$name.xlsx) sit beside open workbooks; they are not returns.
const LOCK_FILE = /(^|[\\/])~\$[^\\/]*$/;

export interface Discovered {
  /** Files to read, and the folders that could not be listed (also in `unreadable`). */
  files: string[];
  missing: string[];
  /** Folders that could not be listed (permission denied …): their files are unknown. */
  unreadable: string[];
}

function walk(dir: string, out: string[], unreadable: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    // Read again when the file list is read, which turns the error into the folder's rejection.
    out.push(dir);
    unreadable.push(dir);
    return;
  }
  for (const entry of entries) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out, unreadable);
    // A folder of distributed workbooks holds our own manifest.csv beside them: it is not a return.
    // Links are followed when read; a dangling one is reported, never silently passed over. So is
    // anything else named like a return (a FIFO, a socket, a device): reading refuses it in words.
    else if (RETURN_FILE.test(entry.name) && !LOCK_FILE.test(p) && entry.name !== 'manifest.csv')
      out.push(p);
  }
}

export function discoverFiles(args: readonly string[]): Discovered {
  const found: string[] = [];
  const missing: string[] = [];
  const unreadable: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) walk(arg, found, unreadable);
    else if (st) found.push(arg);
    else if (/[*?[\]{}]/.test(arg)) {
      const matches = globSync(arg, { absolute: false, onlyFiles: true, dot: false }).filter(
        (f) => !LOCK_FILE.test(f),
      );
      if (matches.length) found.push(...matches);
      else missing.push(arg);
    } else missing.push(arg);
  }
  const unique = [...new Map(found.map((f) => [resolve(f), f])).values()];
  return { files: unique.sort(), missing, unreadable };
}
