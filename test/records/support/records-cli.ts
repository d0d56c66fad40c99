/**
 * The `records` verb in a small commander program, as main.ts wires it: the arguments a user
 * types in, what it prints and its exit code out, in-process.
 */
import { Command } from 'commander';
import { CliExit } from '../../../pipeline/cli/cli-context.ts';
import { UserError } from '../../../pipeline/user-error.ts';
import { registerRecordsCommand } from '../../../pipeline/cli/records-command.ts';

export interface VerbRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runRecordsVerb(args: string[]): Promise<VerbRun> {
  const program = new Command('scorebook').exitOverride();
  registerRecordsCommand(program);
  let stdout = '';
  let stderr = '';
  const write = (sink: 'out' | 'err') =>
    ((chunk: string | Uint8Array) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (sink === 'out') stdout += text;
      else stderr += text;
      return true;
    }) as typeof process.stdout.write;
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  process.stdout.write = write('out');
  process.stderr.write = write('err');
  program.configureOutput({
    writeOut: (s) => void (stdout += s),
    writeErr: (s) => void (stderr += s),
  });
  let code = 0;
  try {
    await program.parseAsync(['records', ...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CliExit) code = e.code;
    else if (e instanceof UserError) {
      stderr += e.say('en');
      code = 1;
    } else if ((e as { code?: string }).code?.startsWith('commander.')) code = 1;
    else throw e;
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  return { code, stdout, stderr };
}
