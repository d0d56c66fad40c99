/**
 * The scoring sheet: a row per first-level and second-level indicator (with their scores) and a
 * row per third-level indicator, where the evaluator enters the value, the N/A mark, the mode
 * and the evidence beside the live score formula.
 */
import type { WorkbookMetadata } from '../workbook/metadata.ts';
import type { RowAnswer } from '../workbook/row-answers.ts';
import { idToName } from '../workbook/contract-cells.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { describeRule } from '../rules/describe-rule.ts';
import { text } from '../text.ts';
import { inputCellStyle, inputValidation } from './input-cells.ts';
import { Grid, type LayoutContext } from './layout-context.ts';
import { COL, SCORING_HEADER_ROW, SCORING_SUBTITLE_ROW } from './scoring-columns.ts';
import type { RulesBlockAt } from '../rules/kinds/index.ts';
import { perOf } from '../rules/kinds/per-figure.ts';
import { numericDomain } from '../rules/read-input.ts';
import { scoreFormula, type PerCells } from './score-formulas.ts';
import { unitLabel } from './sheet-labels.ts';
import { identitySegment, SUBTITLE_GAP } from './identity-segments.ts';
import { a1, type SheetSpec, type ValidationSpec } from './sheet-model.ts';
import { withinValidationLimits } from './validation-texts.ts';

export interface ScoringLayout {
  sheet: SheetSpec;
  grid: Grid;
  /**
   * Each first-level indicator's `per` indicators: the engine takes one as N/A when its divisor
   * is N/A, so a blank one is not unanswered then; UNANSWERED leaves those out as well.
   */
  dimPerRows: Map<string, { input: string; na: string; per: PerCells }[]>;
  /** Each first-level indicator's ranges of third-level scores, one per second-level indicator. */
  dimRanges: Map<string, string[]>;
  /** The same second-level blocks' input and N/A columns, which the unanswered count reads. */
  dimInputRanges: Map<string, { input: string; na: string }[]>;
  dimHeaderRows: Map<string, number>;
  groupScoreRows: Map<string, number>;
}

type Indicator = ScoringPlan['indicators'][number];

export function layoutScoring(
  plan: ScoringPlan,
  meta: WorkbookMetadata,
  ctx: LayoutContext,
  answers: ReadonlyMap<string, RowAnswer> | undefined,
  constants: ReadonlyMap<string, RulesBlockAt>,
): ScoringLayout {
  const { lang, f } = ctx;
  const scoring = new Grid();
  const validations: ValidationSpec[] = [];
  heading(plan, meta, ctx, scoring);
  const { dimHeaderRows, groupScoreRows, indicatorRows } = sheetRows(plan);
  const dimRanges = new Map<string, string[]>();
  const dimInputRanges = new Map<string, { input: string; na: string }[]>();
  const dimPerRows: ScoringLayout['dimPerRows'] = new Map();
  for (const d of plan.dimensions) {
    const row = dimHeaderRows.get(d.id)!;
    scoring.set(row, COL.code, { value: d.id, style: 'dimension' });
    scoring.set(row, COL.name, { value: text(d.name, lang), style: 'dimension' });
    for (let c: number = COL.description; c <= COL.evidence; c++)
      if (c !== COL.score) scoring.set(row, c, { value: null, style: 'dimension' });
    const ranges: string[] = [];
    const inputRanges: { input: string; na: string }[] = [];
    const perRows: { input: string; na: string; per: PerCells }[] = [];
    for (const g of d.groups) {
      const groupRow = groupScoreRows.get(g.id)!;
      const first = groupRow + 1;
      const last = groupRow + g.indicators.length;
      const range = `${a1(first, COL.score, true)}:${a1(last, COL.score, true)}`;
      ranges.push(range);
      const column = (c: number) => `${a1(first, c, true)}:${a1(last, c, true)}`;
      inputRanges.push({ input: column(COL.input), na: column(COL.na) });
      scoring.set(groupRow, COL.code, { value: g.id, style: 'group' });
      scoring.set(groupRow, COL.name, { value: text(g.name, lang), style: 'group' });
      for (let c: number = COL.description; c <= COL.evidence; c++)
        if (c !== COL.score) scoring.set(groupRow, c, { value: null, style: 'group' });
      scoring.set(
        groupRow,
        COL.score,
        f(
          // On 100, as the first-level score and the total are read (docs/workbook-contract.md).
          `IF(COUNT(${range})=0,"",100*SUM(${range})/COUNT(${range}))`,
          { k: 'group', id: g.id },
          'groupScore',
        ),
      );
      for (const ind of g.indicators) {
        const row = indicatorRows.get(ind.id)!;
        const per = perCells(plan, indicatorRows, ind);
        indicatorRow(ctx, scoring, row, ind, answers?.get(ind.id), constants.get(ind.id), per);
        if (per) perRows.push({ input: a1(row, COL.input), na: a1(row, COL.na), per });
        validations.push(...rowValidations(ctx, ind, row));
      }
    }
    dimRanges.set(d.id, ranges);
    dimInputRanges.set(d.id, inputRanges);
    dimPerRows.set(d.id, perRows);
  }
  const sheet = scoringSheet(plan, ctx, scoring, validations);
  return {
    sheet,
    grid: scoring,
    dimRanges,
    dimInputRanges,
    dimPerRows,
    dimHeaderRows,
    groupScoreRows,
  };
}

/** Where each row goes: a first-level header, then each second-level row and its indicators. */
function sheetRows(plan: ScoringPlan) {
  const dimHeaderRows = new Map<string, number>();
  const groupScoreRows = new Map<string, number>();
  const indicatorRows = new Map<string, number>();
  let row = SCORING_HEADER_ROW + 1;
  for (const d of plan.dimensions) {
    dimHeaderRows.set(d.id, row++);
    for (const g of d.groups) {
      groupScoreRows.set(g.id, row++);
      for (const ind of g.indicators) indicatorRows.set(ind.id, row++);
    }
  }
  return { dimHeaderRows, groupScoreRows, indicatorRows };
}

/**
 * The cells of the indicator a `per` rule divides by; null when the plan lacks it (resolvePlan
 * refuses that, but a plan made by code may): nothing to divide by, as the engine finds too.
 */
function perCells(
  plan: ScoringPlan,
  rows: ReadonlyMap<string, number>,
  ind: Indicator,
): PerCells | null | undefined {
  const per = perOf(ind.rule);
  if (!per) return undefined;
  const target = plan.indicators.find((i) => i.id === per.indicator);
  const row = rows.get(per.indicator);
  if (!target || row === undefined) return null;
  return {
    input: a1(row, COL.input),
    na: a1(row, COL.na),
    domain: numericDomain(target.rule, target.unit),
  };
}

/** The title, who and what is evaluated, and the column headers. */
function heading(
  plan: ScoringPlan,
  meta: WorkbookMetadata,
  ctx: LayoutContext,
  scoring: Grid,
): void {
  const { L, lang } = ctx;
  scoring.set(0, 0, { value: text(plan.template.title, lang), style: 'title' });
  scoring.set(SCORING_SUBTITLE_ROW, 0, {
    value: [
      `${L.org}${L.colon}${meta.org_name}${meta.org_id ? (lang === 'zh-CN' ? `（${meta.org_id}）` : ` (${meta.org_id})`) : ''}`,
      ...(meta.credit_code ? [identitySegment('credit_code', meta.credit_code, lang)] : []),
      `${L.period}${L.colon}${meta.period}`,
      ...(meta.evaluation_mode
        ? [identitySegment('evaluation_mode', meta.evaluation_mode, lang)]
        : []),
      `${L.evaluator}${L.colon}${meta.evaluator}`,
      `${L.profile}${L.colon}${plan.profile ? text(plan.profile.name, lang) : '—'}`,
    ].join(SUBTITLE_GAP),
    style: 'subtitle',
  });
  const headers = [
    L.code,
    L.indicator,
    L.description,
    L.unit,
    L.rule,
    L.input,
    L.na,
    L.score,
    L.mode,
    L.evidence,
  ];
  headers.forEach((h, c) => scoring.set(SCORING_HEADER_ROW, c, { value: h, style: 'header' }));
}

/** A third-level indicator's row: what it is, what the evaluator entered, its score, its names. */
function indicatorRow(
  ctx: LayoutContext,
  scoring: Grid,
  row: number,
  ind: Indicator,
  a: RowAnswer | undefined,
  constants: RulesBlockAt | undefined,
  per: PerCells | null | undefined,
): void {
  const { L, lang, f, name } = ctx;
  const S = L.scoringSheet;
  scoring.set(row, COL.code, { value: ind.id, style: 'code' });
  scoring.set(row, COL.name, { value: text(ind.name, lang), style: 'textWrap' });
  const desc = ind.description ?? ind.note;
  scoring.set(row, COL.description, {
    value: desc ? text(desc, lang) : null,
    style: 'textWrap',
  });
  // Wrapped: "h per person" in the narrow printed column.
  scoring.set(row, COL.unit, { value: unitLabel(ind.unit, lang) ?? null, style: 'textWrap' });
  scoring.set(row, COL.rule, {
    value: describeRule(ind.rule, unitLabel(ind.unit, lang), lang),
    style: 'textWrap',
  });
  scoring.set(row, COL.input, {
    value: a?.input ?? null,
    style: inputCellStyle(ind.rule, ind.unit),
  });
  scoring.set(row, COL.na, { value: a?.na ? L.naToken : null, style: 'inputText' });
  scoring.set(row, COL.mode, { value: a?.mode ?? null, style: 'inputText' });
  scoring.set(row, COL.evidence, { value: a?.evidence ?? null, style: 'inputText' });
  const inRef = a1(row, COL.input);
  const naRef = a1(row, COL.na);
  scoring.set(
    row,
    COL.score,
    f(
      scoreFormula(ind.rule, ind.unit, inRef, naRef, constants!, per),
      { k: 'score', id: ind.id },
      'score',
    ),
  );
  name(idToName('IN', ind.id), S, row, COL.input);
  name(idToName('NA', ind.id), S, row, COL.na);
  name(idToName('SC', ind.id), S, row, COL.score);
  name(idToName('MD', ind.id), S, row, COL.mode);
  name(idToName('EV', ind.id), S, row, COL.evidence);
}

/** The input's validation by rule, and the N/A mark's and the mode's lists. */
function rowValidations(ctx: LayoutContext, ind: Indicator, row: number): ValidationSpec[] {
  const { L, lang } = ctx;
  return [
    inputValidation(ind.rule, ind.unit, row, COL.input, lang),
    {
      row,
      col: COL.na,
      type: 'list',
      list: [L.naToken],
      prompt: { title: L.na, text: L.naPrompt },
      error: { title: L.invalidTitle, text: L.naPrompt, style: 'stop' },
    },
    {
      row,
      col: COL.mode,
      type: 'list',
      list: L.modes,
      prompt: { title: L.mode, text: L.modePrompt },
      error: { title: L.mode, text: L.modePrompt, style: 'information' },
    },
  ];
}

function scoringSheet(
  plan: ScoringPlan,
  ctx: LayoutContext,
  scoring: Grid,
  validations: ValidationSpec[],
): SheetSpec {
  const { L, lang } = ctx;
  const hasDescriptions = plan.indicators.some((ind) => ind.description ?? ind.note);
  return {
    name: L.scoringSheet,
    state: 'visible',
    rows: scoring.rows,
    // Widths for A4 landscape at fit-to-width (docs/printing.md): about 124 characters in all
    // keep 10.5 pt type at 9 pt or more on paper even where the fonts are wide (LibreOffice with
    // DejaVu Sans); the indicator, rule, answer and note columns get the room, the cached score,
    // the unit and the N/A mark stay narrow, and text wraps rather than widen a column.
    columns: [
      { width: 7 },
      { width: hasDescriptions ? 22 : 28 },
      // When no indicator has a description or note (GB/T 40143), narrow: its header wraps.
      { width: hasDescriptions ? 19 : 8 },
      { width: lang === 'zh-CN' ? 6 : 7 },
      { width: 22 },
      { width: 11 },
      { width: 6 },
      { width: 6 },
      { width: lang === 'zh-CN' ? 9.5 : 10 },
      { width: hasDescriptions ? 16 : 20 },
    ],
    merges: [
      { row: 0, col: 0, rows: 1, cols: 10 },
      { row: 1, col: 0, rows: 1, cols: 10 },
    ],
    validations: validations.map(withinValidationLimits),
    freeze: { rows: SCORING_HEADER_ROW + 1, cols: 2 },
    protect: true,
    print: {
      titleRows: { from: SCORING_HEADER_ROW, to: SCORING_HEADER_ROW },
      landscape: true,
      columns: COL.evidence + 1,
      header: ctx.header,
      footer: ctx.footer,
    },
  };
}
