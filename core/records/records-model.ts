/**
 * A volunteer service records export (志愿服务记录), as the core sees it: one row per volunteer
 * and service or training session, or a registration-only row for a volunteer who has not yet
 * taken part. Reading a file gives raw rows (cells as the file held them); checking them gives
 * typed rows or a coded reason why a row was left out.
 */

/** The columns an export may have; volunteerId, date and hours are required. */
export const RECORD_FIELDS = [
  'volunteerId',
  'volunteerName',
  'registered',
  'date',
  'hours',
  'activity',
  'activityId',
  'kind',
  'org',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

export const REQUIRED_RECORD_FIELDS = [
  'volunteerId',
  'date',
  'hours',
] as const satisfies readonly RecordField[];

/** A cell as read: text, a number (a spreadsheet keeps dates as day numbers), or empty. */
export type RecordCell = string | number | null;

export interface RawRecord {
  /** The row as a spreadsheet shows it (the header is row 1 when it is the first line). */
  row: number;
  cells: Partial<Record<RecordField, RecordCell>>;
}

export type RecordKind = 'service' | 'training';

/** A calendar day as ISO text, `2025-03-01`: days compare as strings. */
export type Day = string;

export interface Session {
  date: Day;
  hours: number;
  kind: RecordKind;
  activity: string;
  activityId: string;
}

export interface RecordRow {
  row: number;
  /** '' when the export has no organization column. */
  org: string;
  volunteerId: string;
  volunteerName: string;
  registered: Day | null;
  /** null for a registration-only row. */
  session: Session | null;
}

/** The evaluation period: a calendar year or an explicit range of days, both ends included. */
export interface RecordPeriod {
  text: string;
  start: Day;
  end: Day;
}
