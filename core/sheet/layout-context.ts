/**
 * What the layout of every sheet shares: a grid to put cells in, the maker of formula cells (with
 * the engine's result as the cached value), the list of defined names, the labels of the
 * workbook's language, and the printed header and footer.
 */
import type { Lang } from '../text.ts';
import type { SheetLabels } from './sheet-labels.ts';
import type { CellSpec, FormulaKey, HeaderFooter, NameSpec } from './sheet-model.ts';

export class Grid {
  rows: (CellSpec | undefined)[][] = [];
  set(row: number, col: number, cell: CellSpec): void {
    (this.rows[row] ??= [])[col] = cell;
  }
}

/** A formula cell whose cached value is what the engine computes for `key`. */
export type FormulaCell = (formula: string, key: FormulaKey, style: CellSpec['style']) => CellSpec;

export interface LayoutContext {
  lang: Lang;
  L: SheetLabels;
  f: FormulaCell;
  /** Adds a workbook-scoped name for a cell; the names keep the order they are added in. */
  name: (name: string, sheet: string, row: number, col: number) => void;
  names: NameSpec[];
  /** Printed on every page of the visible sheets. */
  header: HeaderFooter;
  footer: HeaderFooter;
}
