/**
 * What the evaluator typed, understood for one indicator's rule. The same reading serves the
 * CLI's CSV/JSON inputs, `fill`, the workbook reader and the task pane, so "85%", "是" and
 * "不适用" mean the same everywhere. Blanks and N/A marks mean the same for every kind; the
 * rest is the kind's to read (core/rules/kinds/).
 */
import { ruleKind, type Rule } from './kinds/index.ts';
import { normalize } from './typed-text.ts';

export { parseNumber } from './typed-text.ts';

import type { InputDomain, RawInput, ReadInput } from './input-types.ts';

export type { InputDomain, RawInput, ReadInput } from './input-types.ts';

const NA_TOKENS = new Set(['na', 'n/a', '不适用', '不適用']);

export function numericDomain(rule: Rule, unit: string | undefined): InputDomain {
  return ruleKind(rule).domain(rule, unit);
}

export function isBlank(raw: RawInput): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && normalize(raw) === '');
}

export function isNa(raw: RawInput): boolean {
  return typeof raw === 'string' && NA_TOKENS.has(normalize(raw).toLowerCase());
}

export function readInput(rule: Rule, unit: string | undefined, raw: RawInput): ReadInput {
  if (isBlank(raw)) return { state: 'blank' };
  if (isNa(raw)) return { state: 'na' };
  return ruleKind(rule).read(rule, unit, raw!);
}
