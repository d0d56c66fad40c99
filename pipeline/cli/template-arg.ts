/** A template named on the command line, as every verb that takes one reads it. */
import type { Lang, Template } from '../../core/index.ts';
import { readTemplateRef } from '../templates/template-ref.ts';
import { CliExit } from './cli-context.ts';
import { printIssues } from './cli-print.ts';

/**
 * The template an id, id@version or file (YAML or a definition workbook) names; its notes are
 * said, and when it cannot be used its problems are said and the command exits 1.
 */
export function templateOrExit(ref: string, lang: Lang): Template {
  const { value, errors, notes } = readTemplateRef(ref);
  printIssues(notes, lang);
  if (!value) {
    printIssues(errors, lang);
    throw new CliExit(1);
  }
  return value;
}
