/**
 * Check, as the task pane does it, without the page: read the sheet's inputs back by name,
 * recompute with the engine, and set the sheet's own results beside the engine's, so that an
 * edited formula or a sheet Excel has not recalculated shows up.
 */
import {
  firstLevelPoints,
  readSubmission,
  text,
  type Issue,
  type Lang,
  type Method,
  type Mismatch,
  type Template,
} from '../../core/index.ts';
import type { SpreadsheetHost } from './spreadsheet-host.ts';

export interface CheckReport {
  total: number | null;
  grade: string;
  dimensions: {
    id: string;
    name: string;
    weight: number;
    /** As the method defines it (DIM_). */
    score: number | null;
    /** On the total's scale, 0–100, as the pane shows it (core/sheet/score-points.ts). */
    points: number | null;
    count: number;
  }[];
  unanswered: { id: string; name: string }[];
  /** Where the workbook's formulas give another result than the engine. */
  mismatches: Mismatch[];
  /** Inputs the engine cannot read (they score 0, like a blank). */
  inputErrors: Issue[];
  method: Method;
  indicators: number;
}

export async function checkWorkbook(
  host: SpreadsheetHost,
  findTemplate: (id: string) => Template | undefined,
  lang: Lang,
): Promise<{ value?: CheckReport; errors: Issue[] }> {
  const cells = await host.readContractCells();
  const sub = readSubmission(cells, findTemplate);
  if (!sub.value) return { errors: sub.errors };
  const { plan, evaluation } = sub.value;
  const names = new Map(plan.indicators.map((i) => [i.id, text(i.name, lang)]));
  return {
    value: {
      total: evaluation.total,
      grade: evaluation.grade ? text(evaluation.grade.label, lang) : '',
      dimensions: evaluation.dimensions.map((d) => ({
        id: d.id,
        name: text(plan.dimensions.find((x) => x.id === d.id)!.name, lang),
        weight: d.weight,
        score: d.score,
        points: firstLevelPoints(plan.method, d),
        count: d.count,
      })),
      unanswered: evaluation.unanswered.map((id) => ({ id, name: names.get(id) ?? id })),
      mismatches: sub.value.mismatches,
      inputErrors: sub.errors,
      method: plan.method,
      indicators: plan.indicators.length,
    },
    errors: [],
  };
}
