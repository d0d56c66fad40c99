/** One row per organization, selection, period and first-level indicator: the score consolidated over evaluators. */
import { consolidated } from '../statistics.ts';
import { qualified, SELECTION_PERIOD } from './selection.ts';
import type { View } from './view.ts';

export const benchOrgDimension: View = {
  name: 'bench_org_dimension',
  sql: `SELECT ${qualified('s', SELECTION_PERIOD)}, s.org_id, d.dimension_id, ${consolidated('d.score')} AS score
FROM bench_submissions s JOIN dimension_scores d USING (content_hash)
WHERE d.score IS NOT NULL
GROUP BY ALL`,
};
