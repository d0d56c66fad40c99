/**
 * The rules sheet: the constants the score formulas read (band edges and scores, linear ranges,
 * the spellings a scale's input may take) and the grade bands the grade formula reads.
 */
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import type { RulesBlockAt } from '../rules/kinds/index.ts';
import { text } from '../text.ts';
import { Grid, type LayoutContext } from './layout-context.ts';
import { placeRuleConstants } from './rules-constants.ts';
import type { SheetSpec } from './sheet-model.ts';

export interface RulesLayout {
  sheet: SheetSpec;
  /** Where each indicator's constants are, by indicator id (rules that have some). */
  constants: Map<string, RulesBlockAt>;
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
  const placed = placeRuleConstants(plan.indicators, L.rulesSheet, 3, (r, c, cell) =>
    rules.set(r, c, cell),
  );
  const constants = placed.at;
  let rr = placed.next;
  rr++;
  const gradeRows = gradeBands(plan, ctx, rules, rr);
  const sheet: SheetSpec = {
    name: L.rulesSheet,
    // Hidden, not veryHidden: nobody needs the constants on paper, and anyone may show the
    // sheet again from the tabs to read or print them (docs/printing.md).
    state: 'hidden',
    rows: rules.rows,
    columns: [
      { width: 10 },
      { width: 14 },
      { width: 8 },
      { width: 12 },
      { width: 12 },
      { width: 10 },
    ],
    // The title wraps within the table's width rather than run on across the sheet.
    merges: [{ row: 0, col: 0, rows: 1, cols: 6 }],
    validations: [],
    protect: true,
    print: { landscape: false, header: ctx.header, footer: ctx.footer },
  };
  return { sheet, constants, gradeRows };
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
