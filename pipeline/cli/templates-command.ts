/** `scorebook templates [list|show|check]`: its options; what it does is loaded when it runs. */
import type { Command } from 'commander';
import { parseLang } from './cli-context.ts';
import { langOption } from './shared-options.ts';

interface Flags {
  json?: boolean;
  lang?: string;
  profile?: string;
}

export function registerTemplatesCommand(program: Command): void {
  const action = () => import('./templates-action.ts');
  const templates = program
    .command('templates')
    .description('list, show and check scoring templates');
  templates
    .command('list', { isDefault: true })
    .description('list the shipped templates with their counts per level')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .action(async (o: Flags) =>
      (await action()).listTemplates({ json: o.json, lang: parseLang(o.lang) }),
    );
  templates
    .command('show')
    .description('show a template as a tree of indicators, or as JSON')
    .argument('<id>', 'template id, e.g. gbt-40143-2021')
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
    .argument('<files...>', 'template YAML files')
    .option('--json', 'print the problems as JSON')
    .addOption(langOption())
    .action(async (files: string[], o: Flags) =>
      (await action()).checkTemplates(files, { json: o.json, lang: parseLang(o.lang) }),
    );
}
