/**
 * The template schema: the single definition of what a template file may say. The JSON Schema
 * in templates/template.schema.json is generated from it (npm run schema), and the checks that
 * a schema cannot express (positional ids, contiguous bands, weights that sum to 1, profile
 * references) live in check-template.ts.
 */
import { z } from 'zod';

export const RULE_KINDS = ['binary', 'bands', 'linear', 'scale', 'manual', 'record'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

import { METHODS } from './methods.ts';
export { METHODS, type Method } from './methods.ts';

const nonEmpty = z.string().trim().min(1);

export const localizedText = z
  .object({
    'zh-CN': nonEmpty.describe('简体中文 / Simplified Chinese'),
    en: nonEmpty.describe('English'),
  })
  .strict()
  .describe('A text in zh-CN and en');

const score01 = z.number().min(0).max(1).describe('A score between 0 and 1');

const band = z
  .object({
    above: z.number().optional().describe('lower bound, exclusive (value > above)'),
    atLeast: z.number().optional().describe('lower bound, inclusive (value >= atLeast)'),
    below: z.number().optional().describe('upper bound, exclusive (value < below)'),
    atMost: z.number().optional().describe('upper bound, inclusive (value <= atMost)'),
    score: score01,
  })
  .strict();
export type Band = z.infer<typeof band>;

const numericDomain = {
  min: z.number().optional().describe('smallest valid input (default 0)'),
  max: z.number().optional().describe('largest valid input (default none; 1 for % indicators)'),
};

export const binaryRule = z.object({ kind: z.literal('binary') }).strict();
export const bandsRule = z
  .object({
    kind: z.literal('bands'),
    direction: z.enum(['ascending', 'descending']).optional(),
    bands: z.array(band).min(2),
    decision: localizedText.optional().describe('why each edge is where it is'),
    ...numericDomain,
  })
  .strict();
export const linearRule = z
  .object({
    kind: z.literal('linear'),
    from: z.number().describe('the input that scores 0'),
    to: z.number().describe('the input that scores 1'),
    ...numericDomain,
  })
  .strict();
export const scaleRule = z
  .object({
    kind: z.literal('scale'),
    levels: z.array(localizedText).min(2).describe('level 1 first'),
  })
  .strict();
export const manualRule = z.object({ kind: z.literal('manual') }).strict();
export const recordRule = z.object({ kind: z.literal('record'), ...numericDomain }).strict();

export const rule = z.discriminatedUnion('kind', [
  binaryRule,
  bandsRule,
  linearRule,
  scaleRule,
  manualRule,
  recordRule,
]);
export type Rule = z.infer<typeof rule>;
export type BandsRule = z.infer<typeof bandsRule>;

const id = z.string().regex(/^\d+(\.\d+){0,2}$/, 'positional code such as "5.2.1"');

export const indicator = z
  .object({
    id,
    name: localizedText,
    description: localizedText.optional().describe('内容描述'),
    note: localizedText.optional().describe('备注'),
    unit: nonEmpty.optional().describe('单位: 名, %, 万元, 个, 次, 人次, h, h/人 …'),
    rule,
  })
  .strict();
export type Indicator = z.infer<typeof indicator>;

export const group = z
  .object({
    id,
    name: localizedText,
    note: localizedText.optional(),
    indicators: z.array(indicator).min(1),
  })
  .strict();
export type Group = z.infer<typeof group>;

export const dimension = z
  .object({
    id,
    name: localizedText,
    note: localizedText.optional(),
    weight: z.number().positive().optional(),
    groups: z.array(group).min(1),
  })
  .strict();
export type Dimension = z.infer<typeof dimension>;

export const gradeBand = z
  .object({
    id: nonEmpty,
    min: z.number().describe('inclusive lower bound on the total (0..100)'),
    label: localizedText,
  })
  .strict();
export type GradeBand = z.infer<typeof gradeBand>;

export const profile = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: localizedText,
    description: localizedText.optional(),
    method: z.enum(METHODS).optional(),
    indicators: z
      .array(id)
      .min(1)
      .optional()
      .describe('chosen third-level indicators; all when absent'),
    weights: z
      .record(z.string(), z.number().positive())
      .optional()
      .describe('first-level weights by id'),
    rules: z.record(z.string(), rule).optional().describe('rule overrides by indicator id'),
    grades: z.array(gradeBand).optional(),
  })
  .strict();
export type Profile = z.infer<typeof profile>;

export const template = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as "1.0.0"'),
    title: localizedText,
    source: z
      .object({
        standard: nonEmpty,
        clause: nonEmpty.optional(),
        normative: z.boolean(),
        note: localizedText.optional(),
      })
      .strict(),
    method: z.enum(METHODS).default('mean'),
    grades: z.array(gradeBand).optional(),
    dimensions: z.array(dimension).min(1),
    profiles: z.array(profile).optional(),
  })
  .strict();
export type Template = z.infer<typeof template>;
