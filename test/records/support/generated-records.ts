/**
 * A records export of a few hundred rows made from a known truth: volunteers who register over
 * the years, service and training sessions before, in and after the period, volunteers whose
 * cumulative service hours sit on each star bound (99.9, 100, 299, 300 …), and planted bad
 * rows, each with the reason it must be rejected for. The same truth is written as CSV (UTF-8,
 * UTF-8 with BOM, GBK) and as xlsx, with Chinese or English headers and the date and hours
 * spellings real exports use. Expected values are counted here from the truth, by plain
 * arithmetic, never by the code under test.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { rng } from '../../../pipeline/synthetic/random-answers.ts';

export const TODAY = '2026-09-01';

export interface TruthRow {
  volunteer: string;
  name: string;
  registered: string | null;
  /** null: a registration-only row */
  date: string | null;
  /** hours in tenths (exact); null with date null */
  tenths: number | null;
  activity: string;
  kind: 'service' | 'training';
  /** planted: the reason the row must be rejected for */
  bad?: string;
  /** planted: cells written as these texts instead of the truth's */
  raw?: Partial<Record<'volunteer' | 'registered' | 'date' | 'hours' | 'kind', string>>;
}

const day = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Star bounds and both sides of them, in tenths of an hour. */
export const STAR_TARGETS = [999, 1000, 2990, 3000, 5995, 6000, 9990, 10000, 14995, 15000];

export function generateRecords(seed = 7): TruthRow[] {
  const random = rng(seed);
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const names = ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴婷'];
  const rows: TruthRow[] = [];

  interface V {
    id: string;
    name: string;
    registered: string | null;
  }
  const regular: V[] = [];
  for (let i = 1; i <= 40; i++) {
    const registered =
      i <= 4
        ? null // no registration date: registered from the first session
        : i <= 7
          ? day(2026, int(1, 6), int(1, 28)) // registered after the period
          : day(int(2021, 2025), int(1, 12), int(1, 28));
    regular.push({ id: `V${String(i).padStart(3, '0')}`, name: `${pick(names)}${i}`, registered });
  }
  const sessionDays = (year: number, n: number, lastMonth = 12) =>
    Array.from({ length: n }, () => day(year, int(1, lastMonth), int(1, 28)));
  const activities = [
    ...sessionDays(2024, 8).map((d, k) => ({ date: d, name: `社区服务${k % 5}`, kind: 'service' })),
    ...sessionDays(2025, 22).map((d, k) => ({
      date: d,
      name: `社区服务${k % 7}`,
      kind: 'service',
    })),
    ...sessionDays(2026, 4, 8).map((d, k) => ({ date: d, name: `社区服务${k}`, kind: 'service' })),
    ...sessionDays(2025, 5).map((d, k) => ({
      date: d,
      name: `志愿者培训${k % 2}`,
      kind: 'training',
    })),
    ...sessionDays(2024, 2).map((d) => ({ date: d, name: '志愿者通识培训', kind: 'training' })),
  ] as { date: string; name: string; kind: 'service' | 'training' }[];
  for (const a of activities) {
    const tenths = a.kind === 'training' ? pick([15, 20, 30]) : pick([20, 25, 30, 40, 55, 80]);
    for (const v of regular) {
      // Volunteers 5..7 register in 2026 and only come then; volunteer 8 comes before registering.
      const registeredLate = v.registered !== null && v.registered > '2025-12-31';
      if (registeredLate && a.date < '2026-01-01' && v.id !== 'V005') continue;
      if (random() < 0.22)
        rows.push({
          volunteer: v.id,
          name: v.name,
          registered: v.registered,
          date: a.date,
          tenths,
          activity: a.name,
          kind: a.kind,
        });
    }
  }
  // Volunteers who never came: registration-only rows (one registered after the period).
  rows.push({
    volunteer: 'R001',
    name: '孙悦',
    registered: '2024-04-02',
    date: null,
    tenths: null,
    activity: '',
    kind: 'service',
  });
  rows.push({
    volunteer: 'R002',
    name: '钱程',
    registered: '2025-11-30',
    date: null,
    tenths: null,
    activity: '',
    kind: 'service',
  });
  rows.push({
    volunteer: 'R003',
    name: '郑爽',
    registered: '2026-03-15',
    date: null,
    tenths: null,
    activity: '',
    kind: 'service',
  });

  // Star volunteers: history in 2019–2024 of up to 20 h a day, 2 h in the period, and training
  // and after-period hours that must not count toward the star.
  STAR_TARGETS.forEach((target, k) => {
    const v = {
      volunteer: `S${String(k + 1).padStart(2, '0')}`,
      name: `星${k + 1}`,
      registered: '2019-01-05',
    };
    let left = target - 20;
    let d = 0;
    while (left > 0) {
      const t = Math.min(200, left);
      rows.push({
        ...v,
        date: day(2019 + Math.floor(d / 300), 1 + (Math.floor(d / 28) % 12), 1 + (d % 28)),
        tenths: t,
        activity: '大型赛会服务',
        kind: 'service',
      });
      left -= t;
      d += 1;
    }
    rows.push({ ...v, date: '2025-06-06', tenths: 20, activity: '社区服务0', kind: 'service' });
    rows.push({ ...v, date: '2025-06-07', tenths: 30, activity: '志愿者培训0', kind: 'training' });
    rows.push({ ...v, date: '2026-02-02', tenths: 50, activity: '社区服务1', kind: 'service' });
  });

  // Shuffle within the file (exports are not always sorted), then plant bad rows.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = int(0, i);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const at = (n: number) => Math.min(rows.length, n);
  const someone = regular[10]!;
  const base = {
    volunteer: someone.id,
    name: someone.name,
    registered: someone.registered,
    activity: '社区服务3',
    kind: 'service' as const,
  };
  const plant = (pos: number, row: TruthRow) => rows.splice(at(pos), 0, row);
  plant(15, { ...base, date: '2025-05-29', tenths: -30, bad: 'negative-hours' });
  plant(40, { ...base, date: '2025-05-30', tenths: 250, bad: 'hours-over-24' });
  plant(70, { ...base, date: '2026-10-15', tenths: 30, bad: 'future-date' });
  plant(100, { ...base, volunteer: '', date: '2025-05-31', tenths: 30, bad: 'no-volunteer' });
  plant(130, {
    ...base,
    date: '2025-06-29',
    tenths: 30,
    bad: 'bad-date',
    raw: { date: '2025-13-01' },
  });
  plant(160, { ...base, date: '2025-07-29', tenths: 30, bad: 'bad-hours', raw: { hours: '很多' } });
  plant(190, { ...base, date: '2025-07-30', tenths: 30, bad: 'bad-kind', raw: { kind: '会议' } });
  plant(220, {
    ...base,
    date: '2025-07-31',
    tenths: 30,
    registered: '2027-01-01',
    bad: 'future-registered',
  });
  // Planted rows fall on days 29–31, which no generated session uses.
  // 14 h then 12 h on one day: the second row takes the day over 24 h.
  plant(250, { ...base, date: '2025-08-29', tenths: 140, activity: '马拉松赛事服务' });
  plant(251, {
    ...base,
    date: '2025-08-29',
    tenths: 120,
    activity: '夜间巡逻',
    bad: 'day-over-24',
  });
  // An exact repeat of a kept row, after it.
  const kept = rows.findIndex(
    (r) => !r.bad && r.date !== null && r.date >= '2025-01-01' && r.date <= '2025-12-31',
  );
  plant(Math.max(kept + 5, 280), { ...rows[kept]!, bad: 'duplicate' });
  return rows;
}

export interface Expected {
  indicators: Record<string, number | null>;
  stars: { level: number; min_hours: number; volunteers: number }[];
  /** volunteer → [cumulative hours, star] */
  volunteers: Map<string, [number, number]>;
}

/** The indicators as counted by hand from the truth: the rules docs/records.md states. */
export function expectedFor(rows: readonly TruthRow[], start: string, end: string): Expected {
  const good = rows.filter((r) => !r.bad);
  const ids = [...new Set(good.map((r) => r.volunteer))];
  const sinceOf = (id: string) => {
    const mine = good.filter((r) => r.volunteer === id);
    const days = [
      ...mine.map((r) => r.registered).filter((d): d is string => d !== null),
      ...mine.map((r) => r.date).filter((d): d is string => d !== null),
    ].sort();
    return days[0]!;
  };
  const registered = ids.filter((id) => sinceOf(id) <= end);
  const inPeriod = good.filter((r) => r.date !== null && r.date >= start && r.date <= end);
  const service = inPeriod.filter((r) => r.kind === 'service');
  const training = inPeriod.filter((r) => r.kind === 'training');
  const distinct = (rs: readonly TruthRow[]) => new Set(rs.map((r) => r.volunteer)).size;
  const tenths = (rs: readonly TruthRow[]) => rs.reduce((a, r) => a + r.tenths!, 0);
  const served = distinct(service);
  const trained = distinct(training);
  const serviceHours = tenths(service) / 10;
  const trainingHours = tenths(training) / 10;
  const volunteers = new Map<string, [number, number]>();
  const bounds = [1000, 3000, 6000, 10000, 15000];
  for (const id of registered) {
    const t = tenths(
      good.filter(
        (r) => r.volunteer === id && r.kind === 'service' && r.date !== null && r.date <= end,
      ),
    );
    volunteers.set(id, [t / 10, bounds.filter((b) => t >= b).length]);
  }
  return {
    indicators: {
      '2.1.3': registered.length,
      '2.1.4': distinct(inPeriod) / registered.length,
      '3.1.2': new Set(service.map((r) => `${r.activity}|${r.date}`)).size,
      '3.1.4': service.length,
      '3.1.5': serviceHours,
      '3.1.6': served ? serviceHours / served : null,
      '3.2.1': training.length,
      '3.2.2': trained ? trainingHours / trained : null,
      '5.1.4': served,
    },
    stars: [1, 2, 3, 4, 5].map((level) => ({
      level,
      min_hours: bounds[level - 1]! / 10,
      volunteers: [...volunteers.values()].filter(([, s]) => s === level).length,
    })),
    volunteers,
  };
}

export type HeaderLang = 'zh' | 'en';

const HEADERS: Record<HeaderLang, string[]> = {
  zh: ['志愿者编号', '姓名', '注册日期', '服务日期', '服务时长（小时）', '活动名称', '类型'],
  en: ['Volunteer ID', 'Name', 'Registration Date', 'Date', 'Hours (h)', 'Activity', 'Type'],
};
const KIND_WORDS: Record<HeaderLang, Record<'service' | 'training', string>> = {
  zh: { service: '服务', training: '培训' },
  en: { service: 'Service', training: 'Training' },
};

/** A day as one of the spellings exports use, chosen by the row's place. */
function dayText(d: string, i: number): string {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  switch (i % 5) {
    case 0:
      return d;
    case 1:
      return `${y}/${m}/${dd}`;
    case 2:
      return `${y}年${m}月${dd}日`;
    case 3:
      return d.replace(/-/g, '');
    default:
      return `${d} 09:30`;
  }
}

function hoursText(tenths: number, i: number): string {
  const h = tenths / 10;
  if (i % 4 === 1) return `${h}小时`;
  if (i % 4 === 2 && tenths > 0 && tenths % 5 === 0 && tenths % 10 !== 0)
    return `${Math.floor(h)}小时30分`;
  return String(h);
}

function cells(r: TruthRow, i: number, lang: HeaderLang): string[] {
  return [
    r.raw?.volunteer ?? r.volunteer,
    r.name,
    r.raw?.registered ?? (r.registered ? dayText(r.registered, i + 1) : ''),
    r.raw?.date ?? (r.date ? dayText(r.date, i) : ''),
    r.raw?.hours ?? (r.tenths === null ? '' : hoursText(r.tenths, i)),
    r.activity,
    r.raw?.kind ?? (r.date === null ? '' : KIND_WORDS[lang][r.kind]),
  ];
}

/** The file's rows as a spreadsheet numbers them: the header is row 1, the first record row 2. */
export function csvText(rows: readonly TruthRow[], lang: HeaderLang): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [HEADERS[lang], ...rows.map((r, i) => cells(r, i, lang))]
    .map((c) => c.map(q).join(','))
    .join('\r\n');
}

export function csvBytes(
  rows: readonly TruthRow[],
  lang: HeaderLang,
  encoding: 'utf-8' | 'utf-8-bom' | 'gbk',
): Buffer {
  const text = csvText(rows, lang);
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.concat([
    encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]);
}

/**
 * The same rows in an .xlsx as a spreadsheet user keeps them: a title line above the header
 * (so the header is row 2 and the first record row 3), days as date cells, hours as numbers
 * (the planted texts stay text).
 */
export async function xlsxBytes(rows: readonly TruthRow[], lang: HeaderLang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'zh' ? '服务记录' : 'Records');
  ws.addRow([
    lang === 'zh'
      ? '志愿服务记录导出（2026年9月1日）'
      : 'Volunteer records export, 1 September 2026',
  ]);
  ws.addRow(HEADERS[lang]);
  const asDate = (d: string | null) => {
    if (!d) return null;
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, dd));
  };
  rows.forEach((r) => {
    const row = ws.addRow([
      r.raw?.volunteer ?? r.volunteer,
      r.name,
      r.raw?.registered ?? asDate(r.registered),
      r.raw?.date ?? asDate(r.date),
      r.raw?.hours ?? (r.tenths === null ? null : r.tenths / 10),
      r.activity,
      r.raw?.kind ?? (r.date === null ? null : KIND_WORDS[lang][r.kind]),
    ]);
    for (const c of [3, 4])
      if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = 'yyyy-mm-dd';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Expected rejected rows: [row, reason], for a file whose first record is on `firstRow`. */
export function expectedRejections(
  rows: readonly TruthRow[],
  firstRow: number,
): { row: number; reason: string }[] {
  return rows.flatMap((r, i) => (r.bad ? [{ row: i + firstRow, reason: r.bad }] : []));
}
