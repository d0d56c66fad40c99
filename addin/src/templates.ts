/**
 * The templates inside the task pane bundle: the texts of templates/ (and of the user's folders,
 * definition workbooks as YAML) are put into the bundle at build time (addin/scripts/build.ts,
 * module "scorebook:templates") and checked here with the same parser the CLI uses, so the pane
 * offers exactly what the CLI knows. Several versions of one template may come: the pane offers
 * the newest, and reads a workbook with the version it was made with.
 */
import texts from 'scorebook:templates';
import { compareVersions, parseTemplate, type Template } from '../../core/index.ts';

let cache: Map<string, Template> | undefined;
const versions = new Map<string, Template>();

/** The newest version of each template, by id. */
export function bundledTemplates(): Map<string, Template> {
  if (cache) return cache;
  cache = new Map();
  for (const { file, text } of texts) {
    const { value, errors } = parseTemplate(text, file);
    // A shipped template that does not parse is our bug; the others stay usable.
    if (!value) {
      console.error(`scorebook: ${file} does not parse`, errors);
      continue;
    }
    versions.set(`${value.id}@${value.version}`, value);
    const held = cache.get(value.id);
    if (!held || compareVersions(value.version, held.version) > 0) cache.set(value.id, value);
  }
  return cache;
}

/** The template of this id and version where the bundle has it, else the newest of the id. */
export function findBundledTemplate(id: string, version?: string): Template | undefined {
  const newest = bundledTemplates().get(id);
  return (version !== undefined ? versions.get(`${id}@${version}`) : undefined) ?? newest;
}
