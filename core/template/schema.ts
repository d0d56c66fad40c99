/**
 * The template schema: the single definition of what a template file may say. The JSON Schema
 * in templates/template.schema.json is generated from it (npm run schema), and the checks that
 * a schema cannot express (positional ids, weights that sum to 1, profile references) live in
 * check-template.ts. A rule's schema and checks are its kind's (core/rules/kinds/).
 */
import { z } from 'zod';
import { rule } from '../rules/kinds/index.ts';
import { localizedText, nonEmpty } from './schema-parts.ts';

// Each rule kind's schema lives with the rest of the kind, in core/rules/kinds/.
export { rule, RULE_KINDS } from '../rules/kinds/index.ts';
export type { Band, BandsRule, Rule, RuleKind } from '../rules/kinds/index.ts';
export { localizedText };

import { METHODS } from './methods.ts';
import { RECORDS_MEASURE_IDS } from '../records/records-measures.ts';
import { LANGS, type Lang } from '../text.ts';
export { METHODS, weighsFirstLevelScores, type Method } from './methods.ts';

const id = z.string().regex(/^\d+(\.\d+){0,2}$/, 'positional code such as "5.2.1"');

export const indicator = z
  .object({
    id,
    name: localizedText,
    description: localizedText.optional().describe('内容描述'),
    note: localizedText.optional().describe('备注'),
    unit: nonEmpty.optional().describe('单位: 名, %, 万元, 个, 次, 人次, h, h/人 …'),
    rule,
    clause: nonEmpty.optional().describe('the clause of the standard the indicator comes from'),
    was: z
      .union([
        z.string().regex(/^\d+\.\d+\.\d+$/, 'a third-level code such as "1.1.4"'),
        z.literal('new'),
      ])
      .optional()
      .describe(
        'in a new version: the code this indicator had in the previous version, or "new"; absent: the same code',
      ),
    records: z
      .enum(RECORDS_MEASURE_IDS)
      .optional()
      .describe(
        'the figure a volunteer service records export fills this indicator with (scorebook records, fill --records)',
      ),
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

/**
 * An organization's size as the template defines it: a figure one indicator records (GB/T
 * 40143's 2.1.3, registered volunteers) cut into bands, for grouping peers by size. Each band
 * holds the figures below its `below` (exclusive) and at or above the previous band's; the last
 * band has no `below` and holds the rest.
 */
export const sizeBand = z
  .object({
    id: nonEmpty.describe('what the store and the benchmark call the band, e.g. "50-199"'),
    below: z.number().optional().describe('upper bound, exclusive; absent on the last band only'),
    label: localizedText,
  })
  .strict();
export type SizeBand = z.infer<typeof sizeBand>;

export const templateSize = z
  .object({
    indicator: id.describe('the third-level indicator whose figure decides the size'),
    label: localizedText.describe('what the figure counts, e.g. registered volunteers'),
    bands: z.array(sizeBand).min(2).describe('smallest first'),
  })
  .strict()
  .describe('optional: how organizations are grouped by size (benchmark --by size)');
export type TemplateSize = z.infer<typeof templateSize>;

export const template = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as "1.0.0"'),
    previous: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'a version such as "1.0.0"')
      .optional()
      .describe("the version this one revises; the indicators' `was` codes are that version's"),
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
    lang: z
      .enum(LANGS)
      .optional()
      .describe(
        "the language of its workbooks unless generate --lang says otherwise (default zh-CN): the members' language, not the machine's",
      ),
    grades: z.array(gradeBand).optional(),
    size: templateSize.optional(),
    dimensions: z.array(dimension).min(1),
    profiles: z.array(profile).optional(),
  })
  .strict();
export type Template = z.infer<typeof template>;

/** The language a template's workbooks are written in when no --lang says otherwise. */
export function templateLang(t: Pick<Template, 'lang'>): Lang {
  return t.lang ?? 'zh-CN';
}
