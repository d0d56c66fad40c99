/**
 * Scoring plan + metadata (+ answers) → WorkbookModel: the scoring sheet, the summary, the rules
 * constants and the veryHidden metadata, with every formula's cached value taken from the
 * engine. Deterministic: the same plan and metadata always give the same cells at the same
 * addresses, which is what lets `fill` and the add-in rewrite cached values in place.
 */
import { evaluate, type Evaluation } from '../engine/evaluate.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { describeRule } from '../rules/describe-rule.ts';
import type { RawInput } from '../rules/read-input.ts';
import { text, type Lang } from '../text.ts';
import { METADATA_KEYS, METADATA_SHEET, type WorkbookMetadata } from '../workbook/metadata.ts';
import { SHEET_STYLES } from './sheet-styles.ts';
import { sheetLabels, unitLabel } from './sheet-labels.ts';
import { LINE_POINTS, displayWidth, rowHeights } from './row-heights.ts';
import { inputCellStyle, inputValidation } from './input-cells.ts';
import {
  a1,
  idToName,
  quoteSheet,
  sheetRef,
  type CellSpec,
  type CellValue,
  type FormulaKey,
  type HeaderFooter,
  type NameSpec,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookModel,
} from './sheet-model.ts';
import { placeRuleConstants } from './rules-constants.ts';
import { scoreFormula } from './score-formulas.ts';
import { withinValidationLimits } from './validation-texts.ts';

/** What the evaluator entered in one indicator's row, as cell values. */
export interface RowAnswer {
  input?: CellValue;
  na?: boolean;
  mode?: string;
  evidence?: string;
}

export interface LayoutOptions {
  lang: Lang;
  answers?: ReadonlyMap<string, RowAnswer>;
  /** The weight cells as the evaluator left them (any positive numbers); the plan's otherwise. */
  rawWeights?: Readonly<Record<string, number>>;
  generator?: string;
}

// Scoring sheet columns.
export const COL = {
  code: 0,
  name: 1,
  description: 2,
  unit: 3,
  rule: 4,
  input: 5,
  na: 6,
  score: 7,
  mode: 8,
  evidence: 9,
} as const;
// Summary sheet columns of the first-level table.
/**
 * The summary's columns. `norm` (shown) is each first-level indicator's share of the total as it
 * stands: a first-level indicator with nothing applicable (all N/A, or recorded figures only)
 * has none, and the others' shares grow to fill 100 %, so score × share adds up to the total.
 * `share` (hidden) is the weight over all chosen first-level indicators, which the formulas use.
 */
export const SUM_COL = {
  code: 0,
  name: 1,
  weight: 2,
  norm: 3,
  count: 4,
  sum: 5,
  score: 6,
  contribution: 7,
  applicable: 8,
  weighted: 9,
  weightedCount: 10,
  share: 11,
} as const;
export const SCORING_HEADER_ROW = 2;
/**
 * Nine characters. Not 9 itself: exceljs takes a width of exactly 9 for its default and leaves
 * the column out of the file, so Excel would show its own default (8.43) while the add-in sets
 * 9. 9.01 is the same 63 pixels in Excel and is written.
 */
export const NINE = 9.01;

class Grid {
  rows: (CellSpec | undefined)[][] = [];
  set(row: number, col: number, cell: CellSpec): void {
    (this.rows[row] ??= [])[col] = cell;
  }
}

/** The engine's inputs for these answers: an N/A mark wins over whatever the input cell holds. */
export function answersToInputs(
  answers: ReadonlyMap<string, RowAnswer> | undefined,
): Map<string, RawInput> {
  const inputs = new Map<string, RawInput>();
  for (const [id, a] of answers ?? []) inputs.set(id, a.na ? 'NA' : (a.input ?? null));
  return inputs;
}

export function layoutWorkbook(
  plan: ScoringPlan,
  meta: WorkbookMetadata,
  opts: LayoutOptions,
): WorkbookModel {
  const L = sheetLabels(opts.lang);
  const lang = opts.lang;
  const ev = evaluate(plan, answersToInputs(opts.answers));
  const rawWeights = Object.fromEntries(
    plan.dimensions.map((d) => [d.id, opts.rawWeights?.[d.id] ?? d.weight]),
  );
  const cache = cachedValue(plan, ev, rawWeights, lang);
  const f = (formula: string, key: FormulaKey, style: CellSpec['style']): CellSpec => ({
    formula,
    key,
    cached: cache(key),
    style,
  });

  const names: NameSpec[] = [];
  const name = (n: string, sheet: string, row: number, col: number) =>
    names.push({ name: n, sheet, row, col });

  // ---- rules sheet: constants the formulas read -------------------------------------------
  const rules = new Grid();
  const R = L.rulesSheet;
  rules.set(0, 0, { value: L.rulesTitle, style: 'title' });
  rules.set(2, 0, { value: L.code, style: 'header' });
  rules.set(2, 1, { value: L.rule, style: 'header' });
  rules.set(2, 2, { value: L.band, style: 'header' });
  rules.set(2, 3, { value: L.lower, style: 'header' });
  rules.set(2, 4, { value: L.upper, style: 'header' });
  rules.set(2, 5, { value: L.score, style: 'header' });
  const constants = placeRuleConstants(plan.indicators, R, 3, (r, c, cell) =>
    rules.set(r, c, cell),
  );
  let rr = constants.next;
  rr++;
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

  // ---- scoring sheet --------------------------------------------------------------------------
  const scoring = new Grid();
  const S = L.scoringSheet;
  const validations: ValidationSpec[] = [];
  scoring.set(0, 0, { value: text(plan.template.title, lang), style: 'title' });
  scoring.set(1, 0, {
    value: [
      `${L.org}${L.colon}${meta.org_name}${meta.org_id ? (lang === 'zh-CN' ? `（${meta.org_id}）` : ` (${meta.org_id})`) : ''}`,
      `${L.period}${L.colon}${meta.period}`,
      `${L.evaluator}${L.colon}${meta.evaluator}`,
      `${L.profile}${L.colon}${plan.profile ? text(plan.profile.name, lang) : '—'}`,
    ].join('    '),
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

  const answers = opts.answers;
  let row = SCORING_HEADER_ROW + 1;
  const dimRanges = new Map<string, string[]>();
  const dimHeaderRows = new Map<string, number>();
  const groupScoreRows = new Map<string, number>();
  for (const d of plan.dimensions) {
    dimHeaderRows.set(d.id, row);
    scoring.set(row, COL.code, { value: d.id, style: 'dimension' });
    scoring.set(row, COL.name, { value: text(d.name, lang), style: 'dimension' });
    for (let c: number = COL.description; c <= COL.evidence; c++)
      if (c !== COL.score) scoring.set(row, c, { value: null, style: 'dimension' });
    row++;
    const ranges: string[] = [];
    for (const g of d.groups) {
      const groupRow = row++;
      groupScoreRows.set(g.id, groupRow);
      const first = row;
      const last = row + g.indicators.length - 1;
      const range = `${a1(first, COL.score, true)}:${a1(last, COL.score, true)}`;
      ranges.push(range);
      scoring.set(groupRow, COL.code, { value: g.id, style: 'group' });
      scoring.set(groupRow, COL.name, { value: text(g.name, lang), style: 'group' });
      for (let c: number = COL.description; c <= COL.evidence; c++)
        if (c !== COL.score) scoring.set(groupRow, c, { value: null, style: 'group' });
      scoring.set(
        groupRow,
        COL.score,
        f(
          `IF(COUNT(${range})=0,"",SUM(${range})/COUNT(${range}))`,
          { k: 'group', id: g.id },
          'groupScore',
        ),
      );
      for (const ind of g.indicators) {
        const a = answers?.get(ind.id);
        scoring.set(row, COL.code, { value: ind.id, style: 'code' });
        scoring.set(row, COL.name, { value: text(ind.name, lang), style: 'textWrap' });
        const desc = ind.description ?? ind.note;
        scoring.set(row, COL.description, {
          value: desc ? text(desc, lang) : null,
          style: 'textWrap',
        });
        scoring.set(row, COL.unit, { value: unitLabel(ind.unit, lang) ?? null, style: 'text' });
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
            scoreFormula(ind.rule, ind.unit, inRef, naRef, constants.at.get(ind.id)!),
            { k: 'score', id: ind.id },
            'score',
          ),
        );
        validations.push(inputValidation(ind.rule, ind.unit, row, COL.input, lang));
        validations.push({
          row,
          col: COL.na,
          type: 'list',
          list: [L.naToken],
          prompt: { title: L.na, text: L.naPrompt },
          error: { title: L.invalidTitle, text: L.naPrompt, style: 'stop' },
        });
        validations.push({
          row,
          col: COL.mode,
          type: 'list',
          list: L.modes,
          prompt: { title: L.mode, text: L.modePrompt },
          error: { title: L.mode, text: L.modePrompt, style: 'information' },
        });
        name(idToName('IN', ind.id), S, row, COL.input);
        name(idToName('NA', ind.id), S, row, COL.na);
        name(idToName('SC', ind.id), S, row, COL.score);
        name(idToName('MD', ind.id), S, row, COL.mode);
        name(idToName('EV', ind.id), S, row, COL.evidence);
        row++;
      }
    }
    dimRanges.set(d.id, ranges);
  }

  // ---- summary sheet --------------------------------------------------------------------------
  const summary = new Grid();
  const M = L.summarySheet;
  summary.set(0, 0, { value: L.summaryTitle, style: 'title' });
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
    [L.method, plan.method === 'mean' ? L.methodMean : L.methodSum],
  ];
  details.forEach(([k, v], i) => {
    summary.set(2 + i, 0, { value: k, style: 'label' });
    summary.set(2 + i, 1, { value: v, style: 'text' });
  });
  const head = 2 + details.length + 1;
  const sumHeaders = [
    L.code,
    L.dimension,
    L.weight,
    L.normWeight,
    L.count,
    L.sum,
    L.dimScore,
    L.contribution,
    L.applicable,
    L.weighted,
    L.weightedCount,
    L.share,
  ];
  sumHeaders.forEach((h, c) => summary.set(head, c, { value: h, style: 'header' }));
  const firstDim = head + 1;
  const lastDim = firstDim + plan.dimensions.length - 1;
  const col = (c: number) => `${a1(firstDim, c, true)}:${a1(lastDim, c, true)}`;
  const totalRow = lastDim + 1;
  const den =
    plan.method === 'mean'
      ? `SUM(${col(SUM_COL.applicable)})`
      : `SUM(${col(SUM_COL.weightedCount)})`;
  plan.dimensions.forEach((d, i) => {
    const r = firstDim + i;
    const ranges = dimRanges
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
    summary.set(r, SUM_COL.weight, { value: rawWeights[d.id]!, style: 'weight' });
    summary.set(
      r,
      SUM_COL.share,
      f(
        `IF(SUM(${col(SUM_COL.weight)})>0,${cell(SUM_COL.weight)}/SUM(${col(SUM_COL.weight)}),0)`,
        dim('share'),
        'number',
      ),
    );
    const effective =
      plan.method === 'mean' ? cell(SUM_COL.applicable) : cell(SUM_COL.weightedCount);
    summary.set(r, SUM_COL.norm, f(`IF(${den}=0,"",${effective}/${den})`, dim('norm'), 'percent'));
    summary.set(r, SUM_COL.count, f(`COUNT(${ranges})`, dim('count'), 'number'));
    summary.set(r, SUM_COL.sum, f(`SUM(${ranges})`, dim('sum'), 'number'));
    const dimFormula =
      plan.method === 'mean'
        ? `IF(${cell(SUM_COL.count)}=0,"",${cell(SUM_COL.sum)}/${cell(SUM_COL.count)})`
        : `IF(${cell(SUM_COL.count)}=0,"",${cell(SUM_COL.share)}*${cell(SUM_COL.sum)})`;
    summary.set(r, SUM_COL.score, f(dimFormula, dim('score'), 'score'));
    summary.set(
      r,
      SUM_COL.applicable,
      f(`IF(${cell(SUM_COL.count)}>0,${cell(SUM_COL.share)},0)`, dim('applicable'), 'number'),
    );
    const weighted =
      plan.method === 'mean'
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
      f(`IF(${den}=0,"",100*${cell(SUM_COL.weighted)}/${den})`, dim('contribution'), 'score'),
    );
    name(idToName('DIM', d.id), M, r, SUM_COL.score);
    name(idToName('WT', d.id), M, r, SUM_COL.weight);
    // Mirror the first-level score on its header row of the scoring sheet.
    scoring.set(
      dimHeaderRows.get(d.id)!,
      COL.score,
      f(`${sheetRef(M, r, SUM_COL.score)}`, dim('score'), 'dimensionScore'),
    );
  });
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

  let gr = tRow + 3;
  summary.set(gr, 0, { value: L.groups, style: 'label' });
  gr++;
  summary.set(gr, 0, { value: L.code, style: 'header' });
  summary.set(gr, 1, { value: L.group, style: 'header' });
  summary.set(gr, 2, { value: L.score, style: 'header' });
  gr++;
  for (const d of plan.dimensions) {
    for (const g of d.groups) {
      summary.set(gr, 0, { value: g.id, style: 'code' });
      summary.set(gr, 1, { value: text(g.name, lang), style: 'text' });
      summary.set(
        gr,
        2,
        f(sheetRef(S, groupScoreRows.get(g.id)!, COL.score), { k: 'group', id: g.id }, 'score'),
      );
      gr++;
    }
  }

  const summaryValidations: ValidationSpec[] = plan.dimensions.map((_, i) => ({
    row: firstDim + i,
    col: SUM_COL.weight,
    type: 'decimal',
    min: 0,
    max: 100,
    prompt: { title: L.weight, text: L.weightPrompt },
    error: { title: L.invalidTitle, text: L.weightPrompt, style: 'stop' },
  }));

  // ---- metadata -------------------------------------------------------------------------------
  const metaGrid = new Grid();
  METADATA_KEYS.forEach((k, i) => {
    metaGrid.set(i, 0, { value: k });
    metaGrid.set(i, 1, { value: meta[k] ?? '' });
  });

  // Printed on every page: whose evaluation, which period, and the page of how many.
  const header: HeaderFooter = {
    left: [meta.org_name],
    right: [`${L.period}${L.colon}`, meta.period],
  };
  const footer: HeaderFooter = { center: L.pageOf };
  const hasDescriptions = plan.indicators.some((ind) => ind.description ?? ind.note);
  const scoringSheet: SheetSpec = {
    name: S,
    state: 'visible',
    rows: scoring.rows,
    columns: [
      { width: 8 },
      { width: 42 },
      // When no indicator has a description or note (GB/T 40143), as wide as the header.
      { width: hasDescriptions ? 42 : displayWidth(L.description) + 2 },
      { width: lang === 'zh-CN' ? 7 : 12 },
      { width: 30 },
      { width: 14 },
      { width: NINE },
      { width: NINE },
      // "Evaluation mode" and "Document review" in one line.
      { width: lang === 'zh-CN' ? 12 : 16 },
      { width: 32 },
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
      header,
      footer,
    },
  };
  const summarySheet: SheetSpec = {
    name: M,
    state: 'visible',
    rows: summary.rows,
    columns: [
      { width: 16 },
      { width: 30 },
      { width: 10 },
      { width: 12 },
      { width: 11 },
      { width: 11 },
      { width: 13 },
      { width: 14 },
      { width: 12, hidden: true },
      { width: 12, hidden: true },
      { width: 12, hidden: true },
      { width: 12, hidden: true },
    ],
    merges: [{ row: 0, col: 0, rows: 1, cols: 8 }],
    validations: summaryValidations.map(withinValidationLimits),
    freeze: undefined,
    protect: true,
    print: { landscape: false, header, footer },
  };
  const rulesSheet: SheetSpec = {
    name: R,
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
    print: { landscape: false, header, footer },
  };
  const metaSheet: SheetSpec = {
    name: METADATA_SHEET,
    state: 'veryHidden',
    rows: metaGrid.rows,
    columns: [{ width: 18 }, { width: 60 }],
    merges: [],
    validations: [],
    protect: true,
  };
  // Each row as tall as its wrapped text (the metadata sheet wraps nothing).
  for (const sheet of [scoringSheet, summarySheet, rulesSheet]) {
    const heights = rowHeights(
      sheet,
      SHEET_STYLES,
      lang === 'zh-CN' ? LINE_POINTS.cjk : LINE_POINTS.latin,
    );
    if (heights.length) sheet.rowHeights = heights;
  }
  return {
    sheets: [scoringSheet, summarySheet, rulesSheet, metaSheet],
    names,
    styles: SHEET_STYLES,
    font:
      lang === 'zh-CN'
        ? { name: '等线', charset: 134, size: 10.5 }
        : { name: 'Calibri', size: 10.5 },
    properties: {
      title: text(plan.template.title, lang),
      creator: opts.generator ?? 'scorebook',
      created: meta.generated_at,
    },
  };
}

/** The engine's number for each formula key: the cached values a fresh workbook carries. */
export function cachedValue(
  plan: ScoringPlan,
  ev: Evaluation,
  rawWeights: Record<string, number>,
  lang: Lang,
) {
  const scores = new Map(ev.indicators.map((r) => [r.id, r.score]));
  const groups = new Map(ev.groups.map((g) => [g.id, g.score]));
  const dims = new Map(ev.dimensions.map((d) => [d.id, d]));
  // What a first-level indicator brings to the total's denominator: the sheet's applicable
  // weight (mean) or weighted count (sum). Its share as it stands is this over their sum.
  const part = (d: Evaluation['dimensions'][number]) =>
    plan.method === 'mean' ? (d.count > 0 ? d.weight : 0) : d.weight * d.count;
  const den = ev.dimensions.reduce((a, d) => a + part(d), 0);
  const blankIfNull = (x: number | null | undefined): CellValue =>
    x === null || x === undefined ? '' : x;
  return (key: FormulaKey): CellValue => {
    switch (key.k) {
      case 'score':
        return blankIfNull(scores.get(key.id));
      case 'group':
        return blankIfNull(groups.get(key.id));
      case 'dim': {
        const d = dims.get(key.id)!;
        const weighted =
          d.count > 0
            ? plan.method === 'mean'
              ? d.weight * (d.mean as number)
              : d.weight * d.sum
            : 0;
        switch (key.part) {
          case 'count':
            return d.count;
          case 'sum':
            return d.sum;
          case 'score':
            return blankIfNull(d.score);
          case 'norm':
            return den === 0 ? '' : part(d) / den;
          case 'share':
            return d.weight;
          case 'applicable':
            return d.count > 0 ? d.weight : 0;
          case 'weighted':
            return weighted;
          case 'weightedCount':
            return d.weight * d.count;
          case 'contribution':
            return den === 0 ? '' : (100 * weighted) / den;
        }
        return '';
      }
      case 'weightSum':
        return Object.values(rawWeights).reduce((a, b) => a + b, 0);
      case 'normSum':
        // The shares as they stand add up to 1, or to nothing when no first-level indicator counts.
        return den === 0 ? 0 : ev.dimensions.reduce((a, d) => a + part(d) / den, 0);
      case 'total':
        return blankIfNull(ev.total);
      case 'grade':
        return ev.grade ? text(ev.grade.label, lang) : '';
    }
  };
}
