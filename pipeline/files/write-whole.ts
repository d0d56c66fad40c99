/**
 * Every file scorebook writes appears whole or not at all: it is written under a temporary name
 * beside its target (same folder, so same file system), flushed to the disk (fsync), and only
 * then renamed over the target, which is atomic. A run stopped by a full disk, a kill or a
 * crash leaves the earlier file, or none, never a truncated workbook that is not a zip or a
 * report page cut mid-table. The temporary name starts with a dot and ends in `.partial`, so
 * no reader of ours takes one for a return; a failed write removes its own, and a run stopped
 * by one sweeps its folder of those its workers left (sweepPartials).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type PathLike,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { issue, type Issue } from '../../core/index.ts';
import { UserError } from '../user-error.ts';
import { errnoOf, firstLine } from './errno-of.ts';

/**
 * A write that could not finish, in words: the file and the system's reason (ENOSPC is "the
 * disk is full"). What a run completed before it is the caller's to add.
 */
export function writeFailed(target: string, e: unknown): UserError {
  if (e instanceof UserError) return e;
  return new UserError({
    ...issue('write.failed', [], { reason: errnoOf(e) ?? firstLine(e) }),
    file: target,
  });
}

/** A folder to write into, made with its parents; a failure said like a failed write. */
export function ensureFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw writeFailed(dir, e);
  }
}

/** The temporary name beside `target` that a whole write goes through. */
export function partialName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
}

export const PARTIAL_FILE = /^\..+\.[0-9a-f]{8}\.partial$/;

/**
 * A test seam for the full-disk tests where no small file system can be mounted: with
 * SCOREBOOK_FAULT_DISK_BYTES=N, whole writes of this process fail with ENOSPC once N bytes in
 * all have gone through them, as a disk of N free bytes would. Unset, it costs nothing.
 */
let budget: number | undefined = (() => {
  const v = Number(process.env.SCOREBOOK_FAULT_DISK_BYTES);
  return process.env.SCOREBOOK_FAULT_DISK_BYTES && Number.isFinite(v) ? v : undefined;
})();

function spend(n: number): void {
  if (budget === undefined) return;
  budget -= n;
  if (budget < 0) {
    budget = 0;
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
    });
  }
}

function syncFile(path: PathLike): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The folder's entry for the renamed file, made durable too (where the system allows it). */
function syncFolder(dir: string): void {
  try {
    syncFile(dir);
  } catch {
    // Windows cannot open a folder to fsync it; the rename is still atomic there.
  }
}

/** `data` written to `target` whole (temporary name, fsync, rename); on failure nothing is left but the earlier file. */
export function writeWholeSync(target: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const partial = partialName(target);
  let fd: number | undefined;
  try {
    fd = openSync(partial, 'wx');
    let done = 0;
    while (done < bytes.length) {
      const n = Math.min(bytes.length - done, 1 << 20);
      spend(n);
      done += writeSync(fd, bytes, done, n);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(partial, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true });
    throw writeFailed(target, e);
  }
  syncFolder(dirname(target));
}

/** A folder written whole (a partitioned export) put in the place of the earlier one, if any. */
function replaceFolder(partial: string, target: string): void {
  const aside = partialName(target);
  let moved = false;
  try {
    renameSync(target, aside);
    moved = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  renameSync(partial, target);
  if (moved) rmSync(aside, { recursive: true, force: true });
}

/**
 * A file another writer makes (exceljs's stream, DuckDB's COPY, chromium's PDF) written whole:
 * `write` is given the temporary name to write to; what it leaves there is flushed and renamed
 * over `target`. On failure the temporary file is removed; a failure of the system (ENOSPC …)
 * is said as a failed write, any other passed on as it is.
 */
export async function writeWholeWith<T>(
  target: string,
  write: (partial: string) => Promise<T>,
): Promise<T> {
  const partial = partialName(target);
  try {
    const result = await write(partial);
    const st = statSync(partial);
    if (st.isFile()) {
      spend(st.size);
      syncFile(partial);
      renameSync(partial, target);
    } else replaceFolder(partial, target);
    syncFolder(dirname(target));
    return result;
  } catch (e) {
    rmSync(partial, { force: true, recursive: true });
    throw errnoOf(e) ? writeFailed(target, e) : e;
  }
}

/** Temporary files a stopped run of ours left in `dir` (a worker ended mid-write): removed. */
export function sweepPartials(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (PARTIAL_FILE.test(name)) rmSync(join(dir, name), { force: true, recursive: true });
}

/**
 * A run over many files stopped by a failed write, in words: the write's own issue (which file,
 * which cause), then what the run completed before it (`completed`). Other failures pass as
 * they are. The run's folder is swept of its temporary files.
 */
export function partialRun(e: unknown, dir: string, completed: () => Issue): unknown {
  if (!(e instanceof UserError) || !e.issues.some((i) => i.code === 'write.failed')) return e;
  sweepPartials(dir);
  return new UserError([...e.issues, completed()]);
}
