/**
 * One process reading files and nothing else, for the bench's two-core ceiling:
 * `tsx bench/read-alone.ts LIST FROM TO` reads the files of LIST (one path per line) from index
 * FROM to TO, the first 200 of them unmeasured (the JIT warming up), and prints the
 * milliseconds per file of the rest.
 */
import { readFileSync } from 'node:fs';
import { readReturnedFile } from '../pipeline/ingest/read-returned-file.ts';
import { templatesForReading } from '../pipeline/templates/registry.ts';

const [list, from, to] = process.argv.slice(2);
const paths = readFileSync(list!, 'utf8').split('\n').filter(Boolean);
const [a, b] = [Number(from), Number(to)];
const opts = { maxBytes: 50 * 1048576, lang: 'en' as const, templates: templatesForReading() };
const WARM = 200;
for (let i = a; i < a + WARM; i++) readReturnedFile(paths[i]!, opts);
const t0 = performance.now();
for (let i = a + WARM; i < b; i++) readReturnedFile(paths[i]!, opts);
process.stdout.write(`${(performance.now() - t0) / (b - a - WARM)}\n`);
