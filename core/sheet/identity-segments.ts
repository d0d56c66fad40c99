/**
 * The scoring sheet's subtitle names who and what is evaluated; the credit code and the
 * evaluation mode join it when the workbook has them. Each is a segment of its own, so that a
 * roster's stamped copies (pipeline/workbooks/stamp-workbook.ts) can put a member's value in, or
 * leave the segment out for a member without one, and come out as the layout would have made it.
 */
import type { Lang } from '../text.ts';
import { EVALUATION_MODE_LABELS, type EvaluationMode } from '../workbook/identity.ts';
import { sheetLabels } from './sheet-labels.ts';

export type IdentityField = 'credit_code' | 'evaluation_mode';

/** What separates the subtitle's segments. */
export const SUBTITLE_GAP = '    ';

/** A segment as the subtitle shows it: its label, then the code, or the mode in words. */
export function identitySegment(field: IdentityField, value: string, lang: Lang): string {
  const L = sheetLabels(lang);
  if (field === 'credit_code') return `${L.creditCode}${L.colon}${value}`;
  const words = EVALUATION_MODE_LABELS[value as EvaluationMode]?.[lang] ?? value;
  return `${L.evaluationMode}${L.colon}${words}`;
}
