/** A rule turns an understood input into a score in 0..1 (or none, for a kind not scored). */
import { ruleKind, type Rule } from './kinds/index.ts';

export function isScored(rule: Rule): boolean {
  return ruleKind(rule).scored;
}

export function scoreRule(rule: Rule, value: number): number | null {
  return ruleKind(rule).score(rule, value);
}
