/**
 * A rule's `decision` (why its edges, levels or line are where they are, where the standard
 * gives no rule) in two columns of a definition sheet, shared by the kinds that may carry one.
 */
import type { LocalizedText } from '../../text.ts';
import { column, type PlainCell, type RuleCells } from './rule-columns.ts';

export const DECISION_COLUMNS = [
  column(
    'decision_zh',
    { 'zh-CN': '规则依据', en: 'Rule reasons (Chinese)' },
    {
      'zh-CN':
        'bands、linear、scale：规则为何如此（标准未给出规则或原文含糊时说明取舍）；可不填，填则中英文都填。',
      en: 'bands, linear, scale: why the rule is as it is, in Chinese (where the standard gives none or is unclear; optional; both languages or neither).',
    },
    24,
  ),
  column(
    'decision_en',
    { 'zh-CN': '规则依据（英文）', en: 'Rule reasons' },
    {
      'zh-CN': 'bands、linear、scale：规则依据的英文。',
      en: 'bands, linear, scale: why the rule is as it is, in English.',
    },
    24,
  ),
];

export function decisionToColumns(decision: LocalizedText | undefined): Record<string, PlainCell> {
  return { decision_zh: decision?.['zh-CN'] ?? null, decision_en: decision?.en ?? null };
}

export function decisionFromColumns(cells: RuleCells): { decision?: LocalizedText } {
  cells.locate(['decision'], 'decision_zh');
  cells.locate(['decision', 'en'], 'decision_en');
  const decision = cells.localized('decision_zh', 'decision_en');
  return decision ? { decision } : {};
}
