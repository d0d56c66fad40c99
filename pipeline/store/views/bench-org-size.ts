/**
 * Each organization's size band in a selection and period, for the templates that define a
 * size (their `size`, stored in size_bands at ingest): the figure their size indicator records,
 * consolidated over the current returns that give it, in the band that holds it. No figure, no
 * band. A recorded figure left blank is no figure (not 0), so a partial return's is as good as
 * a complete one's: size is whom to compare with, not a statistic.
 */
import { consolidated } from '../statistics.ts';
import { qualified, SELECTION_PERIOD } from './selection.ts';
import type { View } from './view.ts';

export const benchOrgSize: View = {
  name: 'bench_org_size',
  sql: `WITH figure AS (
  SELECT ${qualified('s', SELECTION_PERIOD)}, s.org_id, ${consolidated('i.input_value')} AS figure
  FROM submissions s
  JOIN (SELECT DISTINCT template_id, indicator_id FROM size_bands) z USING (template_id)
  JOIN indicator_scores i ON i.content_hash = s.content_hash AND i.indicator_id = z.indicator_id
  WHERE s.is_current
  GROUP BY ALL),
band AS (
  SELECT template_id, band, lag(below) OVER (PARTITION BY template_id ORDER BY position) AS from_figure, below
  FROM size_bands)
SELECT ${qualified('f', SELECTION_PERIOD)}, f.org_id, b.band AS size
FROM figure f LEFT JOIN band b ON b.template_id = f.template_id
  AND (b.from_figure IS NULL OR f.figure >= b.from_figure) AND (b.below IS NULL OR f.figure < b.below)`,
};
