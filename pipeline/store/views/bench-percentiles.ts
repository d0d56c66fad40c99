/**
 * Each organization's percentile rank in the peer group it is compared with: region × org type
 * when that group has k ranked organizations, else its region, else all of the selection and
 * period (`compared_level`; NULL when even all has fewer than k); and among all. Only ranked
 * organizations have a rank; the others are listed with their counts.
 */
import {
  atGrouping,
  firstShownGrouping,
  groupingNameAt,
  perGrouping,
  suppress,
  withAll,
} from '../statistics.ts';
import { SELECTION_PERIOD, VIEW_GROUPINGS } from './selection.ts';
import type { View } from './view.ts';

const BASE = SELECTION_PERIOD;
// The last grouping is all: its rank is the overall one.
const ALL = withAll(VIEW_GROUPINGS).all;

export const benchPercentiles: View = {
  name: 'bench_percentiles',
  sql: `WITH r AS (SELECT *, CASE WHEN ranked THEN total END AS ranked_total FROM bench_org_period),
g AS (SELECT *, ${perGrouping('ranked_total', BASE, VIEW_GROUPINGS)} FROM r),
c AS (SELECT *, ${firstShownGrouping(VIEW_GROUPINGS)} AS level FROM g)
SELECT ${BASE.join(', ')}, org_id, region, org_type, total, ranked, n_0 AS n_group,
       ${groupingNameAt('level', VIEW_GROUPINGS)} AS compared_level,
       ${atGrouping('n', 'level', VIEW_GROUPINGS)} AS n_compared,
       ${atGrouping('p', 'level', VIEW_GROUPINGS)} AS percentile_in_group,
       n_${ALL} AS n_all, ${suppress(`n_${ALL}`, `p_${ALL}`)} AS percentile_overall
FROM c`,
};
