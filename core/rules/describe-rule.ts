/** A rule said in words, for the sheet's rule column and the CLI's tree: "≥85 % → 1; …". */
import type { Lang } from '../text.ts';
import { ruleKind, type Rule } from './kinds/index.ts';

export { formatValue } from './format-value.ts';

/** `unit` as the reader sees it (unitLabel). */
export function describeRule(rule: Rule, unit: string | undefined, lang: Lang): string {
  return ruleKind(rule).describe(rule, unit, lang);
}
