/**
 * The workbook a fake Excel holds: plain JSON-friendly data (records, not Maps), so that it can
 * cross from a browser page to Node in a test and be turned into an .xlsx there. It models only
 * what the add-in writes and reads; Excel's calculation is not modelled (a formula cell's value
 * is whatever a test says Excel computed, see `computed`).
 */
export type Scalar = string | number | boolean;

export interface BorderState {
  style?: string;
  color?: string;
  weight?: string;
}

export interface CellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  locked?: boolean;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', BorderState>>;
}

export interface ValidationState {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks?: boolean;
}

export interface CellState {
  /** A constant as Excel stored it after parsing what was written. */
  value?: Scalar;
  /** Without the leading "=". */
  formula?: string;
  /** Written with a leading apostrophe: Excel keeps the text and marks the cell. */
  quotePrefix?: boolean;
  numberFormat?: string;
  format?: CellFormat;
  validation?: ValidationState;
  /** What Excel's calculation gave a formula cell; set by tests that recalculate elsewhere. */
  computed?: Scalar | null;
}

export interface SheetState {
  uid: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** "row,col", 0-based. */
  cells: Record<string, CellState>;
  columns: Record<number, { width?: number; hidden?: boolean }>;
  /** Rows given a height (points), by 0-based row; absent in states recorded before rows were modelled. */
  rows?: Record<number, { height?: number }>;
  merges: { row: number; col: number; rows: number; cols: number }[];
  freeze?: { rows: number; cols: number };
  protection: { protected: boolean; options?: Excel.WorksheetProtectionOptions; password?: string };
  pageLayout?: {
    orientation?: string;
    paperSize?: string;
    printTitleRows?: string;
    printArea?: string;
    /** Worksheet.pageLayout's margins, in points. */
    margins?: Partial<Record<PageMargin, number>>;
    zoom?: Excel.PageLayoutZoomOptions;
    headersFooters?: HeaderFooterState;
  };
}

export const PAGE_MARGINS: readonly string[] = [
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
  'headerMargin',
  'footerMargin',
];
export type PageMargin =
  'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin';

/** pageLayout.headersFooters.defaultForAllPages: the codes of each section (Excel's &P, &N …). */
export type HeaderFooterState = Partial<
  Record<
    'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter',
    string
  >
>;

export interface NameState {
  name: string;
  /** The sheet uid and cell, or null once the sheet was deleted (#REF!). */
  ref: { uid: number; row: number; col: number; rows: number; cols: number } | null;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NameState[];
  activeUid: number;
  nextUid: number;
  /** True from suspendApiCalculationUntilNextSync until the sync that ends the batch. */
  calculationSuspended: boolean;
  /** How many batches ran with calculation suspended (a test can ask). */
  suspendedBatches: number;
}

export function emptySheet(uid: number, name: string): SheetState {
  return {
    uid,
    name,
    visibility: 'Visible',
    cells: {},
    columns: {},
    rows: {},
    merges: [],
    protection: { protected: false },
  };
}

/** A new workbook as Excel opens one: a single empty sheet. */
export function newWorkbookState(firstSheet = 'Sheet1'): WorkbookState {
  return {
    sheets: [emptySheet(1, firstSheet)],
    names: [],
    activeUid: 1,
    nextUid: 2,
    calculationSuspended: false,
    suspendedBatches: 0,
  };
}

export function cloneState(s: WorkbookState): WorkbookState {
  return JSON.parse(JSON.stringify(s)) as WorkbookState;
}

export const key = (row: number, col: number) => `${row},${col}`;

export function sheetByName(s: WorkbookState, name: string): SheetState | undefined {
  const n = name.toLowerCase();
  return s.sheets.find((x) => x.name.toLowerCase() === n);
}

export function sheetByUid(s: WorkbookState, uid: number): SheetState | undefined {
  return s.sheets.find((x) => x.uid === uid);
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3", "A1:J121", "B:B", "3:5" → a 0-based rectangle; whole columns and rows reach Excel's edge. */
export function parseAddress(address: string): {
  row: number;
  col: number;
  rows: number;
  cols: number;
} {
  const cell = /^\$?([A-Z]{1,3})\$?(\d+)$/i;
  const parts = address.split(':');
  if (
    parts.length === 2 &&
    /^\$?[A-Z]{1,3}$/i.test(parts[0]!) &&
    /^\$?[A-Z]{1,3}$/i.test(parts[1]!)
  ) {
    const a = columnIndex(parts[0]!.replace('$', ''));
    const b = columnIndex(parts[1]!.replace('$', ''));
    return { row: 0, col: Math.min(a, b), rows: 1048576, cols: Math.abs(b - a) + 1 };
  }
  if (parts.length === 2 && /^\$?\d+$/.test(parts[0]!) && /^\$?\d+$/.test(parts[1]!)) {
    const a = Number(parts[0]!.replace('$', '')) - 1;
    const b = Number(parts[1]!.replace('$', '')) - 1;
    return { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: 16384 };
  }
  const ends = parts.map((p) => cell.exec(p));
  if (parts.length > 2 || ends.some((m) => !m))
    throw new FakeExcelError('InvalidArgument', `not an address: ${address}`);
  const r = ends.map((m) => Number(m![2]) - 1);
  const c = ends.map((m) => columnIndex(m![1]!));
  const row = Math.min(...r);
  const col = Math.min(...c);
  return { row, col, rows: Math.max(...r) - row + 1, cols: Math.max(...c) - col + 1 };
}

/** "='评分表'!$F$6", "Sheet1!A1:B2" → sheet name and rectangle. */
export function parseReference(ref: string): {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
} {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  if (!m) throw new FakeExcelError('InvalidArgument', `not a reference: ${ref}`);
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), ...parseAddress(m[3]!.replace(/\$/g, '')) };
}

/** The errors Office.js raises, by the codes it uses (OfficeExtension.Error.code). */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}
