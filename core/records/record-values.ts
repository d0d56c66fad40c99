/**
 * Cell values of a records export → days, hours and kinds. Exports come from many systems and
 * from people's own spreadsheets: a day may be a spreadsheet day number, ISO text, 2025/3/1,
 * 2025.3.1, 20250301 or 2025年3月1日 (with or without a time after it); hours may be a number,
 * "2.5", "2小时", "1小时30分", "90分钟" or "1:30". Anything else is unreadable, never guessed.
 */
import type { Day, RecordCell, RecordKind } from './records-model.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar day (no 2025-02-30), as ISO text, or undefined. */
export function makeDay(year: number, month: number, day: number): Day | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}

/** A day n days after another (n may be negative). */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A spreadsheet day number (1900 date system, as Excel, WPS and LibreOffice write .xlsx) → day.
 * Excel counts a 29 February 1900 that never was, so from day 61 on day 0 is 1899-12-30; the
 * time of day (the fraction) is dropped.
 */
export function dayFromSerial(serial: number): Day | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const whole = Math.floor(serial);
  return whole < 61 ? addDays('1899-12-31', whole) : addDays('1899-12-30', whole);
}

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)[\d:.]+.*)?$/;

export function parseRecordDay(cell: RecordCell): Day | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'number') {
    // 20250301 is a day written as digits, not a spreadsheet day number (those stop at 9999).
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 99991231)
      return parseRecordDay(String(cell));
    return dayFromSerial(cell);
  }
  const s = cell.normalize('NFKC').trim();
  if (/^\d{8}$/.test(s))
    return makeDay(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6)));
  const m = DATE_TEXT.exec(s);
  return m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const HOUR_UNIT = String.raw`(?:h|hr|hrs|hour|hours|小时|个小时|时|钟头|个钟头)`;
const MINUTE_UNIT = String.raw`(?:m|min|mins|minute|minutes|分钟|分)`;
const HOURS_ONLY = new RegExp(`^(-?${NUMBER})\\s*${HOUR_UNIT}?$`);
const HOURS_MINUTES = new RegExp(
  `^(-?${NUMBER})\\s*${HOUR_UNIT}\\s*(${NUMBER})\\s*${MINUTE_UNIT}$`,
);
const MINUTES_ONLY = new RegExp(`^(-?${NUMBER})\\s*${MINUTE_UNIT}$`);
const CLOCK = /^(-?\d+):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * Hours as a number (negative kept, so that the check can say "negative" rather than
 * "unreadable"), rounded to a millionth of an hour so that sums of decimals add up exactly.
 */
export function parseRecordHours(cell: RecordCell): number | undefined {
  if (cell === null) return undefined;
  let h: number | undefined;
  if (typeof cell === 'number') h = cell;
  else {
    // No thousands separators: "1,5" is more likely a decimal comma than 15 h; unreadable it is.
    const s = cell.normalize('NFKC').trim().toLowerCase();
    let m: RegExpExecArray | null;
    if ((m = HOURS_ONLY.exec(s))) h = Number(m[1]);
    else if ((m = HOURS_MINUTES.exec(s))) {
      const hours = Number(m[1]);
      h = hours + (Math.sign(hours) || 1) * (Number(m[2]) / 60);
    } else if ((m = MINUTES_ONLY.exec(s))) h = Number(m[1]) / 60;
    else if ((m = CLOCK.exec(s))) {
      const hours = Number(m[1]);
      const rest = Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600;
      h = hours + (s.startsWith('-') ? -rest : rest);
    }
  }
  return h === undefined || !Number.isFinite(h) ? undefined : toMicro(h) / 1e6;
}

/** Hours in millionths, a whole number: sums of these are exact. */
export function toMicro(hours: number): number {
  return Math.round(hours * 1e6);
}

const SERVICE_WORDS = [
  '服务',
  '志愿服务',
  '服务活动',
  '志愿活动',
  '活动',
  'service',
  'volunteer service',
  'volunteering',
  'activity',
];
const TRAINING_WORDS = ['培训', '志愿者培训', '培训活动', '学习', 'training', 'train'];

/** Service or training; an empty cell is service (an export without the column is all service). */
export function parseRecordKind(cell: RecordCell): RecordKind | undefined {
  const s = (cell === null ? '' : String(cell)).normalize('NFKC').trim().toLowerCase();
  if (s === '' || SERVICE_WORDS.includes(s)) return 'service';
  if (TRAINING_WORDS.includes(s)) return 'training';
  return undefined;
}

/** Text of a cell (ids, names): full-width folded, trimmed; a number written as it reads. */
export function cellText(cell: RecordCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).normalize('NFKC').trim();
}
