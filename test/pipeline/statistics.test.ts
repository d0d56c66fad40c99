/**
 * The SQL fragments every view and query shares, run in DuckDB on a small table of known
 * figures: the percentile rank (ties to 1e-9, rows without a figure left out and unranked,
 * overall or within a partition), k-suppression with k given or read from min_group, and the
 * consolidation read from the variable consolidate. Expected values are computed here in plain
 * TypeScript.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atGrouping,
  consolidated,
  distribution,
  firstShownGrouping,
  groupingSets,
  peerCount,
  percentileRank,
  perGrouping,
  rankedSubmission,
  suppress,
} from '../../pipeline/store/statistics.ts';

/** Group a: a tie under noise (455/9 summed in two orders), a figure missing; group b: three. */
const ROWS: [id: string, grp: string, x: number | null][] = [
  ['a1', 'a', 50.55555555555555],
  ['a2', 'a', 50.55555555555556],
  ['a3', 'a', 20],
  ['a4', 'a', 80],
  ['a5', 'a', null],
  ['b1', 'b', 10],
  ['b2', 'b', 10],
  ['b3', 'b', 30],
];

function rank(xs: number[], x: number): number {
  const below = xs.filter((v) => v < x - 1e-9).length;
  const equal = xs.filter((v) => Math.abs(v - x) <= 1e-9).length;
  return (100 * (below + 0.5 * equal)) / xs.length;
}
const figures = (grp?: string) =>
  ROWS.filter((r) => r[2] !== null && (grp === undefined || r[1] === grp)).map((r) => r[2]!);

let inst: DuckDBInstance;
let con: DuckDBConnection;
const rows = async (sql: string) =>
  (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

beforeAll(async () => {
  inst = await DuckDBInstance.create(':memory:');
  con = await inst.connect();
  await con.run('CREATE TABLE t (id VARCHAR, grp VARCHAR, x DOUBLE)');
  for (const [id, grp, x] of ROWS)
    await con.run('INSERT INTO t VALUES ($1, $2, $3)', [id, grp, x as number]);
});
afterAll(() => {
  con.closeSync();
  inst.closeSync();
});

describe('SQL statistics', () => {
  it('ranks within a partition and overall, ties to 1e-9 as one, a missing figure neither ranked nor counted', async () => {
    const got = await rows(
      `SELECT id, ${peerCount('x', ['grp'])} AS n, ${percentileRank('x', ['grp'])} AS in_group,
              ${peerCount('x', [])} AS n_all, ${percentileRank('x', [])} AS overall
       FROM t ORDER BY id`,
    );
    for (const r of got) {
      const [, grp, x] = ROWS.find((row) => row[0] === r.id)!;
      expect(Number(r.n)).toBe(figures(grp).length);
      expect(Number(r.n_all)).toBe(figures().length);
      if (x === null) {
        expect([r.in_group, r.overall]).toEqual([null, null]);
        continue;
      }
      expect(Number(r.in_group)).toBeCloseTo(rank(figures(grp), x), 9);
      expect(Number(r.overall)).toBeCloseTo(rank(figures(), x), 9);
    }
    const a = got.filter((r) => r.id === 'a1' || r.id === 'a2');
    expect(a[0]!.in_group).toBe(a[1]!.in_group);
    expect(Number(a[0]!.in_group)).toBeCloseTo(50, 9);
  });

  it('suppresses under k, with k given or read from min_group (5 when unset)', async () => {
    const q = (k?: number) =>
      rows(
        `SELECT grp, count(x) AS n, ${suppress('count(x)', 'avg(x)', k)} AS mean, ${distribution('x', 'count(x)', k)}
         FROM t GROUP BY grp ORDER BY grp`,
      );
    const shown = (r: Record<string, unknown>[]) => r.map((g) => g.mean !== null);
    expect(shown(await q(3))).toEqual([true, true]);
    expect(shown(await q(4))).toEqual([true, false]);
    expect(shown(await q(5))).toEqual([false, false]);
    // From the variable: unset is 5; set, it is k.
    await con.run('RESET VARIABLE min_group');
    expect(shown(await q())).toEqual([false, false]);
    await con.run('SET VARIABLE min_group = 3');
    const b = (await q()).find((g) => g.grp === 'b')!;
    expect(Number(b.n)).toBe(3);
    expect(b).toMatchObject({ min: 10, median: 10, max: 30 });
    expect(Number(b.q1)).toBeCloseTo(10, 9);
    expect(Number(b.q3)).toBeCloseTo(20, 9);
    expect(Number(b.mean)).toBeCloseTo(50 / 3, 9);
  });

  it('consolidates by the method given or the variable consolidate, and refuses one it does not know', async () => {
    const q = (method?: 'median' | 'max') =>
      rows(`SELECT ${consolidated('x', method)} AS v FROM t WHERE grp = 'b'`);
    expect(await q('max')).toEqual([{ v: 30 }]);
    await con.run('RESET VARIABLE consolidate');
    expect(Number((await q())[0]!.v)).toBeCloseTo(50 / 3, 9);
    await con.run("SET VARIABLE consolidate = 'median'");
    expect(await q()).toEqual([{ v: 10 }]);
    await con.run("SET VARIABLE consolidate = 'mode'");
    await expect(q()).rejects.toThrow(
      'SET VARIABLE consolidate to mean, median, min or max, not mode',
    );
  });

  it('compares each row with the first grouping whose group has k, ranks it there, and groups every grouping at once', async () => {
    // Region × type: R1·T1 holds 2, R1·T2 holds 3, R2·T1 holds 1; region R1 holds 5, R2 1; all 6.
    const P: [string, string, string, number | null][] = [
      ['p1', 'R1', 'T1', 10],
      ['p2', 'R1', 'T1', 20],
      ['p3', 'R1', 'T2', 30],
      ['p4', 'R1', 'T2', 40],
      ['p5', 'R1', 'T2', 50],
      ['p6', 'R2', 'T1', 60],
      ['p7', 'R2', 'T1', null], // not ranked: no figure, counted nowhere
    ];
    await con.run('CREATE OR REPLACE TABLE p (id VARCHAR, region VARCHAR, type VARCHAR, x DOUBLE)');
    for (const [id, region, type, x] of P)
      await con.run('INSERT INTO p VALUES ($1, $2, $3, $4)', [id, region, type, x as number]);
    const gs = [['region', 'type'], ['region'], []];
    const at = async (k: number, groupings: string[][]) =>
      rows(
        `WITH g AS (SELECT *, ${perGrouping('x', [], groupings)} FROM p),
         c AS (SELECT *, ${firstShownGrouping(groupings, k)} AS level FROM g)
         SELECT id, level, ${atGrouping('n', 'level', groupings)} AS n, ${atGrouping('p', 'level', groupings)} AS pct
         FROM c ORDER BY id`,
      );
    const xs = (f: (r: (typeof P)[number]) => boolean) =>
      P.filter((r) => r[3] !== null && f(r)).map((r) => r[3]!);
    const three = await at(3, gs);
    expect(three.map((r) => [r.id, r.level, Number(r.n)])).toEqual([
      ['p1', 1, 5], // R1·T1 has 2: its region
      ['p2', 1, 5],
      ['p3', 0, 3], // R1·T2 has 3
      ['p4', 0, 3],
      ['p5', 0, 3],
      ['p6', 2, 6], // R2·T1 and R2 have 1: all
      ['p7', 2, 6],
    ]);
    expect(Number(three[0]!.pct)).toBeCloseTo(
      rank(
        xs((r) => r[1] === 'R1'),
        10,
      ),
      9,
    );
    expect(Number(three[2]!.pct)).toBeCloseTo(
      rank(
        xs((r) => r[2] === 'T2'),
        30,
      ),
      9,
    );
    expect(Number(three[5]!.pct)).toBeCloseTo(
      rank(
        xs(() => true),
        60,
      ),
      9,
    );
    expect(three[6]!.pct).toBeNull();
    // No grouping with k: compared with nobody.
    expect((await at(7, gs)).every((r) => r.level === null && r.n === null)).toBe(true);
    // Without all among the groupings, R2's rows have nobody.
    expect((await at(3, gs.slice(0, 2)))[5]!.level).toBeNull();

    const sets = groupingSets([], gs);
    const groups = await rows(
      `SELECT ${sets.level} AS level, ${sets.select}count(x) AS n FROM p GROUP BY ${sets.groupBy} ORDER BY level, region, type`,
    );
    expect(groups.map((g) => [g.level, g.region, g.type, Number(g.n)])).toEqual([
      [0, 'R1', 'T1', 2],
      [0, 'R1', 'T2', 3],
      [0, 'R2', 'T1', 1],
      [1, 'R1', null, 5],
      [1, 'R2', null, 1],
      [2, null, null, 6],
    ]);
  });

  it('ranks complete submissions only, unless include_partial is set', async () => {
    await con.run('CREATE OR REPLACE TABLE s (id VARCHAR, total DOUBLE, complete BOOLEAN)');
    await con.run("INSERT INTO s VALUES ('a', 50, true), ('b', 20, false), ('c', NULL, true)");
    const ranked = async () =>
      (await rows(`SELECT id FROM s WHERE ${rankedSubmission('s')} ORDER BY id`)).map((r) => r.id);
    await con.run('RESET VARIABLE include_partial');
    expect(await ranked()).toEqual(['a']);
    await con.run('SET VARIABLE include_partial = true');
    expect(await ranked()).toEqual(['a', 'b']);
    expect(
      (await rows(`SELECT id FROM s WHERE ${rankedSubmission('s', false)} ORDER BY id`)).map(
        (r) => r.id,
      ),
    ).toEqual(['a']);
  });
});
