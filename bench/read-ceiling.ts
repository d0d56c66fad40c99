/**
 * What two cores can give the reading at most on this machine: one process reading alone
 * against two reading side by side, each its own half of the files, nothing else running, no
 * writer and nothing sent between them. The ratio of the two rates is the ceiling of any
 * division of ingest's reading across the cores. It is below 2 because a reader alone is not
 * on one core: V8's own threads (the garbage collector's parallel and concurrent work, the
 * optimizing compiler) run on the idle one. Side by side they take turns from the readers.
 * With `flags` ['--single-threaded'] V8 does that work on the reading thread itself, which
 * shows it: alone and side by side then read at the same speed.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './ingest-runs.ts';

const SCRIPT = new URL('./read-alone.ts', import.meta.url).pathname;

function readAlone(
  list: string,
  from: number,
  to: number,
  flags: readonly string[],
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...flags, '--import', 'tsx', SCRIPT, list, String(from), String(to)],
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
  flags: readonly string[] = [],
): Promise<{ alone: number; together: number; ratio: number }> {
  const list = join(dir, 'read-ceiling.txt');
  writeFileSync(list, paths.join('\n'));
  const half = Math.floor(paths.length / 2);
  const alone: number[] = [];
  const together: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const one = await readAlone(list, 0, half, flags);
    const two = await Promise.all([
      readAlone(list, 0, half, flags),
      readAlone(list, half, 2 * half, flags),
    ]);
    const both = (two[0]! + two[1]!) / 2;
    alone.push(one);
    together.push(both);
    ratios.push((2 * one) / both);
  }
  return { alone: median(alone), together: median(together), ratio: median(ratios) };
}
