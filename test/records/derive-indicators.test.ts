/** The counting rules, one at a time, on small exports written inline as tables. */
import { describe, expect, it } from 'vitest';
import {
  checkRecords,
  deriveIndicators,
  message,
  rejectReason,
  type DerivedRecords,
  type RecordCell,
} from '../../core/index.ts';
import '../../pipeline/messages/index.ts';
import { fromTable } from '../../pipeline/records/read-records.ts';
import { figureOf } from './support/gbt-figures.ts';

const TODAY = '2026-01-15';
const HEAD = ['志愿者编号', '注册日期', '日期', '时长', '活动', '活动编号', '类型'];

function count(rows: RecordCell[][], period = '2025') {
  const read = fromTable([HEAD, ...rows]);
  expect(read.errors).toEqual([]);
  const checked = checkRecords(read.raw, { today: TODAY });
  const derived = deriveIndicators(checked.rows, period);
  return {
    derived: derived.value!,
    rejected: checked.rejected.map((e) => [e.row, rejectReason(e)]),
    value: (id: string) => derived.value!.figures.find((i) => i.id === figureOf(id))!.value,
    how: (id: string, lang: 'en' | 'zh-CN' = 'en') =>
      message(derived.value!.figures.find((i) => i.id === figureOf(id))!.how, lang),
  };
}
const star = (d: DerivedRecords, id: string) => d.volunteers.find((v) => v.id === id);

describe('registered volunteers (2.1.3) and who took part (2.1.4)', () => {
  it('count from the registration date, or the first session when earlier or undated', () => {
    const r = count([
      ['A', '2024-05-01', '2025-03-01', 2, '义诊', '', '服务'],
      ['A', '2023-01-10', '', '', '', '', ''], // an earlier registration date: the earliest wins
      ['B', '', '2025-04-01', 3, '义诊', '', '服务'], // no date: from the first session
      ['C', '2026-01-03', '2025-12-30', 2, '义诊', '', '培训'], // came before registering
      ['D', '2026-01-05', '', '', '', '', ''], // registered after the period: not yet
      ['E', '2025-02-01', '', '', '', '', ''], // registered, never came
      ['F', '', '2026-01-02', 2, '义诊', '', '服务'], // first seen after the period
    ]);
    expect(r.value('2.1.3')).toBe(4);
    expect(star(r.derived, 'A')?.registered).toBe('2023-01-10');
    expect(star(r.derived, 'C')?.since).toBe('2025-12-30');
    expect(r.derived.volunteers.map((v) => v.id)).toEqual(['A', 'B', 'C', 'E']);
    // A and B served, C trained: 3 of 4 took part.
    expect(r.value('2.1.4')).toBe(0.75);
    expect(r.value('5.1.4')).toBe(2);
    expect(r.how('2.1.3')).toContain('(1 without a registration date)');
    expect(r.derived.counts).toEqual({
      rows: 7,
      registrationOnly: 3,
      beforePeriod: 0,
      inPeriod: 3,
      afterPeriod: 1,
    });
  });

  it('with nobody registered there is no percentage, and the words say why', () => {
    const r = count([['A', '2026-01-05', '', '', '', '', '']]);
    expect(r.value('2.1.3')).toBe(0);
    expect(r.value('2.1.4')).toBeNull();
    expect(r.how('2.1.4')).toBe('No volunteer was registered by 2025-12-31: no percentage.');
    expect(r.value('3.1.6')).toBeNull();
    expect(r.how('3.1.6', 'zh-CN')).toBe(
      '2025-01-01 至 2025-12-31 没有志愿者参加服务，无法计算人均时长。',
    );
  });
});

describe('activities (3.1.2) and person-times (3.1.4, 3.2.1)', () => {
  it('tell activities apart by id, else by name and day, else by day', () => {
    const r = count([
      ['A', '', '2025-03-01', 8, '夏令营', 'X1', '服务'],
      ['A', '', '2025-03-02', 8, '夏令营', 'X1', '服务'], // same id, next day: one activity
      ['B', '', '2025-03-01', 8, '夏令营', 'X1', '服务'],
      ['A', '', '2025-04-01', 2, '义诊', '', '服务'],
      ['B', '', '2025-04-01', 2, '义诊', '', '服务'], // same name and day: one activity
      ['A', '', '2025-04-08', 2, '义诊', '', '服务'], // same name, another day: another
      ['A', '', '2025-05-01', 2, '', '', '服务'],
      ['B', '', '2025-05-01', 3, '', '', '服务'], // no name, no id: by day
      ['A', '', '2025-05-02', 2, '急救培训', '', '培训'], // training is not an activity here
    ]);
    expect(r.value('3.1.2')).toBe(4);
    expect(r.how('3.1.2')).toBe(
      'Service activities from 2025-01-01 to 2025-12-31, training not included, told apart by activity id: 1; by activity name and date where a row has no id: 2 (an activity on several days counts once a day); by date where a row names no activity: 1.',
    );
    expect(r.value('3.1.4')).toBe(8);
    expect(r.value('3.2.1')).toBe(1);
  });
});

describe('hours (3.1.5, 3.1.6, 3.2.2) and stars (6.6.2)', () => {
  it('average over those who served or trained, and only service makes stars', () => {
    const r = count([
      ['A', '2020-01-01', '2024-06-01', 20, '赛会', '', '服务'],
      ['A', '2020-01-01', '2024-06-02', 20, '赛会', '', '服务'],
      ['A', '2020-01-01', '2024-06-03', 20, '赛会', '', '服务'],
      ['A', '2020-01-01', '2024-06-04', 20, '赛会', '', '服务'],
      ['A', '2020-01-01', '2024-06-05', 19.9, '赛会', '', '服务'],
      ['A', '2020-01-01', '2024-06-06', 8, '培训', '', '培训'], // training: not toward stars
      ['A', '2020-01-01', '2025-03-01', 0.1, '义诊', '', '服务'], // 100 h exactly by the end
      ['B', '2020-01-01', '2024-06-01', 20, '赛会', '', '服务'],
      ['B', '2020-01-01', '2024-06-02', 20, '赛会', '', '服务'],
      ['B', '2020-01-01', '2024-06-03', 20, '赛会', '', '服务'],
      ['B', '2020-01-01', '2024-06-04', 20, '赛会', '', '服务'],
      ['B', '2020-01-01', '2024-06-05', 19.9, '赛会', '', '服务'],
      ['B', '2020-01-01', '2026-01-02', 5, '义诊', '', '服务'], // after the period: not counted
      ['C', '', '2025-03-01', 1.2, '义诊', '', '服务'],
      ['C', '', '2025-03-09', 1.5, '急救', '', '培训'],
      ['D', '', '2025-03-09', 2, '急救', '', '培训'],
    ]);
    expect(r.value('3.1.5')).toBe(1.3);
    expect(r.value('3.1.6')).toBe(0.65);
    expect(r.value('3.2.2')).toBe(1.75);
    expect(star(r.derived, 'A')).toMatchObject({ cumulativeHours: 100, star: 1 });
    expect(star(r.derived, 'B')).toMatchObject({ cumulativeHours: 99.9, star: 0 });
    expect(r.derived.stars).toEqual([
      { level: 1, minHours: 100, volunteers: 1 },
      { level: 2, minHours: 300, volunteers: 0 },
      { level: 3, minHours: 600, volunteers: 0 },
      { level: 4, minHours: 1000, volunteers: 0 },
      { level: 5, minHours: 1500, volunteers: 0 },
    ]);
    expect(r.derived.counts.beforePeriod).toBe(11);
  });
});

describe('rows left out', () => {
  it('each with its row and the first reason that applies', () => {
    const r = count([
      ['A', '', '2025-03-01', 2, '义诊', '', '服务'], // row 2: kept
      ['', '', '2025-03-01', 2, '义诊', '', '服务'], // 3: no volunteer
      ['A', '', '2025-03-01', 2, '义诊', '', '开会'], // 4: kind
      ['A', '明年', '2025-03-01', 2, '义诊', '', '服务'], // 5: registration date
      ['A', '2026-02-01', '2025-03-01', 2, '义诊', '', '服务'], // 6: registered in the future
      ['A', '', '', 2, '义诊', '', '服务'], // 7: no date
      ['A', '', '', '', '', '', ''], // 8: no date and no registration date either
      ['A', '', '2025-02-30', 2, '义诊', '', '服务'], // 9: impossible day
      ['A', '', '2026-01-16', 2, '义诊', '', '服务'], // 10: the day after today
      ['A', '', '2025-03-02', '', '义诊', '', '服务'], // 11: no hours
      ['A', '', '2025-03-02', '两', '义诊', '', '服务'], // 12: unreadable hours
      ['A', '', '2025-03-02', -1, '义诊', '', '服务'], // 13: negative
      ['A', '', '2025-03-02', 24.5, '义诊', '', '服务'], // 14: over 24 in a row
      ['A', '', '2025-03-01', '2小时', '义诊', '', '服务'], // 15: row 2 again, spelled otherwise
      ['A', '', '2025-03-01', 3, '义诊', '', '服务'], // 16: same session, other hours: kept
      ['A', '', '2025-03-01', 20, '赛会', '', '服务'], // 17: 2 + 3 + 20 > 24
      ['A', '', '2025-03-01', 19, '赛会', '', '培训'], // 18: 2 + 3 + 19 = 24: kept
      ['A', '', '2026-01-15', 2, '义诊', '', '服务'], // 19: today is not the future
    ]);
    expect(r.rejected).toEqual([
      [3, 'no-volunteer'],
      [4, 'bad-kind'],
      [5, 'bad-registered'],
      [6, 'future-registered'],
      [7, 'no-date'],
      [8, 'no-date'],
      [9, 'bad-date'],
      [10, 'future-date'],
      [11, 'no-hours'],
      [12, 'bad-hours'],
      [13, 'negative-hours'],
      [14, 'hours-over-24'],
      [15, 'duplicate'],
      [17, 'day-over-24'],
    ]);
    expect(r.derived.counts.rows).toBe(4);
  });
});
