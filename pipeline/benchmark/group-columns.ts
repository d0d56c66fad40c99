/** The columns peers are grouped by (bench_org_period's), shared by the benchmark and its trends. */
export const GROUP_COLUMNS = ['region', 'org_type', 'size'] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];
