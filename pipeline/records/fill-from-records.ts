/**
 * Counted records → what `fill` writes into a workbook: the `id,value` rows an inputs file would
 * give, and for each a note of its source for the indicator's evidence cell (which records
 * file, which period, how it was counted, how many rows were left out).
 *
 * Only indicators the workbook has are filled: a workbook of another template, or of a profile
 * that leaves an indicator out, gets the rest listed as skipped, never an error. An indicator
 * with no value (an average over nobody) is skipped too, so a blank never overwrites an answer.
 *
 * `fill --records` (wired by the CLI): `const fill = recordsFill(loaded, sub.plan, sub.metadata.lang)`,
 * then either pass `fill.rows` through the same collectInputs → toCellAnswer path as `--inputs`
 * and set each answer's `evidence` from `fill.notes`, or call `withRecordAnswers`, which does
 * exactly that. Over a roster folder, read the file once (`checkRecordsFile`) and take each
 * member's rows with `recordsOf(file, period, member.org_id)`.
 */
import { basename } from 'node:path';
import {
  issue,
  message,
  RECORDS_TEMPLATE_ID,
  toCellAnswer,
  type InputRow,
  type Issue,
  type Lang,
  type RowAnswer,
  type ScoringPlan,
  type StarLevelCount,
  volunteerStarsText,
} from '../../core/index.ts';
import '../messages/index.ts';
import type { LoadedRecords } from './load-records.ts';

export type SkipReason = 'other-template' | 'not-in-workbook' | 'no-value';

export interface RecordsFill {
  /** As an inputs CSV gives them (no row numbers: they come from no CSV). */
  rows: InputRow[];
  /** indicator id → the note of its source, in the workbook's language */
  notes: Map<string, string>;
  skipped: { id: string; reason: SkipReason }[];
  /**
   * The volunteers by star level at the period's end (0: no star yet), as the metadata's
   * `volunteer_stars` holds them: what lets the report show them (docs/workbook-contract.md).
   */
  stars: string;
}

export function recordsFill(loaded: LoadedRecords, plan: ScoringPlan, lang: Lang): RecordsFill {
  const fill: RecordsFill = {
    rows: [],
    notes: new Map(),
    skipped: [],
    stars: volunteerStarsText(starLevels(loaded)),
  };
  const inWorkbook = new Set(plan.indicators.map((i) => i.id));
  const sameTemplate = plan.template.id === RECORDS_TEMPLATE_ID;
  const { derived } = loaded;
  for (const ind of derived.indicators) {
    if (!sameTemplate) fill.skipped.push({ id: ind.id, reason: 'other-template' });
    else if (!inWorkbook.has(ind.id)) fill.skipped.push({ id: ind.id, reason: 'not-in-workbook' });
    else if (ind.value === null) fill.skipped.push({ id: ind.id, reason: 'no-value' });
    else {
      fill.rows.push({ id: ind.id, value: ind.value });
      const note = issue('records.note', [], {
        file: basename(loaded.file),
        period: derived.period.text,
        rejected: loaded.rejected.length,
        how: message(ind.how, lang),
      });
      fill.notes.set(ind.id, message(note, lang));
    }
  }
  return fill;
}

/** Every star level with its volunteers, level 0 being those registered without a star yet. */
export function starLevels(loaded: LoadedRecords): StarLevelCount[] {
  const { stars, volunteers } = loaded.derived;
  const starred = stars.reduce((n, s) => n + s.volunteers, 0);
  return [
    { level: 0, volunteers: volunteers.length - starred },
    ...stars.map((s) => ({ level: s.level, volunteers: s.volunteers })),
  ];
}

/**
 * The workbook's answers with the records' values and notes written in. A value the
 * indicator's rule refuses is an issue (nothing should be written then, as with --inputs).
 */
export function withRecordAnswers(
  answers: ReadonlyMap<string, RowAnswer>,
  plan: ScoringPlan,
  fill: RecordsFill,
  lang: Lang,
): { answers: Map<string, RowAnswer>; errors: Issue[] } {
  const out = new Map(answers);
  const errors: Issue[] = [];
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  for (const { id, value } of fill.rows) {
    const ind = byId.get(id)!;
    const cell = toCellAnswer(ind.rule, ind.unit, value, lang);
    if (!cell.ok) {
      errors.push(issue(cell.code, ['records', id], { id, ...cell.params }));
      continue;
    }
    const evidence = fill.notes.get(id);
    out.set(id, { ...out.get(id), ...cell.answer, ...(evidence ? { evidence } : {}) });
  }
  return { answers: out, errors };
}
