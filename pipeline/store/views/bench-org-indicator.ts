/**
 * One row per organization, selection, period and scored third-level indicator: consolidated over
 * the returns that count (statistics.ts, overCounted), with the evaluators' spread and mean.
 */
import { inEvaluationMode } from '../../benchmark/evaluation-mode-filter.ts';
import { consolidated, overCounted, rankedSubmission } from '../statistics.ts';
import type { View } from './view.ts';

const counted = (agg: (e: string) => string) => overCounted(agg, 'i.score', 's.ranked');

// Grouped by profile_hash, which covers the template and its version, as bench_org_dimension is.
export const benchOrgIndicator: View = {
  name: 'bench_org_indicator',
  sql: `SELECT * FROM (WITH s AS (
  SELECT content_hash, template_id, template_version, profile_hash, period, org_id, ${rankedSubmission('submissions')} AS ranked
  FROM submissions WHERE is_current AND total IS NOT NULL AND ${inEvaluationMode('submissions')})
SELECT any_value(s.template_id) AS template_id, any_value(s.template_version) AS template_version, s.profile_hash,
       s.period, s.org_id, i.indicator_id, ${counted((e) => consolidated(e))} AS score,
       ${counted((e) => `count(${e})`)} AS raters,
       ${counted((e) => `max(${e})`)} - ${counted((e) => `min(${e})`)} AS spread, ${counted((e) => `avg(${e})`)} AS mean_score
FROM s JOIN indicator_scores i USING (content_hash)
GROUP BY s.profile_hash, s.period, s.org_id, i.indicator_id)
WHERE score IS NOT NULL`,
};
