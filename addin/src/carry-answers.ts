/**
 * Regeneration keeps a person's work: the answers already in the workbook are carried into the
 * new sheet (core's carryAnswers: by indicator, across versions following `was`, in the new
 * sheet's language and rule spelling). This reads them from the open workbook's contract cells.
 */
import {
  idToName,
  isAnswered,
  readSubmission,
  type ContractCells,
  type PreviousWork,
  type RowAnswer,
  type Template,
  type WorkbookCodes,
} from '../../core/index.ts';

export { carryAnswers, type Carried, type PreviousWork } from '../../core/index.ts';

/**
 * The answers in a workbook, through readSubmission when its template (of its version) is known;
 * from the contract names directly otherwise (a template this add-in no longer ships still gives
 * back what the evaluator typed).
 */
export function previousWork(
  cells: ContractCells,
  findTemplate: (id: string, version: string) => Template | undefined,
): PreviousWork {
  const empty: PreviousWork = { metadata: undefined, answers: new Map(), rawWeights: {} };
  if (!cells.metadata) return empty;
  const sub = readSubmission(cells, findTemplate).value;
  if (sub) {
    return {
      metadata: sub.metadata,
      answers: new Map([...sub.answers].filter(([, a]) => isAnswered(a))),
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
    if (isAnswered(a)) answers.set(id, a);
  }
  return { metadata: undefined, answers, rawWeights: {} };
}

/** The template codes of a workbook's metadata as it stands, even when it does not read whole. */
export function workbookCodes(meta: Record<string, string> | undefined): WorkbookCodes | undefined {
  if (!meta?.template_id || !meta.template_version) return undefined;
  return {
    template_id: meta.template_id,
    template_version: meta.template_version,
    indicators: meta.indicators ?? '',
  };
}
