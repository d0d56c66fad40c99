/** `scorebook benchmark`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { wholeNumber } from './option-values.ts';
import { consolidateOption, dbOption, langOption } from './shared-options.ts';
import type { BenchmarkCliOptions } from './benchmark-action.ts';

export function registerBenchmarkCommand(program: Command): void {
  program
    .command('benchmark')
    .description(
      'benchmark organizations against their peers: distributions per group and percentile ranks',
    )
    .addOption(dbOption())
    .option('--template <id>', 'template (default: the only one in the database)')
    .option('--period <p>', 'period (default: the latest)')
    .option('--by <columns>', 'peer groups: any of region,org_type,size', 'region,org_type')
    .option(
      '--min-group <k>',
      'show no statistic over fewer than k organizations',
      wholeNumber(1),
      5,
    )
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
