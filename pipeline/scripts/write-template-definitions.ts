/** Writes templates/definitions/<id>.xlsx for every shipped template (npm run templates:definitions). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  DEFINITIONS_DIR,
  definitionFileOf,
  shippedDefinition,
} from '../definition/shipped-definitions.ts';
import { definitionBytes } from '../definition/write-definition-xlsx.ts';
import { compileShippedTemplates } from '../templates/registry.ts';

mkdirSync(DEFINITIONS_DIR, { recursive: true });
for (const t of Object.values(compileShippedTemplates().templates)) {
  const file = definitionFileOf(t);
  writeFileSync(file, await definitionBytes(shippedDefinition(t)));
  process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
}
