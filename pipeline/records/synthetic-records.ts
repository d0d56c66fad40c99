/**
 * A plausible volunteer service records export for a synthetic member, for the demo: its
 * volunteers register over the years, a stronger organization holds more activities and keeps
 * more of its volunteers active, a few devoted volunteers serve far more than the rest (so
 * that star levels show), training sessions come a few times a year, and, as in real exports,
 * a row or two may be wrong. Seeded: the same random source gives the same file.
 */
import { addDays, makeDay, type Day } from '../../core/index.ts';
import type { SyntheticOrg } from '../synthetic/plausible-answers.ts';

export interface SyntheticRecordsOptions {
  /** The evaluation year; sessions go back `history` years before it. */
  year: number;
  history?: number;
  /** No session after this day (a year not yet over). */
  today?: Day;
  /** Plant a few wrong rows, as real exports have (default true). */
  flaws?: boolean;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯健俊帆雪琳晨欣悦婷倩颖佳雨思涵博然轩瑞子怡梓萱诗琪嘉';
const ACTIVITIES = [
  '社区义诊',
  '敬老院探访',
  '河道清洁行动',
  '图书馆导读',
  '垃圾分类宣传',
  '关爱留守儿童',
  '交通文明劝导',
  '社区助餐',
  '无偿献血服务',
  '马拉松赛事服务',
  '防诈骗宣传',
  '助残陪伴',
  '植树护绿',
  '冬至送温暖',
  '重阳节敬老活动',
  '六一儿童节游园会',
];
const TRAININGS = ['志愿者通识培训', '急救技能培训', '消防安全培训', '心理陪伴技巧培训'];

interface Volunteer {
  id: string;
  name: string;
  registered: Day;
  /** how often they come, 0..1 */
  devotion: number;
  noDate: boolean;
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function syntheticRecords(
  org: SyntheticOrg,
  random: () => number,
  opts: SyntheticRecordsOptions,
): string {
  const history = opts.history ?? 3;
  const first = opts.year - history;
  const start = makeDay(first, 1, 1)!;
  const end = makeDay(opts.year, 12, 31)!;
  const last = opts.today && opts.today < end ? opts.today : end;
  const span = (a: Day, b: Day) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  const dayIn = (a: Day, b: Day) => addDays(a, Math.floor(random() * (span(a, b) + 1)));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  const count = Math.max(5, Math.min(400, org.volunteers));
  const volunteers: Volunteer[] = Array.from({ length: count }, (_, i) => ({
    id: `V${String(i + 1).padStart(4, '0')}`,
    name: pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : ''),
    // Most joined before the evaluation year; some during it.
    registered: dayIn(addDays(start, -365 * 3), last),
    // A few devoted volunteers serve far more than the rest; stronger organizations keep more.
    devotion: Math.min(0.9, Math.exp(-2.6 + 0.9 * normal(random) + 0.3 * org.strength)),
    noDate: random() < 0.04,
  }));

  type Row = [string, string, string, Day, number, string, string, string];
  const rows: Row[] = [];
  const session = (
    v: Volunteer,
    date: Day,
    hours: number,
    activity: string,
    id: string,
    kind: string,
  ) => rows.push([v.id, v.name, v.noDate ? '' : v.registered, date, hours, activity, id, kind]);

  const perYear = Math.max(
    6,
    Math.round(24 * Math.exp(0.35 * org.strength + 0.3 * normal(random))),
  );
  let serial = 0;
  for (let year = first; year <= opts.year; year++) {
    const yearStart = makeDay(year, 1, 1)!;
    const yearEnd = makeDay(year, 12, 31)! < last ? makeDay(year, 12, 31)! : last;
    if (yearStart > yearEnd) break;
    const held = [
      ...Array.from({ length: perYear }, () => ({ kind: '服务', name: pick(ACTIVITIES) })),
      ...Array.from({ length: 2 + Math.floor(random() * 4) }, () => ({
        kind: '培训',
        name: pick(TRAININGS),
      })),
    ];
    for (const a of held) {
      const date = dayIn(yearStart, yearEnd);
      const id = `A${year}${String(++serial).padStart(4, '0')}`;
      const hours = a.kind === '培训' ? pick([1.5, 2, 2.5, 3]) : pick([2, 2.5, 3, 3.5, 4, 5, 6, 8]);
      for (const v of volunteers) {
        if (v.registered > date && !v.noDate) continue;
        const chance = a.kind === '培训' ? 0.5 * v.devotion + 0.05 : v.devotion;
        if (random() < chance) session(v, date, hours, a.name, id, a.kind);
      }
    }
  }
  rows.sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));

  if (opts.flaws ?? true) {
    const flawed = rows.filter((r) => r[3] >= makeDay(opts.year, 1, 1)!);
    const plant = Math.floor(random() * 3);
    for (let k = 0; k < plant && flawed.length; k++) {
      const r = pick(flawed);
      const roll = random();
      if (roll < 0.4) rows.splice(rows.indexOf(r) + 1, 0, [...r]);
      else if (roll < 0.7)
        rows.splice(rows.indexOf(r) + 1, 0, [...r.slice(0, 4), -r[4], ...r.slice(5)] as Row);
      else rows.splice(rows.indexOf(r) + 1, 0, ['', r[1], '', r[3], r[4], r[5], r[6], r[7]]);
    }
  }

  // Volunteers who never came still stand on the register.
  const seen = new Set(rows.map((r) => r[0]));
  const idle = volunteers
    .filter((v) => !seen.has(v.id) && !v.noDate)
    .map((v): string[] => [v.id, v.name, v.registered, '', '', '', '', '']);

  const header = [
    '志愿者编号',
    '姓名',
    '注册日期',
    '服务日期',
    '服务时长（小时）',
    '活动名称',
    '活动编号',
    '类型',
  ];
  return [header, ...rows, ...idle].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
