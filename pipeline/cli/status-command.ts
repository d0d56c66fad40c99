/** `scorebook status`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { dbOption, langOption } from './shared-options.ts';
import type { StatusCliOptions } from './status-action.ts';

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('who on the roster has returned, who has not, and whose return is incomplete')
    .requiredOption('--roster <file>', 'members CSV, as for generate --roster')
    .addOption(dbOption())
    .option('--period <p>', 'only returns for this period')
    .option('--template <id>', 'only returns for this template')
    .option('--csv', 'print CSV')
    .option('--json', 'print [ { org_id, org_name, returned, complete, unanswered } ]')
    .addOption(langOption())
    .action(async (o: Omit<StatusCliOptions, 'lang'> & { lang?: string }) =>
      (await import('./status-action.ts')).runStatus({ ...o, lang: parseLang(o.lang) }),
    );
}
