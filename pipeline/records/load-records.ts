/**
 * A records file + a period (+ an organization, where the file holds several) → the derived
 * indicators and the rows left out: read, check and count, in one place for `records` and
 * `fill --records`. A problem with the file or the request is an error (nothing derived); a
 * bad row is not: it is listed and left out.
 */
import {
  checkRecords,
  deriveIndicators,
  issue,
  parseRecordPeriod,
  type CheckedRecords,
  type Day,
  type DerivedRecords,
  type Issue,
  type Result,
} from '../../core/index.ts';
import { readRecordsFile, type ReadRecords } from './read-records.ts';

export interface CheckedFile {
  file: string;
  read: ReadRecords;
  checked: CheckedRecords;
  /** The organizations the file names, sorted; empty when it has no organization column. */
  orgs: string[];
}

export interface LoadedRecords {
  file: string;
  /** 'xlsx', or the CSV's encoding. */
  format: string;
  /** The organization whose rows these are; '' when the file has no organization column. */
  org: string;
  derived: DerivedRecords;
  /** The rows of this organization (or with none) left out, each with its row and reason. */
  rejected: Issue[];
  /** Rows read from the file for this organization: kept + rejected. */
  read: number;
}

/** Today in the local time zone: what "in the future" is measured against. */
export function localToday(now: Date = new Date()): Day {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(now.getFullYear(), 4)}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Read and check a file once; `recordsOf` then counts any of its organizations. */
export function checkRecordsFile(file: string, today: Day = localToday()): Result<CheckedFile> {
  const read = readRecordsFile(file);
  if (read.errors.length) return { value: undefined, errors: read.errors };
  const checked = checkRecords(read.raw, { today });
  const hasOrg = read.columns.org !== undefined;
  const orgs = hasOrg ? [...new Set(checked.rows.map((r) => r.org))].sort() : [];
  return { value: { file, read, checked, orgs }, errors: [] };
}

/**
 * The indicators of one organization's rows (org undefined: the file's only organization, or
 * the whole file when it names none).
 */
export function recordsOf(file: CheckedFile, period: string, org?: string): Result<LoadedRecords> {
  const hasOrg = file.read.columns.org !== undefined;
  const wanted = org?.normalize('NFKC').trim();
  const fail = (code: string, params: Issue['params']): Result<LoadedRecords> => ({
    value: undefined,
    errors: [{ ...issue(code, [], params), file: file.file }],
  });
  const list = (orgs: string[]) => orgs.slice(0, 10).join(', ') + (orgs.length > 10 ? ' …' : '');
  let chosen = '';
  if (hasOrg) {
    if (wanted === undefined) {
      if (file.orgs.length > 1)
        return fail('records.several-orgs', { count: file.orgs.length, orgs: list(file.orgs) });
      chosen = file.orgs[0] ?? '';
    } else if (!file.orgs.includes(wanted)) {
      return fail('records.org-not-found', { org: wanted, orgs: list(file.orgs) });
    } else chosen = wanted;
  } else if (wanted !== undefined) return fail('records.no-org-column', { org: wanted });

  const rows = hasOrg ? file.checked.rows.filter((r) => r.org === chosen) : file.checked.rows;
  // A row with no organization may be anyone's: it is listed for each.
  const rejected = hasOrg
    ? file.checked.rejected.filter((e) => !e.params?.org || e.params.org === chosen)
    : file.checked.rejected;
  const derived = deriveIndicators(rows, period);
  if (!derived.value) return { value: undefined, errors: derived.errors };
  return {
    value: {
      file: file.file,
      format: file.read.format,
      org: chosen,
      derived: derived.value,
      rejected,
      read: rows.length + rejected.length,
    },
    errors: [],
  };
}

/** Read, check and count a file for one period (and organization). */
export function loadRecords(
  file: string,
  opts: { period: string; org?: string; today?: Day },
): Result<LoadedRecords> {
  // A mistyped period is said before a large file is read for nothing.
  const period = parseRecordPeriod(opts.period);
  if (!period.value) return { value: undefined, errors: period.errors };
  const checked = checkRecordsFile(file, opts.today);
  if (!checked.value) return { value: undefined, errors: checked.errors };
  return recordsOf(checked.value, opts.period, opts.org);
}
