/** Every view of the store, each from its own file, in the order they are created (a view after those it reads). */
import { benchGroups } from './bench-groups.ts';
import { benchOrgDimension } from './bench-org-dimension.ts';
import { benchOrgIndicator } from './bench-org-indicator.ts';
import { benchOrgPeriod } from './bench-org-period.ts';
import { benchOrgSize } from './bench-org-size.ts';
import { benchPercentiles } from './bench-percentiles.ts';
import { benchRaterSpread } from './bench-rater-spread.ts';
import { benchSelections } from './bench-selections.ts';
import { benchSubmissions } from './bench-submissions.ts';
import { benchTrends } from './bench-trends.ts';
import { submissionScores } from './submission-scores.ts';
import type { View } from './view.ts';

export type { View } from './view.ts';

export const VIEWS: readonly View[] = [
  submissionScores,
  benchSelections,
  benchSubmissions,
  benchOrgSize,
  benchOrgPeriod,
  benchOrgDimension,
  benchOrgIndicator,
  benchGroups,
  benchPercentiles,
  benchTrends,
  benchRaterSpread,
];
