/** The indicators several evaluators scored: their mean, spread and consolidated score. */
import { SELECTION_PERIOD } from './selection.ts';
import type { View } from './view.ts';

export const benchRaterSpread: View = {
  name: 'bench_rater_spread',
  sql: `SELECT ${SELECTION_PERIOD.join(', ')}, org_id, indicator_id, raters, mean_score, spread, score
FROM bench_org_indicator WHERE raters > 1`,
};
