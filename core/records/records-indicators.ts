/** Which indicator of a template takes each records figure: the indicators' own `records`. */
import type { Indicator, Template } from '../template/schema.ts';
import type { RecordsMeasure } from './records-measures.ts';

export function recordsIndicators(t: Template): Map<RecordsMeasure, Indicator> {
  const out = new Map<RecordsMeasure, Indicator>();
  for (const d of t.dimensions)
    for (const g of d.groups)
      for (const i of g.indicators) if (i.records && !out.has(i.records)) out.set(i.records, i);
  return out;
}
