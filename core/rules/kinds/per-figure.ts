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
import { column, type PlainCell, type RuleCells } from './rule-columns.ts';

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

/** `per` on a definition sheet: the indicator divided by, and what the ratio is taken per. */
export const PER_COLUMNS = [
  column(
    'per',
    { 'zh-CN': '折算依据指标', en: 'Per indicator' },
    {
      'zh-CN':
        'bands、linear：按另一指标的数值折算时，写该三级指标编号（如 2.1.3）：所评的是本指标数值除以它的数值。',
      en: "bands, linear: to score the figure relative to another, that third-level indicator's code (e.g. 2.1.3): the score is of this figure divided by that one.",
    },
    10,
  ),
  column(
    'per_zh',
    { 'zh-CN': '折算单位', en: 'Taken per (Chinese)' },
    {
      'zh-CN': '填写了折算依据指标时：规则中怎样说它，如“每名在册志愿者”。',
      en: 'With a per indicator: how the rule says it, in Chinese, e.g. 每名在册志愿者.',
    },
    16,
  ),
  column(
    'per_en',
    { 'zh-CN': '折算单位（英文）', en: 'Taken per' },
    {
      'zh-CN': '折算单位的英文，如 per registered volunteer。',
      en: 'With a per indicator: how the rule says it, e.g. per registered volunteer.',
    },
    16,
  ),
];

export function perToColumns(per: PerFigure | undefined): Record<string, PlainCell> {
  return {
    per: per?.indicator ?? null,
    per_zh: per?.label['zh-CN'] ?? null,
    per_en: per?.label.en ?? null,
  };
}

export function perFromColumns(cells: RuleCells): { per?: unknown } {
  cells.locate(['per', 'indicator'], 'per');
  cells.locate(['per', 'label'], 'per_zh');
  cells.locate(['per', 'label', 'zh-CN'], 'per_zh');
  cells.locate(['per', 'label', 'en'], 'per_en');
  const indicator = cells.text('per');
  const label = cells.localized('per_zh', 'per_en');
  if (indicator === undefined && label === undefined) return {};
  // One without the other is the schema's to say, at the cell of what is missing.
  return {
    per: { ...(indicator !== undefined ? { indicator } : {}), ...(label ? { label } : {}) },
  };
}
