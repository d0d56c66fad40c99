/** Writes the column labels' table into docs/database.md (npm run docs:columns). A test keeps them equal. */
import { readFileSync, writeFileSync } from 'node:fs';
import { embedColumnLabels } from '../export/column-labels.ts';

const url = new URL('../../docs/database.md', import.meta.url);
const embedded = embedColumnLabels(readFileSync(url, 'utf8'));
if (embedded === null)
  throw new Error('docs/database.md has no column-labels markers: add them where the table goes');
writeFileSync(url, embedded);
process.stdout.write('wrote the column labels in docs/database.md\n');
