/**
 * A direct reader of the OOXML parts the workbook contract names: workbook.xml (sheets,
 * defined names), its relationships, the shared strings and the sheets' cells. It never
 * evaluates a formula, reads only what it needs, and bounds the decompressed size, because
 * returned workbooks are zip files from strangers.
 */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { issue, type Issue, type Result } from '../../core/index.ts';

export interface RawCell {
  /** A constant's value, or a formula's cached result ('' for an empty-string result). */
  value: string | number | boolean | null;
  formula?: string;
  /** '#DIV/0!' and the like, for cells holding an error. */
  error?: string;
}

export interface RawWorkbook {
  sheets: { name: string; state: string }[];
  /** Workbook-scoped defined names that point at one cell. */
  names: Map<string, { sheet: string; col: number; row: number }>;
  /** sheet name → "row,col" (0-based) → cell; only sheets that names point to, plus _scorebook. */
  cells: Map<string, Map<string, RawCell>>;
}

export interface ReadOptions {
  /** Refuse files that decompress to more than this many bytes (zip bombs). */
  maxBytes?: number;
  /** Sheets to read besides those that names point at. */
  extraSheets?: string[];
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const decoder = new TextDecoder();

function parseXml(bytes: Uint8Array | undefined, handlers: (p: SaxesParser) => void): void {
  if (!bytes) return;
  const parser = new SaxesParser();
  handlers(parser);
  parser.write(decoder.decode(bytes)).close();
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "'评分表'!$F$6" → { sheet, row, col }; undefined for ranges and anything else. */
export function parseCellRef(ref: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), row: Number(m[4]) - 1, col: columnIndex(m[3]!) };
}

function sniff(bytes: Uint8Array): Issue | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return undefined;
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file: a password-protected OOXML package carries an EncryptionInfo stream.
    const probe = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('utf16le');
    return issue(probe.includes('EncryptionInfo') ? 'workbook.encrypted' : 'workbook.legacy-xls', []);
  }
  return issue('workbook.not-zip', []);
}

export function readWorkbookBytes(bytes: Uint8Array, opts: ReadOptions = {}): Result<RawWorkbook> {
  const bad = sniff(bytes);
  if (bad) return { value: undefined, errors: [bad] };
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > max) throw new RangeError('too-big');
        return f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name === 'xl/sharedStrings.xml' || f.name.startsWith('xl/worksheets/sheet');
      },
    });
  } catch (e) {
    if (e instanceof RangeError && e.message === 'too-big') {
      return { value: undefined, errors: [issue('workbook.too-big', [], { max: Math.round(max / 1024 / 1024) })] };
    }
    return { value: undefined, errors: [issue('workbook.corrupt', [], { reason: (e as Error).message })] };
  }
  if (!files['xl/workbook.xml']) return { value: undefined, errors: [issue('workbook.not-xlsx', [])] };

  try {
    return { value: readParts(files, opts), errors: [] };
  } catch (e) {
    return { value: undefined, errors: [issue('workbook.corrupt', [], { reason: (e as Error).message })] };
  }
}

function readParts(files: Record<string, Uint8Array>, opts: ReadOptions): RawWorkbook {
  const sheets: { name: string; state: string; rid: string }[] = [];
  const names = new Map<string, { sheet: string; col: number; row: number }>();
  parseXml(files['xl/workbook.xml'], (p) => {
    let current: { name: string; local: boolean } | undefined;
    let textBuf = '';
    p.on('opentag', (t) => {
      if (t.name === 'sheet') {
        sheets.push({ name: String(t.attributes.name), state: String(t.attributes.state ?? 'visible'), rid: String(t.attributes['r:id'] ?? '') });
      } else if (t.name === 'definedName') {
        current = { name: String(t.attributes.name), local: t.attributes.localSheetId !== undefined };
        textBuf = '';
      }
    });
    p.on('text', (x) => {
      if (current) textBuf += x;
    });
    p.on('closetag', (t) => {
      if (t.name === 'definedName' && current) {
        const ref = parseCellRef(textBuf);
        if (ref && !current.local) names.set(current.name, ref);
        current = undefined;
      }
    });
  });

  const targets = new Map<string, string>();
  parseXml(files['xl/_rels/workbook.xml.rels'], (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'Relationship') targets.set(String(t.attributes.Id), String(t.attributes.Target));
    });
  });

  const shared: string[] = [];
  parseXml(files['xl/sharedStrings.xml'], (p) => {
    let buf: string | undefined;
    let inT = false;
    let phonetic = 0;
    p.on('opentag', (t) => {
      if (t.name === 'si') buf = '';
      else if (t.name === 'rPh') phonetic++;
      else if (t.name === 't' && phonetic === 0) inT = true;
    });
    p.on('text', (x) => {
      if (inT && buf !== undefined) buf += x;
    });
    p.on('closetag', (t) => {
      if (t.name === 't') inT = false;
      else if (t.name === 'rPh') phonetic--;
      else if (t.name === 'si') {
        shared.push(buf ?? '');
        buf = undefined;
      }
    });
  });

  const wanted = new Set<string>([...[...names.values()].map((n) => n.sheet), ...(opts.extraSheets ?? [])]);
  const cells = new Map<string, Map<string, RawCell>>();
  for (const s of sheets) {
    if (!wanted.has(s.name)) continue;
    const target = targets.get(s.rid);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    cells.set(s.name, readSheetCells(files[path], shared));
  }
  return { sheets: sheets.map(({ name, state }) => ({ name, state })), names, cells };
}

function readSheetCells(bytes: Uint8Array | undefined, shared: string[]): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  let cell: { key: string; t: string; v?: string; f?: string; inline?: string } | undefined;
  let field: 'v' | 'f' | 'is' | undefined;
  let inIsT = false;
  parseXml(bytes, (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'c') {
        const r = String(t.attributes.r ?? '');
        const m = /^([A-Z]+)(\d+)$/.exec(r);
        cell = m ? { key: `${Number(m[2]) - 1},${columnIndex(m[1]!)}`, t: String(t.attributes.t ?? 'n') } : undefined;
      } else if (cell && t.name === 'v') {
        field = 'v';
        cell.v = '';
      } else if (cell && t.name === 'f') {
        field = 'f';
        cell.f = '';
      } else if (cell && t.name === 'is') {
        field = 'is';
        cell.inline = '';
      } else if (cell && field === 'is' && t.name === 't') inIsT = true;
    });
    p.on('text', (x) => {
      if (!cell) return;
      if (field === 'v') cell.v += x;
      else if (field === 'f') cell.f += x;
      else if (field === 'is' && inIsT) cell.inline += x;
    });
    p.on('closetag', (t) => {
      if (t.name === 'v' || t.name === 'f' || t.name === 'is') field = undefined;
      else if (t.name === 't') inIsT = false;
      else if (t.name === 'c' && cell) {
        out.set(cell.key, toRawCell(cell, shared));
        cell = undefined;
      }
    });
  });
  return out;
}

function toRawCell(c: { t: string; v?: string; f?: string; inline?: string }, shared: string[]): RawCell {
  const base: RawCell = { value: null };
  if (c.f !== undefined) base.formula = c.f;
  switch (c.t) {
    case 's':
      base.value = c.v === undefined ? null : (shared[Number(c.v)] ?? '');
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
  }
  return base;
}

/** The cell a defined name points at, if the name and the cell exist. */
export function cellByName(wb: RawWorkbook, name: string): RawCell | undefined {
  const ref = wb.names.get(name);
  if (!ref) return undefined;
  return wb.cells.get(ref.sheet)?.get(`${ref.row},${ref.col}`) ?? { value: null };
}
