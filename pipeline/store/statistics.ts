/**
 * Each statistic the views and queries compute, written once as an SQL fragment: the percentile
 * rank, k-suppression, the consolidation of several evaluators, quartiles. The views take k and
 * the method from the connection's variables (min_group, consolidate), so that an analyst's
 * SET VARIABLE applies; a query of the CLI passes them as values.
 */
import { quotedString } from '@duckdb/node-api';
import { CONSOLIDATE_METHODS, type ConsolidateMethod } from '../benchmark/consolidate.ts';

/** No statistic over fewer than this many organizations, unless asked otherwise. */
export const DEFAULT_MIN_GROUP = 5;

/** k: a whole number, or, when none is given, the connection's variable min_group (5 when unset). */
function kSql(k: number | undefined): string {
  return k === undefined ? `coalesce(getvariable('min_group'), ${DEFAULT_MIN_GROUP})` : String(k);
}

/** True when a statistic over `n` organizations may be shown. */
export function shownWhen(n: string, k?: number): string {
  return `${n} >= ${kSql(k)}`;
}

/** `expr`, or NULL when it is computed over fewer than k organizations (`n`). */
export function suppress(n: string, expr: string, k?: number): string {
  return `CASE WHEN ${shownWhen(n, k)} THEN ${expr} END`;
}

/** Figures equal to 1e-9 are one level: a total summed in another order is no other rank. */
const level = (value: string) => `round(${value}, 9)`;

const over = (partition: readonly string[], rest = '') => {
  const by = partition.length ? `PARTITION BY ${partition.join(', ')}` : '';
  return `OVER (${[by, rest].filter(Boolean).join(' ')})`;
};

/** The organizations of the partition that have a `value` (NULL has none). */
export function peerCount(value: string, partition: readonly string[]): string {
  return `count(${value}) ${over(partition)}`;
}

/**
 * Percentile rank of `value` within `partition`, 0..100: 100 × (peers below + ½ × those level
 * with it, itself included) / n, over the rows with a value; NULL for a row without one.
 * Not k-suppressed: wrap it in `suppress` with `peerCount` as n.
 */
export function percentileRank(value: string, partition: readonly string[]): string {
  const below = `rank() ${over(partition, `ORDER BY ${level(value)}`)} - 1`;
  const equal = `count(${value}) ${over([...partition, level(value)])}`;
  return `CASE WHEN ${value} IS NOT NULL THEN 100.0 * (${below} + 0.5 * ${equal}) / ${peerCount(value, partition)} END`;
}

/** q1, median and q3 of `expr` (quantile_cont: linear interpolation), each NULL under k. */
export function quartiles(expr: string, n: string, k?: number): string {
  return [
    `${suppress(n, `quantile_cont(${expr}, 0.25)`, k)} AS q1`,
    `${suppress(n, `quantile_cont(${expr}, 0.5)`, k)} AS median`,
    `${suppress(n, `quantile_cont(${expr}, 0.75)`, k)} AS q3`,
  ].join(', ');
}

/** min, q1, median, q3, max and mean of `expr`, each NULL under k. */
export function distribution(expr: string, n: string, k?: number): string {
  return [
    `${suppress(n, `min(${expr})`, k)} AS min`,
    quartiles(expr, n, k),
    `${suppress(n, `max(${expr})`, k)} AS max`,
    `${suppress(n, `avg(${expr})`, k)} AS mean`,
  ].join(', ');
}

/**
 * The aggregate consolidating `expr` over several evaluators by `method`, or, when none is
 * given, by the connection's variable consolidate (mean when unset; any other value fails
 * rather than fall back to the mean without a word).
 */
export function consolidated(expr: string, method?: ConsolidateMethod): string {
  const call = (m: ConsolidateMethod) => `${m === 'mean' ? 'avg' : m}(${expr})`;
  if (method) return call(method);
  const allowed = `${CONSOLIDATE_METHODS.slice(0, -1).join(', ')} or ${CONSOLIDATE_METHODS.at(-1)}`;
  return `CASE coalesce(getvariable('consolidate'), 'mean') ${CONSOLIDATE_METHODS.map((m) => `WHEN ${quotedString(m)} THEN ${call(m)}`).join(' ')}
   ELSE error(${quotedString(`SET VARIABLE consolidate to ${allowed}, not `)} || getvariable('consolidate')) END`;
}
