/** `scorebook fill`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { langOption } from './shared-options.ts';

export function registerFillCommand(program: Command): void {
  program
    .command('fill')
    .description(
      "write values from a CSV (id,value), or counted from volunteer service records, into a workbook's input cells; nothing is written if any row is bad",
    )
    .argument(
      '<workbook>',
      'a scoring workbook (.xlsx), or with --records a folder of them (a roster distribution)',
    )
    .option('--inputs <file>', 'CSV with header id,value, or JSON')
    .option(
      '--records <file>',
      'a volunteer service records export (CSV or .xlsx, docs/records.md): its counts go into the GB/T 40143 indicators they support, each with a note of its source',
    )
    .option('--period <p>', "the records' period (default: the workbook's own period)")
    .requiredOption(
      '--out <path>',
      'the filled workbook to write (the workbook itself, to fill it in place); a folder when filling a folder',
    )
    .option('--force', 'replace an existing file other than the workbook itself')
    .addOption(langOption())
    .action(
      async (
        workbook: string,
        o: {
          inputs?: string;
          records?: string;
          period?: string;
          out: string;
          force?: boolean;
          lang?: string;
        },
      ) =>
        (await import('./fill-action.ts')).runFill(workbook, {
          ...(o.inputs !== undefined ? { inputs: o.inputs } : {}),
          ...(o.records !== undefined ? { records: o.records } : {}),
          ...(o.period !== undefined ? { period: o.period } : {}),
          out: o.out,
          force: o.force,
          lang: parseLang(o.lang),
        }),
    );
}
