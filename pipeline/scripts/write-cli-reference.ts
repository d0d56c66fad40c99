/** Writes docs/cli.md and the READMEs' CLI reference blocks from the CLI's own help (npm run docs:cli). */
import { readFileSync, writeFileSync } from 'node:fs';
import { cliReference, embedCliReference } from '../cli/cli-reference.ts';

writeFileSync(new URL('../../docs/cli.md', import.meta.url), cliReference());
process.stdout.write('wrote docs/cli.md\n');
for (const name of ['README.md', 'README.zh-CN.md']) {
  const url = new URL(`../../${name}`, import.meta.url);
  const embedded = embedCliReference(readFileSync(url, 'utf8'));
  if (embedded === null)
    throw new Error(
      `${name} has no cli-reference markers: add the begin and end comments where the reference goes`,
    );
  writeFileSync(url, embedded);
  process.stdout.write(`wrote the CLI reference in ${name}\n`);
}
