/** `scorebook export`: its options; what it does is loaded when it runs. */
import { Option, type Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { periodOption, profileOption, templateOption } from './comparison-options.ts';
import { wholeNumber } from './option-values.ts';
import { consolidateOption, dbOption, langOption } from './shared-options.ts';
import type { ExportCliOptions } from './export-action.ts';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'export the tables and views for BI tools (CSV cells that start with = + - @ are quoted as text)',
    )
    .addOption(dbOption())
    .addOption(
      new Option('--format <format>', 'csv or parquet (a folder of files), or xlsx (one workbook)')
        .choices(['csv', 'parquet', 'xlsx'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <path>', 'a folder for csv and parquet, a .xlsx file for xlsx')
    .option(
      '--min-group <k>',
      'no statistic over fewer than k organizations in the bench_* views',
      wholeNumber(1),
      5,
    )
    .option(
      '--partition',
      'parquet only: the per-submission tables as folders partitioned by template_id and period (Hive layout, for DuckDB, Spark, Trino)',
    )
    .addOption(templateOption('only this template (default: every template)'))
    .addOption(profileOption('every selection'))
    .addOption(periodOption('only this period (default: every period)'))
    .addOption(consolidateOption())
    .option(
      '--no-bom',
      'csv: omit the UTF-8 byte order mark each file begins with by default (Excel needs it to read UTF-8 Chinese text)',
    )
    .addOption(
      langOption(
        'language of messages (default from the locale); --lang zh-CN also writes the csv and xlsx column headers in Chinese (without it they are the column names)',
      ),
    )
    .action(async (o: Omit<ExportCliOptions, 'lang' | 'headers'> & { lang?: string }) =>
      (await import('./export-action.ts')).runExport({
        ...o,
        lang: parseLang(o.lang),
        // Headers change only when asked: scripts key on the column names, whatever the locale.
        headers: o.lang ? parseLang(o.lang) : 'en',
      }),
    );
}
