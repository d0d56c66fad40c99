/**
 * What two cores can give the reading at most on this machine: one process reading alone
 * against two reading side by side, each its own half of the files, nothing else running, no
 * writer and nothing sent between them. The ratio of the two rates is the ceiling of any
 * division of ingest's reading across the cores: the cores share caches and memory, and
 * reading is mostly moving bytes (inflating, scanning), so two readers slow each other down.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './ingest-runs.ts';

const SCRIPT = new URL('./read-alone.ts', import.meta.url).pathname;

function readAlone(list: string, from: number, to: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SCRIPT, list, String(from), String(to)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(Number(out.trim()))
        : reject(new Error(`read-alone exited with ${code}`)),
    );
  });
}

/**
 * Milliseconds per file alone and side by side, and the ratio of two readers' rate to one's,
 * each the median of `runs` rounds run in turn.
 */
export async function readCeiling(
  paths: readonly string[],
  dir: string,
  runs: number,
): Promise<{ alone: number; together: number; ratio: number }> {
  const list = join(dir, 'read-ceiling.txt');
  writeFileSync(list, paths.join('\n'));
  const half = Math.floor(paths.length / 2);
  const alone: number[] = [];
  const together: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const one = await readAlone(list, 0, half);
    const two = await Promise.all([readAlone(list, 0, half), readAlone(list, half, 2 * half)]);
    const both = (two[0]! + two[1]!) / 2;
    alone.push(one);
    together.push(both);
    ratios.push((2 * one) / both);
  }
  return { alone: median(alone), together: median(together), ratio: median(ratios) };
}
