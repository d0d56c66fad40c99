/**
 * Counted records → what `fill` writes into a workbook: the `id,value` rows an inputs file would
 * give, and for each a note of its source for the indicator's evidence cell (which records
 * file, which period, how it was counted, how many rows were left out).
 *
 * Each figure fills the indicator of the workbook's template that names it (`records` in the
 * template), and only where the workbook has that indicator: a figure no indicator of the
 * template takes, or one whose indicator the profile leaves out, is listed as skipped, never an
 * error. A figure with no value (an average over nobody) is skipped too, so a blank never
 * overwrites an answer.
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
  recordsIndicators,
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
import { templateAt } from '../templates/registry.ts';

export type SkipReason = 'not-in-template' | 'not-in-workbook' | 'no-value';

export interface RecordsFill {
  /** As an inputs CSV gives them (no row numbers: they come from no CSV). */
  rows: InputRow[];
  /** indicator id → the note of its source, in the workbook's language */
  notes: Map<string, string>;
  /** by the indicator's id, or by the figure's where the template has no indicator for it */
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
  // The template at the workbook's version: its indicators say which figure each takes.
  const template = templateAt(plan.template.id, plan.template.version);
  const takes = template ? recordsIndicators(template) : new Map<string, { id: string }>();
  const { derived } = loaded;
  for (const figure of derived.figures) {
    const id = takes.get(figure.id)?.id;
    if (id === undefined) fill.skipped.push({ id: figure.id, reason: 'not-in-template' });
    else if (!inWorkbook.has(id)) fill.skipped.push({ id, reason: 'not-in-workbook' });
    else if (figure.value === null) fill.skipped.push({ id, reason: 'no-value' });
    else {
      fill.rows.push({ id, value: figure.value });
      const note = issue('records.note', [], {
        file: basename(loaded.file),
        period: derived.period.text,
        rejected: loaded.rejected.length,
        how: message(figure.how, lang),
      });
      fill.notes.set(id, message(note, lang));
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
