/** Writes docs/cli.md from the CLI's own help (npm run docs:cli). */
import { writeFileSync } from 'node:fs';
import { cliReference } from '../cli/cli-reference.ts';

writeFileSync(new URL('../../docs/cli.md', import.meta.url), cliReference());
process.stdout.write('wrote docs/cli.md\n');
