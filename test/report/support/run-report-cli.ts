/** Runs `scorebook report …` as a user would: the real bin, in a child process. */
import { runCli, type CliRun } from '../../support/run-cli.ts';

export function runReport(args: string[], opts: { env?: Record<string, string> } = {}): CliRun {
  return runCli(['report', ...args], opts);
}
