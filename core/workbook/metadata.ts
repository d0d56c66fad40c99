/**
 * The `_scorebook` sheet: key/value facts about a workbook that readers need to recompute it
 * (template, profile, chosen indicators, method) and to file it (organization, period, ids).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { issue, type Issue } from '../issues.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { METHODS } from '../template/schema.ts';
import { LANGS } from '../text.ts';
import { plainText, textKey } from '../text-keys.ts';
import { scoringRule } from '../rules/plausible-figures.ts';
import {
  creditCodeProblem,
  EVALUATION_MODES,
  normalizeCreditCode,
  type EvaluationMode,
} from './identity.ts';

export { plainText };

export const FORMAT_VERSION = '1';
export const METADATA_SHEET = '_scorebook';

export interface OrgDetails {
  org_id: string;
  org_name: string;
  region: string;
  org_type: string;
  period: string;
  evaluator: string;
  contact?: string;
  /** 统一社会信用代码 (GB 32100-2015), checked and normalized by the caller; blank when not known. */
  credit_code?: string;
  evaluation_mode?: EvaluationMode;
}

export const metadataSchema = z.object({
  format_version: z.literal(FORMAT_VERSION),
  template_id: z.string().min(1),
  template_version: z.string().min(1),
  profile: z.string(),
  profile_hash: z.string().regex(/^[0-9a-f]{64}$/),
  method: z.enum(METHODS),
  lang: z.enum(LANGS),
  indicators: z.string().min(1),
  org_id: z.string(),
  org_name: z.string(),
  region: z.string(),
  org_type: z.string(),
  period: z.string(),
  evaluator: z.string(),
  contact: z.string().optional(),
  workbook_id: z.string().min(1),
  generated_at: z.string().min(1),
  generator: z.string().optional(),
  /** the workbook id of the earlier version's workbook this one was migrated from (scorebook migrate) */
  migrated_from: z.string().optional(),
  /**
   * The first-level weights the workbook was generated with, normalized (issuedWeightsText).
   * Optional: workbooks made before it was recorded lack it, and readers fall back.
   */
  weights: z.string().optional(),
  /**
   * Issue 11 (all optional, so older workbooks read as before): the organization's unified
   * social credit code, checked by its check character (blank allowed); the evaluation mode;
   * and, written by `fill --records`, the volunteers by star level (volunteerStarsText).
   */
  credit_code: z.string().optional(),
  evaluation_mode: z.union([z.enum(EVALUATION_MODES), z.literal('')]).optional(),
  volunteer_stars: z.string().optional(),
});
export type WorkbookMetadata = z.infer<typeof metadataSchema>;

/** The order of keys on the sheet; also what a reader expects to find. */
export const METADATA_KEYS = Object.keys(metadataSchema.shape) as (keyof WorkbookMetadata)[];

/**
 * A fingerprint of what scores mean in this workbook: template and version, method, the chosen
 * indicators with their rules, and the initial weights. Two workbooks with the same hash are
 * comparable number for number.
 */
export function profileHash(plan: ScoringPlan): string {
  const canonical = JSON.stringify({
    template: [plan.template.id, plan.template.version],
    method: plan.method,
    weights: plan.dimensions.map((d) => [d.id, d.weight]),
    indicators: plan.indicators.map((i) => [i.id, canonicalJson(scoringRule(i.rule))]),
    grades: plan.grades.map((g) => [g.id, g.min]),
  });
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

const hashes = new WeakMap<ScoringPlan, string>();

/** profileHash, once per plan object (readers reuse their plans across a roster's returns). */
export function cachedProfileHash(plan: ScoringPlan): string {
  let h = hashes.get(plan);
  if (h === undefined) hashes.set(plan, (h = profileHash(plan)));
  return h;
}

/**
 * zod's complaints about the metadata as our issues, one per entry, so that they are said in
 * words (and in zh-CN) that name the entry and what it must hold.
 */
export function metadataIssues(
  issues: readonly z.core.$ZodIssue[],
  data: Record<string, string>,
): Issue[] {
  return issues.map((zi) => {
    const key = String(zi.path[0] ?? '');
    const value = data[key];
    const at = ['_scorebook', key];
    if (value === undefined) return issue('workbook.metadata', at, { key, problem: 'missing' });
    if (value.trim() === '') return issue('workbook.metadata', at, { key, problem: 'empty' });
    if (zi.code === 'invalid_value')
      return issue('workbook.metadata', at, {
        key,
        problem: 'value',
        value,
        allowed: zi.values.map(String).join(' / '),
      });
    if (zi.code === 'invalid_format')
      return issue('workbook.metadata', at, { key, problem: 'format', value, expected: zi.format });
    return issue('workbook.metadata', at, { key, problem: 'invalid', value });
  });
}

/** The metadata's free-text entries, which are stored and shown as they are (the others are checked against a list or a pattern). */
export const METADATA_TEXT_KEYS = [
  'org_id',
  'org_name',
  'region',
  'org_type',
  'period',
  'evaluator',
  'contact',
  'workbook_id',
  'generated_at',
  'generator',
  'migrated_from',
] as const;

/** Entries a return cannot be filed without: an ingested return belongs to an organization and a period. */
export const INGEST_REQUIRED_KEYS = ['org_id', 'period'] as const;

/** Entries a store groups or matches by: one form whoever typed them (core/text-keys.ts). */
export const METADATA_KEY_ENTRIES = [
  'org_id',
  'org_name',
  'region',
  'org_type',
  'period',
  'evaluator',
] as const;

/** The metadata's text entries through plainText, and those that group or match as keys (textKey). */
export function plainMetadata(meta: WorkbookMetadata): WorkbookMetadata {
  const out = { ...meta };
  const keys: readonly string[] = METADATA_KEY_ENTRIES;
  for (const k of METADATA_TEXT_KEYS) {
    const v = out[k];
    if (typeof v === 'string') out[k] = keys.includes(k) ? textKey(v) : plainText(v);
  }
  return out;
}

/**
 * The issued first-level weights as the metadata holds them: `1=0.2;2=0.6;3=0.2`, in the plan's
 * order, each weight the shortest text that reads back as the same number (so a reader gets
 * the plan's weights bit for bit, and the profile_hash made with them).
 */
export function issuedWeightsText(plan: ScoringPlan): string {
  return plan.dimensions.map((d) => `${d.id}=${String(d.weight)}`).join(';');
}

/**
 * The metadata's `weights` read back for a plan: every dimension of the plan once, each a finite
 * non-negative number, nothing else. Anything else is an issue about the entry.
 */
export function parseIssuedWeights(
  value: string,
  plan: ScoringPlan,
): { weights: Record<string, number> } | { issue: Issue } {
  const ids = plan.dimensions.map((d) => d.id);
  const bad = () => ({
    issue: issue('workbook.metadata', ['_scorebook', 'weights'], {
      key: 'weights',
      problem: 'format',
      value,
      expected: ids.map((id) => `${id}=…`).join(';'),
    }),
  });
  const weights: Record<string, number> = {};
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) return bad();
    const id = part.slice(0, eq).trim();
    const text = part.slice(eq + 1).trim();
    const w = Number(text);
    if (!ids.includes(id) || id in weights || text === '' || !Number.isFinite(w) || w < 0)
      return bad();
    weights[id] = w;
  }
  if (Object.keys(weights).length !== ids.length) return bad();
  return { weights };
}

function canonicalJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalJson);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonicalJson((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

export function buildMetadata(
  plan: ScoringPlan,
  org: OrgDetails,
  ids: {
    workbook_id: string;
    generated_at: string;
    lang: (typeof LANGS)[number];
    generator?: string;
    migrated_from?: string;
  },
): WorkbookMetadata {
  const meta: WorkbookMetadata = {
    format_version: FORMAT_VERSION,
    template_id: plan.template.id,
    template_version: plan.template.version,
    profile: plan.profile?.id ?? '',
    profile_hash: profileHash(plan),
    method: plan.method,
    lang: ids.lang,
    indicators: plan.indicators.map((i) => i.id).join(','),
    org_id: org.org_id,
    org_name: org.org_name,
    region: org.region,
    org_type: org.org_type,
    period: org.period,
    evaluator: org.evaluator,
    workbook_id: ids.workbook_id,
    generated_at: ids.generated_at,
    weights: issuedWeightsText(plan),
  };
  if (org.contact) meta.contact = org.contact;
  if (org.credit_code) meta.credit_code = org.credit_code;
  if (org.evaluation_mode) meta.evaluation_mode = org.evaluation_mode;
  if (ids.generator) meta.generator = ids.generator;
  if (ids.migrated_from) meta.migrated_from = ids.migrated_from;
  return meta;
}

/** A credit code's problem as an issue about the metadata entry; none when blank or right. */
export function creditCodeIssue(value: string | undefined): Issue | undefined {
  const code = normalizeCreditCode(value ?? '');
  if (code === '') return undefined;
  const problem = creditCodeProblem(code);
  return problem
    ? issue('workbook.metadata', ['_scorebook', 'credit_code'], {
        key: 'credit_code',
        problem: 'credit-code',
        value: code,
        ...problem,
      })
    : undefined;
}

/** Volunteers at one star level of GB/T 40143 6.6.2 (0: no star yet). */
export interface StarLevelCount {
  level: number;
  volunteers: number;
}

/** The star counts as the metadata holds them: `0=120;1=12;2=5;3=2;4=0;5=0`, every level once. */
export function volunteerStarsText(stars: readonly StarLevelCount[]): string {
  return [...stars]
    .sort((a, b) => a.level - b.level)
    .map((s) => `${s.level}=${s.volunteers}`)
    .join(';');
}

/** The metadata's `volunteer_stars` read back: levels 0 to 5 each once, whole counts. */
export function parseVolunteerStars(value: string): { stars: StarLevelCount[] } | { issue: Issue } {
  const bad = {
    issue: issue('workbook.metadata', ['_scorebook', 'volunteer_stars'], {
      key: 'volunteer_stars',
      problem: 'format',
      value,
      expected: '0=…;1=…;2=…;3=…;4=…;5=…',
    }),
  };
  const stars: StarLevelCount[] = [];
  for (const part of value.split(';')) {
    const m = /^\s*([0-5])\s*=\s*(\d{1,9})\s*$/.exec(part);
    if (!m || stars.some((s) => s.level === Number(m[1]))) return bad;
    stars.push({ level: Number(m[1]), volunteers: Number(m[2]) });
  }
  if (stars.length !== 6) return bad;
  return { stars: stars.sort((a, b) => a.level - b.level) };
}
