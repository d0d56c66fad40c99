/**
 * A definition workbook as plain data, both ways: the sheets as a reader gets them (rows of cell
 * values, and the merged ranges), and the sheets as the writer lays them out (columns with their
 * widths and drop-downs, then rows). No spreadsheet library here: the pipeline writes and reads
 * .xlsx files (pipeline/definition/), the add-in reads the open workbook, both through these.
 */
import type { PlainCell } from '../rules/kinds/rule-columns.ts';
import type { Lang } from '../text.ts';
import type { SheetKey } from './definition-sheets.ts';

export type { PlainCell };

/** A sheet as read: rows of values (0-based; row 0 is the spreadsheet's row 1), merged ranges as "B3:B7". */
export interface SheetGrid {
  name: string;
  rows: PlainCell[][];
  merges?: readonly string[];
}

/** A column as the writer lays it out. */
export interface LaidColumn {
  header: string;
  width: number;
  /** the drop-down's items */
  list?: readonly string[];
  /** ids and codes: kept as text, so that "1.10" is not read as the number 1.1 */
  text?: boolean;
  /** wrapped: several lines in a cell */
  wrap?: boolean;
  /** numbers */
  number?: boolean;
  /** short codes such as the level, centred */
  center?: boolean;
  /** data rows (0-based, below the header) the column's drop-down leaves out */
  listSkipsRows?: readonly number[];
}

/** A cell of the data rows (0-based, below the header). */
export interface CellAt {
  row: number;
  col: number;
}

export interface LaidSheet {
  key: SheetKey;
  name: string;
  columns: LaidColumn[];
  /** below the header row */
  rows: PlainCell[][];
  /** data rows offered the drop-downs and formats, beyond the rows written (room to add more) */
  spareRows: number;
  /** the instructions sheet has no header row of its own and no drop-downs */
  plain?: boolean;
  /** drop-downs of single cells (the settings' values each have their own) */
  cellLists?: (CellAt & { list: readonly string[] })[];
  /** single cells kept as text */
  textCells?: CellAt[];
  /** each data row's height in points, where its wrapped text needs more than a line */
  rowHeights?: (number | undefined)[];
}

export interface LaidBook {
  lang: Lang;
  sheets: LaidSheet[];
}

/** "B3" → { row: 2, col: 1 } (0-based). */
export function cellIndex(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
