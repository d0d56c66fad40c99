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
import { shippedTemplates } from '../templates/registry.ts';
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
  /** The templates to score with; the shipped ones (and the user's) when absent. Workers get them from the main thread. */
  templates?: ReadonlyMap<string, Template>;
  /** Refuse a workbook whose hidden metadata no longer matches its profile_hash (default true). */
  verifyProfileHash?: boolean;
}

/** A Submission, and the metadata's entries as read (also when the workbook is refused). */
export type Opened = Result<Submission> & { metadata?: Record<string, string> };

export function openSubmissionBytes(bytes: Uint8Array, opts: OpenOptions = {}): Opened {
  const raw = readWorkbookBytes(bytes, {
    ...opts,
    extraSheets: [METADATA_SHEET, ...(opts.extraSheets ?? [])],
  });
  if (!raw.value) return { value: undefined, errors: raw.errors };
  const templates = opts.templates ?? shippedTemplates();
  const cells = contractCells(raw.value);
  const read = readSubmission(cells, (id) => templates.get(id), {
    verifyProfileHash: opts.verifyProfileHash ?? true,
  });
  return cells.metadata ? { ...read, metadata: cells.metadata } : read;
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
