/** Each ranked organization's total per period, with its own previous ranked period in the same selection and its change since. */
import { SELECTION } from './selection.ts';
import type { View } from './view.ts';

export const benchTrends: View = {
  name: 'bench_trends',
  sql: `SELECT ${SELECTION.join(', ')}, org_id, period, total,
       lag(period) OVER w AS previous_period, total - lag(total) OVER w AS change
FROM bench_org_period WHERE ranked
WINDOW w AS (PARTITION BY ${SELECTION.join(', ')}, org_id ORDER BY period)`,
};
