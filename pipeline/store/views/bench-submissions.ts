/**
 * The current submissions with a total that count for their organization: when an
 * organization has a ranked submission in a selection and period (complete, or any with
 * include_partial), only those; else its partial ones, so that it still gets figures and a
 * report (never a rank). The reports and the evaluators' agreement read these rows; the
 * bench_org_* views make the same choice within their own grouping (statistics.ts, overCounted),
 * which needs no join.
 */
import { inEvaluationMode } from '../../benchmark/evaluation-mode-filter.ts';
import { rankedSubmission } from '../statistics.ts';
import type { View } from './view.ts';

// The selection is in its profile_hash (which covers template and version): the join needs no more.
const KEY = 'profile_hash, period, org_id';

// An anti join of the few partial returns with the ranked ones, not a window over every row:
// partitioning 100,000 submissions by the selection cost more than the rest of a view.
export const benchSubmissions: View = {
  name: 'bench_submissions',
  sql: `WITH s AS (
  SELECT content_hash, template_id, template_version, profile_hash, profile, period, org_id, evaluator,
         total, own_total, weights_changed, flagged, calculated, applicable, answered, unanswered, complete,
         ${rankedSubmission('submissions')} AS ranked
  FROM submissions WHERE is_current AND total IS NOT NULL AND ${inEvaluationMode('submissions')})
SELECT * FROM s WHERE ranked
UNION ALL
SELECT p.* FROM s p ANTI JOIN (SELECT ${KEY} FROM s WHERE ranked) r USING (${KEY}) WHERE NOT p.ranked`,
};
