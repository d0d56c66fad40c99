/**
 * `--mode` on benchmark and report: comparisons within one evaluation mode (self-assessment,
 * third-party, secretariat; GB/T 40143 8.1.3), since a self-assessed score and a third party's
 * are not like with like. The bench_* views read the connection's variable evaluation_mode:
 * unset (NULL), every return counts; set, only the returns that state that mode.
 */
import { quotedString, type DuckDBConnection } from '@duckdb/node-api';
import type { EvaluationMode } from '../../core/index.ts';

/** Whether submission row `s` is in the connection's evaluation mode (any, when unset). */
export function inEvaluationMode(s: string): string {
  return `(getvariable('evaluation_mode') IS NULL OR ${s}.evaluation_mode = getvariable('evaluation_mode'))`;
}

/** Makes the bench_* views of this connection count only returns of `mode` (every one when undefined). */
export async function setEvaluationMode(
  con: DuckDBConnection,
  mode: EvaluationMode | undefined,
): Promise<void> {
  await con.run(
    `SET VARIABLE evaluation_mode = ${mode === undefined ? 'NULL::VARCHAR' : quotedString(mode)}`,
  );
}
