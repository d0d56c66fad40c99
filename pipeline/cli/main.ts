/**
 * The scorebook command line. Each verb registers its own options and loads what it does only
 * when it runs, so that `scorebook --help` loads commander and the registrations, nothing more.
 */
import { Command } from 'commander';
import { CliExit, langOfArgv } from './cli-context.ts';
import { takeTemplateProblems } from '../templates/template-problems.ts';
import { registerBenchmarkCommand } from './benchmark-command.ts';
import { registerExportCommand } from './export-command.ts';
import { registerFillCommand } from './fill-command.ts';
import { registerGenerateCommand } from './generate-command.ts';
import { registerIngestCommand } from './ingest-command.ts';
import { registerMigrateCommand } from './migrate-command.ts';
import { registerRecordsCommand } from './records-command.ts';
import { registerReportCommand } from './report-command.ts';
import { registerScoreCommand } from './score-command.ts';
import { registerStatusCommand } from './status-command.ts';
import { registerTemplatesCommand } from './templates-command.ts';

export function buildProgram(): Command {
  const program = new Command('scorebook')
    .description(
      'Score social organizations against national and group standards (GB/T 40143-2021, T/SSOF 0001-2024 …).',
    )
    .version('0.1.0')
    .showHelpAfterError();
  registerTemplatesCommand(program);
  registerScoreCommand(program);
  registerGenerateCommand(program);
  registerFillCommand(program);
  registerMigrateCommand(program);
  registerRecordsCommand(program);
  registerIngestCommand(program);
  registerStatusCommand(program);
  registerBenchmarkCommand(program);
  registerExportCommand(program);
  registerReportCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `scorebook benchmark | head` closes the pipe early: the reader has what it wanted, no failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return await failed(e, argv);
  } finally {
    await sayTemplateProblems(argv);
  }
}

/** The user's templates left out of this run (template-problems.ts), said once, at its end. */
async function sayTemplateProblems(argv: string[]): Promise<void> {
  const problems = takeTemplateProblems();
  if (!problems.length) return;
  const { printIssues } = await import('./cli-print.ts');
  printIssues(problems, langOfArgv(argv));
}

async function failed(e: unknown, argv: string[]): Promise<number> {
  if (e instanceof CliExit) return e.code;
  const ce = e as { code?: string; exitCode?: number };
  if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
    return ce.code === 'commander.helpDisplayed' ||
      ce.code === 'commander.version' ||
      ce.code === 'commander.help'
      ? 0
      : 1;
  }
  // The words of a failure are loaded only when there is one.
  const [{ UserError }, { issueLines }, { say }, { terminalLines }] = await Promise.all([
    import('../user-error.ts'),
    import('./cli-print.ts'),
    import('../messages/index.ts'),
    import('../terminal/escape.ts'),
  ]);
  const lang = langOfArgv(argv);
  // Said through the escape (pipeline/terminal/escape.ts): a message may quote a file's name or text.
  process.stderr.write(
    e instanceof UserError && e.issues.length
      ? issueLines(e.issues, lang).join('')
      : `${terminalLines(e instanceof UserError ? e.message : say(lang, 'cli.failed', { stack: (e as Error).stack ?? String(e) }))}\n`,
  );
  return 1;
}

const isEntry = process.argv[1] && /main\.ts$/.test(process.argv[1]);
if (isEntry) process.exitCode = await main(process.argv.slice(2));
