/**
 * The summary sheet: whose evaluation it is, a row per first-level indicator (its weight, its
 * share of the total as it stands, its score and contribution, and the hidden parts the total's
 * formula adds up), the total and the grade, and the second-level scores.
 */
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { weighsFirstLevelScores } from '../template/methods.ts';
import { text } from '../text.ts';
import { idToName } from '../workbook/contract-cells.ts';
import type { WorkbookMetadata } from '../workbook/metadata.ts';
import { Grid, type LayoutContext } from './layout-context.ts';
import { COL } from './scoring-columns.ts';
import { naTest } from './score-formulas.ts';
import type { ScoringLayout } from './scoring-layout.ts';
import {
  a1,
  quoteSheet,
  sheetRef,
  type FormulaKey,
  type SheetSpec,
  type ValidationSpec,
} from './sheet-model.ts';
import { withinValidationLimits } from './validation-texts.ts';

/**
 * The summary's columns. `norm` (shown) is each first-level indicator's share of the total as it
 * stands: a first-level indicator with nothing applicable (all N/A, or recorded figures only)
 * has none, and the others' shares grow to fill 100 %, so score × share adds up to the total.
 * `share` (hidden) is the weight over all chosen first-level indicators, which the formulas use.
 * `unanswered` (hidden) counts its applicable third-level indicators left blank; UNANSWERED
 * adds them up (a formula per first-level row keeps each within Excel's length limit).
 * `score` (hidden, named DIM_) is the first-level score as the method defines it (0..1 for mean
 * and levels, weight × Σ scores for sum), which the formulas use; `points` (shown) is the same
 * indicator on the total's scale, 0–100: 100 × its score for mean and levels, 100 × the mean of
 * its third-level scores for sum. Under every method points × share as it stands is its
 * contribution, and the contributions add up to the total, so a reader meets one scale.
 */
export const SUM_COL = {
  code: 0,
  name: 1,
  weight: 2,
  norm: 3,
  count: 4,
  sum: 5,
  score: 6,
  points: 7,
  contribution: 8,
  applicable: 9,
  weighted: 10,
  weightedCount: 11,
  share: 12,
  unanswered: 13,
} as const;

/** The first-level table's rows, a column of it as a range, and the total's denominator. */
interface DimensionTable {
  firstDim: number;
  lastDim: number;
  col: (c: number) => string;
  den: string;
}

export function layoutSummary(
  plan: ScoringPlan,
  meta: WorkbookMetadata,
  ctx: LayoutContext,
  scoring: ScoringLayout,
  rawWeights: Record<string, number>,
  gradeRows: { row: number; label: string }[],
  /** Weight cells the evaluator may change (the add-in's, or `generate --editable-weights`); else locked. */
  editableWeights: boolean,
): SheetSpec {
  const { L } = ctx;
  const summary = new Grid();
  summary.set(0, 0, { value: L.summaryTitle, style: 'title' });
  const head = details(plan, meta, ctx, summary);
  const sumHeaders = [
    L.code,
    L.dimension,
    L.weight,
    L.normWeight,
    L.count,
    L.sum,
    L.dimScore,
    L.dimPoints,
    L.contribution,
    L.applicable,
    L.weighted,
    L.weightedCount,
    L.share,
    L.unansweredCount,
  ];
  sumHeaders.forEach((h, c) => summary.set(head, c, { value: h, style: 'header' }));
  const firstDim = head + 1;
  const lastDim = firstDim + plan.dimensions.length - 1;
  const col = (c: number) => `${a1(firstDim, c, true)}:${a1(lastDim, c, true)}`;
  const den = weighsFirstLevelScores(plan.method)
    ? `SUM(${col(SUM_COL.applicable)})`
    : `SUM(${col(SUM_COL.weightedCount)})`;
  const table: DimensionTable = { firstDim, lastDim, col, den };
  plan.dimensions.forEach((d, i) =>
    dimensionRow(
      plan,
      ctx,
      summary,
      table,
      scoring,
      d,
      firstDim + i,
      rawWeights[d.id]!,
      editableWeights,
    ),
  );
  const tRow = totals(ctx, summary, table, gradeRows);
  groupScores(plan, ctx, summary, scoring, tRow + 4);

  // A locked cell takes no typing: its prompt would only mislead.
  const weightRows = editableWeights ? plan.dimensions : [];
  const summaryValidations: ValidationSpec[] = weightRows.map((_, i) => ({
    row: firstDim + i,
    col: SUM_COL.weight,
    type: 'decimal',
    min: 0,
    max: 100,
    prompt: { title: L.weight, text: L.weightPrompt },
    error: { title: L.invalidTitle, text: L.weightPrompt, style: 'stop' },
  }));
  return {
    name: L.summarySheet,
    state: 'visible',
    rows: summary.rows,
    columns: [
      // Landscape A4 like the scoring sheet: 100 characters print at full size.
      { width: 16 },
      { width: 26 },
      { width: 8.5 },
      { width: 11 },
      { width: 8.5 },
      { width: 8.5 },
      { width: 12, hidden: true },
      { width: 11 },
      { width: 11 },
      { width: 12, hidden: true },
      { width: 12, hidden: true },
      { width: 12, hidden: true },
      { width: 12, hidden: true },
      { width: 12, hidden: true },
    ],
    // The details' values wrap across the table's width: a long template title or method would
    // otherwise run past the printed page, and LibreOffice shrinks the page to take it in.
    merges: [
      { row: 0, col: 0, rows: 1, cols: SUM_COL.contribution + 1 },
      ...Array.from({ length: head - 3 }, (_, i) => ({
        row: 2 + i,
        col: 1,
        rows: 1,
        cols: SUM_COL.contribution,
      })),
    ],
    validations: summaryValidations.map(withinValidationLimits),
    freeze: undefined,
    protect: true,
    print: {
      landscape: true,
      columns: SUM_COL.contribution + 1,
      header: ctx.header,
      footer: ctx.footer,
    },
  };
}

/** Who is evaluated, by whom, against what; returns the row of the first-level table's header. */
function details(
  plan: ScoringPlan,
  meta: WorkbookMetadata,
  ctx: LayoutContext,
  summary: Grid,
): number {
  const { L, lang } = ctx;
  const details: [string, string][] = [
    [L.orgId, meta.org_id],
    [L.orgName, meta.org_name],
    [L.region, meta.region],
    [L.orgType, meta.org_type],
    [L.period, meta.period],
    [L.evaluator, meta.evaluator],
    [
      L.template,
      `${plan.template.id} ${plan.template.version}  ${text(plan.template.title, lang)}`,
    ],
    [L.profile, plan.profile ? `${plan.profile.id}  ${text(plan.profile.name, lang)}` : '—'],
    [L.method, { mean: L.methodMean, sum: L.methodSum, levels: L.methodLevels }[plan.method]],
  ];
  details.forEach(([k, v], i) => {
    summary.set(2 + i, 0, { value: k, style: 'label' });
    summary.set(2 + i, 1, { value: v, style: 'textWrap' });
  });
  return 2 + details.length + 1;
}

/** A first-level indicator's row of the table, its names, and its score on the scoring sheet. */
function dimensionRow(
  plan: ScoringPlan,
  ctx: LayoutContext,
  summary: Grid,
  { col, den }: DimensionTable,
  scoring: ScoringLayout,
  d: ScoringPlan['dimensions'][number],
  r: number,
  rawWeight: number,
  editableWeight: boolean,
): void {
  const { L, lang, f, name } = ctx;
  const S = L.scoringSheet;
  const M = L.summarySheet;
  const ranges = scoring.dimRanges
    .get(d.id)!
    .map((x) => `${quoteSheet(S)}!${x}`)
    .join(',');
  const cell = (c: number) => a1(r, c);
  const dim = (part: Extract<FormulaKey, { k: 'dim' }>['part']): FormulaKey => ({
    k: 'dim',
    id: d.id,
    part,
  });
  summary.set(r, SUM_COL.code, { value: d.id, style: 'code' });
  summary.set(r, SUM_COL.name, { value: text(d.name, lang), style: 'text' });
  summary.set(r, SUM_COL.weight, {
    value: rawWeight,
    style: editableWeight ? 'weight' : 'weightIssued',
  });
  summary.set(
    r,
    SUM_COL.share,
    f(
      `IF(SUM(${col(SUM_COL.weight)})>0,${cell(SUM_COL.weight)}/SUM(${col(SUM_COL.weight)}),0)`,
      dim('share'),
      'number',
    ),
  );
  const byScore = weighsFirstLevelScores(plan.method);
  const effective = byScore ? cell(SUM_COL.applicable) : cell(SUM_COL.weightedCount);
  summary.set(r, SUM_COL.norm, f(`IF(${den}=0,"",${effective}/${den})`, dim('norm'), 'percent'));
  summary.set(r, SUM_COL.count, f(`COUNT(${ranges})`, dim('count'), 'number'));
  // Two decimals, as the third-level scores it adds up: not 3.8980013.
  summary.set(r, SUM_COL.sum, f(`SUM(${ranges})`, dim('sum'), 'score'));
  // levels: the mean of the second-level scores the scoring sheet shows ("" where nothing
  // applies, which COUNT and SUM skip, as the engine leaves such a second-level indicator out).
  const groupCells = d.groups
    .map((g) => sheetRef(S, scoring.groupScoreRows.get(g.id)!, COL.score))
    .join(',');
  const dimFormula = {
    mean: `IF(${cell(SUM_COL.count)}=0,"",${cell(SUM_COL.sum)}/${cell(SUM_COL.count)})`,
    sum: `IF(${cell(SUM_COL.count)}=0,"",${cell(SUM_COL.share)}*${cell(SUM_COL.sum)})`,
    // The scoring sheet shows second-level scores on 100; the method's score is 0..1.
    levels: `IF(${cell(SUM_COL.count)}=0,"",SUM(${groupCells})/COUNT(${groupCells})/100)`,
  }[plan.method];
  summary.set(r, SUM_COL.score, f(dimFormula, dim('score'), 'score'));
  const pointsFormula = weighsFirstLevelScores(plan.method)
    ? `IF(${cell(SUM_COL.score)}="","",100*${cell(SUM_COL.score)})`
    : `IF(${cell(SUM_COL.count)}=0,"",100*${cell(SUM_COL.sum)}/${cell(SUM_COL.count)})`;
  summary.set(r, SUM_COL.points, f(pointsFormula, dim('points'), 'points'));
  summary.set(
    r,
    SUM_COL.applicable,
    f(`IF(${cell(SUM_COL.count)}>0,${cell(SUM_COL.share)},0)`, dim('applicable'), 'number'),
  );
  const weighted = byScore
    ? `${cell(SUM_COL.share)}*${cell(SUM_COL.score)}`
    : `${cell(SUM_COL.share)}*${cell(SUM_COL.sum)}`;
  summary.set(
    r,
    SUM_COL.weighted,
    f(`IF(${cell(SUM_COL.count)}>0,${weighted},0)`, dim('weighted'), 'number'),
  );
  summary.set(
    r,
    SUM_COL.weightedCount,
    f(`${cell(SUM_COL.share)}*${cell(SUM_COL.count)}`, dim('weightedCount'), 'number'),
  );
  summary.set(
    r,
    SUM_COL.contribution,
    f(`IF(${den}=0,"",100*${cell(SUM_COL.weighted)}/${den})`, dim('contribution'), 'points'),
  );
  // Blank as the engine reads it: nothing but spaces (a full-width one too) in the input cell,
  // and no N/A mark. An N/A word typed in the input cell is an answer, not a blank.
  const ref = (c: string) => `${quoteSheet(S)}!${c}`;
  const blankCell = (range: string) => `(LEN(TRIM(SUBSTITUTE(${ref(range)},"\u3000"," ")))=0)`;
  const blanks = scoring.dimInputRanges
    .get(d.id)!
    .map((x) => `SUMPRODUCT(${blankCell(x.input)}*${blankCell(x.na)})`);
  // A blank `per` indicator whose divisor is N/A is N/A itself (score-formulas.ts), not unanswered.
  const perNa = scoring.dimPerRows
    .get(d.id)!
    .map(
      (x) => `-${blankCell(x.input)}*${blankCell(x.na)}*${naTest(ref(x.per.input), ref(x.per.na))}`,
    );
  const unanswered = blanks.join('+') + perNa.join('');
  summary.set(r, SUM_COL.unanswered, f(unanswered, dim('unanswered'), 'number'));
  name(idToName('DIM', d.id), M, r, SUM_COL.score);
  name(idToName('WT', d.id), M, r, SUM_COL.weight);
  // Mirror the first-level score, on 100, on its header row of the scoring sheet.
  scoring.grid.set(
    scoring.dimHeaderRows.get(d.id)!,
    COL.score,
    f(`${sheetRef(M, r, SUM_COL.points)}`, dim('points'), 'dimensionScore'),
  );
}

/** The sums under the table, the total and the grade; returns the total's row. */
function totals(
  ctx: LayoutContext,
  summary: Grid,
  { lastDim, col, den }: DimensionTable,
  gradeRows: { row: number; label: string }[],
): number {
  const { L, f, name } = ctx;
  const M = L.summarySheet;
  const R = L.rulesSheet;
  const totalRow = lastDim + 1;
  summary.set(totalRow, SUM_COL.name, { value: L.totalRow, style: 'label' });
  summary.set(
    totalRow,
    SUM_COL.weight,
    f(`SUM(${col(SUM_COL.weight)})`, { k: 'weightSum' }, 'number'),
  );
  summary.set(totalRow, SUM_COL.norm, f(`SUM(${col(SUM_COL.norm)})`, { k: 'normSum' }, 'percent'));
  const tRow = totalRow + 2;
  summary.set(tRow, 0, { value: L.total, style: 'label' });
  summary.set(
    tRow,
    1,
    f(`IF(${den}=0,"",100*SUM(${col(SUM_COL.weighted)})/${den})`, { k: 'total' }, 'total'),
  );
  name('TOTAL', M, tRow, 1);
  const totalRef = a1(tRow, 1, true);
  let gradeFormula = '""';
  for (let i = gradeRows.length - 1; i >= 0; i--) {
    const g = gradeRows[i]!;
    gradeFormula = `IF(ROUND(${totalRef},9)>=${sheetRef(R, g.row, 1)},${sheetRef(R, g.row, 0)},${gradeFormula})`;
  }
  summary.set(tRow + 1, 0, { value: L.grade, style: 'label' });
  summary.set(
    tRow + 1,
    1,
    f(gradeRows.length ? `IF(${totalRef}="","",${gradeFormula})` : '""', { k: 'grade' }, 'total'),
  );
  name('GRADE', M, tRow + 1, 1);
  // What the member should see before sending: how many applicable indicators are still blank.
  summary.set(tRow + 2, 0, { value: L.unansweredTotal, style: 'label' });
  summary.set(tRow + 2, 1, f(`SUM(${col(SUM_COL.unanswered)})`, { k: 'unanswered' }, 'number'));
  name('UNANSWERED', M, tRow + 2, 1);
  return tRow;
}

/** Each second-level indicator's score, from the scoring sheet, from row `gr` down. */
function groupScores(
  plan: ScoringPlan,
  ctx: LayoutContext,
  summary: Grid,
  scoring: ScoringLayout,
  gr: number,
): void {
  const { L, lang, f } = ctx;
  summary.set(gr, 0, { value: L.groups, style: 'label' });
  gr++;
  summary.set(gr, 0, { value: L.code, style: 'header' });
  summary.set(gr, 1, { value: L.group, style: 'header' });
  summary.set(gr, 2, { value: L.points, style: 'header' });
  gr++;
  for (const d of plan.dimensions) {
    for (const g of d.groups) {
      summary.set(gr, 0, { value: g.id, style: 'code' });
      summary.set(gr, 1, { value: text(g.name, lang), style: 'text' });
      summary.set(
        gr,
        2,
        f(
          sheetRef(L.scoringSheet, scoring.groupScoreRows.get(g.id)!, COL.score),
          { k: 'group', id: g.id },
          'points',
        ),
      );
      gr++;
    }
  }
}
