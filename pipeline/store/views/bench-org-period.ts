/**
 * One row per organization, selection and period: its evaluators' totals consolidated, its
 * peer-group columns, whether it is ranked (bench_submissions says which returns count).
 */
import { consolidated } from '../statistics.ts';
import { qualified, sameColumns, SELECTION_PERIOD } from './selection.ts';
import type { View } from './view.ts';

export const benchOrgPeriod: View = {
  name: 'bench_org_period',
  sql: `SELECT ${qualified('s', SELECTION_PERIOD)}, s.org_id, any_value(s.profile) AS profile,
       any_value(o.org_name) AS org_name, any_value(o.region) AS region, any_value(o.org_type) AS org_type, any_value(z.size) AS size,
       ${consolidated('s.total')} AS total, count(*) AS raters, max(s.total) - min(s.total) AS total_range, bool_or(s.flagged) AS flagged,
       bool_or(s.ranked) AS ranked, bool_and(s.complete) AS complete,
       max(s.unanswered) AS unanswered, arg_max(s.applicable, s.unanswered) AS applicable,
       bool_or(s.weights_changed) AS weights_changed, ${consolidated('s.own_total')} AS own_total
FROM bench_submissions s JOIN organizations o USING (org_id)
LEFT JOIN bench_org_size z ON ${sameColumns('z', 's', SELECTION_PERIOD)} AND z.org_id = s.org_id
GROUP BY ${qualified('s', SELECTION_PERIOD)}, s.org_id`,
};
