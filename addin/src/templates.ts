/**
 * The shipped templates inside the task pane bundle: the YAML texts of templates/ are put into
 * the bundle at build time (addin/build.ts, module "scorebook:templates") and checked here with
 * the same parser the CLI uses, so the pane offers exactly what the CLI knows.
 */
import texts from 'scorebook:templates';
import { parseTemplate, type Template } from '../../core/index.ts';

let cache: Map<string, Template> | undefined;

export function bundledTemplates(): Map<string, Template> {
  if (cache) return cache;
  cache = new Map();
  for (const { file, text } of texts) {
    const { value, errors } = parseTemplate(text, file);
    // A shipped template that does not parse is our bug; the others stay usable.
    if (!value) console.error(`scorebook: ${file} does not parse`, errors);
    else cache.set(value.id, value);
  }
  return cache;
}

export function findBundledTemplate(id: string): Template | undefined {
  return bundledTemplates().get(id);
}
