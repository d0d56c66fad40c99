/**
 * The zod pieces the template schema and the rule kinds' schemas (core/rules/kinds/) share. A
 * module of their own: schema.ts builds on the kinds, and the kinds on these.
 */
import { z } from 'zod';

export const nonEmpty = z.string().trim().min(1);

export const localizedText = z
  .object({
    'zh-CN': nonEmpty.describe('简体中文 / Simplified Chinese'),
    en: nonEmpty.describe('English'),
  })
  .strict()
  .describe('A text in zh-CN and en');

/**
 * Why a rule is what it is, where the source is ambiguous or gives none: the reading chosen and
 * its reason, saying when the choice is scorebook's (GB/T 40143's Example 2 bands, the defaults
 * of docs/gbt-40143-defaults.md).
 */
export const ruleDecision = localizedText
  .optional()
  .describe(
    'why the rule is what it is: the reading chosen where the source is ambiguous or gives none, and whose choice it is',
  );
