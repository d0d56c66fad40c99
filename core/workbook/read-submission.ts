/**
 * A completed workbook's contract cells → a Submission: the metadata validated, the plan it
 * was generated from, the answers, the engine's recomputation, and where the workbook's
 * cached results disagree with the engine (an edited formula, a stale file). Cells are found
 * by defined name only.
 */
import { evaluate, type Evaluation } from '../engine/evaluate.ts';
import { issue, type Issue, type Result } from '../issues.ts';
import { resolvePlan, type ScoringPlan } from '../profile/resolve-profile.ts';
import { ruleKind } from '../rules/kinds/index.ts';
import { text } from '../text.ts';
import type { Template } from '../template/schema.ts';
import { idToName, type CellValue } from './contract-cells.ts';
import {
  cachedProfileHash,
  metadataIssues,
  creditCodeIssue,
  metadataSchema,
  parseVolunteerStars,
  parseIssuedWeights,
  type WorkbookMetadata,
} from './metadata.ts';
import { answersToInputs, type RowAnswer } from './row-answers.ts';

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
  /** The input cell holds this text where the sheet's formula needs a number (the likely cause). */
  textInput?: string;
}

export interface Submission {
  metadata: WorkbookMetadata;
  /** The plan with the workbook's own weights (its WT_ cells), as its formulas compute. */
  plan: ScoringPlan;
  answers: Map<string, RowAnswer>;
  rawWeights: Record<string, number>;
  /** The engine's scores with the workbook's own weights: what its cells should show. */
  evaluation: Evaluation;
  /**
   * The plan with the weights the workbook was issued with, and the engine's scores under them:
   * what comparisons use. The same objects as `plan` and `evaluation` unless the weights changed.
   */
  issued: { plan: ScoringPlan; evaluation: Evaluation };
  /** The WT_ cells' weights, normalized, differ from the issued ones (by more than 1e-9). */
  weightsChanged: boolean;
  /**
   * The file holds cached values for its formulas. False when every contract formula cell lacks
   * one: saved by a program that does not calculate, so there is nothing to compare (no mismatches).
   */
  calculated: boolean;
  cached: {
    total: CellValue;
    grade: CellValue;
    dimensions: Record<string, CellValue>;
    scores: Record<string, CellValue>;
  };
  mismatches: Mismatch[];
}

export const TOLERANCE = 1e-9;

function plain(c: ContractCell | undefined): CellValue {
  if (!c) return null;
  if (c.error) return c.error;
  return c.value;
}

const blank = (x: CellValue) => x === null || x === '';

function differs(cached: CellValue, engine: CellValue): boolean {
  if (blank(cached) && blank(engine)) return false;
  if (typeof cached === 'number' && typeof engine === 'number')
    return Math.abs(cached - engine) > TOLERANCE;
  return cached !== engine;
}

/** The defined names of one plan's indicators and dimensions, made once per plan. */
interface PlanNames {
  required: string[];
  indicators: { IN: string; NA: string; SC: string; MD: string; EV: string }[];
  dimensions: { DIM: string; WT: string }[];
}

interface Prepared {
  base: Result<ScoringPlan>;
  names: PlanNames | undefined;
  /** weights as read → the weighted plan */
  weighted: Map<string, Result<ScoringPlan>>;
  /** the metadata's issued weights → the base plan with exactly those weights */
  issued: Map<string, ScoringPlan>;
}

/**
 * Returns from one roster share template, profile, method and indicators, and nearly always the
 * weights: the plans (and the names they need) are made once per choice, not per workbook.
 * resolvePlan is pure, and plans are only read.
 */
const prepared = new WeakMap<Template, Map<string, Prepared>>();
const CACHE_LIMIT = 32;

function planNames(plan: ScoringPlan): PlanNames {
  const indicators = plan.indicators.map((i) => ({
    IN: idToName('IN', i.id),
    NA: idToName('NA', i.id),
    SC: idToName('SC', i.id),
    MD: idToName('MD', i.id),
    EV: idToName('EV', i.id),
  }));
  const dimensions = plan.dimensions.map((d) => ({
    DIM: idToName('DIM', d.id),
    WT: idToName('WT', d.id),
  }));
  return {
    required: [
      ...indicators.flatMap((n) => [n.IN, n.NA, n.SC]),
      ...dimensions.flatMap((n) => [n.DIM, n.WT]),
      'TOTAL',
      'GRADE',
    ],
    indicators,
    dimensions,
  };
}

function prepare(
  template: Template,
  choice: { profile?: string; indicators: string[]; method: WorkbookMetadata['method'] },
): Prepared {
  let byChoice = prepared.get(template);
  if (!byChoice) prepared.set(template, (byChoice = new Map()));
  const key = `${choice.profile ?? ''}\u0000${choice.method}\u0000${choice.indicators.join(',')}`;
  let p = byChoice.get(key);
  if (!p) {
    const base = resolvePlan(template, choice);
    p = {
      base,
      names: base.value && planNames(base.value),
      weighted: new Map(),
      issued: new Map(),
    };
    if (byChoice.size >= CACHE_LIMIT) byChoice.delete(byChoice.keys().next().value!);
    byChoice.set(key, p);
  }
  return p;
}

function weightedPlan(
  template: Template,
  p: Prepared,
  choice: { profile?: string; indicators: string[]; method: WorkbookMetadata['method'] },
  weights: Record<string, number>,
): Result<ScoringPlan> {
  // String(w) is the shortest text that reads back as w; -0 is kept apart from 0.
  const key = Object.values(weights)
    .map((w) => (Object.is(w, -0) ? '-0' : String(w)))
    .join(',');
  let r = p.weighted.get(key);
  if (!r) {
    r = resolvePlan(template, { ...choice, weights });
    if (p.weighted.size >= CACHE_LIMIT) p.weighted.delete(p.weighted.keys().next().value!);
    p.weighted.set(key, r);
  }
  return r;
}

/**
 * The base plan with the issued weights exactly as the metadata states them: they were
 * normalized at generation, and normalizing again could move a last bit and with it the hash.
 */
function issuedPlan(p: Prepared, text: string, weights: Record<string, number>): ScoringPlan {
  let plan = p.issued.get(text);
  if (!plan) {
    const base = p.base.value!;
    plan = { ...base, dimensions: base.dimensions.map((d) => ({ ...d, weight: weights[d.id]! })) };
    if (p.issued.size >= CACHE_LIMIT) p.issued.delete(p.issued.keys().next().value!);
    p.issued.set(text, plan);
  }
  return plan;
}

export interface ReadSubmissionOptions {
  /**
   * Refuse a workbook whose profile_hash is not the hash of the plan its metadata describes: the
   * hidden sheet was edited (indicators dropped, the method changed …). The hash covers the
   * weights the workbook was issued with, which the metadata's `weights` records. A workbook
   * made before that key existed is checked with the template's (or profile's) weights and with
   * the weights in the WT_ cells: one of the two is the generation's unless the weights were both
   * chosen at generation and edited since.
   */
  verifyProfileHash?: boolean;
}

/** resolvePlan's complaints about a plan read from metadata are complaints about the metadata. */
function planIssue(template: Template, e: Issue): Issue {
  if (e.code === 'choice.unknown-indicator')
    return issue('workbook.metadata', ['_scorebook', 'indicators'], {
      key: 'indicators',
      problem: 'unknown-indicator',
      value: e.params?.id,
      template: template.id,
    });
  if (e.code === 'choice.empty')
    return issue('workbook.metadata', ['_scorebook', 'indicators'], {
      key: 'indicators',
      problem: 'empty',
    });
  return e;
}

export function readSubmission(
  cells: ContractCells,
  /** the template of this id and version, else of this id (its version is then said not to match) */
  findTemplate: (id: string, version: string) => Template | undefined,
  opts: ReadSubmissionOptions = {},
): Result<Submission> {
  if (!cells.metadata) return fail(issue('workbook.no-metadata', []));
  const parsed = metadataSchema.safeParse(cells.metadata);
  if (!parsed.success) return fail(...metadataIssues(parsed.error.issues, cells.metadata));
  const meta = parsed.data;
  // Identity and star counts are checked where they are read: a wrong code is refused with why.
  const identity: Issue[] = [];
  const codeIssue = creditCodeIssue(meta.credit_code);
  if (codeIssue) identity.push(codeIssue);
  const stars = meta.volunteer_stars ? parseVolunteerStars(meta.volunteer_stars) : undefined;
  if (stars && 'issue' in stars) identity.push(stars.issue);
  if (identity.length) return fail(...identity);
  const template = findTemplate(meta.template_id, meta.template_version);
  if (!template)
    return fail(
      issue('workbook.unknown-template', [], {
        id: meta.template_id,
        version: meta.template_version,
      }),
    );
  if (template.version !== meta.template_version) {
    return fail(
      issue('workbook.template-version', [], {
        id: meta.template_id,
        version: meta.template_version,
        known: template.version,
      }),
    );
  }

  const ids = meta.indicators
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const choice = {
    ...(meta.profile ? { profile: meta.profile } : {}),
    indicators: ids,
    method: meta.method,
  };
  const prep = prepare(template, choice);
  const base = prep.base;
  if (!base.value) return fail(...base.errors.map((e) => planIssue(template, e)));
  const names = prep.names!;
  let issued: ScoringPlan | undefined;
  // An empty entry is as good as none (a sheet laid out for the key, or the value cleared).
  if (meta.weights) {
    const read = parseIssuedWeights(meta.weights, base.value);
    if ('issue' in read) return fail(read.issue);
    issued = issuedPlan(prep, meta.weights, read.weights);
    if (opts.verifyProfileHash && cachedProfileHash(issued) !== meta.profile_hash)
      return fail(issue('workbook.profile-hash', ['_scorebook', 'profile_hash']));
  } else if (cachedProfileHash(base.value) === meta.profile_hash) {
    // Without the key: the template's or profile's weights, if they are the generation's (any
    // workbook made by the CLI or from a roster), else (below) the WT_ cells' (the add-in's own).
    issued = base.value;
  }

  const missing = names.required.filter((n) => cells.cell(n) === undefined);
  if (missing.length) {
    return fail(
      issue('workbook.missing-name', [], {
        count: missing.length,
        names: missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : ''),
      }),
    );
  }

  const errors: Issue[] = [];
  const rawWeights: Record<string, number> = {};
  base.value.dimensions.forEach((d, k) => {
    const wt = names.dimensions[k]!.WT;
    // A blank weight is 0 to the sheet's formulas (SUM and the shares skip it): so it is here.
    const cell = plain(cells.cell(wt));
    const w = blank(cell) ? 0 : cell;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      errors.push(issue('workbook.weight', [wt], { id: d.id, value: String(w) }));
    else rawWeights[d.id] = w;
  });
  if (errors.length) return fail(...errors);
  const weighted = weightedPlan(template, prep, choice, rawWeights);
  if (!weighted.value) return fail(...weighted.errors);
  const plan = weighted.value;
  if (!issued) {
    if (opts.verifyProfileHash && cachedProfileHash(plan) !== meta.profile_hash)
      return fail(issue('workbook.profile-hash', ['_scorebook', 'profile_hash']));
    issued = plan;
  }
  const issuedDims = issued.dimensions;
  const weightsChanged = plan.dimensions.some(
    (d, k) => Math.abs(d.weight - issuedDims[k]!.weight) > TOLERANCE,
  );
  // The weighted plan has the base plan's indicators and dimensions, in the same order.
  const indNames = names.indicators;
  const dimNames = names.dimensions;

  const answers = new Map<string, RowAnswer>();
  const scores: Record<string, CellValue> = {};
  plan.indicators.forEach((ind, k) => {
    const n = indNames[k]!;
    const input = plain(cells.cell(n.IN));
    const na = plain(cells.cell(n.NA));
    const mode = plain(cells.cell(n.MD));
    const evidence = plain(cells.cell(n.EV));
    const a: RowAnswer = { input, na: na !== null && String(na).trim() !== '' };
    if (mode !== null && mode !== '') a.mode = String(mode);
    if (evidence !== null && evidence !== '') a.evidence = String(evidence);
    answers.set(ind.id, a);
    scores[ind.id] = plain(cells.cell(n.SC));
  });
  const inputs = answersToInputs(answers);
  const evaluation = evaluate(plan, inputs);
  const issuedEvaluation = weightsChanged ? evaluate(issued, inputs) : evaluation;

  const dimensions: Record<string, CellValue> = {};
  plan.dimensions.forEach((d, k) => (dimensions[d.id] = plain(cells.cell(dimNames[k]!.DIM))));
  const cached = {
    total: plain(cells.cell('TOTAL')),
    grade: plain(cells.cell('GRADE')),
    dimensions,
    scores,
  };
  const unansweredCell = cells.cell('UNANSWERED');
  const calculated = !(
    indNames.every((n) => uncached(cells.cell(n.SC))) &&
    dimNames.every((n) => uncached(cells.cell(n.DIM))) &&
    uncached(cells.cell('TOTAL')) &&
    (unansweredCell === undefined || uncached(unansweredCell))
  );
  // Nothing cached, nothing to compare: a program that does not calculate is no sign of an edit.
  const mismatches = calculated
    ? cachedMismatches(plan, names, evaluation, cached, unansweredCell, meta.lang)
    : [];

  return {
    value: {
      metadata: meta,
      plan,
      answers,
      rawWeights,
      evaluation,
      issued: { plan: issued, evaluation: issuedEvaluation },
      weightsChanged,
      calculated,
      cached,
      mismatches,
    },
    errors: evaluation.errors,
  };
}

/** A formula cell saved without its result (no `<v>`): what a program that does not calculate leaves. */
function uncached(c: ContractCell | undefined): boolean {
  return c !== undefined && c.formula !== undefined && c.value === null && !c.error;
}

/** Where the workbook's cached results disagree with the engine's (both with its own weights). */
function cachedMismatches(
  plan: ScoringPlan,
  names: PlanNames,
  evaluation: Evaluation,
  cached: Submission['cached'],
  unansweredCell: ContractCell | undefined,
  lang: WorkbookMetadata['lang'],
): Mismatch[] {
  const indNames = names.indicators;
  const dimNames = names.dimensions;
  const mismatches: Mismatch[] = [];
  // The engine's rows come in the plan's order: the names are the plan's, by position.
  evaluation.indicators.forEach((r, k) => {
    const c = cached.scores[r.id] ?? null;
    if (!differs(c, r.score)) return;
    const m: Mismatch = {
      name: plan.indicators[k]?.id === r.id ? indNames[k]!.SC : idToName('SC', r.id),
      cached: c,
      engine: r.score,
    };
    // "85%" typed into a cell formatted as text: the engine reads what the person meant, the
    // sheet's formula sees text and scores 0. Not an edited formula: say so, and what to do.
    const ind = plan.indicators[k];
    if (
      ind &&
      typeof r.input === 'string' &&
      r.state === 'value' &&
      ruleKind(ind.rule).entry !== 'choice'
    )
      m.textInput = r.input;
    mismatches.push(m);
  });
  evaluation.dimensions.forEach((d, k) => {
    const c = cached.dimensions[d.id] ?? null;
    if (differs(c, d.score))
      mismatches.push({
        name: plan.dimensions[k]?.id === d.id ? dimNames[k]!.DIM : idToName('DIM', d.id),
        cached: c,
        engine: d.score,
      });
  });
  if (differs(cached.total, evaluation.total))
    mismatches.push({ name: 'TOTAL', cached: cached.total, engine: evaluation.total });
  const grade = evaluation.grade ? text(evaluation.grade.label, lang) : '';
  if (differs(cached.grade, grade))
    mismatches.push({ name: 'GRADE', cached: cached.grade, engine: grade });
  // Older workbooks lack the count; where it is, it must agree like every other formula.
  if (unansweredCell !== undefined) {
    const c = plain(unansweredCell);
    if (differs(c, evaluation.unanswered.length))
      mismatches.push({ name: 'UNANSWERED', cached: c, engine: evaluation.unanswered.length });
  }
  return mismatches;
}

function fail(...errors: Issue[]): Result<Submission> {
  return { value: undefined, errors };
}
