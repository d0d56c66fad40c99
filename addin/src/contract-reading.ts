/**
 * Reading the contract back, host-neutral: which defined names are the contract's, the metadata
 * sheet's rows as keys and values, and a cell as the pipeline's reader would give it.
 */
import type { CellValue, ContractCell } from '../../core/index.ts';

/** The contract's names (IN_1_1_1, SC_…, DIM_5, WT_5, TOTAL, GRADE, UNANSWERED): replaced on each generation. */
export const CONTRACT_NAME = /^(?:(?:IN|NA|SC|MD|EV|DIM|WT)_[0-9_]+|TOTAL|GRADE|UNANSWERED)$/;

/** How many rows of `_scorebook` a reader takes: more than the metadata keys will ever be. */
export const METADATA_ROWS = 200;

/** Column A's keys and column B's values of `_scorebook`; blank keys are skipped. */
export function metadataFromRows(rows: readonly (readonly unknown[])[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [k, v] of rows) {
    if (k === '' || k === null || k === undefined) continue;
    metadata[String(k)] = v === null || v === undefined ? '' : String(v);
  }
  return metadata;
}

/**
 * A cell's value, its formula as the host gives it ("=…", or the text itself for a constant) and
 * whether it holds an error → the ContractCell that core's readSubmission takes.
 */
export function toContractCell(
  value: CellValue | undefined,
  formula: unknown,
  isError: boolean,
): ContractCell {
  // Text stored as text reads back through formulas as it is ("=…" included), so a formula is
  // what starts with "=" and differs from the value it shows.
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  const cell: ContractCell = {
    value: value === undefined || (value === '' && !isFormula) ? null : value,
  };
  if (isFormula) cell.formula = formula.slice(1);
  if (isError) {
    cell.error = String(value);
    cell.value = null;
  }
  return cell;
}
