/**
 * The files an ingest takes: files as named, folders walked recursively for returns
 * (.xlsx, .xlsm, .xls, .csv), and glob patterns. Sorted, so that a run is repeatable.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

const RETURN_FILE = /\.(xlsx|xlsm|xls|csv)$/i;
// Excel's lock files (~$name.xlsx) sit beside open workbooks; they are not returns.
const LOCK_FILE = /(^|[\\/])~\$[^\\/]*$/;

export interface Discovered {
  files: string[];
  missing: string[];
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    // A folder of distributed workbooks holds our own manifest.csv beside them: it is not a return.
    // Links are followed when read; a dangling one is reported, never silently passed over.
    else if ((entry.isFile() || entry.isSymbolicLink()) && RETURN_FILE.test(entry.name) && !LOCK_FILE.test(p) && entry.name !== 'manifest.csv') out.push(p);
  }
}

export function discoverFiles(args: readonly string[]): Discovered {
  const found: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) walk(arg, found);
    else if (st) found.push(arg);
    else if (/[*?[\]{}]/.test(arg)) {
      const matches = globSync(arg, { absolute: false, onlyFiles: true, dot: false }).filter((f) => !LOCK_FILE.test(f));
      if (matches.length) found.push(...matches);
      else missing.push(arg);
    } else missing.push(arg);
  }
  const unique = [...new Map(found.map((f) => [resolve(f), f])).values()];
  return { files: unique.sort(), missing };
}
