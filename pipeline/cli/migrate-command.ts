/** `scorebook migrate`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { langOption } from './shared-options.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      "write a filled workbook (or a folder of them) as the new version of its template: every answer whose indicator remains, on that indicator (following the new version's was codes); prints what it dropped and what is new",
    )
    .argument('<source>', 'a filled workbook of an earlier version (.xlsx), or a folder of them')
    .requiredOption(
      '--to <template>',
      'the new version: id (its newest version), id@version, or a template file',
    )
    .requiredOption('--out <path>', 'NEW.xlsx, or a folder when <source> is a folder')
    .option('--period <period>', "the new workbook's evaluation period (default: the old one's)")
    .option(
      '--editable-weights',
      'leave the first-level weights editable (self-assessment); by default they are locked as issued',
    )
    .option('--force', 'replace existing files')
    .addOption(langOption())
    .action(
      async (
        source: string,
        o: {
          to: string;
          out: string;
          period?: string;
          force?: boolean;
          editableWeights?: boolean;
          lang?: string;
        },
      ) =>
        (await import('./migrate-action.ts')).runMigrate(source, {
          to: o.to,
          out: o.out,
          force: o.force,
          ...(o.editableWeights ? { editableWeights: true } : {}),
          lang: parseLang(o.lang),
          ...(o.period !== undefined ? { period: o.period } : {}),
        }),
    );
}
