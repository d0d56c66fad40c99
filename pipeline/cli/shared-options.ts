/** Options several verbs take, each made once: the language of messages, the database, how evaluators combine. */
import { Option } from 'commander';
import { CONSOLIDATE_METHODS } from '../benchmark/consolidate-methods.ts';
import { DEFAULT_DB } from '../store/default-db.ts';

export function langOption(
  description = 'language of messages: zh-CN or en (default from the locale)',
): Option {
  return new Option('--lang <lang>', description).choices(['zh-CN', 'en']);
}

export function dbOption(): Option {
  return new Option('--db <file>', 'DuckDB database file').default(DEFAULT_DB);
}

export function consolidateOption(): Option {
  return new Option(
    '--consolidate <method>',
    'several evaluators of one organization in a period: mean (each counts the same), median (one outlying evaluator of three or more barely moves it), min (the strictest reading), max (the most favourable); each figure on its own',
  )
    .choices([...CONSOLIDATE_METHODS])
    .default('mean');
}
