/**
 * Runs `scorebook report …` as a user would, in a child process: through the real bin once
 * main.ts wires the command, through the same program plus registerReportCommand until then.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli, type CliRun } from '../../support/run-cli.ts';
import { hasReportCommand } from './report-cli-program.ts';

const ENTRY = join(import.meta.dirname, 'report-cli-entry.mjs');
const wired = hasReportCommand();

export function runReport(args: string[], opts: { env?: Record<string, string> } = {}): CliRun {
  if (wired) return runCli(['report', ...args], opts);
  const r = spawnSync(process.execPath, [ENTRY, 'report', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', SCOREBOOK_LANG: '', ...opts.env },
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
