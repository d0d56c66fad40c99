/** `scorebook report`: its options; what it does is loaded when it runs. */
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
import type { ReportCliOptions } from './report-action.ts';
import { modeOption } from './mode-option.ts';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'write self-contained HTML evaluation reports (charts inline, open offline): one organization, or --all with an index and the secretariat summary',
    )
    .option('--org <id>', 'the organization to report on')
    .option('--all', 'a report for every organization, plus index.html and summary.html')
    .addOption(dbOption())
    .addOption(templateOption("template (default: the only one that fits, or the organization's)"))
    .addOption(profileOption())
    .addOption(periodOption("period (default: the latest, or the organization's latest)"))
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
    .requiredOption('--out <dir>', 'folder for the reports')
    .option(
      '--force',
      'write into a folder that holds the reports of another template, selection or period, or compared another way (its pages, as its report-manifest.json lists them, are removed)',
    )
    .option(
      '--pdf',
      'also print each report to PDF with headless chromium (exit 3 when chromium is missing; SCOREBOOK_CHROMIUM overrides /usr/bin/chromium)',
    )
    .option('--roster <file>', 'members CSV, for the return rates in the summary of --all')
    .option(
      '--workers <n>',
      'threads drawing the pages of --all, the main one included (default: the number of cores; one for small runs)',
      wholeNumber(1),
    )
    .addOption(langOption())
    .action(async (o: Omit<ReportCliOptions, 'lang'> & { lang?: string }) =>
      (await import('./report-action.ts')).runReportCommand({ ...o, lang: parseLang(o.lang) }),
    );
}
