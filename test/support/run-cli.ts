/**
 * Runs the real `scorebook` bin in a child process, as a user would: the build in dist/ when it
 * was made from the sources as they are (bin/fresh-build.mjs), else the sources themselves, so a
 * stale build is never what a test sees. SCOREBOOK_RUN=build or source in `env` chooses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/scorebook.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', SCOREBOOK_LANG: '', ...opts.env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const scratch: string[] = [];
// Scratch folders go when the test process ends (set SCOREBOOK_KEEP_SCRATCH=1 to look at them).
process.on('exit', () => {
  if (process.env.SCOREBOOK_KEEP_SCRATCH) return;
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

export function scratchDir(prefix = 'scorebook-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}
