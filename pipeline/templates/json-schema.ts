/** The JSON Schema editors use for completion in templates/*.yaml, generated from the zod schema. */
import { z } from 'zod';
import { template } from '../../core/index.ts';

export function templateJsonSchema(): string {
  const schema = z.toJSONSchema(template, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const out = {
    $id: 'https://github.com/scorebook/scorebook/templates/template.schema.json',
    title: 'scorebook template',
    description: 'A scoring template: the indicators of a standard, their rules, weights and profiles. Generated from core/template/schema.ts by npm run schema; do not edit by hand.',
    ...schema,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
