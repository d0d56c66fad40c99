/**
 * Bytes from a user's file → text. Excel in China saves CSV as GBK unless told otherwise, and
 * as UTF-8 with a BOM when told; both must just work.
 */
import { issue, type Issue } from '../../core/issues.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: GB18030 is a superset of GBK and decodes what Excel wrote.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  }
}

/** What a file that should be a table of text is instead, told by its first bytes. */
export type NotText = 'xlsx' | 'xls' | 'pdf' | 'binary';

/**
 * Whether `bytes` cannot be a CSV: a zip (an .xlsx or .ods), an OLE file (.xls), a PDF, or
 * other binary data (NUL bytes, or many control characters, in the first 8 KB). UTF-16 text,
 * which has NUL bytes, is told by its BOM first.
 */
export function notText(bytes: Uint8Array): NotText | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'xls';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    return 'pdf';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return undefined;
  const head = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    // Tab, line feed and carriage return are a CSV's own; the other C0 controls are not text.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13) controls++;
  }
  return controls > head.length / 100 ? 'binary' : undefined;
}

/** A table's bytes as text, or the issue that says the file is not text at all (file.not-csv). */
export function decodeTable(
  bytes: Uint8Array,
): { text: string; encoding: TextEncoding } | { issue: Issue } {
  const kind = notText(bytes);
  if (kind) return { issue: issue('file.not-csv', [], { kind }) };
  return decodeText(bytes);
}
