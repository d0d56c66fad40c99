/** The aggregation methods a template or profile may name; apart from the schema so that the command line's help can list them without loading zod. */
export const METHODS = ['mean', 'sum'] as const;
export type Method = (typeof METHODS)[number];
