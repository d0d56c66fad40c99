/** One row per organization, period and first-level indicator: the score consolidated over evaluators. */
import { consolidated } from '../statistics.ts';
import type { View } from './view.ts';

export const benchOrgDimension: View = {
  name: 'bench_org_dimension',
  sql: `SELECT s.template_id, s.period, s.org_id, d.dimension_id, ${consolidated('d.score')} AS score
FROM submissions s JOIN dimension_scores d USING (content_hash)
WHERE s.is_current AND d.score IS NOT NULL
GROUP BY ALL`,
};
