/** `scorebook ingest`: its options; what it does is loaded when it runs. */
import { Option, type Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { positiveNumber, wholeNumber } from './option-values.ts';
import { dbOption, langOption } from './shared-options.ts';
import type { IngestCliOptions } from './ingest-action.ts';

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'ingest returned workbooks (.xlsx, .xlsm) and CSV returns into DuckDB: exactly once, nothing lost',
    )
    .argument('<paths...>', 'files, folders (walked recursively) and glob patterns')
    .addOption(dbOption())
    .option(
      '--workers <n>',
      'threads reading files, the main one included (default: the number of cores)',
      wholeNumber(1),
    )
    .option(
      '--max-mb <n>',
      'refuse files that decompress to more than this many MB (default 50)',
      positiveNumber,
    )
    .option('--json', 'print the summary as JSON')
    .addOption(
      new Option('--batch-size <n>', 'files per transaction').argParser(wholeNumber(1)).hideHelp(),
    )
    .addOption(langOption())
    .action(async (paths: string[], o: Omit<IngestCliOptions, 'lang'> & { lang?: string }) =>
      (await import('./ingest-action.ts')).runIngestCommand(paths, {
        db: o.db,
        workers: o.workers,
        maxMb: o.maxMb,
        json: o.json,
        batchSize: o.batchSize,
        lang: parseLang(o.lang),
      }),
    );
}
