/** The aggregation methods a template or profile may name; apart from the schema so that the command line's help can list them without loading zod. */
export const METHODS = ['mean', 'sum', 'levels'] as const;
export type Method = (typeof METHODS)[number];

/**
 * True when the total is the weighted mean of the first-level scores, each on 0..1 (`mean`,
 * `levels`); false when it weighs every third-level score by its first-level weight (`sum`).
 */
export function weighsFirstLevelScores(method: Method): boolean {
  return method !== 'sum';
}
