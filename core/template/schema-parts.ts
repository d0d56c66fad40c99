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
