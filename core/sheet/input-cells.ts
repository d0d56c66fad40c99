/**
 * An answer in any accepted spelling ("85%", "是", "2", "不适用") → the cell values a generated
 * sheet holds for it: a fraction for %, the list item in the sheet's language for binary and
 * scale rules, the N/A mark in its own cell.
 */
import { readInput, type RawInput } from '../rules/read-input.ts';
import type { Rule } from '../template/schema.ts';
import type { Lang } from '../text.ts';
import { scaleListItems } from '../rules/scale-list-items.ts';
import type { RowAnswer } from '../workbook/row-answers.ts';
import { sheetLabels } from './sheet-labels.ts';

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
  const L = sheetLabels(lang);
  switch (read.state) {
    case 'blank':
      return { ok: true, answer: { input: null, na: false } };
    case 'na':
      return { ok: true, answer: { input: null, na: true } };
    case 'invalid':
      return { ok: false, code: read.code, ...(read.params ? { params: read.params } : {}) };
    case 'value':
      if (rule.kind === 'binary')
        return { ok: true, answer: { input: read.value === 1 ? L.yes : L.no, na: false } };
      if (rule.kind === 'scale')
        return {
          ok: true,
          answer: { input: scaleListItems(rule.levels, lang)[read.value - 1]!, na: false },
        };
      return { ok: true, answer: { input: read.value, na: false } };
  }
}
