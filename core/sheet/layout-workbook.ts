/**
 * Scoring plan + metadata (+ answers) → WorkbookModel: the scoring sheet, the summary, the rules
 * constants and the veryHidden metadata, with every formula's cached value taken from the
 * engine. Deterministic: the same plan and metadata always give the same cells at the same
 * addresses, which is what lets `fill` and the add-in rewrite cached values in place.
 */
import { evaluate } from '../engine/evaluate.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { text, type Lang } from '../text.ts';
import type { WorkbookMetadata } from '../workbook/metadata.ts';
import { answersToInputs, type RowAnswer } from '../workbook/row-answers.ts';
import { cachedValue } from './cached-values.ts';
import type { FormulaCell, LayoutContext } from './layout-context.ts';
import { layoutMetadata } from './metadata-layout.ts';
import { linePointsFor, rowHeights } from './row-heights.ts';
import { layoutRules } from './rules-layout.ts';
import { layoutScoring } from './scoring-layout.ts';
import { sheetLabels } from './sheet-labels.ts';
import type { NameSpec, WorkbookModel } from './sheet-model.ts';
import { SHEET_STYLES } from './sheet-styles.ts';
import { layoutSummary } from './summary-layout.ts';

export interface LayoutOptions {
  lang: Lang;
  answers?: ReadonlyMap<string, RowAnswer>;
  /** The weight cells as the evaluator left them (any positive numbers); the plan's otherwise. */
  rawWeights?: Readonly<Record<string, number>>;
  /**
   * Leave the weight cells editable (the add-in's own workbooks, `generate --editable-weights`).
   * By default they are locked like every cell that is not an input: weights stay issued.
   */
  editableWeights?: boolean;
  generator?: string;
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
  const f: FormulaCell = (formula, key, style) => ({
    formula,
    key,
    cached: cache(key),
    style,
  });
  const names: NameSpec[] = [];
  const ctx: LayoutContext = {
    lang,
    L,
    f,
    names,
    name: (n, sheet, row, col) => names.push({ name: n, sheet, row, col }),
    // Printed on every page: whose evaluation, which period, and the page of how many.
    header: { left: [meta.org_name], right: [`${L.period}${L.colon}`, meta.period] },
    footer: { center: L.pageOf },
  };

  const rules = layoutRules(plan, ctx);
  const scoring = layoutScoring(plan, meta, ctx, opts.answers, rules.constants);
  const summary = layoutSummary(
    plan,
    meta,
    ctx,
    scoring,
    rawWeights,
    rules.gradeRows,
    opts.editableWeights ?? false,
  );
  const visible = [scoring.sheet, summary, rules.sheet];
  // Each row as tall as its wrapped text (the metadata sheet wraps nothing).
  for (const sheet of visible) {
    const heights = rowHeights(sheet, SHEET_STYLES, linePointsFor(lang));
    if (heights.length) sheet.rowHeights = heights;
  }
  return {
    sheets: [...visible, layoutMetadata(meta)],
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
