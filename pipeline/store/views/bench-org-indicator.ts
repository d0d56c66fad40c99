/** One row per organization, selection, period and scored third-level indicator: consolidated, with the evaluators' spread and mean. */
import { consolidated } from '../statistics.ts';
import { qualified, SELECTION_PERIOD } from './selection.ts';
import type { View } from './view.ts';

export const benchOrgIndicator: View = {
  name: 'bench_org_indicator',
  sql: `SELECT ${qualified('s', SELECTION_PERIOD)}, s.org_id, i.indicator_id, ${consolidated('i.score')} AS score, count(i.score) AS raters,
       max(i.score) - min(i.score) AS spread, avg(i.score) AS mean_score
FROM bench_submissions s JOIN indicator_scores i USING (content_hash)
WHERE i.score IS NOT NULL
GROUP BY ALL`,
};
