/** `scorebook generate`: its options; what it does is loaded when it runs. */
import { Option, type Command } from 'commander';
import { METHODS } from '../../core/template/methods.ts';
import { parseLang } from './cli-context.ts';
import { wholeNumber } from './option-values.ts';
import { langOption } from './shared-options.ts';
import { modeOption } from './mode-option.ts';
import type { GenerateOptions } from './generate-action.ts';

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('write a live scoring workbook (or, with --roster, one per member and a manifest)')
    .argument('[template]', 'template id (gbt-40143-2021, or id@version); or give --template-file')
    .option(
      '--template-file <file>',
      'a template file instead of an id: YAML, or a definition workbook (.xlsx)',
    )
    .option('--profile <name>', 'a profile of the template')
    .addOption(new Option('--method <method>', 'aggregation method').choices([...METHODS]))
    .addOption(
      langOption(
        "language of the workbook (default: the template's, zh-CN for the Chinese standards) and of messages (default from the locale)",
      ),
    )
    .option('--org-id <id>', 'organization id')
    .option('--org-name <name>', 'organization name')
    .option('--region <region>', 'region')
    .option('--org-type <type>', 'organization type')
    .option('--period <period>', 'evaluation period, e.g. 2024')
    .option('--evaluator <name>', 'evaluator')
    .option(
      '--credit-code <code>',
      "the organization's unified social credit code (统一社会信用代码), checked",
    )
    .addOption(modeOption('evaluation mode (with --roster: for members whose row gives none)'))
    .option(
      '--roster <file>',
      'members CSV: org_id, org_name, region, org_type [, contact, period, evaluator, credit_code, mode]',
    )
    .option(
      '--workers <n>',
      'worker threads for --roster (default: the number of cores)',
      wholeNumber(1),
    )
    .option(
      '--editable-weights',
      'leave the first-level weights editable (self-assessment); by default they are locked as issued',
    )
    .requiredOption('--out <path>', 'FILE.xlsx, or a folder with --roster')
    .option('--force', 'replace an existing workbook, or a folder that already holds a manifest')
    .action(
      async (
        template: string | undefined,
        o: Omit<GenerateOptions, 'lang'> & { lang?: string; templateFile?: string },
      ) =>
        (await import('./generate-action.ts')).runGenerate(o.templateFile ?? template, {
          ...o,
          lang: parseLang(o.lang),
          // Given, --lang sets the workbook's language too; not given, the template's, not the locale's.
          ...(o.lang ? { workbookLang: parseLang(o.lang) } : {}),
        }),
    );
}
