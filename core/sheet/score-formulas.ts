/**
 * Each rule's score as a portable formula, the twin of core/rules/score-rule.ts and
 * read-input.ts: what the engine accepts from a typed cell, the formula accepts too, and what it
 * refuses (scores 0, as unanswered) the formula scores 0. Constants (band edges, linear ranges)
 * are cells on the rules sheet, passed in as references.
 */
import { numericDomain } from '../rules/read-input.ts';
import { upperBound } from '../rules/score-bands.ts';
import type { Rule } from '../template/schema.ts';
import type { LocalizedText } from '../text.ts';
import { formulaNumber, formulaString } from './sheet-model.ts';

// The tokens read-input.ts understands, as Excel compares them (case-insensitively, trimmed).
const NA_TOKENS = ['不适用', '不適用', 'NA', 'N/A'];
const YES_TOKENS = ['1', 'yes', 'y', 'true', '是', '符合', '有', '√', '✓'];

export interface RuleConstants {
  /** cell holding band i's upper bound, and band i's score */
  bandUpper: (i: number) => string;
  bandScore: (i: number) => string;
  linearFrom: string;
  linearTo: string;
  /** The range on the rules sheet that lists what a scale's input may say (scaleTokens, in order); inline when absent. */
  scaleList?: string;
}

/**
 * `expr` equals one of the tokens, as one comparison with an array constant: OR takes the array
 * of results, in Excel (no array entry needed) and LibreOffice alike, and the formula stays short
 * (a sheet of 1,000 indicators carries it 1,000 times). Unlike MATCH, = knows no wildcards.
 */
function tokenList(tokens: readonly string[]): string {
  return `{${tokens.map(formulaString).join(',')}}`;
}

export function naTest(input: string, na: string): string {
  return `OR(${na}<>"",TRIM(${input})=${tokenList(NA_TOKENS)})`;
}

/**
 * Every spelling of a scale's levels the formula understands: the numbers, the list items in
 * both languages and the names. Grouped so that MOD(position − 1, n) + 1 is the level.
 */
export function scaleTokens(levels: readonly LocalizedText[]): string[] {
  const n = levels.length;
  const byLevel = (f: (l: LocalizedText, i: number) => string) => levels.map(f);
  return [
    ...byLevel((_, i) => String(i + 1)),
    ...byLevel((l, i) => `${i + 1} ${l['zh-CN']}`),
    ...byLevel((l, i) => `${i + 1} ${l.en}`),
    ...byLevel((l) => l['zh-CN']),
    ...byLevel((l) => l.en),
  ].slice(0, 5 * n);
}

export function scoreFormula(
  rule: Rule,
  unit: string | undefined,
  input: string,
  na: string,
  c: RuleConstants,
): string {
  const body = scoreBody(rule, unit, input, c);
  return body === null ? '""' : `IF(${naTest(input, na)},"",${body})`;
}

function numericGuard(rule: Rule, unit: string | undefined, input: string): string {
  const { min, max } = numericDomain(rule, unit);
  const parts = [`ISNUMBER(${input})`, `${input}>=${formulaNumber(min)}`];
  if (max !== undefined) parts.push(`${input}<=${formulaNumber(max)}`);
  return `AND(${parts.join(',')})`;
}

function scoreBody(
  rule: Rule,
  unit: string | undefined,
  x: string,
  c: RuleConstants,
): string | null {
  switch (rule.kind) {
    case 'binary':
      return `IF(OR(TRIM(${x})=${tokenList(YES_TOKENS)}),1,0)`;
    case 'manual':
      return `IF(${numericGuard(rule, unit, x)},${x},0)`;
    case 'bands': {
      const last = rule.bands.length - 1;
      let nested = c.bandScore(last);
      for (let i = last - 1; i >= 0; i--) {
        const hi = upperBound(rule.bands[i]!)!;
        nested = `IF(${x}${hi.inclusive ? '<=' : '<'}${c.bandUpper(i)},${c.bandScore(i)},${nested})`;
      }
      return `IF(${numericGuard(rule, unit, x)},${nested},0)`;
    }
    case 'linear':
      return `IF(${numericGuard(rule, unit, x)},MAX(0,MIN(1,(${x}-${c.linearFrom})/(${c.linearTo}-${c.linearFrom}))),0)`;
    case 'scale': {
      const n = rule.levels.length;
      const list = c.scaleList ?? tokenList(scaleTokens(rule.levels));
      return `IF(ISNUMBER(${x}),IF(AND(${x}>=1,${x}<=${n},${x}=INT(${x})),(${x}-1)/${n - 1},0),IFERROR(MOD(MATCH(TRIM(${x}),${list},0)-1,${n})/${n - 1},0))`;
    }
    case 'record':
      return null;
  }
}
