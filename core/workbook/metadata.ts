/**
 * The `_scorebook` sheet: key/value facts about a workbook that readers need to recompute it
 * (template, profile, chosen indicators, method) and to file it (organization, period, ids).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { METHODS } from '../template/schema.ts';
import { LANGS } from '../text.ts';

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
    indicators: plan.indicators.map((i) => [i.id, canonicalJson(i.rule)]),
    grades: plan.grades.map((g) => [g.id, g.min]),
  });
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

function canonicalJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalJson);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonicalJson((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function buildMetadata(
  plan: ScoringPlan,
  org: OrgDetails,
  ids: { workbook_id: string; generated_at: string; lang: (typeof LANGS)[number]; generator?: string },
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
  };
  if (org.contact) meta.contact = org.contact;
  if (ids.generator) meta.generator = ids.generator;
  return meta;
}
