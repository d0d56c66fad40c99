/** The CLI reference in Markdown, generated from the commands' own help so that it cannot drift. */
import type { Command } from 'commander';
import { buildProgram } from './main.ts';

function sections(cmd: Command, prefix: string): string[] {
  const name = prefix ? `${prefix} ${cmd.name()}` : cmd.name();
  const own = [
    `### \`${name}\``,
    '',
    '```text',
    cmd.helpInformation({ error: false }).trimEnd(),
    '```',
    '',
  ];
  return [
    ...own,
    ...cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => sections(c, name)),
  ];
}

/** Every command's help, as Markdown sections. */
export function cliSections(): string {
  // A fixed width: the reference must not depend on the terminal it was generated in.
  const program = buildProgram();
  program.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
  const apply = (c: Command) => {
    c.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
    c.commands.forEach(apply);
  };
  apply(program);
  return sections(program, '').join('\n');
}

export function cliReference(): string {
  return [
    '# CLI reference',
    '',
    'Generated from `scorebook --help` by `npm run docs:cli`; a test keeps it equal to the help.',
    '',
    cliSections(),
  ].join('\n');
}

const BEGIN = '<!-- cli-reference:begin (npm run docs:cli writes this block) -->';
const END = '<!-- cli-reference:end -->';

/** `readme` with the block between the markers replaced by the help; null when it has no markers. */
export function embedCliReference(readme: string): string | null {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) return null;
  return `${readme.slice(0, a + BEGIN.length)}\n\n${cliSections()}\n${readme.slice(b)}`;
}
