/** One row per current submission (the newest version of each workbook id), with its organization. */
import type { View } from './view.ts';

export const submissionScores: View = {
  name: 'submission_scores',
  sql: `SELECT s.workbook_id, s.org_id, o.org_name, o.region, o.org_type, s.period, s.evaluator,
       s.template_id, s.template_version, s.total, s.grade, s.flagged,
       s.profile, s.method, s.version, s.content_hash, s.ingested_at, s.source
FROM submissions s LEFT JOIN organizations o USING (org_id)
WHERE s.is_current`,
};
