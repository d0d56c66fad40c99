/**
 * A volunteer records export (CSV in UTF-8, UTF-8 with BOM or GBK, or an .xlsx workbook) →
 * raw rows for the core's check, numbered as a spreadsheet shows them: the header is row 1
 * when it is the first line, blank lines keep their place, and a quoted cell spanning lines is
 * one row. A title line above the header is allowed (the header is the first of the first ten
 * rows that names every required column). Values are not judged here: the core does that.
 */
import Papa from 'papaparse';
import {
  issue,
  REQUIRED_RECORD_FIELDS,
  type Issue,
  type RawRecord,
  type RecordCell,
  type RecordField,
} from '../../core/index.ts';
import { decodeTable } from '../inputs/decode-text.ts';
import { readRegularFile, USER_FILE_LIMITS } from '../files/regular-file.ts';
import { readWorkbookBytes, type RawCell } from '../xlsx/read-workbook.ts';
import { mapHeaders, RECORD_HEADERS } from './record-headers.ts';

export interface ReadRecords {
  raw: RawRecord[];
  /** The columns found: field → the header as the file spells it. */
  columns: Partial<Record<RecordField, string>>;
  /** 'xlsx', or the CSV's text encoding. */
  format: string;
  /** Problems with the file as a whole (unreadable, no header, a missing column): no rows then. */
  errors: Issue[];
}

/** How far down a title may push the header. */
const HEADER_SEARCH_ROWS = 10;

export function readRecordsFile(file: string): ReadRecords {
  const got = readRegularFile(file, { maxBytes: USER_FILE_LIMITS.table });
  if ('issue' in got) return { raw: [], columns: {}, format: '', errors: [got.issue] };
  const result = readRecordsBytes(got.bytes);
  for (const e of result.errors) e.file = file;
  return result;
}

export function readRecordsBytes(bytes: Uint8Array): ReadRecords {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole) return readRecordsXlsx(bytes);
  const decoded = decodeTable(bytes);
  if ('issue' in decoded) return { raw: [], columns: {}, format: '', errors: [decoded.issue] };
  const { text, encoding } = decoded;
  return { ...readRecordsCsv(text), format: encoding };
}

export function readRecordsCsv(text: string): ReadRecords {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // No skipEmptyLines: blank lines keep their place, so row numbers are a spreadsheet's.
  const parsed = Papa.parse<string[]>(source, { skipEmptyLines: false });
  // An unpaired quote swallows the lines after it into one cell: rows would vanish unsaid.
  const quotes = parsed.errors.find((e) => e.type === 'Quotes');
  if (quotes) {
    const e = issue('records.quotes', []);
    if (quotes.row !== undefined) e.row = quotes.row + 1;
    return { raw: [], columns: {}, format: 'csv', errors: [e] };
  }
  return { ...fromTable(parsed.data), format: 'csv' };
}

function readRecordsXlsx(bytes: Uint8Array): ReadRecords {
  const fail = (errors: Issue[]): ReadRecords => ({ raw: [], columns: {}, format: 'xlsx', errors });
  const book = readWorkbookBytes(bytes);
  if (!book.value) return fail(book.errors);
  const visible = book.value.sheets.filter((s) => s.state === 'visible').map((s) => s.name);
  const all = readWorkbookBytes(bytes, { extraSheets: visible });
  if (!all.value) return fail(all.errors);
  let first: ReadRecords | undefined;
  // The first visible sheet whose header names the required columns: an export may put a
  // cover or a legend before the records.
  for (const name of visible) {
    const read = { ...fromTable(sheetTable(all.value.cells.get(name))), format: 'xlsx' };
    if (!read.errors.length) return read;
    first ??= read;
  }
  return first ?? fail([issue('records.empty', [])]);
}

/** "row,col" → cell, as the workbook reader gives a sheet, → rows of cells (row 1 first). */
function sheetTable(cells: ReadonlyMap<string, RawCell> | undefined): RecordCell[][] {
  const table: RecordCell[][] = [];
  for (const [key, cell] of cells ?? []) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const value = cell.error ?? (typeof cell.value === 'boolean' ? String(cell.value) : cell.value);
    (table[r] ??= [])[c] = value;
  }
  return Array.from(table, (row) => Array.from(row ?? [], (v) => v ?? null));
}

const blank = (cells: readonly RecordCell[] | undefined) =>
  !cells || cells.every((c) => c === null || c === undefined || String(c).trim() === '');

/** Rows of cells (index 0 is spreadsheet row 1) → raw records under the header found. */
export function fromTable(table: readonly (readonly RecordCell[] | undefined)[]): ReadRecords {
  const nonBlank: number[] = [];
  for (let i = 0; i < table.length && nonBlank.length < HEADER_SEARCH_ROWS; i++)
    if (!blank(table[i])) nonBlank.push(i);
  if (!nonBlank.length)
    return { raw: [], columns: {}, format: '', errors: [issue('records.empty', [])] };

  const required = (cols: Partial<Record<RecordField, number>>) =>
    REQUIRED_RECORD_FIELDS.filter((f) => cols[f] !== undefined).length;
  // The header is the first row naming every required column; failing that, the row naming
  // the most of them (a header with one misspelt column), so the error points at it.
  let headerIndex = nonBlank[0]!;
  for (const i of nonBlank)
    if (required(mapHeaders(table[i]!)) > required(mapHeaders(table[headerIndex]!)))
      headerIndex = i;
  const header = table[headerIndex]!;
  const columns = mapHeaders(header);
  if (required(columns) < REQUIRED_RECORD_FIELDS.length) {
    const found = header
      .map((h) => String(h ?? '').trim())
      .filter(Boolean)
      .join(', ');
    const errors = REQUIRED_RECORD_FIELDS.filter((f) => columns[f] === undefined).map((f) => {
      const e = issue('records.missing-column', [], {
        column: f,
        headerRow: headerIndex + 1,
        found,
        accepted: RECORD_HEADERS[f].join(', '),
      });
      e.row = headerIndex + 1;
      return e;
    });
    return { raw: [], columns: {}, format: '', errors };
  }

  const raw: RawRecord[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i];
    if (blank(cells)) continue;
    const record: RawRecord = { row: i + 1, cells: {} };
    for (const [field, col] of Object.entries(columns) as [RecordField, number][]) {
      const v = cells![col];
      record.cells[field] = v === undefined || v === null || v === '' ? null : v;
    }
    raw.push(record);
  }
  const named = Object.fromEntries(
    Object.entries(columns).map(([f, col]) => [f, String(header[col] ?? '').trim()]),
  ) as Partial<Record<RecordField, string>>;
  return { raw, columns: named, format: '', errors: [] };
}
