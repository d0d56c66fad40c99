/** The CLI reference in Markdown, generated from the commands' own help so that it cannot drift. */
import type { Command } from 'commander';
import { buildProgram } from './main.ts';

function sections(cmd: Command, prefix: string): string[] {
  const name = prefix ? `${prefix} ${cmd.name()}` : cmd.name();
  const own = [`### \`${name}\``, '', '```text', cmd.helpInformation({ error: false }).trimEnd(), '```', ''];
  return [...own, ...cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => sections(c, name))];
}

export function cliReference(): string {
  // A fixed width: the reference must not depend on the terminal it was generated in.
  const program = buildProgram();
  program.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
  const apply = (c: Command) => {
    c.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
    c.commands.forEach(apply);
  };
  apply(program);
  return ['# CLI reference', '', 'Generated from `scorebook --help` by `npm run docs:cli`; a test keeps it equal to the help.', '', ...sections(program, '')].join('\n');
}
