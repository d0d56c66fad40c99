/** Each organization's percentile rank in its peer group (region × org type) and among all, nothing shown under k. */
import { peerCount, percentileRank, suppress } from '../statistics.ts';
import type { View } from './view.ts';

const GROUP = ['template_id', 'period', 'region', 'org_type'];
const ALL = ['template_id', 'period'];

export const benchPercentiles: View = {
  name: 'bench_percentiles',
  sql: `WITH g AS (
  SELECT *, ${peerCount('total', GROUP)} AS n_group, ${peerCount('total', ALL)} AS n_all,
         ${percentileRank('total', GROUP)} AS rank_group, ${percentileRank('total', ALL)} AS rank_all
  FROM bench_org_period)
SELECT template_id, period, org_id, region, org_type, total, n_group, n_all,
       ${suppress('n_group', 'rank_group')} AS percentile_in_group,
       ${suppress('n_all', 'rank_all')} AS percentile_overall
FROM g`,
};
