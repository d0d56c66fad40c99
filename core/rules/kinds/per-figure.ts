/**
 * `per`: a figure scored relative to another indicator's figure, for the numeric kinds (bands,
 * linear). The value scored is the input divided by that indicator's figure (hours per
 * registered volunteer), so that a count or an amount does not only reward size. The engine
 * (core/engine/evaluate.ts) and the score formula (core/sheet/score-formulas.ts) both follow
 * `divisorOf`: the other indicator N/A makes this one N/A (a ratio to what does not apply does
 * not apply either); blank, unreadable, 0 or less scores 0 (the ratio is not evidenced, as a
 * blank answer is not).
 */
import { z } from 'zod';
import { round9 } from '../../round9.ts';
import { issue, type Issue, type PathSegment } from '../../issues.ts';
import { localizedText } from '../../template/schema-parts.ts';
import type { Lang } from '../../text.ts';
import type { ReadInput } from '../input-types.ts';

export const perFigure = z
  .object({
    indicator: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a third-level indicator id such as "2.1.3"')
      .describe('the third-level indicator whose figure divides the input'),
    label: localizedText.describe(
      'what the ratio is taken per, as the rule says it: 每名在册志愿者 / per registered volunteer',
    ),
  })
  .strict();
export type PerFigure = z.infer<typeof perFigure>;

/** The field the numeric kinds add to their schema. */
export const perField = {
  per: perFigure
    .optional()
    .describe("score the input divided by another indicator's figure (relative to size)"),
};

/** A rule's `per`, whatever its kind (only the numeric kinds have one). */
export function perOf(rule: { kind: string }): PerFigure | undefined {
  return 'per' in rule ? (rule.per as PerFigure | undefined) : undefined;
}

/**
 * What the other indicator's answer makes of this one: its figure to divide by, 'na' (this
 * one is not applicable either), or null (nothing to divide by: the score is 0).
 */
export function divisorOf(read: ReadInput | undefined): number | 'na' | null {
  if (read?.state === 'na') return 'na';
  return read?.state === 'value' && read.value > 0 ? read.value : null;
}

/**
 * The value scored, rounded to 9 decimals as the formula's ROUND(x/y,9) is: 0.3 ÷ 3 is
 * 0.09999999999999999 in floating point, which a spreadsheet's comparison takes for the edge
 * 0.1 and a strict one does not. Rounded, it is the edge everywhere, as a person reads it.
 */
export function perRatio(value: number, divisor: number): number {
  return round9(value / divisor);
}

/** The formula's twin of perRatio. */
export function perRatioFormula(input: string, divisor: string): string {
  return `ROUND(${input}/${divisor},9)`;
}

/** A rule in words, prefixed with what it is taken per ("per registered volunteer: …"). */
export function describePer(per: PerFigure | undefined, lang: Lang, words: string): string {
  if (!per) return words;
  return lang === 'zh-CN'
    ? `按${per.label['zh-CN']}计（本项 ÷ ${per.indicator}）：${words}`
    : `${per.label.en} (this figure ÷ ${per.indicator}): ${words}`;
}

/** A percentage is already a share: dividing it by a head count would mean nothing. */
export function checkPer(
  per: PerFigure | undefined,
  unit: string | undefined,
  path: PathSegment[],
): Issue[] {
  return per && unit === '%'
    ? [issue('per.percent', [...path, 'per'], { indicator: per.indicator })]
    : [];
}
