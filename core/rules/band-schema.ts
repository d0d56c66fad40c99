/** One band of a `bands` rule: its bounds (each inclusive or exclusive) and its score. */
import { z } from 'zod';

export const band = z
  .object({
    above: z.number().optional().describe('lower bound, exclusive (value > above)'),
    atLeast: z.number().optional().describe('lower bound, inclusive (value >= atLeast)'),
    below: z.number().optional().describe('upper bound, exclusive (value < below)'),
    atMost: z.number().optional().describe('upper bound, inclusive (value <= atMost)'),
    score: z.number().min(0).max(1).describe('A score between 0 and 1'),
  })
  .strict();
export type Band = z.infer<typeof band>;
