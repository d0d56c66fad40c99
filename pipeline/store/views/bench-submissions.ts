/**
 * The current submissions with a total that count for their organization: when an
 * organization has a ranked submission in a selection and period (complete, or any with
 * include_partial), only those; else its partial ones, so that it still gets figures and a
 * report (never a rank). Every per-organization view consolidates over these rows.
 */
import { rankedSubmission } from '../statistics.ts';
import { SELECTION_PERIOD } from './selection.ts';
import type { View } from './view.ts';

export const benchSubmissions: View = {
  name: 'bench_submissions',
  sql: `WITH s AS (
  SELECT content_hash, template_id, template_version, profile_hash, profile, period, org_id, evaluator,
         total, own_total, weights_changed, flagged, calculated, applicable, answered, unanswered, complete
  FROM submissions WHERE is_current AND total IS NOT NULL)
SELECT *, ${rankedSubmission('s')} AS ranked
FROM s
QUALIFY ${rankedSubmission('s')} OR NOT bool_or(${rankedSubmission('s')}) OVER (PARTITION BY ${SELECTION_PERIOD.join(', ')}, org_id)`,
};
