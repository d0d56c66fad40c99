/**
 * What the database holds to compare, for choosing: one row per selection (template, version,
 * profile_hash) and period, with its organizations, current submissions and complete ones.
 */
import { inEvaluationMode } from '../../benchmark/evaluation-mode-filter.ts';
import type { View } from './view.ts';

export const benchSelections: View = {
  name: 'bench_selections',
  sql: `WITH s AS (
  SELECT template_id, template_version, profile_hash, any_value(profile) AS profile, period,
         count(DISTINCT org_id) AS organizations, count(*) AS submissions,
         count(DISTINCT org_id) FILTER (WHERE complete AND total IS NOT NULL) AS complete,
         min(content_hash) AS one
  FROM submissions WHERE is_current AND ${inEvaluationMode('submissions')} GROUP BY template_id, template_version, profile_hash, period),
n AS (SELECT content_hash AS one, count(*) AS indicators FROM indicator_scores SEMI JOIN s ON indicator_scores.content_hash = s.one GROUP BY content_hash)
SELECT s.template_id, s.template_version, s.profile, s.profile_hash,
       CASE WHEN coalesce(s.profile, '') <> '' THEN s.profile
            ELSE coalesce(n.indicators, 0) || ' indicators (' || left(s.profile_hash, 8) || ')' END AS label,
       coalesce(n.indicators, 0) AS indicators, s.period, s.organizations, s.submissions, s.complete
FROM s LEFT JOIN n USING (one)`,
};
