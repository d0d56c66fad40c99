/**
 * An answer in any accepted spelling ("85%", "是", "2", "不适用") → the cell values a generated
 * sheet holds for it: a fraction for %, the list item in the sheet's language for binary and
 * scale rules, the N/A mark in its own cell. And what the input cell itself looks like and accepts.
 */
import { ruleKind, type Rule } from '../rules/kinds/index.ts';
import { readInput, type RawInput } from '../rules/read-input.ts';
import type { Lang } from '../text.ts';
import type { RowAnswer } from '../workbook/row-answers.ts';
import type { StyleName, ValidationSpec } from './sheet-model.ts';

export type CellAnswer =
  | { ok: true; answer: Pick<RowAnswer, 'input' | 'na'> }
  | { ok: false; code: string; params?: Record<string, string | number> };

export function toCellAnswer(
  rule: Rule,
  unit: string | undefined,
  raw: RawInput,
  lang: Lang,
): CellAnswer {
  const read = readInput(rule, unit, raw);
  switch (read.state) {
    case 'blank':
      return { ok: true, answer: { input: null, na: false } };
    case 'na':
      return { ok: true, answer: { input: null, na: true } };
    case 'invalid':
      return { ok: false, code: read.code, ...(read.params ? { params: read.params } : {}) };
    case 'value':
      return {
        ok: true,
        answer: { input: ruleKind(rule).cellValue(rule, read.value, lang), na: false },
      };
  }
}

/**
 * The input cell's format: a percentage for an answer of a % indicator (but a score, which is
 * 0..1 whatever the unit), text for a list's items, a number otherwise.
 */
export function inputCellStyle(rule: Rule, unit: string | undefined): StyleName {
  const entry = ruleKind(rule).entry;
  if (unit === '%' && entry !== 'score') return 'inputPercent';
  return entry === 'choice' ? 'inputText' : 'input';
}

/** The input cell's validation (a list, or a numeric range) with what it expects in words. */
export function inputValidation(
  rule: Rule,
  unit: string | undefined,
  row: number,
  col: number,
  lang: Lang,
): ValidationSpec {
  return { row, col, ...ruleKind(rule).validation(rule, unit, lang) };
}
