/**
 * Each rule's score as a portable formula, the twin of core/rules/score-rule.ts and
 * read-input.ts: what the engine accepts from a typed cell, the formula accepts too, and what it
 * refuses (scores 0, as unanswered) the formula scores 0. The N/A test is the same for every
 * kind; the rest is the kind's (core/rules/kinds/). Constants (band edges, linear ranges, a
 * scale's spellings) are cells on the rules sheet, passed in as the rule's block.
 */
import { ruleKind, type Rule, type RulesBlockAt } from '../rules/kinds/index.ts';
import { tokenList } from './token-list.ts';

// The tokens read-input.ts understands, as Excel compares them (case-insensitively, trimmed).
const NA_TOKENS = ['不适用', '不適用', 'NA', 'N/A'];

export function naTest(input: string, na: string): string {
  return `OR(${na}<>"",TRIM(${input})=${tokenList(NA_TOKENS)})`;
}

export function scoreFormula(
  rule: Rule,
  unit: string | undefined,
  input: string,
  na: string,
  constants: RulesBlockAt,
): string {
  const body = ruleKind(rule).formula(rule, { input, unit, constants });
  return body === null ? '""' : `IF(${naTest(input, na)},"",${body})`;
}
