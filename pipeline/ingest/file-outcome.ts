/**
 * One returned file → what the store needs: the submission's rows, or a rejection with its
 * reason. Pure apart from reading the file; runs in worker threads.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  implausibleFigures,
  INGEST_REQUIRED_KEYS,
  issue,
  message,
  normalizeCreditCode,
  parseVolunteerStars,
  plainMetadata,
  plainText,
  type Issue,
  type Lang,
  type StarLevelCount,
  type Submission,
  type Template,
} from '../../core/index.ts';
import { openSubmissionBytes } from '../xlsx/open-submission.ts';
import { readIssue } from '../inputs/read-user-file.ts';
import { readRegularFile } from '../files/regular-file.ts';

export interface SubmissionRecord {
  hash: string;
  file: string;
  fileName: string;
  org: { org_id: string; org_name: string; region: string; org_type: string };
  submission: {
    workbook_id: string;
    org_id: string;
    template_id: string;
    template_version: string;
    profile: string;
    profile_hash: string;
    method: string;
    lang: string;
    period: string;
    evaluator: string | null;
    source: 'xlsx' | 'csv';
    generated_at: string;
    /** JSON: the first-level weights as returned (the WT_ cells), normalized */
    weights: string;
    /** with the issued weights, as every score of the record */
    total: number | null;
    grade: string | null;
    answered: number;
    unanswered: number;
    flagged: boolean;
    mismatches: string;
    applicable: number;
    complete: boolean;
    /** JSON: the first-level weights the workbook was issued with, normalized */
    issued_weights: string;
    weights_changed: boolean;
    /** the total with the return's own weights */
    own_total: number | null;
    /** the file held cached values for its formulas; null for a CSV return, which has none */
    calculated: boolean | null;
    /** 统一社会信用代码, checked when read; null when the workbook gives none */
    credit_code: string | null;
    /** self | third-party | secretariat; null when the workbook gives none */
    evaluation_mode: string | null;
  };
  /**
   * One array per column, row k of each is indicator k: records cross from the read workers to
   * the writer by structured clone, and a hundred small objects per workbook cost several
   * times more to copy (and collect) than eleven arrays.
   */
  indicators: {
    indicator_id: string[];
    dimension_id: string[];
    group_id: string[];
    rule: string[];
    input_raw: (string | null)[];
    input_value: (number | null)[];
    state: string[];
    score: (number | null)[];
    na: boolean[];
    mode: (string | null)[];
    evidence: (string | null)[];
  };
  dimensions: {
    dimension_id: string;
    weight: number;
    score: number | null;
    mean: number | null;
    sum: number;
    applicable: number;
  }[];
  groups: { group_id: string; score: number | null; applicable: number }[];
  /** Volunteers by star level, as `fill --records` wrote them into the metadata; empty when not. */
  stars: StarLevelCount[];
  /** Figures stored as given that the template calls implausible (core/rules/plausible-figures.ts). */
  warnings: Issue[];
}

/** What a rejected file says it is, where its metadata (or a CSV return's row) could be read. */
export interface RejectedAbout {
  org_id: string | null;
  period: string | null;
  template_id: string | null;
}

export interface Rejection {
  kind: 'rejection';
  file: string;
  hash: string | null;
  reason: RejectionReason;
  /** the problems in words, in the run's language */
  message: string;
  /** the first problem's code and parameters, so that it can be said again in any language */
  code: string;
  params: Issue['params'];
  about?: RejectedAbout;
}

export type FileOutcome = { kind: 'submission'; record: SubmissionRecord } | Rejection;

/** Every reason a file is rejected for, in the order of docs/database.md's table (a test holds the two equal). */
export const REJECTION_REASONS = [
  'not-a-workbook',
  'encrypted',
  'legacy-xls',
  'too-big',
  'corrupt',
  'not-ours',
  'bad-metadata',
  'unknown-template',
  'broken-contract',
  'invalid-value',
  'empty',
  'unreadable',
  'workbook-id-conflict',
  'bad-csv',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Issue codes → the rejection reasons the summary and the rejections table use. */
const REASONS: Record<string, RejectionReason> = {
  'file.read': 'unreadable',
  'file.not-regular': 'unreadable',
  'folder.read': 'unreadable',
  'workbook.not-zip': 'not-a-workbook',
  'workbook.not-xlsx': 'not-a-workbook',
  'workbook.ods': 'not-a-workbook',
  'workbook.encrypted': 'encrypted',
  'workbook.legacy-xls': 'legacy-xls',
  'workbook.too-big': 'too-big',
  'workbook.corrupt': 'corrupt',
  'workbook.damaged-part': 'corrupt',
  'workbook.no-metadata': 'not-ours',
  'workbook.metadata': 'bad-metadata',
  'workbook.profile-hash': 'bad-metadata',
  'return.empty-field': 'bad-metadata',
  'return.evaluation-mode': 'bad-metadata',
  'return.credit-code': 'bad-metadata',
  'workbook.unknown-template': 'unknown-template',
  'workbook.template-version': 'unknown-template',
  // A profile the template (as this scorebook has it) does not define.
  'profile.not-found': 'unknown-template',
  'workbook.missing-name': 'broken-contract',
  'workbook.weight': 'invalid-value',
  'return.mode': 'invalid-value',
  'return.empty': 'empty',
};

export function reasonFor(issue: Issue): RejectionReason {
  if (issue.code.startsWith('input.')) return 'invalid-value';
  // What else can reach here is resolvePlan's word on the plan the metadata describes.
  return REASONS[issue.code] ?? 'bad-metadata';
}

/** The fields of `about` from a file's metadata entries (or a record's): an empty entry is none. */
export function aboutFrom(m: {
  readonly org_id?: string | null;
  readonly period?: string | null;
  readonly template_id?: string | null;
}): RejectedAbout {
  const v = (x: string | null | undefined) => {
    const t = plainText(x ?? '');
    return t === '' ? null : t;
  };
  return { org_id: v(m.org_id), period: v(m.period), template_id: v(m.template_id) };
}

/** The first issue's code and parameters, with the row it names (a CSV return's). */
export function issueKey(i: Issue): { code: string; params: Issue['params'] } {
  return {
    code: i.code,
    params: i.row === undefined ? (i.params ?? {}) : { ...i.params, row: i.row },
  };
}

export function rejection(
  file: string,
  hash: string | null,
  issues: Issue[],
  lang: Lang,
  about?: RejectedAbout,
): Rejection {
  const first = issues[0]!;
  // An input's issue says which indicator; the others say where themselves.
  const text = issues
    .map(
      (i) =>
        `${i.code.startsWith('input.') && typeof i.path[1] === 'string' ? `${i.path[1]}: ` : ''}${message(i, lang)}`,
    )
    .slice(0, 5)
    .join(' ');
  // Messages quote the file's own text (a template id, a value): printed, it must not drive the terminal.
  return {
    kind: 'rejection',
    file,
    hash,
    reason: reasonFor(first),
    message: plainText(text),
    ...issueKey(first),
    ...(about ? { about } : {}),
  };
}

/**
 * A returned file's bytes, or the issue that says why there are none: larger on disk than the
 * decompression limit (it cannot be a scoring workbook), unreadable, or a folder that discovery
 * could not list and handed on so that it is reported rather than skipped.
 */
export function readReturnBytes(
  file: string,
  maxBytes: number,
): { bytes: Buffer } | { issue: Issue } {
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      try {
        readdirSync(file);
        // Listed now, but not when the run began: its files were not among those read.
        return { issue: { ...issue('folder.read', [], { reason: 'EAGAIN' }), file } };
      } catch (e) {
        return {
          issue: {
            ...issue('folder.read', [], { reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
            file,
          },
        };
      }
    }
    // Only a regular file is read, its size checked first: a FIFO, a device or a socket is refused.
    return readRegularFile(file, {
      maxBytes,
      tooBig: () => issue('workbook.too-big', [], { max: Math.round(maxBytes / 1048576) }),
    });
  } catch (e) {
    return { issue: readIssue(file, e) };
  }
}

/**
 * A return with nothing answered and nothing marked N/A says nothing: no score of 0 to rank, so
 * it is refused. (Everything N/A is an answer: stored, with no total.)
 */
export function emptyReturn(sub: Submission): Issue | undefined {
  const ev = sub.issued.evaluation;
  if (ev.answered > 0 || ev.applicable < ev.indicators.length) return undefined;
  return issue('return.empty', [], { count: ev.applicable });
}

export function recordFromSubmission(
  sub: Submission,
  file: string,
  hash: string,
  source: 'xlsx' | 'csv',
): SubmissionRecord {
  const m = sub.metadata;
  // Comparisons use the issued weights; the return's own total is kept beside them.
  const ev = sub.issued.evaluation;
  const weightsOf = (p: Submission['plan']) =>
    JSON.stringify(Object.fromEntries(p.dimensions.map((d) => [d.id, d.weight])));
  const byId = new Map(sub.plan.indicators.map((i) => [i.id, i]));
  return {
    hash,
    file,
    fileName: basename(file),
    org: { org_id: m.org_id, org_name: m.org_name, region: m.region, org_type: m.org_type },
    submission: {
      workbook_id: m.workbook_id,
      org_id: m.org_id,
      template_id: m.template_id,
      template_version: m.template_version,
      profile: m.profile,
      // No evaluator is NULL, as SQL has it, not '' (which a count or a join would take for one).
      profile_hash: m.profile_hash,
      method: ev.method,
      lang: m.lang,
      period: m.period,
      evaluator: m.evaluator || null,
      source,
      generated_at: m.generated_at,
      weights: weightsOf(sub.plan),
      total: ev.total,
      grade: ev.grade?.id ?? null,
      answered: ev.answered,
      unanswered: ev.unanswered.length,
      flagged: sub.mismatches.length > 0,
      mismatches: JSON.stringify(sub.mismatches),
      applicable: ev.applicable,
      complete: ev.unanswered.length === 0,
      issued_weights: weightsOf(sub.issued.plan),
      weights_changed: sub.weightsChanged,
      own_total: sub.evaluation.total,
      calculated: source === 'csv' ? null : sub.calculated,
      credit_code: m.credit_code ? normalizeCreditCode(m.credit_code) : null,
      evaluation_mode: m.evaluation_mode || null,
    },
    indicators: indicatorColumns(sub, byId),
    dimensions: ev.dimensions.map((d) => ({
      dimension_id: d.id,
      weight: d.weight,
      score: d.score,
      mean: d.mean,
      sum: d.sum,
      applicable: d.count,
    })),
    groups: ev.groups.map((g) => ({ group_id: g.id, score: g.score, applicable: g.count })),
    stars: starsOf(m.volunteer_stars),
    warnings: implausibleFigures(sub.plan, ev),
  };
}

/** The metadata's star counts (checked when the workbook was read); none when absent. */
function starsOf(text: string | undefined): StarLevelCount[] {
  const read = text ? parseVolunteerStars(text) : undefined;
  return read && 'stars' in read ? read.stars : [];
}

function indicatorColumns(
  sub: Submission,
  byId: Map<string, Submission['plan']['indicators'][number]>,
): SubmissionRecord['indicators'] {
  const c: SubmissionRecord['indicators'] = {
    indicator_id: [],
    dimension_id: [],
    group_id: [],
    rule: [],
    input_raw: [],
    input_value: [],
    state: [],
    score: [],
    na: [],
    mode: [],
    evidence: [],
  };
  for (const r of sub.issued.evaluation.indicators) {
    const ind = byId.get(r.id)!;
    const a = sub.answers.get(r.id);
    c.indicator_id.push(r.id);
    c.dimension_id.push(ind.dimensionId);
    c.group_id.push(ind.groupId);
    c.rule.push(ind.rule.kind);
    // What was entered in the input cell, also when the N/A cell is marked (the engine then reads 'NA').
    const raw = a ? a.input : r.input;
    c.input_raw.push(raw === null || raw === undefined || raw === '' ? null : String(raw));
    c.input_value.push(r.value);
    c.state.push(r.state);
    c.score.push(r.score);
    c.na.push(r.state === 'na');
    c.mode.push(a?.mode ?? null);
    c.evidence.push(a?.evidence ?? null);
  }
  return c;
}

export function readReturnedWorkbook(
  file: string,
  opts: { maxBytes: number; lang: Lang; templates?: ReadonlyMap<string, Template> },
): FileOutcome {
  const got = readReturnBytes(file, opts.maxBytes);
  if ('issue' in got) return rejection(file, null, [got.issue], opts.lang);
  const bytes = got.bytes;
  const hash = createHash('sha256').update(bytes).digest('hex');
  const {
    value,
    errors,
    metadata: entries,
  } = openSubmissionBytes(bytes, {
    maxBytes: opts.maxBytes,
    ...(opts.templates ? { templates: opts.templates } : {}),
  });
  if (!value || errors.length)
    return rejection(file, hash, errors, opts.lang, entries && aboutFrom(entries));
  const metadata = plainMetadata(value.metadata);
  // `score` reads a workbook generated without an organization or period; a store files returns by both.
  const empty = INGEST_REQUIRED_KEYS.filter((key) => metadata[key] === '');
  if (empty.length)
    return rejection(
      file,
      hash,
      empty.map((key) =>
        issue('workbook.metadata', ['_scorebook', key], { key, problem: 'empty' }),
      ),
      opts.lang,
      aboutFrom(metadata),
    );
  const blank = emptyReturn(value);
  if (blank) return rejection(file, hash, [blank], opts.lang, aboutFrom(metadata));
  return {
    kind: 'submission',
    record: recordFromSubmission({ ...value, metadata }, file, hash, 'xlsx'),
  };
}
