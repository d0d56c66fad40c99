/** The scorebook command line. Each verb lives in its own module; this file only wires them. */
import { Command, Option } from 'commander';
import { METHODS } from '../../core/index.ts';
import { CliExit, defaultLang, parseLang } from './cli-context.ts';
import { runScore } from './score-command.ts';
import { checkTemplates, listTemplates, showTemplate } from './templates-command.ts';

export function buildProgram(): Command {
  const program = new Command('scorebook')
    .description('Score social organizations against national and group standards (GB/T 40143-2021, T/SSOF 0001-2024 …).')
    .version('0.1.0')
    .showHelpAfterError();

  const langOption = () =>
    new Option('--lang <lang>', 'language of messages: zh-CN or en (default from the locale)').choices(['zh-CN', 'en']);

  const templates = program.command('templates').description('list, show and check scoring templates');
  templates
    .command('list', { isDefault: true })
    .description('list the shipped templates with their counts per level')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .action((o: { json?: boolean; lang?: string }) => listTemplates({ json: o.json, lang: parseLang(o.lang) }));
  templates
    .command('show')
    .description('show a template as a tree of indicators, or as JSON')
    .argument('<id>', 'template id, e.g. gbt-40143-2021')
    .option('--json', 'print { id, version, title, indicators: [ { id, level1, level2, name, unit, rule } ] }')
    .addOption(langOption())
    .action((id: string, o: { json?: boolean; lang?: string }) => showTemplate(id, { json: o.json, lang: parseLang(o.lang) }));
  templates
    .command('check')
    .description('validate template files; print every problem with its line, path and a hint (exit 1 if any)')
    .argument('<files...>', 'template YAML files')
    .option('--json', 'print the problems as JSON')
    .addOption(langOption())
    .action((files: string[], o: { json?: boolean; lang?: string }) => checkTemplates(files, { json: o.json, lang: parseLang(o.lang) }));

  program
    .command('score')
    .description('score inputs with the engine: every indicator, second- and first-level score, the total on 100 and the grade')
    .requiredOption('--template <id>', 'template id')
    .option('--profile <name>', 'a profile of the template, e.g. annex-b-example')
    .addOption(new Option('--method <method>', 'aggregation method (default: the profile\'s or template\'s)').choices([...METHODS]))
    .requiredOption('--inputs <file>', 'CSV with header id,value, or JSON {"1.1.1": "是", …}')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .action((o: { template: string; profile?: string; method?: 'mean' | 'sum'; inputs: string; json?: boolean; lang?: string }) =>
      runScore({ ...o, lang: parseLang(o.lang) }),
    );

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CliExit) return e.code;
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
      return ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' || ce.code === 'commander.help' ? 0 : 1;
    }
    const zh = defaultLang() === 'zh-CN';
    process.stderr.write(`${zh ? 'scorebook 内部错误' : 'scorebook failed'}: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

const isEntry = process.argv[1] && /main\.ts$/.test(process.argv[1]);
if (isEntry) process.exitCode = await main(process.argv.slice(2));
