/** Writes templates/template.schema.json from the zod schema (npm run schema). A test keeps them equal. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateJsonSchema } from '../templates/json-schema.ts';
import { TEMPLATES_DIR } from '../templates/registry.ts';

const file = join(TEMPLATES_DIR, 'template.schema.json');
writeFileSync(file, templateJsonSchema());
process.stdout.write(`wrote ${file}\n`);
