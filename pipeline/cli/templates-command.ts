/** `scorebook templates [list|show|check]`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { langOption } from './shared-options.ts';

interface Flags {
  json?: boolean;
  lang?: string;
  profile?: string;
  xlsx?: string;
  out?: string;
  force?: boolean;
}

export function registerTemplatesCommand(program: Command): void {
  const action = () => import('./templates-action.ts');
  const templates = program
    .command('templates')
    .description(
      'list, show and check scoring templates; write them as definition workbooks (Excel) and back; compare versions',
    );
  const definition = () => import('./templates-definition-action.ts');
  templates
    .command('list', { isDefault: true })
    .description('list the templates (every version) with their counts per level')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .action(async (o: Flags) =>
      (await action()).listTemplates({ json: o.json, lang: parseLang(o.lang) }),
    );
  templates
    .command('show')
    .description('show a template as a tree of indicators, or as JSON')
    .argument(
      '<template>',
      'template id (gbt-40143-2021, or id@version) or a template file (.yaml or definition .xlsx)',
    )
    .option(
      '--profile <name>',
      "only the profile's indicators, with the rules it sets (e.g. record-only)",
    )
    .option(
      '--json',
      'print { id, version, title, profile, method, indicators: [ { id, level1, level2, name, unit, rule, scored, rule_text, per, decision } ] }',
    )
    .addOption(langOption())
    .action(async (id: string, o: Flags) =>
      (await action()).showTemplate(id, {
        json: o.json,
        lang: parseLang(o.lang),
        ...(o.profile ? { profile: o.profile } : {}),
      }),
    );
  templates
    .command('check')
    .description(
      'validate template files; print every problem with its line, path and a hint (exit 1 if any)',
    )
    .argument(
      '<files...>',
      'template files: YAML, or definition workbooks (.xlsx), whose problems are given at their cells',
    )
    .option(
      '--json',
      'print the problems as JSON: { sheet, row, column, code, message } (line and column for YAML)',
    )
    .addOption(langOption())
    .action(async (files: string[], o: Flags) =>
      (await action()).checkTemplates(files, { json: o.json, lang: parseLang(o.lang) }),
    );
  templates
    .command('export')
    .description(
      'write a template as a definition workbook, one row per indicator, to edit in Excel',
    )
    .argument('<template>', 'template id (or id@version) or a template file')
    .requiredOption('--xlsx <file>', 'the definition workbook to write (.xlsx)')
    .addOption(langOption("language of the workbook's sheets and headings, and of messages"))
    .option('--force', 'replace an existing file')
    .action(async (ref: string, o: Flags) =>
      (await definition()).exportDefinition(ref, {
        xlsx: o.xlsx!,
        force: o.force,
        lang: parseLang(o.lang),
      }),
    );
  templates
    .command('import')
    .description(
      'convert a definition workbook to a template YAML file (every problem with its sheet, row and column)',
    )
    .argument('<file>', 'a definition workbook (.xlsx)')
    .option('--out <file>', 'the YAML file to write (default: print it)')
    .addOption(langOption())
    .option('--force', 'replace an existing file')
    .action(async (file: string, o: Flags) =>
      (await definition()).importDefinition(file, {
        ...(o.out !== undefined ? { out: o.out } : {}),
        force: o.force,
        lang: parseLang(o.lang),
      }),
    );
  templates
    .command('new')
    .description('write a blank definition workbook to start a new standard from')
    .requiredOption('--xlsx <file>', 'the definition workbook to write (.xlsx)')
    .addOption(langOption("language of the workbook's sheets and headings, and of messages"))
    .option('--force', 'replace an existing file')
    .action(async (o: Flags) =>
      (await definition()).newDefinition({
        xlsx: o.xlsx!,
        force: o.force,
        lang: parseLang(o.lang),
      }),
    );
  templates
    .command('diff')
    .description(
      'compare two versions of a template: indicators added, removed, renamed, moved (by was) and with changed rules; suggests was where names match',
    )
    .argument('<old>', 'the older version: id@version or a template file')
    .argument('<new>', 'the newer version: id, id@version or a template file')
    .option('--json', 'print the differences as JSON')
    .addOption(langOption())
    .action(async (oldRef: string, newRef: string, o: Flags) =>
      (await import('./templates-diff-action.ts')).diffCommand(oldRef, newRef, {
        json: o.json,
        lang: parseLang(o.lang),
      }),
    );
}
