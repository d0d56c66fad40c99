/**
 * What the evaluator entered in an indicator's row, as the cells hold it, and the engine's
 * inputs for it: the layout writes these rows, the readers give them back.
 */
import type { RawInput } from '../rules/read-input.ts';
import type { CellValue } from './contract-cells.ts';

/** What the evaluator entered in one indicator's row, as cell values. */
export interface RowAnswer {
  input?: CellValue;
  na?: boolean;
  mode?: string;
  evidence?: string;
}

/** The engine's inputs for these answers: an N/A mark wins over whatever the input cell holds. */
export function answersToInputs(
  answers: ReadonlyMap<string, RowAnswer> | undefined,
): Map<string, RawInput> {
  const inputs = new Map<string, RawInput>();
  for (const [id, a] of answers ?? []) inputs.set(id, a.na ? 'NA' : (a.input ?? null));
  return inputs;
}
