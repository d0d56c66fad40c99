/**
 * A user's file read only when it is a regular file, and only when it is no larger than the
 * reader takes. A device behind a link (`/dev/zero` named `in.xlsx`) would be read forever, a
 * FIFO would block the open until a writer came, a socket cannot be read at all: each is
 * refused with what it is. The kind is looked at before opening (stat follows links, opens
 * nothing) and again on the open descriptor (O_NONBLOCK, so that a FIFO swapped in between
 * cannot block), so the size checked is that of the file read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { issue, type Issue } from '../../core/index.ts';
import { readIssue } from '../inputs/read-user-file.ts';

export type FileKind = 'file' | 'folder' | 'fifo' | 'device' | 'socket' | 'other';

export function fileKind(st: Stats): FileKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/** The issue that refuses a file of this kind (file.not-regular), naming the file. */
export function notRegular(file: string, kind: FileKind): Issue {
  return { ...issue('file.not-regular', [], { kind }), file };
}

export interface ReadLimit {
  /** The most bytes the reader takes. */
  maxBytes: number;
  /** The issue for a larger file; file.too-big with its size and the limit in MB when absent. */
  tooBig?: (size: number) => Issue;
}

const MB = 1024 * 1024;

function tooBigIssue(file: string, size: number, limit: ReadLimit): Issue {
  if (limit.tooBig) return limit.tooBig(size);
  return {
    ...issue('file.too-big', [], {
      size: Math.ceil((size / MB) * 10) / 10,
      max: Math.round((limit.maxBytes / MB) * 10) / 10,
    }),
    file,
  };
}

// Windows has no O_NONBLOCK (nor FIFOs that block an open); elsewhere it keeps open() from waiting.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** A regular file's bytes, or the issue that says why there are none (never blocks, never reads past the limit). */
export function readRegularFile(
  file: string,
  limit: ReadLimit,
): { bytes: Buffer } | { issue: Issue } {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    return { issue: readIssue(file, e) };
  }
  const kind = fileKind(st);
  if (kind === 'folder') return { issue: readIssue(file, { code: 'EISDIR' }) };
  if (kind !== 'file') return { issue: notRegular(file, kind) };
  if (st.size > limit.maxBytes) return { issue: tooBigIssue(file, st.size, limit) };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NONBLOCK);
  } catch (e) {
    return { issue: readIssue(file, e) };
  }
  try {
    const opened = fstatSync(fd);
    const openedKind = fileKind(opened);
    if (openedKind !== 'file') return { issue: notRegular(file, openedKind) };
    if (opened.size > limit.maxBytes) return { issue: tooBigIssue(file, opened.size, limit) };
    // The size read is the size stat gave; a file that grows meanwhile is read as it was then,
    // one that shrinks as far as it goes.
    const bytes = Buffer.allocUnsafe(opened.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { bytes: got === bytes.length ? bytes : bytes.subarray(0, got) };
  } catch (e) {
    return { issue: readIssue(file, e) };
  } finally {
    closeSync(fd);
  }
}

/** A regular file's text (UTF-8, a BOM dropped), or the issue that says why there is none. */
export function readRegularText(
  file: string,
  limit: ReadLimit,
): { text: string } | { issue: Issue } {
  const got = readRegularFile(file, limit);
  if ('issue' in got) return got;
  return { text: got.bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/** Limits for the files users hand to commands besides returns (those have --max-mb). */
export const USER_FILE_LIMITS = {
  /** A template is some 40 KB; a thousand times that is no template. */
  template: 4 * MB,
  /** A roster, an inputs file, a records export: generous for hundreds of thousands of rows. */
  table: 256 * MB,
} as const;
