/**
 * The distribution of ranked totals per peer group, for each grouping an organization may be
 * compared with (region × org type, region, all: `level`); nothing shown under k.
 */
import { distribution, groupingNameAt, groupingSets, shownWhen } from '../statistics.ts';
import { SELECTION_PERIOD, VIEW_GROUPINGS } from './selection.ts';
import type { View } from './view.ts';

const sets = groupingSets(SELECTION_PERIOD, VIEW_GROUPINGS);

export const benchGroups: View = {
  name: 'bench_groups',
  sql: `SELECT ${SELECTION_PERIOD.join(', ')},
       ${groupingNameAt(sets.level, VIEW_GROUPINGS)} AS level,
       region, org_type, count(*) AS n, NOT (${shownWhen('count(*)')}) AS suppressed,
       ${distribution('total', 'count(*)')}
FROM bench_org_period WHERE ranked GROUP BY ${sets.groupBy}`,
};
