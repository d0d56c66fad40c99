/**
 * The peer groupings of a comparison: `--by` (default region,org_type) is the finest, and the
 * fallback lists coarser ones in the order to try (`--fallback`, default: drop the last column
 * of --by one at a time, then `all`; `--fallback "org_type;all"` tries type before all,
 * `--fallback none` compares within --by only). Each organization is compared with the group of
 * the first grouping that holds at least k ranked organizations (statistics.ts).
 */
import { UserError } from '../user-error.ts';
export { groupingName } from '../store/statistics.ts';
import { GROUP_COLUMNS, type GroupColumn } from './group-columns.ts';

export interface PeerGroupings {
  /** the finest grouping */
  by: GroupColumn[];
  /** `by` first, then the coarser groupings in the order they are tried; [] is all */
  groupings: GroupColumn[][];
}

export const DEFAULT_BY: readonly GroupColumn[] = ['region', 'org_type'];

function columnsOf(list: string): GroupColumn[] {
  const cols = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const c of cols)
    if (!(GROUP_COLUMNS as readonly string[]).includes(c))
      throw UserError.of('benchmark.group-column', {
        column: c,
        columns: GROUP_COLUMNS.join(', '),
      });
  return [...new Set(cols)] as GroupColumn[];
}

export function peerGroupings(
  by?: string | readonly GroupColumn[],
  fallback?: string,
): PeerGroupings {
  const finest = typeof by === 'string' ? columnsOf(by) : [...(by ?? [])];
  if (typeof by !== 'string') columnsOf(finest.join(','));
  const cols = finest.length ? finest : [...DEFAULT_BY];
  const groupings: GroupColumn[][] = [cols];
  const add = (g: GroupColumn[]) => {
    if (!groupings.some((x) => x.join(',') === g.join(','))) groupings.push(g);
  };
  if (fallback === undefined) {
    for (let n = cols.length - 1; n >= 0; n--) add(cols.slice(0, n));
  } else if (fallback.trim() !== 'none') {
    for (const part of fallback.split(';').map((s) => s.trim())) {
      const g = part === 'all' ? [] : columnsOf(part);
      if (!part || g.some((c) => !cols.includes(c)))
        throw UserError.of('benchmark.fallback', { fallback, by: cols.join(',') });
      // In --by's order, so that a group reads the same whichever way the analyst wrote it.
      add(cols.filter((c) => g.includes(c)));
    }
  }
  return { by: cols, groupings };
}

/** A group of the grouping at index `level`, as a key: the level and the values of its columns. */
export function groupKey(
  groupings: readonly (readonly string[])[],
  level: number,
  row: Record<string, unknown>,
): string {
  return JSON.stringify([level, ...groupings[level]!.map((c) => (row[c] ?? null) as unknown)]);
}

/** The values of a grouping's columns in `row`, as { column: value }. */
export function groupBy(
  grouping: readonly string[],
  row: Record<string, unknown>,
): Partial<Record<GroupColumn, string | null>> {
  return Object.fromEntries(grouping.map((c) => [c, (row[c] as string | null) ?? null]));
}
