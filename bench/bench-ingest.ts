/**
 * Ingest alone, for work on its speed: `npx tsx bench/bench-ingest.ts [files] [workers,…] [runs]`
 * writes the bench's returned workbooks once into a temporary folder, then ingests them into a
 * new database with each number of workers in turn (1, 2, 1, 2 … so that a machine's drift hits
 * both alike) and prints each rate's median and their ratio. BENCH_INGEST_DIR reuses a folder
 * of returns (written there if it is empty) across runs.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '../pipeline/ingest/run-ingest.ts';

const files = Number(process.argv[2] ?? 2000);
const counts = (process.argv[3] ?? '1,2').split(',').map(Number);
const runs = Number(process.argv[4] ?? 3);

const keep = process.env.BENCH_INGEST_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'scorebook-bench-ingest-'));
mkdirSync(dir, { recursive: true });
const have = readdirSync(dir).filter((f) => /^R\d+\.xlsx$/.test(f)).length;
const paths =
  have >= files
    ? Array.from({ length: files }, (_, i) => join(dir, `R${i}.xlsx`))
    : (await (await import('./returned-workbooks.ts')).writeReturnedWorkbooks(dir, files)).paths;

const rates = new Map<number, number[]>(counts.map((w) => [w, []]));
for (let run = 0; run < runs; run++) {
  for (const workers of counts) {
    const db = join(tmpdir(), `scorebook-bench-ingest-${randomUUID()}.duckdb`);
    const t0 = performance.now();
    const summary = await ingestFiles(paths, { db, workers, maxBytes: 50 * 1048576, lang: 'en' });
    const rate = files / ((performance.now() - t0) / 1000);
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    if (summary.ingested !== files)
      throw new Error(`bench ingest: ${JSON.stringify(summary).slice(0, 300)}`);
    rates.get(workers)!.push(rate);
  }
}
if (!keep) rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
for (const [w, xs] of rates)
  process.stdout.write(
    `${w} worker(s): ${median(xs).toFixed(0)} workbooks/s (runs ${xs.map((x) => x.toFixed(0)).join(' ')})\n`,
  );
if (counts.length === 2)
  process.stdout.write(
    `ratio ${counts[1]}/${counts[0]}: ${(median(rates.get(counts[1]!)!) / median(rates.get(counts[0]!)!)).toFixed(2)}×\n`,
  );
process.stdout.write(`load average ${load}\n`);
