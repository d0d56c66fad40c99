/**
 * The records figure a GB/T 40143-2021 indicator takes, as the shipped template declares it
 * (`records`): the tests name figures by the indicators of the standard, as users read them.
 */
import { recordsIndicators, type RecordsMeasure } from '../../../core/index.ts';
import { shippedTemplates } from '../../../pipeline/templates/registry.ts';

export function figureOf(indicatorId: string): RecordsMeasure {
  const takes = recordsIndicators(shippedTemplates().get('gbt-40143-2021')!);
  const found = [...takes].find(([, ind]) => ind.id === indicatorId);
  if (!found) throw new Error(`no records figure fills ${indicatorId} in gbt-40143-2021`);
  return found[0];
}
