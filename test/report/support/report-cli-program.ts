/** buildProgram() plus the report command when main.ts has not wired it yet, run with main()'s error handling. */
import { Option } from 'commander';
import { CliExit, defaultLang } from '../../../pipeline/cli/cli-context.ts';
import { buildProgram } from '../../../pipeline/cli/main.ts';
import { registerReportCommand } from '../../../pipeline/cli/report-command.ts';
import { UserError } from '../../../pipeline/user-error.ts';

export function hasReportCommand(): boolean {
  return buildProgram().commands.some((c) => c.name() === 'report');
}

export async function runWithReport(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (!program.commands.some((c) => c.name() === 'report')) {
    registerReportCommand(program, () => new Option('--lang <lang>', 'language of messages: zh-CN or en (default from the locale)').choices(['zh-CN', 'en']));
  }
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CliExit) return e.code;
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) return code === 'commander.helpDisplayed' || code === 'commander.help' ? 0 : 1;
    if (e instanceof UserError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    process.stderr.write(`${defaultLang() === 'zh-CN' ? 'scorebook 内部错误' : 'scorebook failed'}: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
