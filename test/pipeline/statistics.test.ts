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
  consolidated,
  distribution,
  peerCount,
  percentileRank,
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
});
