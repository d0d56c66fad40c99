/** `scorebook records`: its options; what it does is loaded when it runs. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { langOption } from './shared-options.ts';

/** --today as a day YYYY-MM-DD (a hidden option, for reproducible runs). */
function isoDay(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1)
    throw new InvalidArgumentError('give a day as YYYY-MM-DD.');
  return raw.trim();
}

export function registerRecordsCommand(program: Command): void {
  program
    .command('records')
    .description(
      "count the figures a template's indicators take (GB/T 40143-2021's nine by default) and volunteer star levels (6.6.2) from a volunteer service records export; bad rows are listed with their row numbers",
    )
    .argument('<file>', 'the records export: CSV (UTF-8 or GBK) or .xlsx, one row per session')
    .requiredOption(
      '--period <p>',
      'a year (2025) or a range of days (2025-07-01..2026-06-30), both ends included',
    )
    .option('--org <id>', 'the organization whose rows to count, when the file holds several')
    .option(
      '--template <id|file>',
      'the template whose indicators the figures are shown as (default: the shipped one whose indicators take figures from records)',
    )
    .option(
      '--json',
      'print { period, indicators: [ { id, value, how } ], stars: [ { level, min_hours, volunteers } ], volunteers, rows, rejected_rows: [ { row, reason, message } ] }',
    )
    .addOption(
      new Option('--today <day>', 'count days after this one (YYYY-MM-DD) as in the future')
        .argParser(isoDay)
        .hideHelp(),
    )
    .addOption(langOption())
    .action(
      async (
        f: string,
        o: {
          period: string;
          org?: string;
          template?: string;
          json?: boolean;
          today?: string;
          lang?: string;
        },
      ) =>
        (await import('../records/records-action.ts')).runRecords(f, {
          period: o.period,
          ...(o.org !== undefined ? { org: o.org } : {}),
          ...(o.template !== undefined ? { template: o.template } : {}),
          ...(o.json ? { json: true } : {}),
          ...(o.today !== undefined ? { today: o.today } : {}),
          lang: parseLang(o.lang),
        }),
    );
}
