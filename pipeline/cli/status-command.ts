/** `scorebook status`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { periodOption, profileOption, templateOption } from './comparison-options.ts';
import { dbOption, langOption } from './shared-options.ts';
import type { StatusCliOptions } from './status-action.ts';

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      "each roster member's state for one template, selection and period: accepted, partial (unanswered indicators), weights-changed, flagged, rejected (reason and file) or missing, with its contact",
    )
    .requiredOption('--roster <file>', 'members CSV, as for generate --roster')
    .addOption(dbOption())
    .addOption(templateOption())
    .addOption(profileOption())
    .addOption(periodOption())
    .option(
      '--csv',
      'print CSV for a mail merge (member, name, contact, state, what is missing; UTF-8 with BOM; headers in the language of --lang)',
    )
    .option(
      '--json',
      'print [ { org_id, org_name, contact, state, reason, file, unanswered, applicable, missing_indicators, calculated, returned, complete } ]',
    )
    .addOption(langOption())
    .action(async (o: Omit<StatusCliOptions, 'lang'> & { lang?: string }) =>
      (await import('./status-action.ts')).runStatus({ ...o, lang: parseLang(o.lang) }),
    );
}
