/**
 * One row per organization, selection and period: its evaluators' totals consolidated, its
 * peer-group columns, whether it is ranked. Only its ranked returns count when it has one, else
 * its partial ones (statistics.ts, overCounted).
 */
import { inEvaluationMode } from '../../benchmark/evaluation-mode-filter.ts';
import { consolidated, overCounted, rankedSubmission } from '../statistics.ts';
import { qualified, sameColumns, SELECTION_PERIOD } from './selection.ts';
import type { View } from './view.ts';

const kept = (agg: (expr: string) => string, expr: string) => overCounted(agg, expr, 's.ranked');
const fn = (name: string) => (expr: string) => `${name}(${expr})`;

export const benchOrgPeriod: View = {
  name: 'bench_org_period',
  sql: `WITH s AS (
  SELECT *, ${rankedSubmission('submissions')} AS ranked FROM submissions WHERE is_current AND total IS NOT NULL AND ${inEvaluationMode('submissions')})
SELECT ${qualified('s', SELECTION_PERIOD)}, s.org_id, any_value(s.profile) AS profile,
       any_value(o.org_name) AS org_name, any_value(o.region) AS region, any_value(o.org_type) AS org_type, any_value(z.size) AS size,
       ${kept((e) => consolidated(e), 's.total')} AS total, ${kept(fn('count'), '1')} AS raters,
       ${kept(fn('max'), 's.total')} - ${kept(fn('min'), 's.total')} AS total_range, ${kept(fn('bool_or'), 's.flagged')} AS flagged,
       bool_or(s.ranked) AS ranked, ${kept(fn('bool_and'), 's.complete')} AS complete,
       ${kept(fn('max'), 's.unanswered')} AS unanswered,
       ${kept((e) => `arg_max(${e}, s.unanswered)`, 's.applicable')} AS applicable,
       ${kept(fn('bool_or'), 's.weights_changed')} AS weights_changed, ${kept((e) => consolidated(e), 's.own_total')} AS own_total
FROM s JOIN organizations o USING (org_id)
LEFT JOIN bench_org_size z ON ${sameColumns('z', 's', SELECTION_PERIOD)} AND z.org_id = s.org_id
GROUP BY ${qualified('s', SELECTION_PERIOD)}, s.org_id`,
};
