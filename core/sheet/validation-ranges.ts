/**
 * A sheet's validations as ranges that never overlap: each run of identical validations down a
 * column is one range, and runs side by side over the same rows with the same rule are joined.
 * Every cell the model validates lies in exactly one range, the one with its own rule. The
 * exceljs writer writes these ranges as they are (its own merging of cells into ranges can make
 * two ranges cover one cell: exceljs issue #2820, after which Excel offers to repair the file and
 * LibreOffice applies only the first rule); the Office.js writer lays its ranges from the same
 * validations.
 */
import type { ValidationSpec } from './sheet-model.ts';

export interface ValidationRange {
  /** The rule; its row and col are the range's top-left cell. */
  spec: ValidationSpec;
  rect: { row: number; col: number; rows: number; cols: number };
}

/** What makes two validations the same rule: everything but the cell. */
export function validationRule(v: ValidationSpec): string {
  const { row: _row, col: _col, ...rule } = v;
  return JSON.stringify(rule);
}

export function validationRanges(validations: readonly ValidationSpec[]): ValidationRange[] {
  const seen = new Set<string>();
  for (const v of validations) {
    const at = `${v.row},${v.col}`;
    // A model with two rules on one cell is a layout bug: which one Excel keeps is not ours to leave to chance.
    if (seen.has(at)) throw new Error(`two validations on row ${v.row}, column ${v.col}`);
    seen.add(at);
  }
  const sorted = [...validations].sort((a, b) => a.col - b.col || a.row - b.row);
  // Down each column.
  const runs: (ValidationRange & { rule: string })[] = [];
  for (const v of sorted) {
    const rule = validationRule(v);
    const last = runs[runs.length - 1];
    if (
      last &&
      last.rule === rule &&
      last.rect.col === v.col &&
      last.rect.row + last.rect.rows === v.row
    )
      last.rect.rows++;
    else runs.push({ spec: v, rect: { row: v.row, col: v.col, rows: 1, cols: 1 }, rule });
  }
  // Side by side: a run joins the range to its left that ends in the column before it, over the same rows, with the same rule.
  const open = new Map<string, ValidationRange & { rule: string }>();
  const out: (ValidationRange & { rule: string })[] = [];
  for (const run of runs) {
    const k = `${run.rect.row},${run.rect.rows},${run.rule}`;
    const left = open.get(k);
    if (left && left.rect.col + left.rect.cols === run.rect.col) {
      left.rect.cols++;
      continue;
    }
    open.set(k, run);
    out.push(run);
  }
  return out
    .map(({ spec, rect }) => ({ spec, rect }))
    .sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
}
