/**
 * One row per organization, selection, period and first-level indicator: the score consolidated
 * over the returns that count (statistics.ts, overCounted), on 0..1 as people read it on 100
 * (core/sheet/score-points.ts): the method's first-level score, but under `sum`, whose own is
 * weight × Σ scores, the mean of its third-level scores.
 */
import { inEvaluationMode } from '../../benchmark/evaluation-mode-filter.ts';
import { consolidated, overCounted, rankedSubmission } from '../statistics.ts';
import type { View } from './view.ts';

// Grouped by profile_hash, which covers the template and its version (metadata.ts, profileHash):
// one text column less to hash than the three, the two others carried along.
export const benchOrgDimension: View = {
  name: 'bench_org_dimension',
  sql: `SELECT * FROM (WITH s AS (
  SELECT content_hash, template_id, template_version, profile_hash, period, org_id, method, ${rankedSubmission('submissions')} AS ranked
  FROM submissions WHERE is_current AND total IS NOT NULL AND ${inEvaluationMode('submissions')})
SELECT any_value(s.template_id) AS template_id, any_value(s.template_version) AS template_version, s.profile_hash,
       s.period, s.org_id, d.dimension_id, ${overCounted((e) => consolidated(e), "CASE WHEN s.method = 'sum' THEN d.mean ELSE d.score END", 's.ranked')} AS score
FROM s JOIN dimension_scores d USING (content_hash)
GROUP BY s.profile_hash, s.period, s.org_id, d.dimension_id)
WHERE score IS NOT NULL`,
};
