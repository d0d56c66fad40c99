/** The scorebook command line. Each verb lives in its own module; this file only wires them. */
import { Command, Option } from 'commander';
import { METHODS } from '../../core/index.ts';
import { CliExit, defaultLang, langOfArgv, parseLang } from './cli-context.ts';
import { positiveNumber, wholeNumber } from './option-values.ts';
import { UserError } from '../user-error.ts';
import { runScore, runScoreWorkbook } from './score-command.ts';
import { runGenerate, type GenerateOptions } from './generate-command.ts';
import { runFill } from './fill-command.ts';
import { runIngestCommand } from './ingest-command.ts';
import { runStatus } from './status-command.ts';
import { runBenchmarkCommand } from './benchmark-command.ts';
import { CONSOLIDATE_METHODS } from '../benchmark/consolidate.ts';
import { runExport } from './export-command.ts';
import { registerReportCommand } from './report-command.ts';
import { checkTemplates, listTemplates, showTemplate } from './templates-command.ts';

export function buildProgram(): Command {
  const program = new Command('scorebook')
    .description(
      'Score social organizations against national and group standards (GB/T 40143-2021, T/SSOF 0001-2024 …).',
    )
    .version('0.1.0')
    .showHelpAfterError();

  const langOption = () =>
    new Option(
      '--lang <lang>',
      'language of messages: zh-CN or en (default from the locale)',
    ).choices(['zh-CN', 'en']);
  const consolidateOption = () =>
    new Option(
      '--consolidate <method>',
      'several evaluators of one organization in a period: mean (each counts the same), median (one outlying evaluator of three or more barely moves it), min (the strictest reading), max (the most favourable); each figure on its own',
    )
      .choices([...CONSOLIDATE_METHODS])
      .default('mean');

  const templates = program
    .command('templates')
    .description('list, show and check scoring templates');
  templates
    .command('list', { isDefault: true })
    .description('list the shipped templates with their counts per level')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .action((o: { json?: boolean; lang?: string }) =>
      listTemplates({ json: o.json, lang: parseLang(o.lang) }),
    );
  templates
    .command('show')
    .description('show a template as a tree of indicators, or as JSON')
    .argument('<id>', 'template id, e.g. gbt-40143-2021')
    .option(
      '--json',
      'print { id, version, title, indicators: [ { id, level1, level2, name, unit, rule } ] }',
    )
    .addOption(langOption())
    .action((id: string, o: { json?: boolean; lang?: string }) =>
      showTemplate(id, { json: o.json, lang: parseLang(o.lang) }),
    );
  templates
    .command('check')
    .description(
      'validate template files; print every problem with its line, path and a hint (exit 1 if any)',
    )
    .argument('<files...>', 'template YAML files')
    .option('--json', 'print the problems as JSON')
    .addOption(langOption())
    .action((files: string[], o: { json?: boolean; lang?: string }) =>
      checkTemplates(files, { json: o.json, lang: parseLang(o.lang) }),
    );

  program
    .command('score')
    .description(
      'score a workbook (recomputed by the engine, compared with its cached results), or inputs against a template',
    )
    .argument('[workbook]', 'a scoring workbook (.xlsx) made by scorebook generate')
    .option('--template <id>', 'template id, when scoring an inputs file')
    .option('--profile <name>', 'a profile of the template, e.g. annex-b-example')
    .addOption(
      new Option(
        '--method <method>',
        "aggregation method (default: the profile's or template's)",
      ).choices([...METHODS]),
    )
    .option('--inputs <file>', 'CSV with header id,value, or JSON {"1.1.1": "是", …}')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .action(
      (
        workbook: string | undefined,
        o: {
          template?: string;
          profile?: string;
          method?: 'mean' | 'sum';
          inputs?: string;
          json?: boolean;
          lang?: string;
        },
      ) => {
        const lang = parseLang(o.lang);
        if (workbook && (o.inputs || o.template)) {
          process.stderr.write(
            lang === 'zh-CN'
              ? '请只给出工作簿文件，或只给出 --template 和 --inputs：工作簿自带模板和填写内容。\n'
              : 'Give either a workbook, or --template with --inputs, not both: a workbook carries its own template and answers.\n',
          );
          throw new CliExit(1);
        }
        if (workbook) return runScoreWorkbook(workbook, { json: o.json, lang });
        if (!o.template || !o.inputs) {
          process.stderr.write(
            lang === 'zh-CN'
              ? '请给出工作簿文件，或同时给出 --template 和 --inputs。\n'
              : 'Give a workbook file, or both --template and --inputs.\n',
          );
          throw new CliExit(1);
        }
        return runScore({
          template: o.template,
          profile: o.profile,
          method: o.method,
          inputs: o.inputs,
          json: o.json,
          lang,
        });
      },
    );

  program
    .command('generate')
    .description('write a live scoring workbook (or, with --roster, one per member and a manifest)')
    .argument('<template>', 'template id, e.g. gbt-40143-2021')
    .option('--profile <name>', 'a profile of the template')
    .addOption(new Option('--method <method>', 'aggregation method').choices([...METHODS]))
    .addOption(
      new Option('--lang <lang>', 'language of the workbook and messages').choices(['zh-CN', 'en']),
    )
    .option('--org-id <id>', 'organization id')
    .option('--org-name <name>', 'organization name')
    .option('--region <region>', 'region')
    .option('--org-type <type>', 'organization type')
    .option('--period <period>', 'evaluation period, e.g. 2024')
    .option('--evaluator <name>', 'evaluator')
    .option(
      '--roster <file>',
      'members CSV: org_id, org_name, region, org_type [, contact, period, evaluator]',
    )
    .option(
      '--workers <n>',
      'worker threads for --roster (default: the number of cores)',
      wholeNumber(1),
    )
    .requiredOption('--out <path>', 'FILE.xlsx, or a folder with --roster')
    .option('--force', 'replace an existing workbook, or a folder that already holds a manifest')
    .action((template: string, o: Omit<GenerateOptions, 'lang'> & { lang?: string }) =>
      runGenerate(template, { ...o, lang: parseLang(o.lang) }),
    );

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
      (workbook: string, o: { inputs: string; out: string; force?: boolean; lang?: string }) =>
        runFill(workbook, {
          inputs: o.inputs,
          out: o.out,
          force: o.force,
          lang: parseLang(o.lang),
        }),
    );

  program
    .command('ingest')
    .description(
      'ingest returned workbooks (.xlsx, .xlsm) and CSV returns into DuckDB: exactly once, nothing lost',
    )
    .argument('<paths...>', 'files, folders (walked recursively) and glob patterns')
    .option('--db <file>', 'DuckDB database file', './scorebook.duckdb')
    .option(
      '--workers <n>',
      'worker threads reading files (default: the number of cores)',
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
    .action(
      (
        paths: string[],
        o: {
          db: string;
          workers?: number;
          maxMb?: number;
          json?: boolean;
          batchSize?: number;
          lang?: string;
        },
      ) =>
        runIngestCommand(paths, {
          db: o.db,
          workers: o.workers,
          maxMb: o.maxMb,
          json: o.json,
          batchSize: o.batchSize,
          lang: parseLang(o.lang),
        }),
    );

  program
    .command('status')
    .description('who on the roster has returned, who has not, and whose return is incomplete')
    .requiredOption('--roster <file>', 'members CSV, as for generate --roster')
    .option('--db <file>', 'DuckDB database file', './scorebook.duckdb')
    .option('--period <p>', 'only returns for this period')
    .option('--template <id>', 'only returns for this template')
    .option('--csv', 'print CSV')
    .option('--json', 'print [ { org_id, org_name, returned, complete, unanswered } ]')
    .addOption(langOption())
    .action(
      (o: {
        roster: string;
        db: string;
        period?: string;
        template?: string;
        csv?: boolean;
        json?: boolean;
        lang?: string;
      }) => runStatus({ ...o, lang: parseLang(o.lang) }),
    );

  program
    .command('benchmark')
    .description(
      'benchmark organizations against their peers: distributions per group and percentile ranks',
    )
    .option('--db <file>', 'DuckDB database file', './scorebook.duckdb')
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
    .action(
      (o: {
        db: string;
        template?: string;
        period?: string;
        by?: string;
        minGroup?: number;
        consolidate?: string;
        csv?: boolean;
        json?: boolean;
        lang?: string;
      }) => runBenchmarkCommand({ ...o, lang: parseLang(o.lang) }),
    );

  program
    .command('export')
    .description(
      'export the tables and views for BI tools (CSV cells that start with = + - @ are quoted as text)',
    )
    .option('--db <file>', 'DuckDB database file', './scorebook.duckdb')
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
    .addOption(consolidateOption())
    .addOption(langOption())
    .action(
      (o: {
        db: string;
        format: 'csv' | 'parquet' | 'xlsx';
        out: string;
        minGroup?: number;
        partition?: boolean;
        consolidate?: string;
        lang?: string;
      }) => runExport({ ...o, lang: parseLang(o.lang) }),
    );

  registerReportCommand(program, langOption, consolidateOption);

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `scorebook benchmark | head` closes the pipe early: the reader has what it wanted, no failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CliExit) return e.code;
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
      return ce.code === 'commander.helpDisplayed' ||
        ce.code === 'commander.version' ||
        ce.code === 'commander.help'
        ? 0
        : 1;
    }
    if (e instanceof UserError) {
      process.stderr.write(`${e.say(langOfArgv(argv))}\n`);
      return 1;
    }
    const zh = defaultLang() === 'zh-CN';
    process.stderr.write(
      `${zh ? 'scorebook 内部错误' : 'scorebook failed'}: ${(e as Error).stack ?? String(e)}\n`,
    );
    return 1;
  }
}

const isEntry = process.argv[1] && /main\.ts$/.test(process.argv[1]);
if (isEntry) process.exitCode = await main(process.argv.slice(2));
