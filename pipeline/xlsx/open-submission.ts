/** A workbook file → its Submission (read by name, recomputed by the engine). */
import {
  issue,
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
  DEFAULT_MAX_BYTES,
  readWorkbookBytes,
  type RawWorkbook,
  type ReadOptions,
} from './read-workbook.ts';
import { readRegularFile } from '../files/regular-file.ts';

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
    cell: (name) => {
      if (!wb.names.has(name)) return undefined;
      const c = cellByName(wb, name);
      // A date typed where a figure is due is read as the date it shows (2025-01-01), not as its
      // serial (45658): the rule then refuses it as a date, in the member's terms.
      return c?.date !== undefined && c.formula === undefined ? { value: c.date } : c;
    },
  };
}

export interface OpenOptions extends ReadOptions {
  /** The templates to score with, by id and by "id@version"; the registry's when absent. Workers get them from the main thread. */
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
  const templates = opts.templates ?? templatesForReading();
  // A workbook of an older version is read with that version where it is held.
  const find = (id: string, version: string) =>
    templates.get(`${id}@${version}`) ?? templates.get(id);
  const cells = contractCells(raw.value);
  const read = readSubmission(cells, find, {
    verifyProfileHash: opts.verifyProfileHash ?? true,
  });
  return cells.metadata ? { ...read, metadata: cells.metadata } : read;
}

export function openSubmissionFile(file: string, opts: OpenOptions = {}): Result<Submission> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const got = readRegularFile(file, {
    maxBytes: max,
    tooBig: () => ({ ...issue('workbook.too-big', [], { max: Math.round(max / 1048576) }), file }),
  });
  if ('issue' in got) return { value: undefined, errors: [got.issue] };
  const r = openSubmissionBytes(got.bytes, opts);
  const withFile = (es: Issue[]) => es.map((e) => ({ ...e, file }));
  return { value: r.value, errors: withFile(r.errors) };
}
