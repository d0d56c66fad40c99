/**
 * Regeneration keeps a person's work: the answers already in the workbook are carried, by
 * indicator id, into the new sheet, in the new sheet's language and rule spelling. What cannot
 * be carried is listed, never silently lost: answers of indicators no longer chosen, and
 * answers the new rule cannot read (a 符合 where the profile now wants a percentage).
 */
import {
  idToName,
  readSubmission,
  sheetLabels,
  toCellAnswer,
  type ContractCells,
  type Lang,
  type RowAnswer,
  type ScoringPlan,
  type Template,
  type WorkbookMetadata,
} from '../../core/index.ts';

export interface PreviousWork {
  metadata: WorkbookMetadata | undefined;
  /** Every indicator that had something in its row: input, N/A, mode or evidence. */
  answers: Map<string, RowAnswer>;
  /** Weights as the evaluator left them in the sheet. */
  rawWeights: Record<string, number>;
}

export interface Carried {
  answers: Map<string, RowAnswer>;
  kept: string[];
  /** Answered before, not chosen now. */
  dropped: string[];
  /** Answered before, but the value does not fit the indicator's rule now. */
  unreadable: { id: string; input: string }[];
}

function answered(a: RowAnswer): boolean {
  const filled = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';
  return filled(a.input) || Boolean(a.na) || filled(a.mode) || filled(a.evidence);
}

/**
 * The answers in a workbook, through readSubmission when its template is known; from the
 * contract names directly otherwise (a template this add-in no longer ships still gives back
 * what the evaluator typed).
 */
export function previousWork(
  cells: ContractCells,
  findTemplate: (id: string) => Template | undefined,
): PreviousWork {
  const empty: PreviousWork = { metadata: undefined, answers: new Map(), rawWeights: {} };
  if (!cells.metadata) return empty;
  const sub = readSubmission(cells, findTemplate).value;
  if (sub) {
    return {
      metadata: sub.metadata,
      answers: new Map([...sub.answers].filter(([, a]) => answered(a))),
      rawWeights: sub.rawWeights,
    };
  }
  const ids = (cells.metadata.indicators ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const answers = new Map<string, RowAnswer>();
  const plain = (name: string) => cells.cell(name)?.value ?? null;
  for (const id of ids) {
    const na = plain(idToName('NA', id));
    const a: RowAnswer = {
      input: plain(idToName('IN', id)),
      na: na !== null && String(na).trim() !== '',
    };
    const mode = plain(idToName('MD', id));
    const evidence = plain(idToName('EV', id));
    if (mode !== null && mode !== '') a.mode = String(mode);
    if (evidence !== null && evidence !== '') a.evidence = String(evidence);
    if (answered(a)) answers.set(id, a);
  }
  return { metadata: undefined, answers, rawWeights: {} };
}

/** The evaluation mode in the new sheet's language (the list items are the same three in order). */
function translateMode(mode: string, lang: Lang): string {
  for (const from of ['zh-CN', 'en'] as const) {
    const i = sheetLabels(from).modes.indexOf(mode);
    if (i >= 0) return sheetLabels(lang).modes[i]!;
  }
  return mode;
}

export function carryAnswers(previous: PreviousWork, plan: ScoringPlan, lang: Lang): Carried {
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const out: Carried = { answers: new Map(), kept: [], dropped: [], unreadable: [] };
  for (const [id, a] of previous.answers) {
    const ind = byId.get(id);
    if (!ind) {
      out.dropped.push(id);
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
  }
  return out;
}
