/** A workbook file → its Submission (read by name, recomputed by the engine). */
import { readFileSync } from 'node:fs';
import {
  METADATA_SHEET,
  readSubmission,
  type ContractCells,
  type Issue,
  type Result,
  type Submission,
  type Template,
} from '../../core/index.ts';
import { templatesForReading } from '../templates/registry.ts';
import {
  cellByName,
  readWorkbookBytes,
  type RawWorkbook,
  type ReadOptions,
} from './read-workbook.ts';
import { readIssue } from '../inputs/read-user-file.ts';

/** "row,0" and "row,1" for the metadata sheet's first 200 rows, made once. */
const META_KEYS = Array.from({ length: 200 }, (_, r) => [`${r},0`, `${r},1`] as const);

export function contractCells(wb: RawWorkbook): ContractCells {
  const metaCells = wb.cells.get(METADATA_SHEET);
  let metadata: Record<string, string> | undefined;
  if (metaCells) {
    metadata = {};
    for (const [key, valueKey] of META_KEYS) {
      const k = metaCells.get(key);
      if (!k || k.value === null || k.value === '') continue;
      const v = metaCells.get(valueKey);
      metadata[String(k.value)] =
        v?.value === null || v?.value === undefined ? '' : String(v.value);
    }
  }
  return {
    metadata,
    cell: (name) => (wb.names.has(name) ? cellByName(wb, name) : undefined),
  };
}

export interface OpenOptions extends ReadOptions {
  /** The templates to score with, by id and by "id@version"; the registry's when absent. Workers get them from the main thread. */
  templates?: ReadonlyMap<string, Template>;
  /** Refuse a workbook whose hidden metadata no longer matches its profile_hash (default true). */
  verifyProfileHash?: boolean;
}

export function openSubmissionBytes(bytes: Uint8Array, opts: OpenOptions = {}): Result<Submission> {
  const raw = readWorkbookBytes(bytes, {
    ...opts,
    extraSheets: [METADATA_SHEET, ...(opts.extraSheets ?? [])],
  });
  if (!raw.value) return { value: undefined, errors: raw.errors };
  const templates = opts.templates ?? templatesForReading();
  // A workbook of an older version is read with that version where it is held.
  const find = (id: string, version: string) =>
    templates.get(`${id}@${version}`) ?? templates.get(id);
  return readSubmission(contractCells(raw.value), find, {
    verifyProfileHash: opts.verifyProfileHash ?? true,
  });
}

export function openSubmissionFile(file: string, opts: OpenOptions = {}): Result<Submission> {
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
