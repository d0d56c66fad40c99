/**
 * The parts of a zip the reader asks for, inflated one at a time with node:zlib, and nothing
 * else: the central directory says where each part is, so the parts we never read (styles,
 * themes, the sheets no name points at) are never inflated. Anything unusual in the archive
 * (zip64, encryption, a compression method other than deflate or stored, offsets outside the
 * file) falls back to fflate, which reads the whole filtered archive as before.
 */
import * as zlib from 'node:zlib';
import { unzipSync } from 'fflate';

export class TooBig extends RangeError {
  constructor() {
    super('too-big');
  }
}

/** What is wrong with a damaged part: the words are core's (workbook.damaged-part). */
export type PartProblem =
  | 'zip'
  | 'inflate'
  | 'size'
  | 'checksum'
  | 'truncated'
  | 'missing'
  | 'sheet-missing'
  | 'shared-string'
  | 'duplicate';

/** A part of the package that cannot be read as it is: a reader of it would see less than was written. */
export class DamagedPart extends Error {
  constructor(
    readonly part: string,
    readonly problem: PartProblem,
    readonly index?: number,
  ) {
    super(`${part}: ${problem}`);
  }
}

// zlib.crc32 came with Node 20.15 and 22.2; on an older Node the inflated size is still checked.
const crc32: ((data: Uint8Array) => number) | undefined =
  typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;

interface Entry {
  method: number;
  csize: number;
  usize: number;
  /** offset of the local header */
  offset: number;
  crc: number;
}

export interface ZipParts {
  /** The inflated part, or undefined when the archive has no such (wanted) entry. Throws TooBig past the limit. */
  get(name: string): Uint8Array | undefined;
  /** The stored (compressed) bytes and CRC of an entry, to recognise a part seen before without inflating it. */
  stored(name: string): { bytes: Uint8Array; crc: number; method: number } | undefined;
}

/**
 * Two entries of one name (part names compare without case in a package): one reader would take
 * the first, another the last, so what was checked need not be what is stored. Refused.
 */
function seen(names: Set<string>, name: string): void {
  const key = name.toLowerCase();
  if (names.has(key)) throw new DamagedPart(name, 'duplicate');
  names.add(key);
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/**
 * Opens the archive; `wanted` decides which entries may be read (as fflate's filter did), and
 * the sum of all entries' declared sizes is held to `max` first, as before.
 */
export function openZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  max: number,
): ZipParts {
  return directParts(bytes, wanted, max) ?? fflateParts(bytes, wanted, max);
}

function directParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  max: number,
): ZipParts | undefined {
  const n = bytes.length;
  let e = n - 22;
  while (e >= 0 && u32(bytes, e) !== 0x06054b50) {
    if (n - e > 65558) return undefined;
    e--;
  }
  if (e < 0) return undefined;
  const count = u16(bytes, e + 10);
  const cdSize = u32(bytes, e + 12);
  let p = u32(bytes, e + 16);
  if (count === 0xffff || cdSize === 0xffffffff || p === 0xffffffff || p + cdSize > e)
    return undefined;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map<string, Entry>();
  const names = new Set<string>();
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > e || u32(bytes, p) !== 0x02014b50) return undefined;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const csize = u32(bytes, p + 20);
    const usize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const offset = u32(bytes, p + 42);
    if (csize === 0xffffffff || usize === 0xffffffff || offset === 0xffffffff) return undefined;
    // fflate decodes names as UTF-8 when flag bit 11 says so, else as latin1.
    const name =
      flags & 0x800
        ? buf.toString('utf8', p + 46, p + 46 + nameLen)
        : buf.toString('latin1', p + 46, p + 46 + nameLen);
    declared += usize;
    if (declared > max) throw new TooBig();
    seen(names, name);
    if (wanted(name)) {
      if (flags & 1 || (method !== 0 && method !== 8)) return undefined;
      entries.set(name, { method, csize, usize, offset, crc });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  let inflated = 0;
  const data = (name: string, x: Entry): Uint8Array => {
    if (x.offset + 30 > n || u32(bytes, x.offset) !== 0x04034b50)
      throw new DamagedPart(name, 'zip');
    const start = x.offset + 30 + u16(bytes, x.offset + 26) + u16(bytes, x.offset + 28);
    if (start + x.csize > n) throw new DamagedPart(name, 'zip');
    return bytes.subarray(start, start + x.csize);
  };
  // Only wanted entries were kept: anything else is absent, as it was with fflate's filter.
  for (const x of entries.values()) if (x.offset + 30 > n) return undefined;
  return {
    stored(name) {
      const x = entries.get(name);
      return x && { bytes: data(name, x), crc: x.crc, method: x.method };
    },
    get(name) {
      const x = entries.get(name);
      if (!x) return undefined;
      const raw = data(name, x);
      let out: Uint8Array;
      if (x.method === 0) out = raw;
      else {
        // The declared sizes passed the limit; the inflated bytes are held to it too, whatever the entry claims.
        const budget = max - inflated;
        try {
          out = zlib.inflateRawSync(raw, {
            chunkSize: Math.max(64, Math.min(x.usize + 64, budget + 1)),
            maxOutputLength: Math.max(1, budget),
          });
        } catch (err) {
          if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooBig();
          // A cut-off or garbled deflate stream (Z_BUF_ERROR, Z_DATA_ERROR).
          throw new DamagedPart(name, 'inflate');
        }
      }
      inflated += out.length;
      if (inflated > max) throw new TooBig();
      // The directory's size and CRC-32 are what was written: a part that inflates to anything
      // else is damaged, even when the deflate stream itself looks fine (about 1 % of a read's time).
      if (out.length !== x.usize) throw new DamagedPart(name, 'size');
      if (crc32 && crc32(out) !== x.crc) throw new DamagedPart(name, 'checksum');
      return out;
    },
  };
}

function fflateParts(bytes: Uint8Array, wanted: (name: string) => boolean, max: number): ZipParts {
  let total = 0;
  const names = new Set<string>();
  const files = unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      if (total > max) throw new TooBig();
      seen(names, f.name);
      return wanted(f.name);
    },
  });
  return {
    get: (name) => files[name],
    stored: () => undefined,
  };
}
