/** The distribution of totals per peer group (region × org type), nothing shown under k. */
import { distribution, shownWhen } from '../statistics.ts';
import type { View } from './view.ts';

export const benchGroups: View = {
  name: 'bench_groups',
  sql: `SELECT template_id, period, region, org_type, count(*) AS n,
       NOT (${shownWhen('count(*)')}) AS suppressed,
       ${distribution('total', 'count(*)')}
FROM bench_org_period GROUP BY ALL`,
};
