/** What `scorebook templates export|import|new` do: a template to its definition workbook and back. */
import { existsSync } from 'node:fs';
import { ensureFolder, writeWholeSync } from '../files/write-whole.ts';
import { basename, dirname, resolve } from 'node:path';
import { layDefinition, type Lang } from '../../core/index.ts';
import { definitionBytes } from '../definition/write-definition-xlsx.ts';
import { isDefinitionFile } from '../definition/read-definition-xlsx.ts';
import { templateToYaml } from '../definition/template-yaml.ts';
import { UserError } from '../user-error.ts';
import { say } from './cli-print.ts';
import { templateOrExit } from './template-arg.ts';
import { templateCounts } from './templates-action.ts';

interface WriteOptions {
  lang: Lang;
  force?: boolean;
}

function writeOut(out: string, bytes: Uint8Array | string, force: boolean | undefined): void {
  if (existsSync(out) && !force) throw UserError.of('cli.definition.exists', { out });
  ensureFolder(dirname(resolve(out)));
  writeWholeSync(out, bytes);
}

/** `templates export ID|FILE --xlsx OUT.xlsx`: the template's definition workbook. */
export async function exportDefinition(
  ref: string,
  opts: WriteOptions & { xlsx: string },
): Promise<void> {
  if (!/\.xlsx$/i.test(opts.xlsx)) throw UserError.of('cli.out-not-xlsx', { out: opts.xlsx });
  const t = templateOrExit(ref, opts.lang);
  writeOut(opts.xlsx, await definitionBytes(layDefinition(t, opts.lang)), opts.force);
  process.stdout.write(
    `${say(opts.lang, 'cli.definition.exported', { out: opts.xlsx, id: t.id, version: t.version, count: templateCounts(t).level3 })}\n`,
  );
}

/** `templates new --xlsx OUT.xlsx`: the blank workbook a new standard starts from. */
export async function newDefinition(opts: WriteOptions & { xlsx: string }): Promise<void> {
  if (!/\.xlsx$/i.test(opts.xlsx)) throw UserError.of('cli.out-not-xlsx', { out: opts.xlsx });
  writeOut(opts.xlsx, await definitionBytes(layDefinition(undefined, opts.lang)), opts.force);
  process.stdout.write(`${say(opts.lang, 'cli.definition.new', { out: opts.xlsx })}\n`);
}

/** `templates import FILE.xlsx [--out T.yaml]`: the YAML of a definition workbook (to stdout without --out). */
export function importDefinition(file: string, opts: WriteOptions & { out?: string }): void {
  if (!isDefinitionFile(file)) throw UserError.of('cli.definition.not-xlsx', { file });
  if (opts.out !== undefined && !/\.ya?ml$/i.test(opts.out))
    throw UserError.of('cli.definition.out-not-yaml', { out: opts.out });
  const t = templateOrExit(file, opts.lang);
  const yaml = templateToYaml(t, basename(file));
  if (opts.out === undefined) {
    process.stdout.write(yaml);
    return;
  }
  writeOut(opts.out, yaml, opts.force);
  process.stdout.write(
    `${say(opts.lang, 'cli.definition.imported', { out: opts.out, id: t.id, version: t.version, count: templateCounts(t).level3 })}\n`,
  );
}
