/**
 * `scorebook benchmark` (and the report) on GB/T 40143 returns with known answers: a group's
 * change over periods is the median of its organizations' own changes (only those scored in
 * both periods; under k, suppressed); a first-level indicator N/A for some members of a group
 * of k says "fewer than k peers" by name; two evaluators at odds on 25 yes/no indicators are
 * said to be, none of the 25 picked as "the" least agreement; --by size groups by registered
 * volunteers. Expected figures come from the engine (core/evaluate) and plain TypeScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, resolvePlan, text } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { write } from '../support/returned-workbooks.ts';

const TEMPLATE = 'gbt-40143-2021';
const template = shippedTemplates().get(TEMPLATE)!;
// Read strictly (record-only): the yes/no verdicts make the totals, the figures are kept as they
// are, so the changes the fixture plants are the ones the totals show.
const PROFILE = 'record-only';
const plan = resolvePlan(template, { profile: PROFILE }).value!;
const dir = scratchDir('scorebook-bench-gbt-');
const db = join(dir, 'gbt.duckdb');
const binary = plan.indicators.filter((i) => i.rule.kind === 'binary');
/** The 25 yes/no indicators (outside first-level 6) on which G3's two evaluators give opposite verdicts. */
const FLIPPED = binary
  .filter((i) => i.dimensionId !== '6')
  .slice(0, 25)
  .map((i) => i.id);
/** The two on which W1's evaluators do. */
const FLIPPED_W1 = [binary[3]!.id, binary[30]!.id];

interface Return {
  org: string;
  region: string;
  type: string;
  period: string;
  evaluator: string;
  inputs: Record<string, string>;
}
const returns: Return[] = [];
const volunteers: Record<string, number> = {
  G1: 30,
  G2: 120,
  G3: 120,
  G4: 500,
  G5: 1500,
  G6: 30,
  W1: 30,
  W2: 60,
  W3: 70,
  W4: 80,
  W5: 90,
};

/**
 * One organization's answers in a period: yes/no varied by organization; in 2025 the first
 * 4 × o yes/no indicators are met (each organization improves by its own amount); figures as numbers.
 */
function answers(
  o: number,
  org: string,
  period: string,
  opts: { naDimension6?: boolean; flip?: string[] } = {},
): Record<string, string> {
  return Object.fromEntries(
    plan.indicators.map((ind, k) => {
      if (opts.naDimension6 && ind.dimensionId === '6') return [ind.id, '不适用'];
      if (ind.id === '2.1.3') return [ind.id, String(volunteers[org])];
      if (ind.rule.kind === 'binary') {
        const yes =
          (k * ((o % 4) + 1) + o) % 5 >= 2 ||
          (period === '2025' && binary.indexOf(ind) < 4 * (o % 10));
        return [ind.id, yes !== (opts.flip ?? []).includes(ind.id) ? '是' : '否'];
      }
      return [ind.id, ind.unit === '%' ? `${40 + 3 * (o % 10)}%` : String(10 * o + k)];
    }),
  );
}

function add(
  org: string,
  o: number,
  region: string,
  type: string,
  period: string,
  evaluator: string,
  opts: Parameters<typeof answers>[3] = {},
) {
  returns.push({ org, region, type, period, evaluator, inputs: answers(o, org, period, opts) });
}

const total = (org: string, period: string) => {
  const mine = returns
    .filter((r) => r.org === org && r.period === period)
    .map((r) => evaluate(plan, r.inputs).total!);
  return mine.reduce((a, b) => a + b, 0) / mine.length;
};
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]!) - s[lo]!);
}
const orgsOf = (region: string, period: string) => [
  ...new Set(returns.filter((r) => r.region === region && r.period === period).map((r) => r.org)),
];
// `scorebook benchmark` of the fixture: JSON, the table in en and in zh-CN.
let json: any;
let table = '';
let zhTable = '';
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

beforeAll(() => {
  // 深圳: G1…G5 in both periods, G6 in 2025 only; G1 and G2 find first-level 6 not applicable in 2025.
  for (let o = 1; o <= 5; o++) add(`G${o}`, o, '深圳', '社会团体', '2024', '甲');
  for (let o = 1; o <= 6; o++)
    add(`G${o}`, o, '深圳', '社会团体', '2025', '甲', { naDimension6: o <= 2 });
  add('G3', 3, '深圳', '社会团体', '2025', '乙', { flip: FLIPPED });
  // 武汉: W1…W5 in 2025 (a group of k), only W1…W4 in 2024 (k − 1 with both periods).
  for (let o = 1; o <= 4; o++) add(`W${o}`, 10 + o, '武汉', '基金会', '2024', '甲');
  for (let o = 1; o <= 5; o++) add(`W${o}`, 10 + o, '武汉', '基金会', '2025', '甲');
  add('W1', 11, '武汉', '基金会', '2025', '乙', { flip: FLIPPED_W1 });
  const lines = [
    'template_id,profile,period,org_id,org_name,region,org_type,evaluator,indicator_id,value',
  ];
  for (const r of returns)
    for (const [id, v] of Object.entries(r.inputs))
      lines.push(
        `${TEMPLATE},${PROFILE},${r.period},${r.org},机构${r.org},${r.region},${r.type},${r.evaluator},${id},${v}`,
      );
  write(join(dir, 'returns.csv'), lines.join('\n'));
  const r = runCli(['ingest', join(dir, 'returns.csv'), '--db', db, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ ingested: returns.length, rejected: [] });
  json = JSON.parse(runCli(['benchmark', '--db', db, '--json']).stdout);
  table = runCli(['benchmark', '--db', db]).stdout;
  zhTable = runCli(['benchmark', '--db', db, '--lang', 'zh-CN']).stdout;
});

describe("a group's change over periods", () => {
  it("is the median of its organizations' own changes, over those scored in both periods", () => {
    const j = json;
    const both = orgsOf('深圳', '2024').filter((o) => orgsOf('深圳', '2025').includes(o));
    expect(both).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    const own = quantile(
      both.map((o) => total(o, '2025') - total(o, '2024')),
      0.5,
    );
    const ofMedians =
      quantile(
        orgsOf('深圳', '2025').map((o) => total(o, '2025')),
        0.5,
      ) -
      quantile(
        orgsOf('深圳', '2024').map((o) => total(o, '2024')),
        0.5,
      );
    // The fixture tells the two readings apart.
    expect(Math.abs(own - ofMedians)).toBeGreaterThan(0.5);
    const g = j.trends.groups.find((x: { by: { region: string } }) => x.by.region === '深圳');
    expect(g).toMatchObject({ from_period: '2024', to_period: '2025', n: 5 });
    expect(g.median_change).toBeCloseTo(own, 9);
    expect(table).toContain(
      `region=深圳  org_type=社会团体 2024 → 2025: median of the organizations' own changes ${signed(own)} (n=5 scored in both periods)\n`,
    );
    const zh = zhTable;
    expect(zh).toContain(
      `region=深圳  org_type=社会团体 2024 → 2025\uff1a机构自身变化的中位数 ${signed(own)}\uff08两个周期均有评分的机构 5 个\uff09\n`,
    );
  });

  it('is suppressed when fewer than k organizations of the group were scored in both periods, though the group has k', () => {
    const j = json;
    expect(j.groups.find((x: { by: { region: string } }) => x.by.region === '武汉')).toMatchObject({
      n: 5,
      suppressed: false,
    });
    expect(j.trends.groups.find((x: { by: { region: string } }) => x.by.region === '武汉')).toEqual(
      {
        by: { region: '武汉', org_type: '基金会' },
        from_period: '2024',
        to_period: '2025',
        n: 4,
        median_change: null,
      },
    );
    expect(table).toContain(
      'region=武汉  org_type=基金会 2024 → 2025: fewer than 5 peers scored in both periods (4): not shown\n',
    );
    const four = JSON.parse(runCli(['benchmark', '--db', db, '--json', '--min-group', '4']).stdout);
    const own = quantile(
      ['W1', 'W2', 'W3', 'W4'].map((o) => total(o, '2025') - total(o, '2024')),
      0.5,
    );
    expect(
      four.trends.groups.find((x: { by: { region: string } }) => x.by.region === '武汉')
        .median_change,
    ).toBeCloseTo(own, 9);
  });
});

describe('first-level indicators in the table', () => {
  it('are named, and one with fewer than k scores in a group of k says "fewer than k peers"', () => {
    const dim = (id: string, lang: 'en' | 'zh-CN') =>
      text(template.dimensions.find((d) => d.id === id)!.name, lang);
    const j = json;
    const g = j.groups.find((x: { by: { region: string } }) => x.by.region === '深圳');
    expect(g).toMatchObject({ n: 6, suppressed: false });
    expect(g.dimensions.find((d: { id: string }) => d.id === '6')).toEqual({
      id: '6',
      n: 4,
      median: null,
      q1: null,
      q3: null,
    });
    expect(table).toContain(`  dimension 6 ${dim('6', 'en')}: fewer than 5 peers: not shown\n`);
    expect(table).not.toMatch(/median —/);
    const scores1 = orgsOf('深圳', '2025').map((o) => {
      const mine = returns
        .filter((r) => r.org === o && r.period === '2025')
        .map((r) => evaluate(plan, r.inputs).dimensions.find((d) => d.id === '1')!.score!);
      return mine.reduce((a, b) => a + b, 0) / mine.length;
    });
    // On 100, one decimal, as the total (core/sheet/score-points.ts).
    const on100 = (q: number) => (100 * quantile(scores1, q)).toFixed(1);
    expect(table).toContain(
      `  dimension 1 ${dim('1', 'en')}: median ${on100(0.5)}  q1 ${on100(0.25)}  q3 ${on100(0.75)}\n`,
    );
    const zh = zhTable;
    expect(zh).toContain(
      `  一级指标 6 ${dim('6', 'zh-CN')}\uff1a少于 5 个同类机构\uff0c不显示统计\n`,
    );
    expect(zh).toContain(`  一级指标 1 ${dim('1', 'zh-CN')}\uff1amedian ${on100(0.5)}`);
  });
});

describe('least agreement between evaluators', () => {
  it('says how many yes/no indicators the evaluators answered oppositely, rather than naming three of 25', () => {
    const j = json;
    const g3 = j.raters.find((r: { org_id: string }) => r.org_id === 'G3');
    expect(g3).toMatchObject({ raters: 2, largest_spread: 1, at_largest_spread: 25 });
    expect(g3.least_agreement.map((x: { indicator_id: string }) => x.indicator_id)).toEqual(
      FLIPPED.slice(0, 5),
    );
    const w1 = j.raters.find((r: { org_id: string }) => r.org_id === 'W1');
    expect(w1).toMatchObject({ largest_spread: 1, at_largest_spread: 2 });
    expect(w1.least_agreement.map((x: { indicator_id: string }) => x.indicator_id)).toEqual(
      FLIPPED_W1,
    );

    const range = (org: string) => {
      const ts = returns
        .filter((r) => r.org === org && r.period === '2025')
        .map((r) => evaluate(plan, r.inputs).total!);
      return `total ${total(org, '2025').toFixed(2)} (range ${(Math.max(...ts) - Math.min(...ts)).toFixed(2)})`;
    };
    expect(table).toContain(
      `  G3: 2 evaluators, ${range('G3')}; least agreement: 25 indicators with opposite scores (range 1.00), the first 5 of them: ${FLIPPED.slice(0, 5).join(', ')}\n`,
    );
    expect(table).toContain(
      `  W1: 2 evaluators, ${range('W1')}; least agreement (range 1.00): ${FLIPPED_W1.join(', ')}\n`,
    );
    expect(table).not.toContain('±');
    const zh = zhTable;
    expect(zh).toContain(
      `\uff1b分歧最大\uff1a25 项指标评价人员意见相反\uff08分差 1.00\uff09\uff0c以下列出其中 5 项\uff1a${FLIPPED.slice(0, 5).join('\u3001')}\n`,
    );
    expect(zh).toContain(`\uff1b分歧最大\uff08分差 1.00\uff09\uff1a${FLIPPED_W1.join('\u3001')}\n`);
  });

  it('says the same in the report, in en and zh-CN', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const out = join(dir, `report-${lang}`);
      const r = runCli(['report', '--db', db, '--org', 'G3', '--out', out, '--lang', lang]);
      expect(r.code).toBe(0);
      const raters = readFileSync(join(out, 'G3-2025.html'), 'utf8').match(
        /<section id="raters">[\s\S]*?<\/section>/,
      )![0];
      expect([...raters.matchAll(/<tr data-indicator="([\d.]+)">/g)].map((m) => m[1])).toEqual(
        FLIPPED.slice(0, 5),
      );
      expect(raters).toContain(
        lang === 'en'
          ? '<p data-tied="25">On 25 indicators the evaluators gave opposite scores (range 100.0); the first 5 are listed.</p>'
          : '<p data-tied="25">25 项指标评价人员意见相反\uff08分差 100.0\uff09\uff0c以下列出其中 5 项\u3002</p>',
      );
      const w1 = join(dir, `report-w1-${lang}`);
      expect(runCli(['report', '--db', db, '--org', 'W1', '--out', w1, '--lang', lang]).code).toBe(
        0,
      );
      const few = readFileSync(join(w1, 'W1-2025.html'), 'utf8').match(
        /<section id="raters">[\s\S]*?<\/section>/,
      )![0];
      expect([...few.matchAll(/<tr data-indicator="([\d.]+)">/g)].map((m) => m[1])).toEqual(
        FLIPPED_W1,
      );
      expect(few).not.toContain('data-tied');
    }
  });
});

describe('--by size', () => {
  it('groups GB/T 40143 returns by registered volunteers (indicator 2.1.3)', () => {
    const band = (v: number) =>
      v < 50 ? '<50' : v < 200 ? '50-199' : v < 1000 ? '200-999' : '1000+';
    const j = JSON.parse(
      runCli(['benchmark', '--db', db, '--json', '--by', 'size', '--min-group', '1']).stdout,
    );
    const want = new Map<string, number>();
    for (const org of new Set(returns.filter((r) => r.period === '2025').map((r) => r.org)))
      want.set(band(volunteers[org]!), (want.get(band(volunteers[org]!)) ?? 0) + 1);
    expect(
      new Map(j.groups.map((g: { by: { size: string }; n: number }) => [g.by.size, g.n])),
    ).toEqual(want);
  });
});
