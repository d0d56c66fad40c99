/** `scorebook benchmark`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import {
  byOption,
  fallbackOption,
  includePartialOption,
  periodOption,
  profileOption,
  templateOption,
} from './comparison-options.ts';
import { wholeNumber } from './option-values.ts';
import { consolidateOption, dbOption, langOption } from './shared-options.ts';
import type { BenchmarkCliOptions } from './benchmark-action.ts';
import { modeOption } from './mode-option.ts';

export function registerBenchmarkCommand(program: Command): void {
  program
    .command('benchmark')
    .description(
      'benchmark organizations against their peers: distributions per group and percentile ranks, over complete returns of one selection and period',
    )
    .addOption(dbOption())
    .addOption(templateOption())
    .addOption(profileOption())
    .addOption(periodOption())
    .addOption(byOption())
    .addOption(fallbackOption())
    .option(
      '--min-group <k>',
      'show no statistic over fewer than k organizations',
      wholeNumber(1),
      5,
    )
    .addOption(includePartialOption())
    .addOption(modeOption('compare only returns of this evaluation mode'))
    .addOption(consolidateOption())
    .option('--csv', 'print the organizations as CSV')
    .option('--json', 'print { groups: [...], organizations: [...] }')
    .addOption(langOption())
    .action(async (o: Omit<BenchmarkCliOptions, 'lang'> & { lang?: string }) =>
      (await import('./benchmark-action.ts')).runBenchmarkCommand({
        ...o,
        lang: parseLang(o.lang),
      }),
    );
}
