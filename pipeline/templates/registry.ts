/**
 * The templates shipped in templates/, plus the user's own from the folders named in
 * SCOREBOOK_TEMPLATES (separated like PATH), read from disk and compiled once per process.
 * An environment variable rather than an option so that every command, and the ingest workers
 * (which inherit the environment), see the same set. The built CLI carries the shipped ones
 * compiled (dist/cli/templates.json): reading JSON takes a millisecond, parsing and checking the
 * YAML about half a second.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issue, parseTemplate, type Result, type Template } from '../../core/index.ts';
import {
  holdsDefinition,
  isDefinitionFile,
  readDefinitionFile,
} from '../definition/read-definition-xlsx.ts';
import { TemplateShelf, isTemplateFileName } from './template-shelf.ts';
import { manifestOf, unchanged, type Inputs } from '../../bin/build-manifest.mjs';
import { BUILT_DIR } from '../build/built-dir.ts';
import { readRegularText, USER_FILE_LIMITS } from '../files/regular-file.ts';
import { noteTemplateProblems, takeTemplateProblems } from './template-problems.ts';
import { UserError } from '../user-error.ts';

export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

let cache: Map<string, Template> | undefined;
let shelf: TemplateShelf | undefined;

/** The shipped templates as the build compiled them, by file name, with the files' sizes and times. */
export interface CompiledTemplates {
  inputs: Inputs;
  templates: Record<string, Template>;
}

export const COMPILED_TEMPLATES = 'templates.json';

const shippedNames = () => readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** A shipped template from its YAML; a broken shipped file is a bug of ours, so it throws with the checker's words. */
function compileShipped(name: string): Template {
  const file = join(TEMPLATES_DIR, name);
  const { value, errors } = parseTemplate(readFileSync(file, 'utf8'), file);
  if (!value) throw new Error(`shipped template ${name} is invalid: ${JSON.stringify(errors.slice(0, 3))}`);
  return value;
}

/** What the build writes as dist/cli/templates.json (pipeline/build/build-cli.ts). */
export function compileShippedTemplates(): CompiledTemplates {
  const names = shippedNames();
  return { inputs: manifestOf(TEMPLATES_DIR, names), templates: Object.fromEntries(names.map((n) => [n, compileShipped(n)])) };
}

function compiledByBuild(): CompiledTemplates | undefined {
  if (!BUILT_DIR) return undefined;
  try {
    return JSON.parse(readFileSync(new URL(COMPILED_TEMPLATES, BUILT_DIR), 'utf8')) as CompiledTemplates;
  } catch {
    return undefined;
  }
}

/**
 * Every shipped template, then the user's, the newest version of each id: compiled by the build
 * where its file is unchanged since, else now. Every version is in templateVersions().
 */
export function shippedTemplates(): Map<string, Template> {
  if (cache) return cache;
  const found = new TemplateShelf();
  const built = compiledByBuild();
  for (const name of shippedNames()) {
    const known = built?.inputs[name];
    const template =
      known && built.templates[name] && unchanged(TEMPLATES_DIR, { [name]: known }) ? built.templates[name] : compileShipped(name);
    found.add(template);
  }
  for (const dir of userTemplateDirs()) addUserTemplates(found, dir);
  const broken = found.successionIssues();
  if (broken.length) throw new UserError(broken);
  shelf = found;
  cache = found.newest();
  return cache;
}

/** The newest template of each id by id, and every version by "id@version": what readers look workbooks up in. */
export function templatesForReading(): Map<string, Template> {
  return new Map([...shippedTemplates(), ...templateVersions()]);
}

/**
 * The template a stored selection was scored with: that version where it is held (a database
 * keeps last year's returns of an earlier version), else the newest of its id.
 */
export function templateAt(id: string, version: string | undefined): Template | undefined {
  return (version ? templateVersions().get(`${id}@${version}`) : undefined) ?? shippedTemplates().get(id);
}

/** Every version of every template, by "id@version". */
export function templateVersions(): ReadonlyMap<string, Template> {
  shippedTemplates();
  return shelf!.all();
}

/**
 * The files behind shippedTemplates(), shipped first, for tools that carry the texts elsewhere
 * (the add-in bundle). A user's template that cannot be used stops such a tool: a bundle must
 * not carry a template the pane could not read.
 */
export function templateFiles(): string[] {
  shippedTemplates();
  const problems = takeTemplateProblems();
  if (problems.length) throw new UserError(problems);
  const yaml = (dir: string) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
  const user = (dir: string) =>
    readdirSync(dir)
      .filter(isTemplateFileName)
      .sort()
      .map((f) => join(dir, f))
      .filter((f) => !problemFiles.has(f))
      .filter((f) => !isDefinitionFile(f) || holdsDefinition(f));
  return [...yaml(TEMPLATES_DIR), ...userTemplateDirs().flatMap(user)];
}

/** The folders templates are read from: the shipped ones, then SCOREBOOK_TEMPLATES's. */
export function templateDirs(): string[] {
  return [resolve(TEMPLATES_DIR), ...userTemplateDirs()];
}

function userTemplateDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SCOREBOOK_TEMPLATES ?? '').split(delimiter).filter((d) => d.trim() !== '').map((d) => resolve(d));
}

/** The user's files left out by addUserTemplates. */
const problemFiles = new Set<string>();

/**
 * A user's template that cannot be used (it does not compile, or takes an id and version
 * already taken) is left out and noted (template-problems.ts), with the folder it came from; the
 * CLI says it once, and the other templates are used: one bad file in the folder must not stop
 * every command.
 */
function addUserTemplates(found: TemplateShelf, dir: string): void {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir).filter(isTemplateFileName).sort();
  } catch {
    throw new UserError(issue('template.user-dir-missing', [], { dir }));
  }
  for (const name of names) {
    const file = join(dir, name);
    // A scoring workbook kept beside the templates is not one.
    if (isDefinitionFile(file) && !holdsDefinition(file)) continue;
    const { value, errors } = readTemplateFile(file);
    const problems = !value
      ? errors
      : found.has(value.id, value.version)
        ? [
            {
              ...issue('template.duplicate-id', ['id'], { id: value.id, version: value.version }),
              file,
            },
          ]
        : [];
    if (problems.length) {
      problemFiles.add(file);
      noteTemplateProblems([...problems, issue('template.user-dir-hint', [], { dir })]);
    } else if (value) found.add(value, file);
  }
}

/** A template by id (its newest version) or by "id@version". */
export function findTemplate(id: string): Result<Template> {
  const all = shippedTemplates();
  const t = id.includes('@') ? templateVersions().get(id) : all.get(id);
  if (t) return { value: t, errors: [] };
  return { value: undefined, errors: [issue('template.not-found', [], { id, available: [...all.keys()].join(', ') })] };
}

/**
 * A template file: YAML, or a definition workbook (.xlsx) whose problems are at their cells;
 * read only as a regular file no larger than a template can be.
 */
export function readTemplateFile(file: string): Result<Template> {
  if (isDefinitionFile(file)) return readDefinitionFile(file);
  const got = readRegularText(file, { maxBytes: USER_FILE_LIMITS.template });
  if ('issue' in got) return { value: undefined, errors: [got.issue] };
  return parseTemplate(got.text.replace(/^\uFEFF/, ''), file);
}
