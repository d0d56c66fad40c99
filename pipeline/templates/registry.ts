/** The templates shipped in templates/, read from disk and compiled once per process. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issue, parseTemplate, type Issue, type Result, type Template } from '../../core/index.ts';
import { readIssue } from '../inputs/read-user-file.ts';

export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

let cache: Map<string, Template> | undefined;

/** Every shipped template; a broken shipped file is a bug of ours, so it throws with the checker's words. */
export function shippedTemplates(): Map<string, Template> {
  if (cache) return cache;
  const found = new Map<string, Template>();
  for (const name of readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = join(TEMPLATES_DIR, name);
    const { value, errors } = parseTemplate(readFileSync(file, 'utf8'), file);
    if (!value) throw new Error(`shipped template ${name} is invalid: ${JSON.stringify(errors.slice(0, 3))}`);
    found.set(value.id, value);
  }
  cache = found;
  return found;
}

export function findTemplate(id: string): Result<Template> {
  const all = shippedTemplates();
  const t = all.get(id);
  if (t) return { value: t, errors: [] };
  return { value: undefined, errors: [issue('template.not-found', [], { id, available: [...all.keys()].join(', ') })] };
}

export function readTemplateFile(file: string): Result<Template> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const err: Issue = readIssue(file, e);
    return { value: undefined, errors: [err] };
  }
  return parseTemplate(text.replace(/^\uFEFF/, ''), file);
}
