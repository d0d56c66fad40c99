/**
 * Ingest alone, for work on its speed: `npx tsx bench/bench-ingest.ts [files] [workers,…] [runs]`
 * (default 2000 1,2 3) writes the bench's returned workbooks into a temporary folder, ingests
 * them with each number of workers in turn, and prints each rate's median, the median of the
 * pairs' ratios and the load average. BENCH_INGEST_DIR keeps the returns in that folder between
 * runs (written there when it has too few).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMsPerWorkbook, median, timeIngest } from './ingest-runs.ts';

const files = Number(process.argv[2] ?? 2000);
const counts = (process.argv[3] ?? '1,2').split(',').map(Number);
const runs = Number(process.argv[4] ?? 3);

const keep = process.env.BENCH_INGEST_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'scorebook-bench-ingest-'));
mkdirSync(dir, { recursive: true });
const have = readdirSync(dir).filter((f) => /^R\d+\.xlsx$/.test(f)).length;
// Imported only when needed: generating loads exceljs, which a profile of ingest need not show.
const paths =
  have >= files
    ? Array.from({ length: files }, (_, i) => join(dir, `R${i}.xlsx`))
    : (await (await import('./returned-workbooks.ts')).writeReturnedWorkbooks(dir, files)).paths;

const measured = await timeIngest(paths, counts, runs);
const times = measured.wall;
if (!keep) rmSync(dir, { recursive: true, force: true });

for (const [w, ts] of times)
  process.stdout.write(
    `${w} worker(s): ${(files / median(ts)).toFixed(0)} workbooks/s (runs ${ts.map((t) => (files / t).toFixed(0)).join(' ')}), ${cpuMsPerWorkbook(measured, w, files).toFixed(2)} ms of CPU a workbook\n`,
  );
if (counts.length === 2) {
  const [a, b] = counts.map((w) => times.get(w)!);
  process.stdout.write(
    `${counts[1]} ÷ ${counts[0]} workers: ${median(a!.map((t, k) => t / b![k]!)).toFixed(2)}× (median of the pairs)\n`,
  );
}
process.stdout.write(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
