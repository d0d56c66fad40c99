/** The cell spellings of records exports → days, hours, kinds; periods; header variants. */
import { describe, expect, it } from 'vitest';
import {
  dayFromSerial,
  message,
  parseRecordDay,
  parseRecordHours,
  parseRecordKind,
  parseRecordPeriod,
} from '../../core/index.ts';
import '../../pipeline/messages/index.ts';
import { headerKey, mapHeaders } from '../../pipeline/records/record-headers.ts';

describe('days in records', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025.3.1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['2025年3月1', '2025-03-01'],
    ['２０２５－０３－０１', '2025-03-01'],
    ['20250301', '2025-03-01'],
    ['2025-03-01 09:30', '2025-03-01'],
    ['2025/3/1 9:30:00', '2025-03-01'],
    ['2025-03-01T09:30:00Z', '2025-03-01'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, day) => expect(parseRecordDay(text)).toBe(day));

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '3/1/2025',
    '01/03/2025',
    'yesterday',
    '2025',
  ])('%s is unreadable', (text) => expect(parseRecordDay(text)).toBeUndefined());

  it('reads spreadsheet day numbers (1900 system, its phantom 29 February included)', () => {
    expect(dayFromSerial(45717)).toBe('2025-03-01');
    expect(dayFromSerial(45717.75)).toBe('2025-03-01');
    expect(dayFromSerial(1)).toBe('1900-01-01');
    expect(dayFromSerial(59)).toBe('1900-02-28');
    expect(dayFromSerial(61)).toBe('1900-03-01');
    expect(parseRecordDay(45717)).toBe('2025-03-01');
    expect(parseRecordDay(20250301)).toBe('2025-03-01');
    expect(parseRecordDay(-3)).toBeUndefined();
  });
});

describe('hours in records', () => {
  it.each([
    ['2.5', 2.5],
    [' 3 ', 3],
    ['2小时', 2],
    ['2.5 小时', 2.5],
    ['2个小时', 2],
    ['3h', 3],
    ['1.5 hours', 1.5],
    ['1小时30分', 1.5],
    ['1小时30分钟', 1.5],
    ['90分钟', 1.5],
    ['45 min', 0.75],
    ['1:30', 1.5],
    ['0:20', 0.333333],
    ['-2', -2],
    ['-2小时', -2],
    ['２．５', 2.5],
  ])('%s → %d', (text, hours) => expect(parseRecordHours(text)).toBe(hours));

  it('keeps numbers, to a millionth of an hour', () => {
    expect(parseRecordHours(2.25)).toBe(2.25);
    expect(parseRecordHours(1 / 3)).toBe(0.333333);
  });

  it.each(['很多', 'two', '2-3', '', '1:75', '1,5'])('%s is unreadable', (text) =>
    expect(parseRecordHours(text)).toBeUndefined(),
  );
});

describe('kinds of sessions', () => {
  it.each([
    ['服务', 'service'],
    ['志愿服务', 'service'],
    ['Service', 'service'],
    ['', 'service'],
    [null, 'service'],
    ['培训', 'training'],
    ['TRAINING', 'training'],
    ['志愿者培训', 'training'],
  ] as const)('%s → %s', (text, kind) => expect(parseRecordKind(text)).toBe(kind));

  it('refuses anything else', () => expect(parseRecordKind('会议')).toBeUndefined());
});

describe('periods', () => {
  it('a year is its calendar days', () =>
    expect(parseRecordPeriod('2025').value).toEqual({
      text: '2025',
      start: '2025-01-01',
      end: '2025-12-31',
    }));

  it('a range of days includes both ends', () =>
    expect(parseRecordPeriod(' 2025-07-01 .. 2026-06-30 ').value).toEqual({
      text: '2025-07-01 .. 2026-06-30',
      start: '2025-07-01',
      end: '2026-06-30',
    }));

  it.each(['2025H1', '25', '2025-07', '2025-07-01..2026-02-30', '2025-07-01-2026-06-30', ''])(
    '%j is refused in words',
    (text) => {
      const r = parseRecordPeriod(text);
      expect(r.value).toBeUndefined();
      expect(message(r.errors[0]!, 'en')).toContain('Give a year (2025) or a range of days');
      expect(message(r.errors[0]!, 'zh-CN')).toContain('请写一个年份');
    },
  );

  it('a range that ends before it starts is said as such', () => {
    const r = parseRecordPeriod('2026-06-30..2025-07-01');
    expect(r.errors[0]?.code).toBe('records.period-order');
    expect(message(r.errors[0]!, 'en')).toBe(
      'The period starts on 2026-06-30, after its end 2025-07-01. Put the earlier day first.',
    );
  });
});

describe('headers', () => {
  it('fold width, case, spaces and a unit in brackets', () => {
    expect(headerKey('服务时长（小时）')).toBe('服务时长');
    expect(headerKey(' Hours (h) ')).toBe('hours');
    expect(headerKey('Volunteer_ID')).toBe('volunteerid');
    expect(headerKey('*志愿者编号')).toBe('志愿者编号');
  });

  it('map each spelling to its field, the specific before the generic', () => {
    expect(
      mapHeaders([
        '编号',
        '志愿者编号',
        '姓名',
        '服务日期',
        '时长(h)',
        '活动编号',
        '活动名称',
        '类型',
      ]),
    ).toEqual({
      volunteerId: 1,
      volunteerName: 2,
      date: 3,
      hours: 4,
      activityId: 5,
      activity: 6,
      kind: 7,
    });
    expect(
      mapHeaders(['Volunteer ID', 'Registration Date', 'Session Date', 'Duration', 'Org ID']),
    ).toEqual({ volunteerId: 0, registered: 1, date: 2, hours: 3, org: 4 });
  });
});
