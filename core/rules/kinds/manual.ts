/** `manual`: the evaluator enters the score itself, 0..1. */
import { z } from 'zod';
import { sheetLabels } from '../../sheet/sheet-labels.ts';
import { logistic, pick } from './draws.ts';
import { numberGuard, readNumber } from './number-input.ts';
import type { RuleKindModule } from './rule-kind.ts';

export const manualRule = z.object({ kind: z.literal('manual') }).strict();
export type ManualRule = z.infer<typeof manualRule>;

const SCORE = { min: 0, max: 1 };

export const manual = {
  schema: manualRule,
  entry: 'score',
  scored: true,
  check: () => [],
  domain: () => SCORE,
  read: (_rule, unit, raw) => readNumber(raw, unit, SCORE, 'score'),
  score: (_rule, value) => value,
  cellValue: (_rule, value) => value,
  constants: () => ({ rows: [] }),
  formula: (_rule, { input: x }) => `IF(${numberGuard(x, SCORE)},${x},0)`,
  describe: (_rule, _unit, lang) =>
    lang === 'zh-CN' ? '评价人直接填写 0–1 的得分' : 'the evaluator enters the score, 0–1',
  validation(_rule, _unit, lang) {
    const L = sheetLabels(lang);
    return {
      type: 'decimal',
      min: 0,
      max: 1,
      prompt: { title: L.inputPromptTitle, text: L.manualPrompt },
      error: { title: L.invalidTitle, text: L.manualPrompt, style: 'stop' },
    };
  },
  plausibleAnswer: (_rule, _unit, { strength }) => Math.round(logistic(strength) * 10) / 10,
  randomAnswer: (_rule, _unit, { random }) =>
    pick(random, [0, 1, 0.3, Math.round(random() * 1000) / 1000]),
  columns: [],
  toColumns: () => ({}),
  fromColumns: () => ({ kind: 'manual' }),
} satisfies RuleKindModule<ManualRule>;
