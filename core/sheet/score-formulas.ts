/**
 * Each rule's score as a portable formula, the twin of core/rules/score-rule.ts and
 * read-input.ts: what the engine accepts from a typed cell, the formula accepts too, and what it
 * refuses (scores 0, as unanswered) the formula scores 0. The N/A test is the same for every
 * kind, and so is the test of a `per` figure (core/rules/kinds/per-figure.ts); the rest is the
 * kind's (core/rules/kinds/). Constants (band edges, linear ranges, a scale's spellings) are
 * cells on the rules sheet, passed in as the rule's block.
 */
import { ruleKind, type Rule, type RulesBlockAt } from '../rules/kinds/index.ts';
import { numberGuard } from '../rules/kinds/number-input.ts';
import { perRatioFormula } from '../rules/kinds/per-figure.ts';
import type { InputDomain } from '../rules/input-types.ts';
import { tokenList } from './token-list.ts';

// The tokens read-input.ts understands, as Excel compares them (case-insensitively, trimmed).
const NA_TOKENS = ['不适用', '不適用', 'NA', 'N/A'];

export function naTest(input: string, na: string): string {
  return `OR(${na}<>"",TRIM(${input})=${tokenList(NA_TOKENS)})`;
}

/** The row of the indicator a `per` rule divides by: its input and N/A cells, its domain. */
export interface PerCells {
  input: string;
  na: string;
  domain: InputDomain;
}

export function scoreFormula(
  rule: Rule,
  unit: string | undefined,
  input: string,
  na: string,
  constants: RulesBlockAt,
  /** the divisor's cells for a `per` rule; null when the sheet lacks it (the score is then 0) */
  per?: PerCells | null,
): string {
  const value = per ? perRatioFormula(input, per.input) : input;
  const body = ruleKind(rule).formula(rule, { input, value, unit, constants });
  if (body === null) return '""';
  if (per === null) return `IF(${naTest(input, na)},"",0)`;
  if (!per) return `IF(${naTest(input, na)},"",${body})`;
  // As divisorOf: the divisor N/A → this one N/A too; not a number above 0 (and in its own
  // domain, as the engine reads it) → 0.
  return `IF(OR(${naTest(input, na)},${naTest(per.input, per.na)}),"",IF(AND(${numberGuard(per.input, per.domain)},${per.input}>0),${body},0))`;
}
