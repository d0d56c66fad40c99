/** Each organization's total per period with its own previous period and its change since. */
import type { View } from './view.ts';

export const benchTrends: View = {
  name: 'bench_trends',
  sql: `SELECT template_id, org_id, period, total,
       lag(period) OVER w AS previous_period, total - lag(total) OVER w AS change
FROM bench_org_period WINDOW w AS (PARTITION BY template_id, org_id ORDER BY period)`,
};
