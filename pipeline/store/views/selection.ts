/**
 * What makes two submissions comparable: the same template, template version and profile_hash
 * (which covers the method, the chosen indicators with their rules, the issued weights and the
 * grades). Every bench_* view partitions by these columns as well as the period.
 */
export const SELECTION = ['template_id', 'template_version', 'profile_hash'] as const;

/** The selection's columns and the period: one comparison. */
export const SELECTION_PERIOD = [...SELECTION, 'period'] as const;

/** `a.c = b.c AND …` over `columns`. */
export function sameColumns(a: string, b: string, columns: readonly string[]): string {
  return columns.map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');
}

/** `a.c, …` over `columns`. */
export function qualified(a: string, columns: readonly string[]): string {
  return columns.map((c) => `${a}.${c}`).join(', ');
}

/** The peer groupings the views use: region × org type, then region, then all. */
export const VIEW_GROUPINGS = [['region', 'org_type'], ['region'], []] as const;
