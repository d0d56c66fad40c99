/**
 * The rules sheet: the constants the score formulas read (band edges and scores, linear ranges,
 * the spellings a scale's input may take) and the grade bands the grade formula reads.
 */
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { lowerBound, upperBound } from '../rules/score-bands.ts';
import { text } from '../text.ts';
import { Grid, type LayoutContext } from './layout-context.ts';
import { scaleTokens, type RuleConstants } from './score-formulas.ts';
import { a1, formulaNumber, quoteSheet, sheetRef, type SheetSpec } from './sheet-model.ts';

export interface RulesLayout {
  sheet: SheetSpec;
  /** Where each indicator's constants are, by indicator id (rules that have some). */
  constants: Map<string, RuleConstants>;
  /** The grade bands' rows, lowest first. */
  gradeRows: { row: number; label: string }[];
}

export function layoutRules(plan: ScoringPlan, ctx: LayoutContext): RulesLayout {
  const { L } = ctx;
  const rules = new Grid();
  rules.set(0, 0, { value: L.rulesTitle, style: 'title' });
  rules.set(2, 0, { value: L.code, style: 'header' });
  rules.set(2, 1, { value: L.rule, style: 'header' });
  rules.set(2, 2, { value: L.band, style: 'header' });
  rules.set(2, 3, { value: L.lower, style: 'header' });
  rules.set(2, 4, { value: L.upper, style: 'header' });
  rules.set(2, 5, { value: L.score, style: 'header' });
  const constants = new Map<string, RuleConstants>();
  let rr = ruleConstants(plan, L.rulesSheet, rules, 3, constants);
  rr = scaleLists(plan, L.rulesSheet, rules, rr, constants);
  rr++;
  const gradeRows = gradeBands(plan, ctx, rules, rr);
  const sheet: SheetSpec = {
    name: L.rulesSheet,
    state: 'visible',
    rows: rules.rows,
    columns: [
      { width: 10 },
      { width: 14 },
      { width: 8 },
      { width: 12 },
      { width: 12 },
      { width: 10 },
    ],
    merges: [],
    validations: [],
    protect: true,
    print: { landscape: false, header: ctx.header, footer: ctx.footer },
  };
  return { sheet, constants, gradeRows };
}

/** Band edges and scores, and linear ranges, one row each from `rr`; returns the next free row. */
function ruleConstants(
  plan: ScoringPlan,
  R: string,
  rules: Grid,
  rr: number,
  constants: Map<string, RuleConstants>,
): number {
  for (const ind of plan.indicators) {
    const rule = ind.rule;
    if (rule.kind === 'bands') {
      const first = rr;
      rule.bands.forEach((b, i) => {
        const lo = lowerBound(b);
        const hi = upperBound(b);
        rules.set(rr, 0, { value: ind.id, style: 'code' });
        rules.set(rr, 1, { value: 'bands', style: 'muted' });
        rules.set(rr, 2, { value: i + 1, style: 'number' });
        rules.set(rr, 3, {
          value: lo ? `${lo.inclusive ? '≥' : '>'} ${formulaNumber(lo.value)}` : '',
          style: 'text',
        });
        if (hi) rules.set(rr, 4, { value: hi.value, style: 'number' });
        rules.set(rr, 5, { value: b.score, style: 'number' });
        rr++;
      });
      constants.set(ind.id, {
        bandUpper: (i) => sheetRef(R, first + i, 4),
        bandScore: (i) => sheetRef(R, first + i, 5),
        linearFrom: '',
        linearTo: '',
      });
    } else if (rule.kind === 'linear') {
      rules.set(rr, 0, { value: ind.id, style: 'code' });
      rules.set(rr, 1, { value: 'linear', style: 'muted' });
      rules.set(rr, 3, { value: rule.from, style: 'number' });
      rules.set(rr, 4, { value: rule.to, style: 'number' });
      constants.set(ind.id, {
        bandUpper: () => '',
        bandScore: () => '',
        linearFrom: sheetRef(R, rr, 3),
        linearTo: sheetRef(R, rr, 4),
      });
      rr++;
    }
  }
  return rr;
}

/**
 * Each distinct scale once: the spellings its input may take, one a row, which the score
 * formulas of all its indicators look up (a sheet of 1,000 indicators would otherwise carry the
 * list in every formula). Text, even "1": MATCH compares the trimmed input as text. Returns the
 * next free row.
 */
function scaleLists(
  plan: ScoringPlan,
  R: string,
  rules: Grid,
  rr: number,
  constants: Map<string, RuleConstants>,
): number {
  const scaleLists = new Map<string, string>();
  for (const ind of plan.indicators) {
    const rule = ind.rule;
    if (rule.kind !== 'scale') continue;
    const tokens = scaleTokens(rule.levels);
    const key = JSON.stringify(tokens);
    let range = scaleLists.get(key);
    if (!range) {
      const first = rr;
      tokens.forEach((t, i) => {
        rules.set(rr, 0, { value: ind.id, style: 'code' });
        rules.set(rr, 1, { value: 'scale', style: 'muted' });
        rules.set(rr, 2, { value: (i % rule.levels.length) + 1, style: 'number' });
        rules.set(rr, 3, { value: t, style: 'text' });
        rr++;
      });
      range = `${quoteSheet(R)}!${a1(first, 3, true)}:${a1(rr - 1, 3, true)}`;
      scaleLists.set(key, range);
    }
    constants.set(ind.id, {
      bandUpper: () => '',
      bandScore: () => '',
      linearFrom: '',
      linearTo: '',
      scaleList: range,
    });
  }
  return rr;
}

/** The grade bands under a header at `rr`, when the plan has some. */
function gradeBands(
  plan: ScoringPlan,
  ctx: LayoutContext,
  rules: Grid,
  rr: number,
): { row: number; label: string }[] {
  const { L, lang } = ctx;
  const gradeRows: { row: number; label: string }[] = [];
  if (plan.grades.length) {
    rules.set(rr, 0, { value: L.grade, style: 'header' });
    rules.set(rr, 1, { value: L.gradeMin, style: 'header' });
    rr++;
    for (const g of plan.grades) {
      rules.set(rr, 0, { value: text(g.label, lang), style: 'text' });
      rules.set(rr, 1, { value: g.min, style: 'number' });
      gradeRows.push({ row: rr, label: text(g.label, lang) });
      rr++;
    }
  }
  return gradeRows;
}
