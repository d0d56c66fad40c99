/** One row per organization, template and period: its evaluators' totals consolidated, its peer-group columns. */
import { consolidated } from '../statistics.ts';
import type { View } from './view.ts';

export const benchOrgPeriod: View = {
  name: 'bench_org_period',
  sql: `SELECT s.template_id, s.period, s.org_id, any_value(o.org_name) AS org_name, any_value(o.region) AS region,
       any_value(o.org_type) AS org_type, any_value(z.size) AS size,
       ${consolidated('s.total')} AS total, count(*) AS raters, max(s.total) - min(s.total) AS total_range, bool_or(s.flagged) AS flagged
FROM submissions s JOIN organizations o USING (org_id)
LEFT JOIN bench_org_size z ON z.template_id = s.template_id AND z.period = s.period AND z.org_id = s.org_id
WHERE s.is_current AND s.total IS NOT NULL
GROUP BY s.template_id, s.period, s.org_id`,
};
