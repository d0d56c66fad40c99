/** `scorebook score`: its options; what it does is loaded when it runs. */
import { Option, type Command } from 'commander';
import { METHODS } from '../../core/template/methods.ts';
import { parseLang } from './cli-context.ts';
import { langOption } from './shared-options.ts';
import type { ScoreCliOptions } from './score-action.ts';

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description(
      'score a workbook (recomputed by the engine, compared with its cached results), or inputs against a template',
    )
    .argument('[workbook]', 'a scoring workbook (.xlsx) made by scorebook generate')
    .option('--template <id>', 'template id, when scoring an inputs file')
    .option('--profile <name>', 'a profile of the template, e.g. annex-b-example')
    .addOption(
      new Option(
        '--method <method>',
        "aggregation method (default: the profile's or template's)",
      ).choices([...METHODS]),
    )
    .option('--inputs <file>', 'CSV with header id,value, or JSON {"1.1.1": "是", …}')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .action(
      async (workbook: string | undefined, o: Omit<ScoreCliOptions, 'lang'> & { lang?: string }) =>
        (await import('./score-action.ts')).runScoreCommand(workbook, {
          ...o,
          lang: parseLang(o.lang),
        }),
    );
}
