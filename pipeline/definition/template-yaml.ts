/**
 * A Template as the YAML file the project keeps templates in (templates/*.yaml): the schema's
 * key order, codes quoted so that they stay text, long texts unfolded. Reading it back with
 * parseTemplate gives the same template.
 */
import { stringify } from 'yaml';
import type { Template } from '../../core/index.ts';

export function templateToYaml(t: Template, source?: string): string {
  const head = [
    '# A scorebook template (docs/template-format.md); check it with scorebook templates check.',
    ...(source ? [`# Converted by scorebook templates import from ${source}.`] : []),
  ];
  const body = stringify(t, {
    lineWidth: 0,
    defaultKeyType: 'PLAIN',
    aliasDuplicateObjects: false,
  });
  return `${head.join('\n')}\n${body}`;
}
