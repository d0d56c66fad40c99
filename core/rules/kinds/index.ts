/**
 * Every rule kind, each one module. A kind is added by writing its module (rule-kind.ts says
 * what it holds) and naming it twice below: its schema in the union, its module in the record.
 * The record must have exactly one module per kind of the union, or the build fails.
 */
import { z } from 'zod';
import { bands, bandsRule } from './bands.ts';
import { binary, binaryRule } from './binary.ts';
import { linear, linearRule } from './linear.ts';
import { manual, manualRule } from './manual.ts';
import { record, recordRule } from './record.ts';
import type { RuleKindModule } from './rule-kind.ts';
import { scale, scaleRule } from './scale.ts';

/** What a template may say as an indicator's rule (core/template/schema.ts uses it). */
export const rule = z.discriminatedUnion('kind', [
  binaryRule,
  bandsRule,
  linearRule,
  scaleRule,
  manualRule,
  recordRule,
]);
export type Rule = z.infer<typeof rule>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

export const RULE_KINDS_MODULES = {
  binary,
  bands,
  linear,
  scale,
  manual,
  record,
} satisfies { [K in RuleKind]: RuleKindModule<RuleOf<K>> };

export const RULE_KINDS = Object.keys(RULE_KINDS_MODULES) as readonly RuleKind[];

/**
 * The module of a rule's kind, typed for any kind: TypeScript cannot tie the module found by
 * `r.kind` to `r`, hence the one cast. Call it with the rule it was looked up for:
 * `ruleKind(r).score(r, x)`.
 */
export function ruleKind(r: Rule): RuleKindModule<Rule> {
  return RULE_KINDS_MODULES[r.kind] as RuleKindModule<Rule>;
}

/** A kind as stored (indicator_scores.rule) is scored; one this version does not know counts as scored. */
export function isScoredKind(kind: string | null): boolean {
  if (kind === null || !Object.hasOwn(RULE_KINDS_MODULES, kind)) return true;
  return RULE_KINDS_MODULES[kind as RuleKind].scored;
}

export type { Band, BandsRule } from './bands.ts';
export { LIST_SOURCE_MAX, scaleListItems, scaleTokens } from './scale.ts';
export { perOf, type PerFigure } from './per-figure.ts';
export * from './rule-kind.ts';
export * from './rule-columns.ts';
