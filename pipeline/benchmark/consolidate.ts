/**
 * Several evaluators, one organization, one period: how their figures become one. Every figure
 * (the total, each first-level, second-level and third-level score, a recorded quantity) is
 * consolidated on its own, over the evaluators that gave it:
 *
 * - `mean` (default): every evaluator weighs the same. With it the consolidated first-level
 *   scores combine into the consolidated total exactly as one evaluator's do.
 * - `median`: the middle evaluator; one outlying evaluator (too lenient or too strict) among
 *   three or more moves it little or not at all. With two evaluators it is their mean.
 * - `min`: the strictest reading, the lowest any evaluator gave; for decisions where a score
 *   must hold in every evaluator's eyes (an accreditation, a grade to confirm).
 * - `max`: the most favourable reading; an upper bound, for a sensitivity check.
 *
 * With `median`, `min` and `max` the consolidated parts need not add up to the consolidated
 * total (the lowest total may come from one evaluator, the lowest score of a dimension from
 * another). The bench_* views read the method from the connection's variable `consolidate`.
 */
import { quotedString, type DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../user-error.ts';

import {
  CONSOLIDATE_METHODS,
  DEFAULT_CONSOLIDATE,
  type ConsolidateMethod,
} from './consolidate-methods.ts';

export { CONSOLIDATE_METHODS, DEFAULT_CONSOLIDATE, type ConsolidateMethod };

export function checkConsolidate(method: string | undefined): ConsolidateMethod {
  const m = method ?? DEFAULT_CONSOLIDATE;
  if (!(CONSOLIDATE_METHODS as readonly string[]).includes(m))
    throw UserError.of('benchmark.consolidate', {
      value: m,
      methods: CONSOLIDATE_METHODS.join(', '),
    });
  return m as ConsolidateMethod;
}

/** Makes the bench_* views of this connection consolidate by `method`. */
export async function setConsolidate(
  con: DuckDBConnection,
  method: ConsolidateMethod,
): Promise<void> {
  await con.run(`SET VARIABLE consolidate = ${quotedString(checkConsolidate(method))}`);
}
