/**
 * Each statistic the views and queries compute, written once as an SQL fragment: the ranked
 * set, the percentile rank, k-suppression, the peer group an organization is compared with
 * (fallback to coarser groupings), the consolidation of several evaluators, quartiles. The
 * views take k, the method and whether partial returns count from the connection's variables
 * (min_group, consolidate, include_partial), so that an analyst's SET VARIABLE applies; a query
 * of the CLI passes them as values or sets the variables.
 */
import { quotedString } from '@duckdb/node-api';
import { CONSOLIDATE_METHODS, type ConsolidateMethod } from '../benchmark/consolidate.ts';

/** No statistic over fewer than this many organizations, unless asked otherwise. */
export const DEFAULT_MIN_GROUP = 5;

/** k: a whole number, or, when none is given, the connection's variable min_group (5 when unset). */
function kSql(k: number | undefined): string {
  return k === undefined ? `coalesce(getvariable('min_group'), ${DEFAULT_MIN_GROUP})` : String(k);
}

/**
 * Whether submission `s` counts in the ranked set (every statistic, percentile and ranking): it
 * has a total and is complete, or partial returns were asked for (`include`, or the
 * connection's variable include_partial, false when unset). A partial return's blanks count 0:
 * ranked among complete ones it would sit low for what it did not say, not for what it did.
 */
export function rankedSubmission(s: string, include?: boolean): string {
  const partial =
    include === undefined ? `coalesce(getvariable('include_partial'), false)` : String(include);
  return `(${s}.total IS NOT NULL AND (${s}.complete OR ${partial}))`;
}

/**
 * `agg` of `expr` over the returns that count for an organization, within a GROUP BY of its
 * rows that carry `ranked` (rankedSubmission): its ranked returns when it has one, else all of
 * them (a partial-only organization keeps its own figures, never a rank). Done within the
 * grouping, this costs no join; it needs every return of the organization in the group, which
 * holds per indicator too, since one selection's returns have the same indicators.
 */
export function overCounted(
  agg: (expr: string) => string,
  expr: string,
  ranked = 'ranked',
): string {
  return `CASE WHEN bool_or(${ranked}) THEN ${agg(`CASE WHEN ${ranked} THEN ${expr} END`)} ELSE ${agg(expr)} END`;
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

/**
 * The groupings of a peer-group fallback, finest first; each the columns its groups share, []
 * for everyone of the selection and period. An organization is compared with the group of the
 * first grouping that holds at least k ranked organizations; every statistic shown for it is
 * over that one group.
 */
export type Groupings = readonly (readonly string[])[];

/** A grouping's name, as the views and the JSON give it: its columns joined by commas, or `all`. */
export const groupingName = (g: readonly string[]) => (g.length ? g.join(',') : 'all');

/** The name of the grouping at index `level` (SQL; NULL when level is NULL). */
export function groupingNameAt(level: string, groupings: Groupings): string {
  return `CASE ${level} ${groupings.map((g, i) => `WHEN ${i} THEN '${groupingName(g)}'`).join(' ')} END`;
}

/**
 * Per grouping i, over the rows of `base` (the selection and period) that have `value`: n_i, the
 * rows of the group with a value, and p_i, the percentile rank of `value` in it (not suppressed;
 * pick one with `atGrouping`, whose n is at least k by construction).
 */
export function perGrouping(value: string, base: readonly string[], groupings: Groupings): string {
  return groupings
    .map(
      (g, i) =>
        `${peerCount(value, [...base, ...g])} AS n_${i}, ${percentileRank(value, [...base, ...g])} AS p_${i}`,
    )
    .join(', ');
}

/**
 * The groupings with all (the whole partition) among them, appended when they lack it, and its
 * index: perGrouping over these gives the overall rank too, without ranking twice over all.
 */
export function withAll(groupings: Groupings): { groupings: Groupings; all: number } {
  const i = groupings.findIndex((g) => g.length === 0);
  return i >= 0 ? { groupings, all: i } : { groupings: [...groupings, []], all: groupings.length };
}

/** The index of the first grouping whose n (perGrouping's n_i) is at least k; NULL when none is. */
export function firstShownGrouping(groupings: Groupings, k?: number): string {
  if (!groupings.length) return 'NULL::INTEGER';
  return `CASE ${groupings.map((_, i) => `WHEN ${shownWhen(`n_${i}`, k)} THEN ${i}`).join(' ')} END`;
}

/** perGrouping's `column`_i of the grouping at index `level` (NULL when level is NULL). */
export function atGrouping(column: 'n' | 'p', level: string, groupings: Groupings): string {
  if (!groupings.length) return 'NULL';
  return `CASE ${level} ${groupings.map((_, i) => `WHEN ${i} THEN ${column}_${i}`).join(' ')} END`;
}

/**
 * Every grouping's groups in one GROUP BY (GROUPING SETS), with `base` in each, and the index of
 * the grouping a result row belongs to: a column that a grouping does not share is NULL in its
 * rows, which `level` tells apart from a NULL region or type of the data. `select` lists the
 * grouping columns (of table `alias`) for a SELECT, each followed by a comma.
 */
export function groupingSets(
  base: readonly string[],
  groupings: Groupings,
  alias = '',
): { groupBy: string; level: string; columns: string[]; select: string } {
  const a = (c: string) => (alias ? `${alias}.${c}` : c);
  const columns = [...new Set(groupings.flat())];
  const sets = groupings.map((g) => `(${[...base, ...g.map(a)].join(', ')})`).join(', ');
  const mask = (g: readonly string[]) =>
    columns.reduce((m, c, i) => m | (g.includes(c) ? 0 : 1 << (columns.length - 1 - i)), 0);
  const level = columns.length
    ? `CASE grouping(${columns.map(a).join(', ')}) ${groupings.map((g, i) => `WHEN ${mask(g)} THEN ${i}`).join(' ')} END`
    : '0';
  return {
    groupBy: `GROUPING SETS (${sets})`,
    level,
    columns,
    select: columns.map((c) => `${a(c)}, `).join(''),
  };
}
