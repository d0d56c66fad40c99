/**
 * A completed workbook's contract cells → a Submission: the metadata validated, the plan it
 * was generated from, the answers, the engine's recomputation, and where the workbook's
 * cached results disagree with the engine (an edited formula, a stale file). Cells are found
 * by defined name only.
 */
import { evaluate, type Evaluation } from '../engine/evaluate.ts';
import { issue, type Issue, type Result } from '../issues.ts';
import { resolvePlan, type ScoringPlan } from '../profile/resolve-profile.ts';
import { answersToInputs, type RowAnswer } from '../sheet/layout-workbook.ts';
import { idToName, type CellValue } from '../sheet/sheet-model.ts';
import { text } from '../text.ts';
import type { Template } from '../template/schema.ts';
import { metadataSchema, type WorkbookMetadata } from './metadata.ts';

export interface ContractCell {
  value: CellValue;
  formula?: string;
  error?: string;
}

export interface ContractCells {
  metadata: Record<string, string> | undefined;
  cell(name: string): ContractCell | undefined;
}

export interface Mismatch {
  name: string;
  cached: CellValue;
  engine: CellValue;
}

export interface Submission {
  metadata: WorkbookMetadata;
  plan: ScoringPlan;
  answers: Map<string, RowAnswer>;
  rawWeights: Record<string, number>;
  evaluation: Evaluation;
  cached: { total: CellValue; grade: CellValue; dimensions: Record<string, CellValue>; scores: Record<string, CellValue> };
  mismatches: Mismatch[];
}

export const TOLERANCE = 1e-9;

function plain(c: ContractCell | undefined): CellValue {
  if (!c) return null;
  if (c.error) return c.error;
  return c.value;
}

function differs(cached: CellValue, engine: CellValue): boolean {
  const blank = (x: CellValue) => x === null || x === '';
  if (blank(cached) && blank(engine)) return false;
  if (typeof cached === 'number' && typeof engine === 'number') return Math.abs(cached - engine) > TOLERANCE;
  return cached !== engine;
}

export function readSubmission(cells: ContractCells, findTemplate: (id: string) => Template | undefined): Result<Submission> {
  const fail = (...errors: Issue[]) => ({ value: undefined, errors });
  if (!cells.metadata) return fail(issue('workbook.no-metadata', []));
  const parsed = metadataSchema.safeParse(cells.metadata);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return fail(issue('workbook.metadata', ['_scorebook', String(first.path[0] ?? '')], { key: String(first.path[0] ?? ''), message: first.message }));
  }
  const meta = parsed.data;
  const template = findTemplate(meta.template_id);
  if (!template) return fail(issue('workbook.unknown-template', [], { id: meta.template_id, version: meta.template_version }));
  if (template.version !== meta.template_version) {
    return fail(issue('workbook.template-version', [], { id: meta.template_id, version: meta.template_version, known: template.version }));
  }

  const ids = meta.indicators.split(',').map((s) => s.trim()).filter(Boolean);
  const base = resolvePlan(template, { ...(meta.profile ? { profile: meta.profile } : {}), indicators: ids, method: meta.method });
  if (!base.value) return fail(...base.errors.map((e) => ({ ...e, code: e.code })));

  const required = [
    ...base.value.indicators.flatMap((i) => [idToName('IN', i.id), idToName('NA', i.id), idToName('SC', i.id)]),
    ...base.value.dimensions.flatMap((d) => [idToName('DIM', d.id), idToName('WT', d.id)]),
    'TOTAL',
    'GRADE',
  ];
  const missing = required.filter((n) => cells.cell(n) === undefined);
  if (missing.length) {
    return fail(issue('workbook.missing-name', [], { count: missing.length, names: missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '') }));
  }

  const errors: Issue[] = [];
  const rawWeights: Record<string, number> = {};
  for (const d of base.value.dimensions) {
    const w = plain(cells.cell(idToName('WT', d.id)));
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) errors.push(issue('workbook.weight', [idToName('WT', d.id)], { id: d.id, value: String(w) }));
    else rawWeights[d.id] = w;
  }
  if (errors.length) return fail(...errors);
  const weighted = resolvePlan(template, { ...(meta.profile ? { profile: meta.profile } : {}), indicators: ids, method: meta.method, weights: rawWeights });
  if (!weighted.value) return fail(...weighted.errors);
  const plan = weighted.value;

  const answers = new Map<string, RowAnswer>();
  for (const ind of plan.indicators) {
    const input = plain(cells.cell(idToName('IN', ind.id)));
    const na = plain(cells.cell(idToName('NA', ind.id)));
    const mode = plain(cells.cell(idToName('MD', ind.id)));
    const evidence = plain(cells.cell(idToName('EV', ind.id)));
    const a: RowAnswer = { input, na: na !== null && String(na).trim() !== '' };
    if (mode !== null && mode !== '') a.mode = String(mode);
    if (evidence !== null && evidence !== '') a.evidence = String(evidence);
    answers.set(ind.id, a);
  }
  const evaluation = evaluate(plan, answersToInputs(answers));

  const cached = {
    total: plain(cells.cell('TOTAL')),
    grade: plain(cells.cell('GRADE')),
    dimensions: Object.fromEntries(plan.dimensions.map((d) => [d.id, plain(cells.cell(idToName('DIM', d.id)))])),
    scores: Object.fromEntries(plan.indicators.map((i) => [i.id, plain(cells.cell(idToName('SC', i.id)))])),
  };
  const mismatches: Mismatch[] = [];
  const check = (name: string, c: CellValue, e: number | string | null) => {
    if (differs(c, e)) mismatches.push({ name, cached: c, engine: e });
  };
  evaluation.indicators.forEach((r) => check(idToName('SC', r.id), cached.scores[r.id] ?? null, r.score));
  evaluation.dimensions.forEach((d) => check(idToName('DIM', d.id), cached.dimensions[d.id] ?? null, d.score));
  check('TOTAL', cached.total, evaluation.total);
  check('GRADE', cached.grade, evaluation.grade ? text(evaluation.grade.label, meta.lang) : '');

  return {
    value: { metadata: meta, plan, answers, rawWeights, evaluation, cached, mismatches },
    errors: evaluation.errors,
  };
}
