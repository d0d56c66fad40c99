/**
 * What every command shares before it runs: the reader's language and the exit codes. Loaded
 * with the registrations on every start, so it imports nothing heavier than core's text.
 */
import { langFromLocale, type Lang } from '../../core/text.ts';

export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return langFromLocale(env.SCOREBOOK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return defaultLang();
  if (value === 'zh-CN' || value === 'en') return value;
  return langFromLocale(value);
}

/** The language a command line asks for (--lang X or --lang=X), else the locale's: for errors raised before or outside a verb's own parsing. */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') return parseLang(argv[i + 1]);
    if (a.startsWith('--lang=')) return parseLang(a.slice('--lang='.length));
  }
  return defaultLang();
}

/** Exit codes: 0 fine, 1 bad input (or tool failure), 3 some files rejected (ingest). */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
