/**
 * Several evaluators of one organization consolidated by mean, median, min or max, through the
 * views, `scorebook benchmark` and `scorebook report`. The expected figures come from the
 * engine (core/evaluate) per evaluator, combined here in plain TypeScript, not with the SQL
 * under test.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, resolvePlan, type Evaluation } from '../../core/index.ts';
import {
  CONSOLIDATE_METHODS,
  type ConsolidateMethod,
} from '../../pipeline/benchmark/consolidate.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { write } from '../support/returned-workbooks.ts';

const TEMPLATE = 'tnssq-2022-standard-quality';
const plan = resolvePlan(shippedTemplates().get(TEMPLATE)!).value!;
const dir = scratchDir('scorebook-consolidate-');
const db = join(dir, 'raters.duckdb');

// Levels 1..3 per indicator. C1 has three evaluators in 2025, 丙 far stricter than the other two
// (the outlier the median is for); C2 has two; C1 also has one return for 2024.
const lv = (f: (k: number) => number) => plan.indicators.map((_, k) => f(k));
const C1_2025: Record<string, number[]> = {
  甲: lv((k) => 2 + (k % 2)),
  乙: lv((k) => (k % 3 === 0 ? 2 : 3)),
  丙: lv((k) => (k % 5 === 0 ? 2 : 1)),
};
const C2_2025: Record<string, number[]> = {
  甲: lv((k) => 1 + (k % 3)),
  乙: lv((k) => 3 - (k % 2)),
};
const C1_2024 = lv((k) => 1 + ((k * 2) % 3));

const run = (levels: number[]): Evaluation =>
  evaluate(plan, Object.fromEntries(plan.indicators.map((ind, k) => [ind.id, String(levels[k])])));
const evs = Object.values(C1_2025).map(run);

function agg(method: ConsolidateMethod, xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (method === 'min') return s[0]!;
  if (method === 'max') return s[s.length - 1]!;
  if (method === 'mean') return s.reduce((a, b) => a + b, 0) / s.length;
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
}
const totals = evs.map((e) => e.total!);
const dimScores = (i: number) => evs.map((e) => e.dimensions[i]!.score!);
const dimMeans = (i: number) => evs.map((e) => e.dimensions[i]!.mean!);
const indScores = (id: string) => evs.map((e) => e.indicators.find((x) => x.id === id)!.score!);
const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

beforeAll(() => {
  const lines = ['template_id,period,org_id,org_name,region,org_type,evaluator,indicator_id,value'];
  const add = (period: string, org: string, region: string, evaluator: string, levels: number[]) =>
    plan.indicators.forEach((ind, k) =>
      lines.push(
        `${TEMPLATE},${period},${org},机构${org},${region},社会团体,${evaluator},${ind.id},${levels[k]}`,
      ),
    );
  for (const [e, levels] of Object.entries(C1_2025)) add('2025', 'C1', '深圳', e, levels);
  for (const [e, levels] of Object.entries(C2_2025)) add('2025', 'C2', '武汉', e, levels);
  add('2024', 'C1', '深圳', '甲', C1_2024);
  write(join(dir, 'raters.csv'), lines.join('\n'));
  expect(runCli(['ingest', join(dir, 'raters.csv'), '--db', db]).code).toBe(0);
  // The fixture is only useful if the four methods disagree.
  expect(new Set(CONSOLIDATE_METHODS.map((m) => agg(m, totals).toFixed(6))).size).toBe(4);
});

describe('--consolidate', () => {
  for (const method of CONSOLIDATE_METHODS) {
    it(`benchmark --consolidate ${method}: totals, first-level scores, least agreement and trends by the ${method}`, () => {
      const r = runCli([
        'benchmark',
        '--db',
        db,
        '--json',
        '--min-group',
        '1',
        '--by',
        'region',
        '--consolidate',
        method,
      ]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.consolidate).toBe(method);
      const c1 = j.organizations.find((o: { org_id: string }) => o.org_id === 'C1');
      expect(c1.total).toBeCloseTo(agg(method, totals), 9);
      // C1 is alone in its region: the group's first-level median is C1's consolidated score.
      const group = j.groups.find((g: { by: { region: string } }) => g.by.region === '深圳');
      plan.dimensions.forEach((d, i) =>
        expect(group.dimensions.find((x: { id: string }) => x.id === d.id).median).toBeCloseTo(
          agg(method, dimScores(i)),
          9,
        ),
      );
      const raters = j.raters.find((x: { org_id: string }) => x.org_id === 'C1');
      expect(raters).toMatchObject({ raters: 3 });
      expect(raters.total).toBeCloseTo(agg(method, totals), 9);
      expect(raters.total_range).toBeCloseTo(Math.max(...totals) - Math.min(...totals), 9);
      expect(raters.least_agreement.length).toBeGreaterThan(0);
      for (const x of raters.least_agreement) {
        expect(x.score).toBeCloseTo(agg(method, indScores(x.indicator_id)), 9);
        expect(x.mean_score).toBeCloseTo(agg('mean', indScores(x.indicator_id)), 9);
      }
      const trend = j.trends.organizations.find((t: { org_id: string }) => t.org_id === 'C1');
      expect(trend.total_change).toBeCloseTo(agg(method, totals) - run(C1_2024).total!, 9);
      // Two evaluators: the median is their mean.
      const c2 = run(C2_2025['甲']!).total!;
      const c2b = run(C2_2025['乙']!).total!;
      expect(j.organizations.find((o: { org_id: string }) => o.org_id === 'C2').total).toBeCloseTo(
        method === 'median' ? (c2 + c2b) / 2 : agg(method, [c2, c2b]),
        9,
      );
    });

    it(`report --consolidate ${method}: the total, first-level and third-level scores by the ${method}, and says so`, () => {
      const out = join(dir, `report-${method}`);
      const r = runCli([
        'report',
        '--db',
        db,
        '--org',
        'C1',
        '--out',
        out,
        '--min-group',
        '1',
        '--consolidate',
        method,
        '--lang',
        'en',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const page = readPage(join(out, 'C1-2025.html'));
      expect(page.match(/data-total>([\d.]+)</)![1]).toBe(one(agg(method, totals)));
      plan.dimensions.forEach((d, i) =>
        expect(cells(page, d.id)[2]).toBe(one(100 * agg(method, dimMeans(i)))),
      );
      for (const ind of plan.indicators.slice(0, 6))
        expect(cells(page, ind.id)[2]).toBe(one(100 * agg(method, indScores(ind.id))));
      const raters = page.match(/<section id="raters">[\s\S]*?<\/section>/)![0];
      expect(raters).toContain(`data-consolidate="${method}"`);
      expect(raters).toContain('of 3 evaluators&#39; scores.');
      const named = [...raters.matchAll(/<tr data-indicator="([\d.]+)">[\s\S]*?<\/tr>/g)];
      expect(named.length).toBeGreaterThan(0);
      for (const [tr, id] of named)
        expect(plainCells(tr)[3]).toBe(one(100 * agg(method, indScores(id!))));
    });
  }

  it('is read by the views from the variable consolidate, mean when unset, and refuses a method it does not know', async () => {
    const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const con = await inst.connect();
    const total = async () =>
      Number(
        (
          await con.runAndReadAll(
            "SELECT total FROM bench_org_period WHERE org_id = 'C1' AND period = '2025'",
          )
        ).getRows()[0]![0],
      );
    expect(await total()).toBeCloseTo(agg('mean', totals), 9);
    for (const m of CONSOLIDATE_METHODS) {
      await con.run(`SET VARIABLE consolidate = '${m}'`);
      expect(await total()).toBeCloseTo(agg(m, totals), 9);
      const ind = plan.indicators[0]!.id;
      const row = (
        await con.runAndReadAll(
          `SELECT score, mean_score, spread FROM bench_rater_spread WHERE org_id = 'C1' AND period = '2025' AND indicator_id = '${ind}'`,
        )
      ).getRows()[0]!;
      expect(Number(row[0])).toBeCloseTo(agg(m, indScores(ind)), 9);
      expect(Number(row[1])).toBeCloseTo(agg('mean', indScores(ind)), 9);
      expect(Number(row[2])).toBeCloseTo(
        Math.max(...indScores(ind)) - Math.min(...indScores(ind)),
        9,
      );
    }
    await con.run("SET VARIABLE consolidate = 'mode'");
    await expect(total()).rejects.toThrow(/consolidate to mean, median, min or max, not mode/);
    con.closeSync();
    inst.closeSync();
    const bad = runCli(['benchmark', '--db', db, '--consolidate', 'mode']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /--consolidate <method>' argument 'mode' is invalid. Allowed choices are mean, median, min, max/,
    );
  });

  it('export --consolidate writes the bench_* views by that method', () => {
    for (const method of ['median', 'min'] as const) {
      const out = join(dir, `export-${method}`);
      const r = runCli([
        'export',
        '--db',
        db,
        '--format',
        'csv',
        '--out',
        out,
        '--min-group',
        '1',
        '--consolidate',
        method,
      ]);
      expect(r.code).toBe(0);
      const rows = readFileSync(join(out, 'bench_org_period.csv'), 'utf8').trim().split('\n');
      const header = rows[0]!.split(',');
      const c1 = rows
        .map((l) => l.split(','))
        .find(
          (c) => c[header.indexOf('org_id')] === 'C1' && c[header.indexOf('period')] === '2025',
        )!;
      expect(Number(c1[header.indexOf('total')])).toBeCloseTo(agg(method, totals), 9);
    }
  });
});

const readPage = (f: string) => readFileSync(f, 'utf8');
const plainCells = (tr: string) =>
  [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
/** The cells of the indicators table's row for `id` (first cell the id): [id, name, score, …]. */
function cells(page: string, id: string): string[] {
  const section = page.match(/<section id="indicators">[\s\S]*?<\/section>/)![0];
  for (const tr of section.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
    const c = plainCells(tr);
    if (c[0] === id) return c;
  }
  throw new Error(`no row ${id}`);
}
