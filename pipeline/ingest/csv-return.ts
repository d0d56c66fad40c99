/**
 * CSV returns, for members who cannot use Excel: long format, one row per answer,
 *   template_id, period, org_id, indicator_id, value [, org_name, region, org_type, evaluator, profile, mode, evidence,
 *   credit_code, evaluation_mode]
 * Each (template, profile, organization, period, evaluator) in the file is one submission,
 * scored by the engine exactly as a workbook would be.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import {
  answersToInputs,
  buildMetadata,
  collectInputs,
  creditCodeIssue,
  EVALUATION_MODE_CHOICES,
  normalizeCreditCode,
  parseEvaluationMode,
  evaluate,
  issue,
  message,
  plainText,
  resolvePlan,
  sheetLabels,
  textKey,
  type Issue,
  type Lang,
  type RowAnswer,
  type Submission,
  type Template,
} from '../../core/index.ts';
import { decodeText } from '../inputs/decode-text.ts';
import { shippedTemplates } from '../templates/registry.ts';
import {
  aboutFrom,
  emptyReturn,
  issueKey,
  readReturnBytes,
  recordFromSubmission,
  rejection,
  type FileOutcome,
  type RejectedAbout,
  type RejectionReason,
} from './file-outcome.ts';
import { say } from '../messages/index.ts';

export const CSV_RETURN_REQUIRED = [
  'template_id',
  'period',
  'org_id',
  'indicator_id',
  'value',
] as const;
const OPTIONAL = [
  'org_name',
  'region',
  'org_type',
  'evaluator',
  'profile',
  'mode',
  'evidence',
  'credit_code',
  'evaluation_mode',
] as const;
/** A submission is filed under these: none may be empty (org_name and the rest may). */
const KEY_REQUIRED = ['template_id', 'org_id', 'period'] as const;

function reject(
  file: string,
  hash: string | null,
  reason: RejectionReason,
  text: string,
  first: Issue,
  about?: RejectedAbout,
): FileOutcome {
  return {
    kind: 'rejection',
    file,
    hash,
    reason,
    message: text,
    ...issueKey(first),
    ...(about ? { about } : {}),
  };
}

/** The evaluation modes a workbook's list offers, in both languages: a CSV value is one of them (any case), or empty. */
const MODES = new Map(
  (['zh-CN', 'en'] as const).flatMap((lang) =>
    sheetLabels(lang).modes.map((m) => [m.toLowerCase(), m] as const),
  ),
);
const MODE_WORDS = [...new Set(MODES.values())].join(', ');

export function readReturnedCsv(
  file: string,
  opts: { maxBytes: number; lang: Lang; templates?: ReadonlyMap<string, Template> },
): FileOutcome[] {
  const got = readReturnBytes(file, opts.maxBytes);
  if ('issue' in got) return [rejection(file, null, [got.issue], opts.lang)];
  const bytes = got.bytes;
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const parsed = Papa.parse<Record<string, string>>(decodeText(bytes).text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.normalize('NFKC').trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = CSV_RETURN_REQUIRED.filter((c) => !fields.includes(c));
  if (missing.length) {
    const columns = issue('return.csv-columns', [], {
      missing: missing.join(', '),
      required: CSV_RETURN_REQUIRED.join(','),
      optional: OPTIONAL.join(', '),
    });
    return [reject(file, fileHash, 'bad-csv', message(columns, opts.lang), columns)];
  }
  const groups = new Map<
    string,
    { key: Record<string, string>; rows: { row: Record<string, string>; line: number }[] }
  >();
  parsed.data.forEach((row, i) => {
    // Keys that group and match, in one form (textKey), as a workbook's metadata's are.
    const key = {
      template_id: textKey(row.template_id ?? ''),
      profile: textKey(row.profile ?? ''),
      org_id: textKey(row.org_id ?? ''),
      period: textKey(row.period ?? ''),
      evaluator: textKey(row.evaluator ?? ''),
    };
    const k = JSON.stringify(key);
    if (!groups.has(k)) groups.set(k, { key, rows: [] });
    groups.get(k)!.rows.push({ row, line: i + 2 });
  });
  if (!groups.size) {
    const none = issue('return.csv-no-rows', []);
    return [reject(file, fileHash, 'bad-csv', message(none, opts.lang), none)];
  }

  const outcomes: FileOutcome[] = [];
  for (const [k, g] of groups) {
    const hash = createHash('sha256').update(`${fileHash}\n${k}`).digest('hex');
    const where = `${file} (org ${g.key.org_id || '?'}, period ${g.key.period || '?'})`;
    const about = aboutFrom(g.key);
    // The same reason as a workbook whose metadata lacks them: bad-metadata, naming the field.
    const empty = KEY_REQUIRED.filter((k) => !g.key[k]);
    if (empty.length) {
      outcomes.push(
        rejection(
          where,
          hash,
          empty.map((key) =>
            issue('return.empty-field', [], { key, row: g.rows[0]!.line, rows: g.rows.length }),
          ),
          opts.lang,
          about,
        ),
      );
      continue;
    }
    // Who is evaluated and how, as a workbook's metadata says it: the first row's, checked alike.
    const head = g.rows[0]!;
    const creditProblem = creditCodeIssue(head.row.credit_code);
    const modeText = plainText(head.row.evaluation_mode ?? '');
    const evaluationMode = modeText ? parseEvaluationMode(modeText) : undefined;
    const identityProblems: Issue[] = [
      // Said as a CSV row's problem: a CSV return has no hidden metadata to regenerate.
      ...(creditProblem
        ? [issue('return.credit-code', [], { ...creditProblem.params, row: head.line })]
        : []),
      ...(modeText && !evaluationMode
        ? [
            issue('return.evaluation-mode', [], {
              value: modeText,
              allowed: EVALUATION_MODE_CHOICES,
              row: head.line,
            }),
          ]
        : []),
    ];
    if (identityProblems.length) {
      outcomes.push(rejection(where, hash, identityProblems, opts.lang, about));
      continue;
    }
    const template = (opts.templates ?? shippedTemplates()).get(g.key.template_id!);
    if (!template) {
      outcomes.push(
        rejection(
          where,
          hash,
          [issue('workbook.unknown-template', [], { id: g.key.template_id, version: '' })],
          opts.lang,
          about,
        ),
      );
      continue;
    }
    const planned = resolvePlan(template, g.key.profile ? { profile: g.key.profile } : {});
    if (!planned.value) {
      outcomes.push(rejection(where, hash, planned.errors, opts.lang, about));
      continue;
    }
    const plan = planned.value;
    const collected = collectInputs(
      template,
      plan,
      g.rows.map(({ row, line }) => ({
        id: row.indicator_id ?? '',
        value: row.value ?? '',
        row: line,
      })),
    );
    const answers = new Map<string, RowAnswer>();
    const modeErrors: Issue[] = [];
    const lineOf = new Map(
      g.rows.map(({ row, line }) => [row.indicator_id?.trim() ?? '', { row, line }]),
    );
    for (const [id, value] of collected.inputs) {
      const src = lineOf.get(id);
      // A mode is one of the workbook list's three (stored as the list has it), or nothing: any
      // other word would be counted as a fourth mode by whoever groups by it.
      const given = plainText(src?.row.mode ?? '');
      const mode = given ? MODES.get(given.normalize('NFKC').toLowerCase()) : undefined;
      if (given && !mode)
        modeErrors.push({
          ...issue('return.mode', ['inputs', id], { value: given, allowed: MODE_WORDS }),
          row: src!.line,
        });
      answers.set(id, {
        input: value ?? null,
        na: false,
        ...(mode ? { mode } : {}),
        ...(src?.row.evidence ? { evidence: src.row.evidence } : {}),
      });
    }
    const evaluation = evaluate(plan, answersToInputs(answers));
    const errors: Issue[] = [
      ...collected.errors,
      ...evaluation.errors.map((e) => ({ ...e, row: collected.rows.get(String(e.path[1])) ?? 0 })),
      ...modeErrors,
    ];
    if (errors.length) {
      outcomes.push(
        reject(
          where,
          hash,
          'invalid-value',
          plainText(
            errors
              .slice(0, 5)
              .map((e) =>
                say(opts.lang, 'return.at-row', { row: e.row, message: message(e, opts.lang) }),
              )
              .join(' '),
          ),
          errors[0]!,
          about,
        ),
      );
      continue;
    }
    const first = g.rows[0]!.row;
    const metadata = buildMetadata(
      plan,
      {
        org_id: g.key.org_id!,
        org_name: textKey(first.org_name ?? ''),
        region: textKey(first.region ?? ''),
        org_type: textKey(first.org_type ?? ''),
        period: g.key.period!,
        evaluator: g.key.evaluator!,
        ...(head.row.credit_code?.trim()
          ? { credit_code: normalizeCreditCode(head.row.credit_code) }
          : {}),
        ...(evaluationMode ? { evaluation_mode: evaluationMode } : {}),
      },
      {
        workbook_id: `csv:${g.key.template_id}:${g.key.profile}:${g.key.org_id}:${g.key.period}:${g.key.evaluator}`,
        generated_at: '',
        lang: opts.lang,
      },
    );
    const sub: Submission = {
      metadata,
      plan,
      answers,
      evaluation,
      // A CSV return states answers only: its weights are the issued ones, it has no formulas.
      issued: { plan, evaluation },
      weightsChanged: false,
      calculated: false,
      mismatches: [],
      rawWeights: Object.fromEntries(plan.dimensions.map((d) => [d.id, d.weight])),
      cached: { total: null, grade: null, dimensions: {}, scores: {} },
    };
    const blank = emptyReturn(sub);
    if (blank) {
      outcomes.push(rejection(where, hash, [blank], opts.lang, about));
      continue;
    }
    outcomes.push({ kind: 'submission', record: recordFromSubmission(sub, file, hash, 'csv') });
  }
  return outcomes;
}
