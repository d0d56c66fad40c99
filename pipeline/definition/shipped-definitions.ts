/**
 * The definition workbooks of the shipped templates, kept in templates/definitions/ as examples
 * a standard writer can open (npm run templates:definitions writes them; a test holds them equal
 * to a fresh export, cell by cell). In Chinese, the language of the standards.
 */
import { join } from 'node:path';
import { layDefinition, type LaidBook, type Template } from '../../core/index.ts';
import { TEMPLATES_DIR } from '../templates/registry.ts';

export const DEFINITIONS_DIR = join(TEMPLATES_DIR, 'definitions');
export const DEFINITIONS_LANG = 'zh-CN';

export const definitionFileOf = (t: Template) => join(DEFINITIONS_DIR, `${t.id}.xlsx`);

export function shippedDefinition(t: Template): LaidBook {
  return layDefinition(t, DEFINITIONS_LANG);
}
