/**
 * Each organization's size band in a period, for the templates that define a size (their
 * `size`, stored in size_bands at ingest): the figure their size indicator records,
 * consolidated over evaluators, in the band that holds it. No figure, no band.
 */
import { consolidated } from '../statistics.ts';
import type { View } from './view.ts';

export const benchOrgSize: View = {
  name: 'bench_org_size',
  sql: `WITH figure AS (
  SELECT s.template_id, s.period, s.org_id, ${consolidated('i.input_value')} AS figure
  FROM submissions s
  JOIN (SELECT DISTINCT template_id, indicator_id FROM size_bands) z USING (template_id)
  JOIN indicator_scores i ON i.content_hash = s.content_hash AND i.indicator_id = z.indicator_id
  WHERE s.is_current
  GROUP BY s.template_id, s.period, s.org_id),
band AS (
  SELECT template_id, band, lag(below) OVER (PARTITION BY template_id ORDER BY position) AS from_figure, below
  FROM size_bands)
SELECT f.template_id, f.period, f.org_id, b.band AS size
FROM figure f LEFT JOIN band b ON b.template_id = f.template_id
  AND (b.from_figure IS NULL OR f.figure >= b.from_figure) AND (b.below IS NULL OR f.figure < b.below)`,
};
