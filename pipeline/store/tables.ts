/**
 * The tables of the store (docs/database.md says what each column means), declared once: a new
 * database's CREATE TABLE and ingest's appenders are both made from here. An older database is
 * brought to the same columns by the upgrades in schema.ts (a test holds the two equal).
 */
import type { DuckDBTimestampTZValue } from '@duckdb/node-api';
import type { SubmissionRecord } from '../ingest/file-outcome.ts';
import { column as col, type Table } from './table-declaration.ts';

/** A batch of ingested files, with the version each takes and the time of the run. */
export interface SubmissionBatch {
  records: readonly SubmissionRecord[];
  versions: ReadonlyMap<string, number>;
  stamp: DuckDBTimestampTZValue;
}

export interface OrganizationBatch {
  orgs: readonly SubmissionRecord['org'][];
  stamp: DuckDBTimestampTZValue;
}

export interface RejectionRow {
  file: string;
  hash: string | null;
  reason: string;
  message: string;
  org_id: string | null;
  period: string | null;
  template_id: string | null;
  code: string;
  /** JSON */
  params: string;
}

export interface RejectionBatch {
  rejections: readonly RejectionRow[];
  stamp: DuckDBTimestampTZValue;
}

/** One band of a template's size (the template's `size`, row by row). */
export interface SizeBandRow {
  template_id: string;
  template_version: string;
  indicator_id: string;
  position: number;
  band: string;
  below: number | null;
}

type O = OrganizationBatch;
export const ORGANIZATIONS: Table<O> = {
  name: 'organizations',
  rows: (b) => b.orgs.length,
  columns: [
    col('org_id', 'VARCHAR', (b: O, k) => b.orgs[k]!.org_id, { primaryKey: true }),
    col('org_name', 'VARCHAR', (b: O, k) => b.orgs[k]!.org_name),
    col('region', 'VARCHAR', (b: O, k) => b.orgs[k]!.region),
    col('org_type', 'VARCHAR', (b: O, k) => b.orgs[k]!.org_type),
    col('updated_at', 'TIMESTAMPTZ', (b: O) => b.stamp),
  ],
};

type S = SubmissionBatch;
const sub = (b: S, k: number) => b.records[k]!.submission;
export const SUBMISSIONS: Table<S> = {
  name: 'submissions',
  rows: (b) => b.records.length,
  columns: [
    // sha256 of the file: the same file twice is one submission
    col('content_hash', 'VARCHAR', (b: S, k) => b.records[k]!.hash, { primaryKey: true }),
    col('workbook_id', 'VARCHAR', (b: S, k) => sub(b, k).workbook_id, { notNull: true }),
    // 1 for the first return of a workbook id, then 2, 3 …
    col('version', 'INTEGER', (b: S, k) => b.versions.get(b.records[k]!.hash), { notNull: true }),
    // the latest version of its workbook id; appended as current, ingest corrects the others
    col('is_current', 'BOOLEAN', () => true, { notNull: true }),
    col('org_id', 'VARCHAR', (b: S, k) => sub(b, k).org_id, { notNull: true }),
    col('template_id', 'VARCHAR', (b: S, k) => sub(b, k).template_id, { notNull: true }),
    col('template_version', 'VARCHAR', (b: S, k) => sub(b, k).template_version, {
      notNull: true,
    }),
    col('profile', 'VARCHAR', (b: S, k) => sub(b, k).profile),
    col('profile_hash', 'VARCHAR', (b: S, k) => sub(b, k).profile_hash),
    col('method', 'VARCHAR', (b: S, k) => sub(b, k).method),
    col('lang', 'VARCHAR', (b: S, k) => sub(b, k).lang),
    col('period', 'VARCHAR', (b: S, k) => sub(b, k).period),
    col('evaluator', 'VARCHAR', (b: S, k) => sub(b, k).evaluator),
    // xlsx | csv
    col('source', 'VARCHAR', (b: S, k) => sub(b, k).source, { notNull: true }),
    col('file_name', 'VARCHAR', (b: S, k) => b.records[k]!.fileName),
    col('ingested_at', 'TIMESTAMPTZ', (b: S) => b.stamp, { notNull: true }),
    col('generated_at', 'VARCHAR', (b: S, k) => sub(b, k).generated_at),
    // first-level weights as used, normalized
    col('weights', 'JSON', (b: S, k) => sub(b, k).weights),
    col('total', 'DOUBLE', (b: S, k) => sub(b, k).total),
    col('grade', 'VARCHAR', (b: S, k) => sub(b, k).grade),
    col('answered', 'INTEGER', (b: S, k) => sub(b, k).answered),
    col('unanswered', 'INTEGER', (b: S, k) => sub(b, k).unanswered),
    col('flagged', 'BOOLEAN', (b: S, k) => sub(b, k).flagged, { notNull: true }),
    col('mismatches', 'JSON', (b: S, k) => sub(b, k).mismatches),
    // Schema version 6 (issue 10): completeness, issued weights, whether the file was calculated.
    // `answered` counts the applicable indicators answered, recorded ones included; `total` and
    // every score are computed with the issued weights, `weights` keeps the returned ones.
    col('applicable', 'INTEGER', (b: S, k) => sub(b, k).applicable),
    col('complete', 'BOOLEAN', (b: S, k) => sub(b, k).complete),
    col('issued_weights', 'JSON', (b: S, k) => sub(b, k).issued_weights),
    col('weights_changed', 'BOOLEAN', (b: S, k) => sub(b, k).weights_changed),
    col('own_total', 'DOUBLE', (b: S, k) => sub(b, k).own_total),
    col('calculated', 'BOOLEAN', (b: S, k) => sub(b, k).calculated),
    // Schema version 7 (issue 11): the organization's 统一社会信用代码 and the evaluation mode.
    col('credit_code', 'VARCHAR', (b: S, k) => sub(b, k).credit_code),
    col('evaluation_mode', 'VARCHAR', (b: S, k) => sub(b, k).evaluation_mode),
  ],
};

// The per-indicator rows of one record: its columns crossed from the read workers as arrays.
type R = SubmissionRecord;
export const INDICATOR_SCORES: Table<R> = {
  name: 'indicator_scores',
  rows: (r) => r.indicators.indicator_id.length,
  columns: [
    col('content_hash', 'VARCHAR', (r: R) => r.hash, { notNull: true }),
    col('indicator_id', 'VARCHAR', (r: R, k) => r.indicators.indicator_id[k], { notNull: true }),
    col('dimension_id', 'VARCHAR', (r: R, k) => r.indicators.dimension_id[k]),
    col('group_id', 'VARCHAR', (r: R, k) => r.indicators.group_id[k]),
    col('rule', 'VARCHAR', (r: R, k) => r.indicators.rule[k]),
    col('input_raw', 'VARCHAR', (r: R, k) => r.indicators.input_raw[k]),
    col('input_value', 'DOUBLE', (r: R, k) => r.indicators.input_value[k]),
    col('state', 'VARCHAR', (r: R, k) => r.indicators.state[k]),
    col('score', 'DOUBLE', (r: R, k) => r.indicators.score[k]),
    col('na', 'BOOLEAN', (r: R, k) => r.indicators.na[k]),
    col('mode', 'VARCHAR', (r: R, k) => r.indicators.mode[k]),
    col('evidence', 'VARCHAR', (r: R, k) => r.indicators.evidence[k]),
  ],
};

export const DIMENSION_SCORES: Table<R> = {
  name: 'dimension_scores',
  rows: (r) => r.dimensions.length,
  columns: [
    col('content_hash', 'VARCHAR', (r: R) => r.hash, { notNull: true }),
    col('dimension_id', 'VARCHAR', (r: R, k) => r.dimensions[k]!.dimension_id, { notNull: true }),
    col('weight', 'DOUBLE', (r: R, k) => r.dimensions[k]!.weight),
    col('score', 'DOUBLE', (r: R, k) => r.dimensions[k]!.score),
    col('mean', 'DOUBLE', (r: R, k) => r.dimensions[k]!.mean),
    col('sum', 'DOUBLE', (r: R, k) => r.dimensions[k]!.sum),
    col('applicable', 'INTEGER', (r: R, k) => r.dimensions[k]!.applicable),
  ],
};

export const GROUP_SCORES: Table<R> = {
  name: 'group_scores',
  rows: (r) => r.groups.length,
  columns: [
    col('content_hash', 'VARCHAR', (r: R) => r.hash, { notNull: true }),
    col('group_id', 'VARCHAR', (r: R, k) => r.groups[k]!.group_id, { notNull: true }),
    col('score', 'DOUBLE', (r: R, k) => r.groups[k]!.score),
    col('applicable', 'INTEGER', (r: R, k) => r.groups[k]!.applicable),
  ],
};

// Schema version 7: a return's volunteers by star level (GB/T 40143 6.6.2), when its figures
// came from volunteer service records (fill --records); star_level 0 is no star yet.
export const VOLUNTEER_STARS: Table<R> = {
  name: 'volunteer_stars',
  rows: (r) => r.stars.length,
  columns: [
    col('content_hash', 'VARCHAR', (r: R) => r.hash, { notNull: true }),
    col('star_level', 'INTEGER', (r: R, k) => r.stars[k]!.level, { notNull: true }),
    col('volunteers', 'INTEGER', (r: R, k) => r.stars[k]!.volunteers, { notNull: true }),
  ],
};

type J = RejectionBatch;
export const REJECTIONS: Table<J> = {
  name: 'rejections',
  rows: (b) => b.rejections.length,
  columns: [
    col('file', 'VARCHAR', (b: J, k) => b.rejections[k]!.file, { notNull: true }),
    col('content_hash', 'VARCHAR', (b: J, k) => b.rejections[k]!.hash),
    col('reason', 'VARCHAR', (b: J, k) => b.rejections[k]!.reason, { notNull: true }),
    col('message', 'VARCHAR', (b: J, k) => b.rejections[k]!.message, { notNull: true }),
    col('rejected_at', 'TIMESTAMPTZ', (b: J) => b.stamp, { notNull: true }),
    // Schema version 6: whom the file names (where it could be read), and the first problem as
    // a message code and its parameters, so that it is said again in the reader's language.
    col('org_id', 'VARCHAR', (b: J, k) => b.rejections[k]!.org_id),
    col('period', 'VARCHAR', (b: J, k) => b.rejections[k]!.period),
    col('template_id', 'VARCHAR', (b: J, k) => b.rejections[k]!.template_id),
    col('code', 'VARCHAR', (b: J, k) => b.rejections[k]!.code),
    col('params', 'JSON', (b: J, k) => b.rejections[k]!.params),
  ],
};

type Z = readonly SizeBandRow[];
export const SIZE_BANDS: Table<Z> = {
  name: 'size_bands',
  rows: (z) => z.length,
  columns: [
    col('template_id', 'VARCHAR', (z: Z, k) => z[k]!.template_id, { notNull: true }),
    col('template_version', 'VARCHAR', (z: Z, k) => z[k]!.template_version, { notNull: true }),
    col('indicator_id', 'VARCHAR', (z: Z, k) => z[k]!.indicator_id, { notNull: true }),
    col('position', 'INTEGER', (z: Z, k) => z[k]!.position, { notNull: true }),
    col('band', 'VARCHAR', (z: Z, k) => z[k]!.band, { notNull: true }),
    col('below', 'DOUBLE', (z: Z, k) => z[k]!.below),
  ],
};

/** Every table, in the order a new database creates them. */
export const TABLES: readonly Table<never>[] = [
  ORGANIZATIONS,
  SUBMISSIONS,
  INDICATOR_SCORES,
  DIMENSION_SCORES,
  GROUP_SCORES,
  REJECTIONS,
  SIZE_BANDS,
  VOLUNTEER_STARS,
];
