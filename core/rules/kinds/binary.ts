/** `binary`: conforms or does not (符合/不符合) → 1 or 0. */
import { z } from 'zod';
import { sheetLabels } from '../../sheet/sheet-labels.ts';
import { tokenList } from '../../sheet/token-list.ts';
import type { ReadInput } from '../input-types.ts';
import { normalize } from '../typed-text.ts';
import { logistic, pick } from './draws.ts';
import type { RuleKindModule, TypedInput } from './rule-kind.ts';

export const binaryRule = z.object({ kind: z.literal('binary') }).strict();
export type BinaryRule = z.infer<typeof binaryRule>;

// Compared trimmed and case-folded, by the reader and by the formula alike.
const YES = ['1', 'yes', 'y', 'true', '是', '符合', '有', '√', '✓'];
const NO = ['0', 'no', 'n', 'false', '否', '不符合', '无', '×', '✗'];
const YES_SET = new Set(YES);
const NO_SET = new Set(NO);

function read(raw: TypedInput): ReadInput {
  if (typeof raw === 'boolean') return { state: 'value', value: raw ? 1 : 0 };
  if (typeof raw === 'number') {
    return raw === 0 || raw === 1
      ? { state: 'value', value: raw }
      : { state: 'invalid', code: 'input.binary', params: { value: String(raw) } };
  }
  const s = normalize(String(raw)).toLowerCase();
  if (YES_SET.has(s)) return { state: 'value', value: 1 };
  if (NO_SET.has(s)) return { state: 'value', value: 0 };
  return { state: 'invalid', code: 'input.binary', params: { value: String(raw) } };
}

export const binary = {
  schema: binaryRule,
  entry: 'choice',
  scored: true,
  check: () => [],
  domain: () => ({ min: 0, max: 1 }),
  read: (_rule, _unit, raw) => read(raw),
  score: (_rule, value) => value,
  cellValue: (_rule, value, lang) => (value === 1 ? sheetLabels(lang).yes : sheetLabels(lang).no),
  constants: () => ({ rows: [] }),
  formula: (_rule, { input }) => `IF(OR(TRIM(${input})=${tokenList(YES)}),1,0)`,
  describe: (_rule, _unit, lang) =>
    lang === 'zh-CN' ? '符合 → 1；不符合 → 0' : 'conforms → 1; does not → 0',
  validation(_rule, _unit, lang) {
    const L = sheetLabels(lang);
    return {
      type: 'list',
      list: [L.yes, L.no],
      prompt: { title: L.inputPromptTitle, text: L.binaryPrompt },
      error: { title: L.invalidTitle, text: L.binaryPrompt, style: 'stop' },
    };
  },
  plausibleAnswer(_rule, _unit, { random, lang, strength }) {
    const L = sheetLabels(lang);
    return random() < logistic(0.9 + 1.3 * strength) ? L.yes : L.no;
  },
  randomAnswer(_rule, _unit, { random, lang }) {
    const L = sheetLabels(lang);
    return random() < 0.85
      ? pick(random, [L.yes, L.no])
      : pick(random, ['是', '否', 'YES', 'no', '1', '0', 1, 0, '符合', '不符合']);
  },
  columns: [],
  toColumns: () => ({}),
  fromColumns: () => ({ kind: 'binary' }),
} satisfies RuleKindModule<BinaryRule>;
