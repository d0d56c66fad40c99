/**
 * The period the indicators are counted over: a calendar year ("2025") or an explicit range of
 * days ("2025-07-01..2026-06-30", for organizations whose year does not start in January).
 * Both ends are included. Anything else is refused in words, never read as something near it.
 */
import { issue, type Result } from '../issues.ts';
import { makeDay } from './record-values.ts';
import type { RecordPeriod } from './records-model.ts';

const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4})-(\d{2})-(\d{2})\s*\.\.\s*(\d{4})-(\d{2})-(\d{2})$/;

export function parseRecordPeriod(text: string): Result<RecordPeriod> {
  const s = text.normalize('NFKC').trim();
  const year = YEAR.exec(s);
  if (year && Number(year[1]) >= 1900)
    return { value: { text: s, start: `${year[1]}-01-01`, end: `${year[1]}-12-31` }, errors: [] };
  const range = RANGE.exec(s);
  if (range) {
    const start = makeDay(Number(range[1]), Number(range[2]), Number(range[3]));
    const end = makeDay(Number(range[4]), Number(range[5]), Number(range[6]));
    if (start && end && start <= end) return { value: { text: s, start, end }, errors: [] };
    if (start && end)
      return { value: undefined, errors: [issue('records.period-order', [], { start, end })] };
  }
  return { value: undefined, errors: [issue('records.period', [], { value: text })] };
}
