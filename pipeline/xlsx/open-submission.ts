/** A workbook file → its Submission (read by name, recomputed by the engine). */
import { readFileSync } from 'node:fs';
import { METADATA_SHEET, readSubmission, type ContractCells, type Issue, type Result, type Submission } from '../../core/index.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { cellByName, readWorkbookBytes, type RawWorkbook, type ReadOptions } from './read-workbook.ts';
import { readIssue } from '../inputs/read-user-file.ts';

export function contractCells(wb: RawWorkbook): ContractCells {
  const metaCells = wb.cells.get(METADATA_SHEET);
  let metadata: Record<string, string> | undefined;
  if (metaCells) {
    metadata = {};
    for (let r = 0; r < 200; r++) {
      const k = metaCells.get(`${r},0`);
      if (!k || k.value === null || k.value === '') continue;
      const v = metaCells.get(`${r},1`);
      metadata[String(k.value)] = v?.value === null || v?.value === undefined ? '' : String(v.value);
    }
  }
  return {
    metadata,
    cell: (name) => (wb.names.has(name) ? cellByName(wb, name) : undefined),
  };
}

export function openSubmissionBytes(bytes: Uint8Array, opts: ReadOptions = {}): Result<Submission> {
  const raw = readWorkbookBytes(bytes, { ...opts, extraSheets: [METADATA_SHEET, ...(opts.extraSheets ?? [])] });
  if (!raw.value) return { value: undefined, errors: raw.errors };
  return readSubmission(contractCells(raw.value), (id) => shippedTemplates().get(id));
}

export function openSubmissionFile(file: string, opts: ReadOptions = {}): Result<Submission> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { value: undefined, errors: [readIssue(file, e)] };
  }
  const r = openSubmissionBytes(bytes, opts);
  const withFile = (es: Issue[]) => es.map((e) => ({ ...e, file }));
  return { value: r.value, errors: withFile(r.errors) };
}
