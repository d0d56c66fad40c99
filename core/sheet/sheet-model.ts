/**
 * SheetModel: a workbook as pure data (cells, formulas with their cached results, validations,
 * names, styles, protection, metadata). The exceljs writer (pipeline) and the Office.js writer
 * (addin) both write exactly this, so a sheet made in Excel and one made by the CLI are the
 * same contract.
 */
import type { CellValue } from '../workbook/contract-cells.ts';

/** What a formula cell computes, so its cached value can be taken from an engine evaluation. */
export type FormulaKey =
  | { k: 'score'; id: string }
  | { k: 'group'; id: string }
  | {
      k: 'dim';
      id: string;
      part:
        | 'count'
        | 'sum'
        | 'score'
        | 'points'
        | 'norm'
        | 'share'
        | 'applicable'
        | 'weighted'
        | 'weightedCount'
        | 'contribution'
        | 'unanswered';
    }
  | { k: 'weightSum' }
  | { k: 'normSum' }
  | { k: 'total' }
  | { k: 'grade' }
  | { k: 'unanswered' };

export interface CellSpec {
  /** A constant. Strings are always written as text, never as formulas, whatever they start with. */
  value?: CellValue;
  /** A formula without the leading "=". */
  formula?: string;
  /** The formula's result as the engine computes it; written as the cached value. */
  cached?: CellValue;
  key?: FormulaKey;
  style?: StyleName;
}

export type StyleName =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'dimension'
  | 'dimensionScore'
  | 'group'
  | 'groupScore'
  | 'text'
  | 'textWrap'
  | 'code'
  | 'muted'
  | 'input'
  | 'inputPercent'
  | 'inputText'
  | 'score'
  | 'points'
  | 'number'
  | 'weight'
  | 'weightIssued'
  | 'percent'
  | 'total'
  | 'label';

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string; // ARGB
  fill?: string; // ARGB
  numFmt?: string;
  horizontal?: 'left' | 'center' | 'right';
  wrap?: boolean;
  border?: boolean;
  /** Unlocked cells are what the evaluator may edit on a protected sheet. */
  locked: boolean;
}

export interface ValidationSpec {
  row: number;
  col: number;
  type: 'list' | 'decimal' | 'whole';
  /** list items (type list) */
  list?: string[];
  min?: number;
  max?: number;
  prompt: { title: string; text: string };
  error: { title: string; text: string; style: 'stop' | 'warning' | 'information' };
}

export interface SheetSpec {
  name: string;
  /**
   * A hidden sheet (the rules) is not printed by Excel, WPS or LibreOffice, and can be shown
   * again from the sheet tabs; a veryHidden one (the metadata) only by code.
   */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** rows × columns, 0-based; undefined = empty cell. */
  rows: (CellSpec | undefined)[][];
  columns: { width: number; hidden?: boolean }[];
  /**
   * Row heights in points, by row (0-based); undefined leaves a row at the default height. Taller
   * rows are the ones whose wrapped text takes more than one line (core/sheet/row-heights.ts).
   */
  rowHeights?: (number | undefined)[];
  merges: { row: number; col: number; rows: number; cols: number }[];
  validations: ValidationSpec[];
  freeze?: { rows: number; cols: number };
  protect: boolean;
  print?: {
    titleRows?: { from: number; to: number };
    landscape: boolean;
    /** The print area's width in columns from A (every row is in it); the whole sheet when absent. */
    columns?: number;
    header?: HeaderFooter;
    footer?: HeaderFooter;
  };
}

/** A piece of a printed header or footer: text as it is, or a field the printer fills in. */
export type HeaderFooterPart = string | { field: 'page' | 'pages' };

/** A printed header or footer: its left, centre and right sections. */
export interface HeaderFooter {
  left?: HeaderFooterPart[];
  center?: HeaderFooterPart[];
  right?: HeaderFooterPart[];
}

export interface NameSpec {
  name: string;
  sheet: string;
  row: number;
  col: number;
}

export interface WorkbookModel {
  sheets: SheetSpec[];
  names: NameSpec[];
  styles: Record<StyleName, StyleSpec>;
  font: { name: string; charset?: number; size: number };
  properties: { title: string; creator: string; created: string };
}

export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address, 0-based row and column: (0, 0) → "A1". */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 'Sheet'!$A$1 */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${a1(row, col, true)}`;
}

/** A string literal inside a formula. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function formulaNumber(n: number): string {
  // Shortest round-trip form; never exponent notation Excel might read differently.
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}
