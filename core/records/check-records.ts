/**
 * Raw rows of a records export → the rows the indicators count, and every other row with its
 * row number and a coded reason. Nothing is dropped silently: a row is either kept or listed.
 *
 * A row is left out when it has no volunteer id; an unreadable or future date; hours missing,
 * unreadable, negative or over 24; an unknown kind; when it repeats an earlier row exactly
 * (the same volunteer, day, hours, kind and activity); or when it takes the volunteer's hours
 * on one day over 24 (the rows before it that day are kept). Each row gets the first reason
 * that applies, in that order.
 */
import { issue, type Issue } from '../issues.ts';
import {
  cellText,
  parseRecordDay,
  parseRecordHours,
  parseRecordKind,
  toMicro,
} from './record-values.ts';
import type { Day, RawRecord, RecordCell, RecordRow } from './records-model.ts';

export interface CheckRecordsOptions {
  /** Days after this are in the future; the caller passes it (core reads no clock). */
  today: Day;
}

export interface CheckedRecords {
  rows: RecordRow[];
  /** One issue per left-out row, code `records.row.<reason>`, with its row number. */
  rejected: Issue[];
}

export const REJECT_PREFIX = 'records.row.';

export const REJECT_REASONS = [
  'no-volunteer',
  'no-org',
  'bad-kind',
  'bad-registered',
  'future-registered',
  'no-date',
  'bad-date',
  'future-date',
  'no-hours',
  'bad-hours',
  'negative-hours',
  'hours-over-24',
  'duplicate',
  'day-over-24',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

const DAY_MICRO = toMicro(24);

const shown = (cell: RecordCell | undefined) => (cell === null || cell === undefined ? '' : cell);

export function checkRecords(raw: readonly RawRecord[], opts: CheckRecordsOptions): CheckedRecords {
  const rows: RecordRow[] = [];
  const rejected: Issue[] = [];
  const hasOrg = raw.some((r) => 'org' in r.cells);
  const firstOf = new Map<string, number>();
  const dayTotals = new Map<string, number>();

  for (const { row, cells } of raw) {
    const org = cellText(cells.org);
    const volunteerId = cellText(cells.volunteerId);
    const reject = (reason: RejectReason, params: Issue['params'] = {}) => {
      const e = issue(`${REJECT_PREFIX}${reason}`, [], {
        ...params,
        ...(volunteerId ? { volunteer: volunteerId } : {}),
        ...(hasOrg ? { org } : {}),
      });
      e.row = row;
      rejected.push(e);
    };

    if (!volunteerId) {
      reject('no-volunteer');
      continue;
    }
    if (hasOrg && !org) {
      reject('no-org');
      continue;
    }
    const kind = parseRecordKind(cells.kind ?? null);
    if (!kind) {
      reject('bad-kind', { value: shown(cells.kind) });
      continue;
    }
    let registered: Day | null = null;
    if (cellText(cells.registered) !== '') {
      const day = parseRecordDay(cells.registered ?? null);
      if (!day) {
        reject('bad-registered', { value: shown(cells.registered) });
        continue;
      }
      if (day > opts.today) {
        reject('future-registered', { date: day, today: opts.today });
        continue;
      }
      registered = day;
    }
    const base = {
      row,
      org,
      volunteerId,
      volunteerName: cellText(cells.volunteerName),
      registered,
    };
    const activity = cellText(cells.activity);
    const activityId = cellText(cells.activityId);
    const hasDate = cellText(cells.date) !== '';
    const hasHours = cellText(cells.hours) !== '';

    if (!hasDate && !hasHours && !activity && !activityId && registered) {
      rows.push({ ...base, session: null });
      continue;
    }
    if (!hasDate) {
      reject('no-date');
      continue;
    }
    const date = parseRecordDay(cells.date ?? null);
    if (!date) {
      reject('bad-date', { value: shown(cells.date) });
      continue;
    }
    if (date > opts.today) {
      reject('future-date', { date, today: opts.today });
      continue;
    }
    if (!hasHours) {
      reject('no-hours');
      continue;
    }
    const hours = parseRecordHours(cells.hours ?? null);
    if (hours === undefined) {
      reject('bad-hours', { value: shown(cells.hours) });
      continue;
    }
    if (hours < 0) {
      reject('negative-hours', { hours });
      continue;
    }
    if (hours > 24) {
      reject('hours-over-24', { hours });
      continue;
    }
    const key = JSON.stringify([
      org,
      volunteerId,
      date,
      toMicro(hours),
      kind,
      activity,
      activityId,
    ]);
    const first = firstOf.get(key);
    if (first !== undefined) {
      reject('duplicate', { first });
      continue;
    }
    const dayKey = JSON.stringify([org, volunteerId, date]);
    const total = (dayTotals.get(dayKey) ?? 0) + toMicro(hours);
    if (total > DAY_MICRO) {
      reject('day-over-24', { date, total: total / 1e6 });
      continue;
    }
    firstOf.set(key, row);
    dayTotals.set(dayKey, total);
    rows.push({ ...base, session: { date, hours, kind, activity, activityId } });
  }
  return { rows, rejected };
}

/** `records.row.negative-hours` → `negative-hours`. */
export function rejectReason(e: Issue): RejectReason {
  return e.code.slice(REJECT_PREFIX.length) as RejectReason;
}
