/** The ways several evaluators' figures become one (consolidate.ts says what each means): names only, so that the command line's help can list them without loading the benchmark. */
export const CONSOLIDATE_METHODS = ['mean', 'median', 'min', 'max'] as const;
export type ConsolidateMethod = (typeof CONSOLIDATE_METHODS)[number];
export const DEFAULT_CONSOLIDATE: ConsolidateMethod = 'mean';
