/**
 * What the commands accept where a template is named: an id (its newest version), "id@version",
 * or a template file — YAML or a definition workbook (.xlsx). A file that names a previous
 * version held here is checked against it (its `was` codes); one whose previous version is not
 * held gets a note saying so.
 */
import { checkSuccession, issue, type Issue, type Template } from '../../core/index.ts';
import { placeIssues } from '../definition/read-definition-xlsx.ts';
import { findTemplate, readTemplateFile, templateVersions } from './registry.ts';

/** A path, not an id: it ends as a template file does or names a folder. */
export const isTemplatePath = (ref: string) =>
  /\.(ya?ml|xlsx|xlsm)$/i.test(ref) || /[\\/]/.test(ref);

export interface TemplateRef {
  value: Template | undefined;
  errors: Issue[];
  /** said, not failed: what could not be checked */
  notes: Issue[];
}

export function readTemplateRef(ref: string): TemplateRef {
  if (!isTemplatePath(ref)) return { ...findTemplate(ref), notes: [] };
  const { value, errors } = readTemplateFile(ref);
  if (!value || value.previous === undefined) return { value, errors, notes: [] };
  const previous = templateVersions().get(`${value.id}@${value.previous}`);
  if (!previous)
    return {
      value,
      errors,
      notes: [issue('template.previous-not-held', [], { id: value.id, previous: value.previous })],
    };
  const found = placeIssues(value, checkSuccession(value, previous)).map((i) => ({
    ...i,
    file: ref,
  }));
  return found.length ? { value: undefined, errors: found, notes: [] } : { value, errors, notes: [] };
}
