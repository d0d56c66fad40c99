/**
 * A membership with known answers, ingested through the real CLI into a real DuckDB file:
 *
 * - group A (深圳 · 社会团体): A1…A5, exactly k = 5, scored in 2024 and 2025; A1 by two evaluators in 2025;
 *   A5 answers the top level everywhere except five indicators (its weakest, known in advance);
 * - group B (武汉 · 基金会): B1…B4, k − 1 = 4, 2025 only;
 * - group C (北京 · 基金会): Z1, whose name is hostile HTML, and F1, whose workbook was edited (flagged).
 *
 * Expected figures are computed here with the engine (core/evaluate) and plain TypeScript,
 * not with the SQL under test.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { evaluate, resolvePlan } from '../../../core/index.ts';
import { shippedTemplates } from '../../../pipeline/templates/registry.ts';
import { editParts, filledWorkbook, org, write } from '../../support/returned-workbooks.ts';
import { runCli } from '../../support/run-cli.ts';

export const TEMPLATE = 'tssof-0001-2024-basic';
export const HOSTILE = `<script>alert(1)</script>"'=cmd|`;
export const HOSTILE_ROSTER = '<img src=x onerror=alert(2)>';
export const template = shippedTemplates().get(TEMPLATE)!;
export const plan = resolvePlan(template).value!;

export interface FixtureOrg {
  id: string;
  name: string;
  region: string;
  type: string;
  /** period → evaluator → level (1..4) per indicator */
  answers: Record<string, Record<string, number[]>>;
}

/** A level 1..4 for indicator k, varied by organization. */
export const level = (base: number, k: number) => 1 + ((base * 7 + k * ((base % 3) + 1)) % 4);
const levels = (base: number) => plan.indicators.map((_, k) => level(base, k));

/** A5's five weakest: three at level 1 (score 0), two at level 2 (1/3); level 4 everywhere else. */
export const A5_WEAK = [
  plan.indicators[2]!.id,
  plan.indicators[11]!.id,
  plan.indicators[20]!.id,
  plan.indicators[30]!.id,
  plan.indicators[40]!.id,
];
const a5 = plan.indicators.map((ind, k) =>
  A5_WEAK.slice(0, 3).includes(ind.id) ? 1 : A5_WEAK.includes(ind.id) ? 2 : 4 - (k % 2),
);

export const ORGS: FixtureOrg[] = [
  {
    id: 'A1',
    name: '阳光志愿者协会',
    region: '深圳',
    type: '社会团体',
    answers: { '2024': { 甲: levels(1) }, '2025': { 甲: levels(2), 乙: levels(5) } },
  },
  {
    id: 'A2',
    name: '春雨公益服务社',
    region: '深圳',
    type: '社会团体',
    answers: { '2024': { 甲: levels(3) }, '2025': { 甲: levels(4) } },
  },
  {
    id: 'A3',
    name: '同心社工服务中心',
    region: '深圳',
    type: '社会团体',
    answers: { '2024': { 甲: levels(6) }, '2025': { 甲: levels(7) } },
  },
  {
    id: 'A4',
    name: '晨曦志愿服务中心',
    region: '深圳',
    type: '社会团体',
    answers: { '2024': { 甲: levels(8) }, '2025': { 甲: levels(9) } },
  },
  {
    id: 'A5',
    name: '彩虹慈善基金会',
    region: '深圳',
    type: '社会团体',
    answers: { '2024': { 甲: levels(10) }, '2025': { 甲: a5 } },
  },
  {
    id: 'B1',
    name: '蒲公英公益服务社',
    region: '武汉',
    type: '基金会',
    answers: { '2025': { 甲: levels(11) } },
  },
  {
    id: 'B2',
    name: '向日葵志愿者协会',
    region: '武汉',
    type: '基金会',
    answers: { '2025': { 甲: levels(12) } },
  },
  {
    id: 'B3',
    name: '启明社工服务中心',
    region: '武汉',
    type: '基金会',
    answers: { '2025': { 甲: levels(13) } },
  },
  {
    id: 'B4',
    name: '暖流慈善基金会',
    region: '武汉',
    type: '基金会',
    answers: { '2025': { 甲: levels(14) } },
  },
  {
    id: 'Z1',
    name: HOSTILE,
    region: '北京',
    type: '基金会',
    answers: { '2025': { 甲: levels(15) } },
  },
];
/** F1 returns a workbook whose cached total was overwritten: stored with the engine's numbers and flagged. */
export const FLAGGED = { id: 'F1', name: '绿洲志愿服务协会', region: '北京', type: '基金会' };

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function inputsOf(levelsByIndicator: number[]): Record<string, string> {
  return Object.fromEntries(
    plan.indicators.map((ind, k) => [ind.id, String(levelsByIndicator[k])]),
  );
}

/** Engine results of one organization in one period, the mean over its evaluators. */
export function expected(
  o: FixtureOrg,
  period: string,
): { total: number; dims: Map<string, number>; indicators: Map<string, number> } {
  const evs = Object.values(o.answers[period]!).map((lv) => evaluate(plan, inputsOf(lv)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    total: mean(evs.map((e) => e.total!)),
    dims: new Map(
      plan.dimensions.map((d, i) => [d.id, mean(evs.map((e) => e.dimensions[i]!.score!))]),
    ),
    indicators: new Map(
      plan.indicators.map((ind, k) => [
        ind.id,
        mean(Object.values(o.answers[period]!).map((lv) => (lv[k]! - 1) / 3)),
      ]),
    ),
  };
}

export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]!) - s[lo]!);
}

export function percentileRank(xs: number[], x: number): number {
  const below = xs.filter((v) => v < x - 1e-12).length;
  const equal = xs.filter((v) => Math.abs(v - x) <= 1e-12).length;
  return (100 * (below + 0.5 * equal)) / xs.length;
}

/** The figure as a report prints it (one decimal). */
export const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** Organizations' answers as one CSV return: a row per indicator, evaluator and period. */
export function returnsCsv(orgs: FixtureOrg[]): string {
  const lines = ['template_id,period,org_id,org_name,region,org_type,evaluator,indicator_id,value'];
  for (const o of orgs) {
    for (const [period, byEvaluator] of Object.entries(o.answers)) {
      for (const [evaluator, lv] of Object.entries(byEvaluator)) {
        plan.indicators.forEach((ind, k) =>
          lines.push(
            [
              TEMPLATE,
              period,
              o.id,
              csvCell(o.name),
              o.region,
              o.type,
              evaluator,
              ind.id,
              String(lv[k]),
            ].join(','),
          ),
        );
      }
    }
  }
  return lines.join('\n');
}

/** Writes the returns and a roster into `dir`, ingests them into dir/report.duckdb; returns the paths. */
export async function buildFixture(dir: string): Promise<{ db: string; roster: string }> {
  write(join(dir, 'returns.csv'), returnsCsv(ORGS));
  // The cached TOTAL (汇总!B21 by the workbook's defined name) overwritten by hand: the engine disagrees.
  const bytes = await filledWorkbook({
    template: TEMPLATE,
    org: org(1, {
      org_id: FLAGGED.id,
      org_name: FLAGGED.name,
      region: FLAGGED.region,
      org_type: FLAGGED.type,
      period: '2025',
    }),
    seed: 42,
  });
  const edited = editParts(bytes, (name, xml) => {
    if (name !== 'xl/worksheets/sheet2.xml') return xml;
    const out = xml.replace(/(<c r="B21"[^>]*>(?:<f>[^<]*<\/f>)?<v>)[^<]*(<\/v>)/, '$199.5$2');
    if (out === xml) throw new Error('the fixture could not find the cached TOTAL in 汇总!B21');
    return out;
  });
  write(join(dir, 'F1-edited.xlsx'), edited);
  const db = join(dir, 'report.duckdb');
  const r = runCli([
    'ingest',
    join(dir, 'returns.csv'),
    join(dir, 'F1-edited.xlsx'),
    '--db',
    db,
    '--json',
  ]);
  expect(r.code).toBe(0);
  const summary = JSON.parse(r.stdout);
  expect(summary).toMatchObject({ flagged: 1, rejected: [] });
  const roster = join(dir, 'members.csv');
  write(
    roster,
    [
      'org_id,org_name,region,org_type',
      ...ORGS.map((o) => [o.id, csvCell(o.name), o.region, o.type].join(',')),
      [FLAGGED.id, FLAGGED.name, FLAGGED.region, FLAGGED.type].join(','),
      'N1,未回收协会甲,深圳,社会团体',
      `N2,${HOSTILE_ROSTER},武汉,基金会`,
    ].join('\n'),
  );
  return { db, roster };
}
