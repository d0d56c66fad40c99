/**
 * Ties under floating-point noise: two organizations whose totals are both 455/9, stored as
 * 50.55555555555555 and 50.55555555555556 (the same sum in another order, as a scorebook
 * wrote them before ingest rounded totals), tie, and so get one percentile: in the view
 * bench_percentiles, in `scorebook benchmark` and in the reports; likewise a third-level and a
 * second-level score that differ by noise only. A database of schema version 3 holding such
 * totals migrates to views that tie them. Expected percentiles are computed here in plain
 * TypeScript, with "equal" meaning equal to 1e-9.
 */
import { DuckDBInstance, quotedString } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, resolvePlan } from '../../core/index.ts';
import { SCHEMA_VERSION } from '../../pipeline/store/schema.ts';
import { openStore } from '../../pipeline/store/open-store.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { copyIntoLegacy } from '../fixtures/store/copy-into-legacy.ts';
import { makeLegacySchema } from '../fixtures/store/legacy-migrations.ts';
import { queryDb } from '../support/query-db.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { write } from '../support/returned-workbooks.ts';

const TEMPLATE = 'tnssq-2022-standard-quality';
const plan = resolvePlan(shippedTemplates().get(TEMPLATE)!).value!;
const dir = scratchDir('scorebook-ties-');
const db = join(dir, 'ties.duckdb');
const level = (base: number, k: number) => 1 + ((k * 7 + base * 13 + ((k * base) % 5)) % 3);
// One peer group of five; T1 and T2 return the same answers. X1, alone in its group, counts overall.
const ORGS = [
  { id: 'T1', region: '深圳', base: 2 },
  { id: 'T2', region: '深圳', base: 2 },
  { id: 'P3', region: '深圳', base: 1 },
  { id: 'P4', region: '深圳', base: 3 },
  { id: 'P5', region: '深圳', base: 4 },
  { id: 'X1', region: '北京', base: 5 },
];
/** 455/9 twice, as two sums in another order give it. */
const NOISY = { T1: 50.55555555555555, T2: 50.55555555555556 };
const IND = plan.indicators[4]!;
const GROUP = IND.groupId;
const totals = new Map<string, number>();
const indScores = new Map<string, number>();

function percentileRank(xs: number[], x: number): number {
  const below = xs.filter((v) => v < x - 1e-9).length;
  const equal = xs.filter((v) => Math.abs(v - x) <= 1e-9).length;
  return (100 * (below + 0.5 * equal)) / xs.length;
}

const query = (file: string, sql: string) => queryDb(file, sql, { readOnly: false });

const PERCENTILES =
  "SELECT org_id, percentile_in_group, percentile_overall FROM bench_percentiles WHERE org_id IN ('T1', 'T2') ORDER BY org_id";

beforeAll(async () => {
  const lines = ['template_id,period,org_id,org_name,region,org_type,indicator_id,value'];
  for (const o of ORGS) {
    const inputs = Object.fromEntries(
      plan.indicators.map((ind, k) => [ind.id, String(level(o.base, k))]),
    );
    for (const [id, v] of Object.entries(inputs))
      lines.push(`${TEMPLATE},2025,${o.id},机构${o.id},${o.region},社会团体,${id},${v}`);
    totals.set(o.id, NOISY[o.id as keyof typeof NOISY] ?? evaluate(plan, inputs).total!);
    indScores.set(o.id, (Number(inputs[IND.id]) - 1) / 2);
  }
  write(join(dir, 'returns.csv'), lines.join('\n'));
  expect(runCli(['ingest', join(dir, 'returns.csv'), '--db', db]).code).toBe(0);
  // The file as a scorebook wrote it before totals were rounded at ingest: the same figure with
  // noise in its last digit, for the total, a third-level and a second-level score.
  const store = await openStore(db);
  try {
    for (const [org, total] of Object.entries(NOISY))
      await store.con.run(`UPDATE submissions SET total = ${total} WHERE org_id = '${org}'`);
    const t2 = `(SELECT content_hash FROM submissions WHERE org_id = 'T2')`;
    await store.con.run(
      `UPDATE indicator_scores SET score = score + 1e-13 WHERE indicator_id = '${IND.id}' AND content_hash IN ${t2}`,
    );
    await store.con.run(
      `UPDATE group_scores SET score = score + 1e-13 WHERE group_id = '${GROUP}' AND content_hash IN ${t2}`,
    );
  } finally {
    store.close();
  }
  // The fixture is only useful if the other totals do not tie with the noisy ones.
  expect(new Set([...totals.values()].map((t) => t.toFixed(6))).size).toBe(ORGS.length - 1);
});

describe('ties to 1e-9', () => {
  const peers = () => ORGS.filter((o) => o.region === '深圳').map((o) => totals.get(o.id)!);
  const all = () => [...totals.values()];

  it('give two totals of 455/9 one percentile in bench_percentiles', async () => {
    const rows = await query(db, PERCENTILES);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(Number(r.percentile_in_group)).toBeCloseTo(percentileRank(peers(), 455 / 9), 9);
      expect(Number(r.percentile_overall)).toBeCloseTo(percentileRank(all(), 455 / 9), 9);
    }
  });

  it('give them one percentile in scorebook benchmark (JSON and CSV)', () => {
    const j = JSON.parse(runCli(['benchmark', '--db', db, '--json']).stdout);
    for (const id of ['T1', 'T2']) {
      const o = j.organizations.find((x: { org_id: string }) => x.org_id === id);
      expect(o.percentile_in_group).toBeCloseTo(percentileRank(peers(), 455 / 9), 9);
      expect(o.percentile_overall).toBeCloseTo(percentileRank(all(), 455 / 9), 9);
    }
    const byOrgType = JSON.parse(
      runCli(['benchmark', '--db', db, '--json', '--by', 'org_type']).stdout,
    );
    const [a, b] = ['T1', 'T2'].map((id) =>
      byOrgType.organizations.find((x: { org_id: string }) => x.org_id === id),
    );
    expect(a.percentile_in_group).toBeCloseTo(percentileRank(all(), 455 / 9), 9);
    expect(b.percentile_in_group).toBe(a.percentile_in_group);
  });

  it('give them one percentile in their reports, for the total, a third-level and a second-level score', () => {
    const out = join(dir, 'reports');
    expect(runCli(['report', '--db', db, '--all', '--out', out]).code).toBe(0);
    const page = (id: string) => readFileSync(join(out, `${id}-2025.html`), 'utf8');
    const cardOf = (p: string, attr: string) => p.match(new RegExp(`${attr}>([^<]*)<`))![1];
    const cells = (p: string, id: string) => {
      const section = p.match(/<section id="indicators">[\s\S]*?<\/section>/)![0];
      for (const tr of section.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
        const c = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
          m[1]!.replace(/<[^>]+>/g, '').trim(),
        );
        if (c[0] === id) return c;
      }
      throw new Error(`no row ${id}`);
    };
    const [t1, t2] = [page('T1'), page('T2')];
    expect(cardOf(t1, 'data-percentile-group')).toBe(
      String(Math.round(percentileRank(peers(), 455 / 9))),
    );
    expect(cardOf(t2, 'data-percentile-group')).toBe(cardOf(t1, 'data-percentile-group'));
    // One peer group per report: the overall percentile is benchmark's, not the page's.
    expect(t1).not.toContain('data-percentile-overall');
    const scores = ORGS.filter((o) => o.region === '深圳').map((o) => indScores.get(o.id)!);
    expect(cells(t1, IND.id)[3]).toBe(
      String(Math.round(percentileRank(scores, indScores.get('T1')!))),
    );
    expect(cells(t2, IND.id)[3]).toBe(cells(t1, IND.id)[3]);
    expect(cells(t2, GROUP)[3]).toBe(cells(t1, GROUP)[3]);
  });

  it('hold for a database of schema version 3, which migrates to views that tie them', async () => {
    const v3 = join(dir, 'v3.duckdb');
    // A file as scorebook's schema version 3 made it (bench_percentiles as version 2 created
    // it), holding the same returns.
    const inst = await DuckDBInstance.create(v3);
    const con = await inst.connect();
    await makeLegacySchema(con, 3);
    await con.run(`ATTACH ${quotedString(db)} AS now (READ_ONLY)`);
    await copyIntoLegacy(
      con,
      ['organizations', 'submissions', 'indicator_scores', 'dimension_scores'],
      'now',
    );
    await con.run('DETACH now');
    con.closeSync();
    inst.closeSync();
    const before = await query(v3, PERCENTILES);
    // The defect as it was: the noise ranked one above the other.
    expect(
      Number(before[1]!.percentile_in_group) - Number(before[0]!.percentile_in_group),
    ).toBeCloseTo(100 / 5, 9);

    const store = await openStore(v3);
    const version = Number(
      (await store.con.runAndReadAll('SELECT max(version) FROM schema_version')).getRows()[0]![0],
    );
    store.close();
    expect(version).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(7);
    const after = await query(v3, PERCENTILES);
    for (const r of after)
      expect(Number(r.percentile_in_group)).toBeCloseTo(percentileRank(peers(), 455 / 9), 9);
  });
});
