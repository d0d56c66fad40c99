/** Which indicator of a template takes each records figure: the indicators' own `records`. */
import { indicatorsOf } from '../template/check-template.ts';
import type { Indicator, Template } from '../template/schema.ts';
import type { RecordsMeasure } from './records-measures.ts';

export function recordsIndicators(t: Template): Map<RecordsMeasure, Indicator> {
  const out = new Map<RecordsMeasure, Indicator>();
  for (const { ind } of indicatorsOf(t))
    if (ind.records && !out.has(ind.records)) out.set(ind.records, ind);
  return out;
}
