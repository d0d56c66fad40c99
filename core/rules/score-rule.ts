/** A rule turns an understood input into a score in 0..1 (or none, for `record`). */
import type { Rule } from '../template/schema.ts';
import { bandScore } from './score-bands.ts';

export function isScored(rule: Rule): boolean {
  return rule.kind !== 'record';
}

export function scoreRule(rule: Rule, value: number): number | null {
  switch (rule.kind) {
    case 'binary':
    case 'manual':
      return value;
    case 'bands':
      return bandScore(rule.bands, value);
    case 'linear': {
      const t = (value - rule.from) / (rule.to - rule.from);
      return Math.min(1, Math.max(0, t));
    }
    case 'scale':
      return (value - 1) / (rule.levels.length - 1);
    case 'record':
      return null;
  }
}
