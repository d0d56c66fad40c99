/**
 * A direct reader of the OOXML parts the workbook contract names: workbook.xml (sheets,
 * defined names), its relationships, the shared strings and the sheets' cells. It never
 * evaluates a formula, reads only what it needs, and bounds the decompressed size, because
 * returned workbooks are zip files from strangers.
 */
import { issue, type Issue, type Result } from '../../core/index.ts';
import {
  attr,
  attributes,
  columnIndex,
  decodeXml,
  elementPattern,
  elements,
  rootCloses,
  scanCells,
  stringItemText,
  type ScannedCell,
} from './scan-xml.ts';
import { DamagedPart, openZip, TooBig, type ZipParts } from './zip-parts.ts';
import { parseDateStyles, serialDateText, type DateStyles } from './date-cells.ts';

export interface RawCell {
  /** A constant's value, or a formula's cached result ('' for an empty-string result). */
  value: string | number | boolean | null;
  formula?: string;
  /** '#DIV/0!' and the like, for cells holding an error. */
  error?: string;
  /** A number shown as a date or time by its format: the date as typed (2025-01-01), ISO. */
  date?: string;
}

export interface RawWorkbook {
  sheets: { name: string; state: string }[];
  /** Workbook-scoped defined names that point at one cell. */
  names: ReadonlyMap<string, { sheet: string; col: number; row: number }>;
  /** sheet name → "row,col" (0-based) → cell; only sheets that names point to, plus _scorebook. */
  cells: Map<string, Map<string, RawCell>>;
  /** With `merges`: each sheet read whole → its merged ranges ("B3:B7"). */
  merges?: Map<string, string[]>;
}

export interface ReadOptions {
  /** Refuse files that decompress to more than this many bytes (zip bombs). */
  maxBytes?: number;
  /** Sheets to read besides those that names point at. */
  extraSheets?: string[];
  /** Also decode each formula's text (cells then carry `formula`); off, a formula cell has formula ''. */
  formulas?: boolean;
  /** Read every sheet whole (a definition workbook), as if all were extra sheets. */
  allSheets?: boolean;
  /** Also list the merged ranges of the sheets read whole. */
  merges?: boolean;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export { columnIndex };

/** "'评分表'!$F$6" → { sheet, row, col }; undefined for ranges and anything else. */
export function parseCellRef(ref: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return {
    sheet: (m[1] ?? m[2]!).replace(/''/g, "'"),
    row: Number(m[4]) - 1,
    col: columnIndex(m[3]!),
  };
}

function sniff(bytes: Uint8Array): Issue | undefined {
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  )
    return undefined;
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0
  ) {
    // An OLE compound file: a password-protected OOXML package carries an EncryptionInfo stream.
    const probe = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString(
      'utf16le',
    );
    return issue(
      probe.includes('EncryptionInfo') ? 'workbook.encrypted' : 'workbook.legacy-xls',
      [],
    );
  }
  return issue('workbook.not-zip', []);
}

const STYLES = 'xl/styles.xml';

const WANTED_PART = (name: string) =>
  name === 'xl/workbook.xml' ||
  name === STYLES ||
  name === 'xl/_rels/workbook.xml.rels' ||
  name === 'xl/sharedStrings.xml' ||
  name.startsWith('xl/worksheets/');

/** An OpenDocument spreadsheet is a zip too: its first entry, `mimetype`, says so. */
function isOds(bytes: Uint8Array, max: number): boolean {
  try {
    const m = openZip(bytes, (name) => name === 'mimetype', max).get('mimetype');
    return (
      m !== undefined &&
      Buffer.from(m.buffer, m.byteOffset, m.byteLength)
        .toString('latin1')
        .startsWith('application/vnd.oasis.opendocument.spreadsheet')
    );
  } catch {
    return false;
  }
}

export function readWorkbookBytes(bytes: Uint8Array, opts: ReadOptions = {}): Result<RawWorkbook> {
  const bad = sniff(bytes);
  if (bad) return { value: undefined, errors: [bad] };
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const zip = openZip(bytes, WANTED_PART, max);
    const book = workbookPart(zip);
    if (!book)
      return {
        value: undefined,
        errors: [issue(isOds(bytes, max) ? 'workbook.ods' : 'workbook.not-xlsx', [])],
      };
    return { value: readParts(zip, book, opts), errors: [] };
  } catch (e) {
    if (e instanceof TooBig)
      return {
        value: undefined,
        errors: [issue('workbook.too-big', [], { max: Math.round(max / 1024 / 1024) })],
      };
    if (e instanceof DamagedPart)
      return {
        value: undefined,
        errors: [
          issue('workbook.damaged-part', [], { part: e.part, problem: e.problem, index: e.index }),
        ],
      };
    return {
      value: undefined,
      errors: [issue('workbook.corrupt', [], { reason: (e as Error).message })],
    };
  }
}

type CellRef = { sheet: string; col: number; row: number };

/** What workbook.xml and its relationships say: sheets, single-cell names, sheet part paths. */
interface BookPart {
  sheets: { name: string; state: string; rid: string }[];
  /** Serial dates count from 1904 (workbookPr date1904), not 1900. */
  date1904: boolean;
  names: ReadonlyMap<string, CellRef>;
  targets: Map<string, string>;
}

/** "row,col" of a named cell, made once per parsed names map (cellByName is called hundreds of times per workbook). */
const cellKeys = new WeakMap<CellRef, string>();
const cellKey = (ref: CellRef) => cellKeys.get(ref) ?? `${ref.row},${ref.col}`;
/** row * 2^14 + col: a number for the cells a sheet is read for. */
const cellNumber = (row: number, col: number) => row * 16384 + col;

/**
 * Returns from one roster carry the same workbook.xml (several hundred names) and relationships,
 * byte for byte: the parsed parts are kept for the exact same stored bytes (a few recent ones),
 * so they are not inflated and parsed again for every file.
 */
const bookCache: {
  wb: Uint8Array;
  wbCrc: number;
  rels: Uint8Array | undefined;
  relsCrc: number | undefined;
  book: BookPart;
}[] = [];
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a && b ? Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b) : a === b;

function workbookPart(zip: ZipParts): BookPart | undefined {
  const storedWb = zip.stored('xl/workbook.xml');
  const storedRels = zip.stored('xl/_rels/workbook.xml.rels');
  if (storedWb) {
    for (const c of bookCache) {
      // The same stored bytes under the same CRC were inflated and checked before.
      if (
        c.wbCrc === storedWb.crc &&
        sameBytes(c.wb, storedWb.bytes) &&
        (storedRels
          ? c.relsCrc === storedRels.crc && sameBytes(c.rels, storedRels.bytes)
          : c.rels === undefined)
      )
        return c.book;
    }
  }
  const wbBytes = zip.get('xl/workbook.xml');
  if (!wbBytes) return undefined;
  const relsBytes = zip.get('xl/_rels/workbook.xml.rels');
  const book = parseBook(
    xmlText('xl/workbook.xml', wbBytes),
    relsBytes ? xmlText('xl/_rels/workbook.xml.rels', relsBytes) : '',
  );
  if (storedWb) {
    if (bookCache.length >= 8) bookCache.shift();
    bookCache.push({
      wb: Uint8Array.from(storedWb.bytes),
      wbCrc: storedWb.crc,
      rels: storedRels && Uint8Array.from(storedRels.bytes),
      relsCrc: storedRels?.crc,
      book,
    });
  }
  return book;
}

/** A part's text, refused when its root element does not close (the part was cut off). */
function xmlText(part: string, bytes: Uint8Array, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
  if (!rootCloses(xml)) throw new DamagedPart(part, 'truncated');
  return xml;
}

function latin1(bytes: Uint8Array | undefined): string {
  return bytes
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    : '';
}

function utf8(bytes: Uint8Array | undefined): string {
  return bytes
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    : '';
}

function parseBook(workbookXml: string, relsXml: string): BookPart {
  const sheets = [...elements(workbookXml, 'sheet')].map((e) => {
    const a = attributes(e.attrs);
    return { name: a.name ?? '', state: a.state ?? 'visible', rid: attr(a, 'id') ?? '' };
  });
  const targets = new Map<string, string>();
  for (const e of elements(relsXml, 'Relationship')) {
    const a = attributes(e.attrs);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const date1904 = /\bdate1904\s*=\s*["'](?:1|true)["']/.test(pr);
  return { sheets, names: definedNames(workbookXml), targets, date1904 };
}

/** Workbook-scoped single-cell names. */
function definedNames(workbookXml: string): ReadonlyMap<string, CellRef> {
  const start = workbookXml.indexOf('definedNames');
  const end = workbookXml.lastIndexOf('definedNames');
  const block = start >= 0 && end > start ? workbookXml.slice(start, end) : '';
  const names = new Map<string, CellRef>();
  // A fixed pattern, not a general attribute parse: hundreds of names per workbook.
  for (const e of elements(block, 'definedName')) {
    if (e.attrs.includes('localSheetId')) continue;
    const name = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(e.attrs);
    const ref = name && parseCellRef(decodeXml(e.body ?? ''));
    if (ref) {
      names.set(decodeXml(name[1] ?? name[2]!), ref);
      cellKeys.set(ref, `${ref.row},${ref.col}`);
    }
  }
  return names;
}

/** The cells each sheet is read for, by names map and extra sheets: number → "row,col". */
const wantedCache = new WeakMap<
  ReadonlyMap<string, CellRef>,
  Map<string, Map<string, Map<number, string>>>
>();

function wantedCells(
  names: ReadonlyMap<string, CellRef>,
  extraSheets: readonly string[],
): Map<string, Map<number, string>> {
  const key = extraSheets.join('\u0000');
  let byExtra = wantedCache.get(names);
  const hit = byExtra?.get(key);
  if (hit) return hit;
  // Sheets read whole (extraSheets) have no entry; the others only their named cells.
  const out = new Map<string, Map<number, string>>();
  for (const n of names.values()) {
    if (extraSheets.includes(n.sheet)) continue;
    let m = out.get(n.sheet);
    if (!m) out.set(n.sheet, (m = new Map()));
    m.set(cellNumber(n.row, n.col), cellKey(n));
  }
  if (!byExtra) wantedCache.set(names, (byExtra = new Map()));
  if (byExtra.size < 8) byExtra.set(key, out);
  return out;
}

/**
 * Shared strings, decoded only when a wanted cell refers to them: a roster's workbooks carry
 * several hundred (the template's texts), while a read needs a few dozen. The part is scanned as
 * latin1 (one byte a character, as the sheets are) and only the items asked for are decoded
 * from UTF-8: decoding the whole part cost more than finding the few items in it.
 */
const SHARED_STRINGS = 'xl/sharedStrings.xml';

class SharedStrings {
  private readonly items: string[] = [];
  private readonly decoded: (string | undefined)[] = [];
  private readonly re = new RegExp(elementPattern('si'), 'g');
  private done = false;
  /** The part's root closes: checked on the first string asked for, not for workbooks that ask for none. */
  private checked = false;
  /** No prefixed `si` anywhere: items are found with indexOf, as the pattern would find them. */
  private readonly plain: boolean;
  private pos = 0;

  constructor(private readonly xml: string) {
    this.plain = !/:si\b/.test(xml);
  }

  private next(): string | undefined {
    if (!this.plain) {
      const m = this.re.exec(this.xml);
      return m ? (m[2] ?? '') : undefined;
    }
    const xml = this.xml;
    for (;;) {
      const at = xml.indexOf('<si', this.pos);
      if (at < 0) return undefined;
      const c = xml.charCodeAt(at + 3);
      // <si followed by a word character is another element (the pattern's \b).
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
        this.pos = at + 3;
        continue;
      }
      const gt = xml.indexOf('>', at);
      if (gt < 0) return undefined;
      if (xml.charCodeAt(gt - 1) === 47) {
        this.pos = gt + 1;
        return '';
      }
      const close = xml.indexOf('</si>', gt);
      if (close < 0) {
        // Not closed: the pattern skips it and looks further on.
        this.pos = at + 3;
        continue;
      }
      this.pos = close + 5;
      return xml.slice(gt + 1, close);
    }
  }

  get(i: number): string | undefined {
    if (!this.checked) {
      if (!rootCloses(this.xml))
        throw new DamagedPart(SHARED_STRINGS, this.xml ? 'truncated' : 'missing');
      this.checked = true;
    }
    while (!this.done && this.items.length <= i) {
      const item = this.next();
      if (item === undefined) this.done = true;
      else this.items.push(item);
    }
    if (!(i < this.items.length) || !Number.isInteger(i) || i < 0) return undefined;
    return (this.decoded[i] ??= stringItemText(latin1ToUtf8(this.items[i]!)));
  }
}

function readParts(zip: ZipParts, book: BookPart, opts: ReadOptions): RawWorkbook {
  const { names, targets, sheets } = book;
  let shared: SharedStrings | undefined;
  const sharedString = (i: number) => {
    const text = (shared ??= new SharedStrings(latin1(zip.get(SHARED_STRINGS)))).get(i);
    // A cell that refers to a string the table does not have: the table was cut or replaced.
    if (text === undefined) throw new DamagedPart(SHARED_STRINGS, 'shared-string', i);
    return text;
  };
  let styles: DateStyles | undefined;
  const dateOf = (style: number, serial: number): string | undefined => {
    // styles.xml is read only when a wanted number has a style other than the default.
    const kind = (styles ??= dateStyles(zip)).dates.get(style);
    return kind && Number.isFinite(serial)
      ? serialDateText(serial, book.date1904, kind)
      : undefined;
  };
  const extra = opts.allSheets ? sheets.map((s) => s.name) : (opts.extraSheets ?? []);
  const merges = opts.merges ? new Map<string, string[]>() : undefined;
  const wantedBy = wantedCells(names, extra);
  const cells = new Map<string, Map<string, RawCell>>();
  for (const s of sheets) {
    if (!wantedBy.has(s.name) && !extra.includes(s.name)) continue;
    // A sheet the workbook lists (and names or the reader point at) must have its part: without
    // it every named cell would read as blank, a quietly emptied return.
    const target = targets.get(s.rid);
    if (!target) throw new DamagedPart(s.name, 'sheet-missing');
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const out = new Map<string, RawCell>();
    const keys = extra.includes(s.name) ? undefined : wantedBy.get(s.name);
    const bytes = WANTED_PART(path) ? zip.get(path) : undefined;
    if (!bytes) throw new DamagedPart(path, 'missing');
    // latin1 keeps the scan on one-byte strings; the few texts we keep are decoded as UTF-8.
    const xml = xmlText(path, bytes, 'latin1');
    if (keys) {
      for (const c of scanCells(
        xml,
        (r, col) => keys.has(cellNumber(r, col)),
        latin1ToUtf8,
        opts.formulas ?? false,
      ))
        out.set(keys.get(cellNumber(c.row, c.col))!, toRawCell(c, sharedString, dateOf));
    } else {
      for (const c of scanCells(xml, undefined, latin1ToUtf8, opts.formulas ?? false))
        out.set(`${c.row},${c.col}`, toRawCell(c, sharedString, dateOf));
      merges?.set(
        s.name,
        [...elements(xml, 'mergeCell')].flatMap((e) => attributes(e.attrs).ref ?? []),
      );
    }
    cells.set(s.name, out);
  }
  return {
    sheets: sheets.map(({ name, state }) => ({ name, state })),
    names,
    cells,
    ...(merges ? { merges } : {}),
  };
}

function latin1ToUtf8(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}

/**
 * The styles that show dates, kept for the exact same stored styles.xml (a roster's returns share
 * one until Excel saves them), as the book part is.
 */
const stylesCache: { bytes: Uint8Array; crc: number; styles: DateStyles }[] = [];

function dateStyles(zip: ZipParts): DateStyles {
  const stored = zip.stored(STYLES);
  if (stored)
    for (const c of stylesCache)
      if (c.crc === stored.crc && sameBytes(c.bytes, stored.bytes)) return c.styles;
  const bytes = zip.get(STYLES);
  // A package without styles shows every number as a number.
  const styles = bytes ? parseDateStyles(utf8(bytes)) : { dates: new Map() };
  if (stored) {
    if (stylesCache.length >= 8) stylesCache.shift();
    stylesCache.push({ bytes: Uint8Array.from(stored.bytes), crc: stored.crc, styles });
  }
  return styles;
}

function toRawCell(
  c: ScannedCell,
  shared: (i: number) => string,
  dateOf: (style: number, serial: number) => string | undefined,
): RawCell {
  const base: RawCell = { value: null };
  if (c.f !== undefined) base.formula = c.f;
  switch (c.t) {
    case 's':
      base.value = c.v === undefined ? null : shared(Number(c.v));
      break;
    case 'str':
      base.value = c.v ?? (c.f !== undefined ? null : '');
      break;
    case 'inlineStr':
      base.value = c.inline ?? '';
      break;
    case 'b':
      base.value = c.v === undefined ? null : c.v.trim() === '1';
      break;
    case 'e':
      base.value = null;
      base.error = c.v ?? '#N/A';
      break;
    case 'd':
      base.value = c.v ?? null;
      break;
    default:
      base.value = c.v === undefined || c.v === '' ? null : Number(c.v);
      if (c.s && typeof base.value === 'number') {
        const date = dateOf(c.s, base.value);
        if (date !== undefined) base.date = date;
      }
  }
  return base;
}

/** The cell a defined name points at, if the name and the cell exist. */
export function cellByName(wb: RawWorkbook, name: string): RawCell | undefined {
  const ref = wb.names.get(name);
  if (!ref) return undefined;
  return wb.cells.get(ref.sheet)?.get(cellKey(ref)) ?? { value: null };
}
