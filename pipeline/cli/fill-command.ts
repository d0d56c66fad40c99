/** `scorebook fill`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { langOption } from './shared-options.ts';

export function registerFillCommand(program: Command): void {
  program
    .command('fill')
    .description(
      "write values from a CSV (id,value) into a workbook's input cells; nothing is written if any row is bad",
    )
    .argument('<workbook>', 'a scoring workbook (.xlsx)')
    .requiredOption('--inputs <file>', 'CSV with header id,value, or JSON')
    .requiredOption(
      '--out <file>',
      'the filled workbook to write (the workbook itself, to fill it in place)',
    )
    .option('--force', 'replace an existing file other than the workbook itself')
    .addOption(langOption())
    .action(
      async (
        workbook: string,
        o: { inputs: string; out: string; force?: boolean; lang?: string },
      ) =>
        (await import('./fill-action.ts')).runFill(workbook, {
          inputs: o.inputs,
          out: o.out,
          force: o.force,
          lang: parseLang(o.lang),
        }),
    );
}
