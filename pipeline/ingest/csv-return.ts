/**
 * CSV returns, for members who cannot use Excel: long format, one row per answer,
 *   template_id, period, org_id, indicator_id, value [, org_name, region, org_type, evaluator, profile, mode, evidence]
 * Each (template, profile, organization, period, evaluator) in the file is one submission,
 * scored by the engine exactly as a workbook would be.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import {
  answersToInputs, buildMetadata, collectInputs, evaluate, issue, message, resolvePlan,
  type Issue, type Lang, type RowAnswer, type Submission, type Template,
} from '../../core/index.ts';
import { decodeText } from '../inputs/decode-text.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { recordFromSubmission, type FileOutcome } from './file-outcome.ts';
import { readIssue } from '../inputs/read-user-file.ts';

export const CSV_RETURN_REQUIRED = ['template_id', 'period', 'org_id', 'indicator_id', 'value'] as const;
const OPTIONAL = ['org_name', 'region', 'org_type', 'evaluator', 'profile', 'mode', 'evidence'] as const;

function reject(file: string, hash: string | null, reason: string, text: string): FileOutcome {
  return { kind: 'rejection', file, hash, reason, message: text };
}

export function readReturnedCsv(file: string, opts: { maxBytes: number; lang: Lang; templates?: ReadonlyMap<string, Template> }): FileOutcome[] {
  const zh = opts.lang === 'zh-CN';
  let bytes: Buffer;
  try {
    if (statSync(file).size > opts.maxBytes) return [reject(file, null, 'too-big', zh ? '文件超过大小上限。' : 'The file is over the size limit.')];
    bytes = readFileSync(file);
  } catch (e) {
    return [reject(file, null, 'unreadable', message(readIssue(file, e), opts.lang))];
  }
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const parsed = Papa.parse<Record<string, string>>(decodeText(bytes).text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.normalize('NFKC').trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  const missing = CSV_RETURN_REQUIRED.filter((c) => !fields.includes(c));
  if (missing.length) {
    return [reject(file, fileHash, 'bad-csv', zh
      ? `CSV 回报缺少列:${missing.join(', ')}。表头应为 ${CSV_RETURN_REQUIRED.join(',')}(可选 ${OPTIONAL.join(', ')})。`
      : `The CSV return lacks the column(s) ${missing.join(', ')}. The header must be ${CSV_RETURN_REQUIRED.join(',')} (optional: ${OPTIONAL.join(', ')}).`)];
  }
  const groups = new Map<string, { key: Record<string, string>; rows: { row: Record<string, string>; line: number }[] }>();
  parsed.data.forEach((row, i) => {
    const key = { template_id: row.template_id?.trim() ?? '', profile: row.profile?.trim() ?? '', org_id: row.org_id?.trim() ?? '', period: row.period?.trim() ?? '', evaluator: row.evaluator?.trim() ?? '' };
    const k = JSON.stringify(key);
    if (!groups.has(k)) groups.set(k, { key, rows: [] });
    groups.get(k)!.rows.push({ row, line: i + 2 });
  });
  if (!groups.size) return [reject(file, fileHash, 'bad-csv', zh ? 'CSV 回报中没有数据行。' : 'The CSV return has no data rows.')];

  const outcomes: FileOutcome[] = [];
  for (const [k, g] of groups) {
    const hash = createHash('sha256').update(`${fileHash}\n${k}`).digest('hex');
    const where = `${file} (org ${g.key.org_id || '?'}, period ${g.key.period || '?'})`;
    if (!g.key.org_id) {
      outcomes.push(reject(where, hash, 'bad-csv', zh ? `第 ${g.rows[0]!.line} 行等缺少 org_id。` : `Row ${g.rows[0]!.line} and others have no org_id.`));
      continue;
    }
    const template = (opts.templates ?? shippedTemplates()).get(g.key.template_id!);
    if (!template) {
      outcomes.push(reject(where, hash, 'unknown-template', message(issue('workbook.unknown-template', [], { id: g.key.template_id, version: '' }), opts.lang)));
      continue;
    }
    const planned = resolvePlan(template, g.key.profile ? { profile: g.key.profile } : {});
    if (!planned.value) {
      outcomes.push(reject(where, hash, 'unknown-template', planned.errors.map((e) => message(e, opts.lang)).join(' ')));
      continue;
    }
    const plan = planned.value;
    const collected = collectInputs(template, plan, g.rows.map(({ row, line }) => ({ id: row.indicator_id ?? '', value: row.value ?? '', row: line })));
    const answers = new Map<string, RowAnswer>();
    const lineOf = new Map(g.rows.map(({ row, line }) => [row.indicator_id?.trim() ?? '', { row, line }]));
    for (const [id, value] of collected.inputs) {
      const src = lineOf.get(id)?.row;
      answers.set(id, { input: value ?? null, na: false, ...(src?.mode ? { mode: src.mode } : {}), ...(src?.evidence ? { evidence: src.evidence } : {}) });
    }
    const evaluation = evaluate(plan, answersToInputs(answers));
    const errors: Issue[] = [...collected.errors, ...evaluation.errors.map((e) => ({ ...e, row: collected.rows.get(String(e.path[1])) ?? 0 }))];
    if (errors.length) {
      outcomes.push(reject(where, hash, 'invalid-value', errors.slice(0, 5).map((e) => `${zh ? `第 ${e.row} 行` : `row ${e.row}`}: ${message(e, opts.lang)}`).join(' ')));
      continue;
    }
    const first = g.rows[0]!.row;
    const metadata = buildMetadata(
      plan,
      { org_id: g.key.org_id!, org_name: first.org_name?.trim() ?? '', region: first.region?.trim() ?? '', org_type: first.org_type?.trim() ?? '', period: g.key.period!, evaluator: g.key.evaluator! },
      { workbook_id: `csv:${g.key.template_id}:${g.key.profile}:${g.key.org_id}:${g.key.period}:${g.key.evaluator}`, generated_at: '', lang: opts.lang },
    );
    const sub: Submission = {
      metadata, plan, answers, evaluation, mismatches: [],
      rawWeights: Object.fromEntries(plan.dimensions.map((d) => [d.id, d.weight])),
      cached: { total: null, grade: null, dimensions: {}, scores: {} },
    };
    outcomes.push({ kind: 'submission', record: recordFromSubmission(sub, file, hash, 'csv') });
  }
  return outcomes;
}
