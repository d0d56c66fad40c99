/**
 * What an input cell accepts, by its indicator's rule: a list (binary, scale) or a numeric range,
 * with the prompt and the error message that say what is expected.
 */
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { describeRule } from '../rules/describe-rule.ts';
import { scaleListItems } from '../rules/scale-list-items.ts';
import type { Lang } from '../text.ts';
import { COL } from './scoring-columns.ts';
import { sheetLabels, unitLabel } from './sheet-labels.ts';
import { formulaNumber, type ValidationSpec } from './sheet-model.ts';

function fmt(n: number, unit: string | undefined): string {
  return unit === '%' ? `${formulaNumber(n * 100)}%` : formulaNumber(n);
}

export function inputValidation(
  rule: ScoringPlan['indicators'][number]['rule'],
  unit: string | undefined,
  row: number,
  lang: Lang,
): ValidationSpec {
  const L = sheetLabels(lang);
  const base = { row, col: COL.input };
  const describe = describeRule(rule, unitLabel(unit, lang), lang);
  switch (rule.kind) {
    case 'binary':
      return {
        ...base,
        type: 'list',
        list: [L.yes, L.no],
        prompt: { title: L.inputPromptTitle, text: L.binaryPrompt },
        error: { title: L.invalidTitle, text: L.binaryPrompt, style: 'stop' },
      };
    case 'scale': {
      const t = `${L.scalePrompt(rule.levels.length)} ${describe}`;
      return {
        ...base,
        type: 'list',
        list: scaleListItems(rule.levels, lang),
        prompt: { title: L.inputPromptTitle, text: t },
        error: { title: L.invalidTitle, text: t, style: 'stop' },
      };
    }
    case 'manual':
      return {
        ...base,
        type: 'decimal',
        min: 0,
        max: 1,
        prompt: { title: L.inputPromptTitle, text: L.manualPrompt },
        error: { title: L.invalidTitle, text: L.manualPrompt, style: 'stop' },
      };
    default: {
      const min = rule.min ?? 0;
      const max = rule.max ?? (unit === '%' ? 1 : undefined);
      const t =
        unit === '%'
          ? L.percentPrompt(fmt(min, unit), fmt(max ?? 1, unit))
          : L.numberPrompt(fmt(min, unit), max === undefined ? '' : fmt(max, unit));
      const v: ValidationSpec = {
        ...base,
        type: 'decimal',
        min,
        prompt: {
          title: L.inputPromptTitle,
          text: `${t}${rule.kind === 'bands' ? ` ${describe}` : ''}`,
        },
        error: { title: L.invalidTitle, text: t, style: 'stop' },
      };
      if (max !== undefined) v.max = max;
      return v;
    }
  }
}
