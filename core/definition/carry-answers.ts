/**
 * Answers carried from one workbook into a new plan (the add-in's regenerate, `scorebook
 * migrate`): by indicator, in the new sheet's language and rule spelling. Across versions of a
 * template they follow the codes the new version declares (`was`, core/definition), so an answer
 * lands on the indicator it was given for, never on one that merely took its number. What cannot
 * be carried is listed, never silently lost.
 */
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { toCellAnswer } from '../sheet/input-cells.ts';
import { sheetLabels } from '../sheet/sheet-labels.ts';
import type { Template } from '../template/schema.ts';
import type { Lang } from '../text.ts';
import type { WorkbookMetadata } from '../workbook/metadata.ts';
import type { RowAnswer } from '../workbook/row-answers.ts';
import { successionStep, succession } from './template-versions.ts';

export interface PreviousWork {
  metadata: WorkbookMetadata | undefined;
  /** Every indicator that had something in its row: input, N/A, mode or evidence. */
  answers: Map<string, RowAnswer>;
  /** Weights as the evaluator left them in the sheet. */
  rawWeights: Record<string, number>;
}

export interface Carried {
  answers: Map<string, RowAnswer>;
  /** the new codes of the answers carried */
  kept: string[];
  /** carried to another code: the indicator was renumbered */
  moved: { from: string; to: string }[];
  /** Answered before (old codes), not chosen now or no longer in the template. */
  dropped: string[];
  /** Answered before, but the value does not fit the indicator's rule now (new codes). */
  unreadable: { id: string; input: string }[];
}

/** A row with something in it: an input, N/A, a mode or evidence. */
export function isAnswered(a: RowAnswer): boolean {
  const filled = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';
  return filled(a.input) || Boolean(a.na) || filled(a.mode) || filled(a.evidence);
}

/** What a workbook says of the template its answers were given for. */
export type WorkbookCodes = Pick<
  WorkbookMetadata,
  'template_id' | 'template_version' | 'indicators'
>;

/**
 * Old code → new code for a workbook's answers going into `template`: undefined when they keep
 * their codes (the same version, or another template). Through every version in between where
 * they are found; else by the new version's own `was` against the workbook's codes.
 */
export function answerSuccession(
  meta: WorkbookCodes | undefined,
  template: Template,
  find: (id: string, version: string) => Template | undefined,
): Map<string, string> | undefined {
  if (!meta || meta.template_id !== template.id || meta.template_version === template.version)
    return undefined;
  const old = find(meta.template_id, meta.template_version);
  if (old && old.version === meta.template_version) {
    const s = succession(old, template, find);
    if (s.ok) return s.map;
  }
  const ids = meta.indicators
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return successionStep(ids, template);
}

/** The evaluation mode in the new sheet's language (the list items are the same three in order). */
function translateMode(mode: string, lang: Lang): string {
  for (const from of ['zh-CN', 'en'] as const) {
    const i = sheetLabels(from).modes.indexOf(mode);
    if (i >= 0) return sheetLabels(lang).modes[i]!;
  }
  return mode;
}

export function carryAnswers(
  previous: PreviousWork,
  plan: ScoringPlan,
  lang: Lang,
  /** old code → new code (answerSuccession); absent: the codes stay */
  follow?: ReadonlyMap<string, string>,
): Carried {
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const out: Carried = { answers: new Map(), kept: [], moved: [], dropped: [], unreadable: [] };
  for (const [oldId, a] of previous.answers) {
    const id = follow ? follow.get(oldId) : oldId;
    const ind = id === undefined ? undefined : byId.get(id);
    if (!ind || id === undefined) {
      out.dropped.push(oldId);
      continue;
    }
    const cell = toCellAnswer(ind.rule, ind.unit, a.na ? 'NA' : (a.input ?? null), lang);
    const row: RowAnswer = {};
    if (cell.ok) Object.assign(row, cell.answer);
    else out.unreadable.push({ id, input: String(a.input) });
    if (a.mode) row.mode = translateMode(a.mode, lang);
    if (a.evidence) row.evidence = a.evidence;
    // An unreadable value is still kept in the evidence, so it is not lost with the input cell.
    if (!cell.ok)
      row.evidence = [a.evidence, `${sheetLabels(lang).input}: ${String(a.input)}`]
        .filter(Boolean)
        .join(' | ');
    out.answers.set(id, row);
    out.kept.push(id);
    if (id !== oldId) out.moved.push({ from: oldId, to: id });
  }
  return out;
}
