/**
 * A direct reader of the OOXML parts the workbook contract names: workbook.xml (sheets,
 * defined names), its relationships, the shared strings and the sheets' cells. It never
 * evaluates a formula, reads only what it needs, and bounds the decompressed size, because
 * returned workbooks are zip files from strangers.
 */
import { unzipSync } from 'fflate';
import { issue, type Issue, type Result } from '../../core/index.ts';
import { attr, attributes, columnIndex, decodeXml, elements, scanCells, stringItemText, type ScannedCell } from './scan-xml.ts';

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
  names: ReadonlyMap<string, { sheet: string; col: number; row: number }>;
  /** sheet name → "row,col" (0-based) → cell; only sheets that names point to, plus _scorebook. */
  cells: Map<string, Map<string, RawCell>>;
}

export interface ReadOptions {
  /** Refuse files that decompress to more than this many bytes (zip bombs). */
  maxBytes?: number;
  /** Sheets to read besides those that names point at. */
  extraSheets?: string[];
  /** Also decode each formula's text (cells then carry `formula`); off, a formula cell has formula ''. */
  formulas?: boolean;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export { columnIndex };

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

type CellRef = { sheet: string; col: number; row: number };
const namesCache = new Map<string, Map<string, CellRef>>();

/**
 * Workbook-scoped single-cell names. Returns from one roster carry the same several hundred
 * names, so the parsed map is kept for the exact same text (a few recent ones).
 */
function definedNames(workbookXml: string): ReadonlyMap<string, CellRef> {
  const start = workbookXml.indexOf('definedNames');
  const end = workbookXml.lastIndexOf('definedNames');
  const block = start >= 0 && end > start ? workbookXml.slice(start, end) : '';
  const cached = namesCache.get(block);
  if (cached) return cached;
  const names = new Map<string, CellRef>();
  // A fixed pattern, not a general attribute parse: hundreds of names per workbook.
  for (const e of elements(block, 'definedName')) {
    if (e.attrs.includes('localSheetId')) continue;
    const name = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(e.attrs);
    const ref = name && parseCellRef(decodeXml(e.body ?? ''));
    if (ref) names.set(decodeXml(name[1] ?? name[2]!), ref);
  }
  if (namesCache.size >= 8) namesCache.delete(namesCache.keys().next().value!);
  namesCache.set(block, names);
  return names;
}

function readParts(files: Record<string, Uint8Array>, opts: ReadOptions): RawWorkbook {
  const text = (name: string) => (files[name] ? Buffer.from(files[name].buffer, files[name].byteOffset, files[name].byteLength).toString('utf8') : '');
  const workbookXml = text('xl/workbook.xml');
  const sheets = [...elements(workbookXml, 'sheet')].map((e) => {
    const a = attributes(e.attrs);
    return { name: a.name ?? '', state: a.state ?? 'visible', rid: attr(a, 'id') ?? '' };
  });
  const names = definedNames(workbookXml);
  const targets = new Map<string, string>();
  for (const e of elements(text('xl/_rels/workbook.xml.rels'), 'Relationship')) {
    const a = attributes(e.attrs);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const shared = [...elements(text('xl/sharedStrings.xml'), 'si')].map((e) => stringItemText(e.body ?? ''));

  const wanted = new Set<string>([...[...names.values()].map((n) => n.sheet), ...(opts.extraSheets ?? [])]);
  // Sheets read whole (extraSheets) have no key set; the others only their named cells.
  const wantedCells = new Map<string, Set<string>>();
  for (const n of names.values()) {
    if (opts.extraSheets?.includes(n.sheet)) continue;
    if (!wantedCells.has(n.sheet)) wantedCells.set(n.sheet, new Set());
    wantedCells.get(n.sheet)!.add(`${n.row},${n.col}`);
  }
  const cells = new Map<string, Map<string, RawCell>>();
  for (const s of sheets) {
    if (!wanted.has(s.name)) continue;
    const target = targets.get(s.rid);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const out = new Map<string, RawCell>();
    const keys = wantedCells.get(s.name);
    const bytes = files[path];
    if (bytes) {
      // latin1 keeps the scan on one-byte strings; the few texts we keep are decoded as UTF-8.
      const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      const wanted = keys ? (r: number, c: number) => keys.has(`${r},${c}`) : undefined;
      for (const c of scanCells(xml, wanted, latin1ToUtf8, opts.formulas ?? false)) out.set(`${c.row},${c.col}`, toRawCell(c, shared));
    }
    cells.set(s.name, out);
  }
  return { sheets: sheets.map(({ name, state }) => ({ name, state })), names, cells };
}

function latin1ToUtf8(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}

function toRawCell(c: ScannedCell, shared: string[]): RawCell {
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
