/** Any returned file → its outcomes: a workbook gives one, a CSV return one per organization. */
import type { Lang, Template } from '../../core/index.ts';
import { readReturnedWorkbook, type FileOutcome } from './file-outcome.ts';
import { readReturnedCsv } from './csv-return.ts';

export function readReturnedFile(
  file: string,
  opts: { maxBytes: number; lang: Lang; templates?: ReadonlyMap<string, Template> },
): FileOutcome[] {
  if (/\.csv$/i.test(file)) return readReturnedCsv(file, opts);
  return [readReturnedWorkbook(file, opts)];
}
