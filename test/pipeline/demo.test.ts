/** The demo at a reduced size: every promised output exists and is sound. */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../pipeline/demo/run-demo.ts';
import { scratchDir } from '../support/run-cli.ts';

describe('npm run demo (reduced)', () => {
  it('writes the roster, the returns, a database with their scores, and the benchmark', async () => {
    const out = join(scratchDir('scorebook-demo-'), 'demo');
    await runDemo({ out, organizations: 30, template: 'gbt-40143-2021', seed: 7 });
    expect(readFileSync(join(out, 'roster.csv'), 'utf8').trim().split('\n')).toHaveLength(31);
    const inst = await DuckDBInstance.create(join(out, 'scorebook.duckdb'));
    const con = await inst.connect();
    const one = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
    expect(await one('SELECT count(DISTINCT org_id) FROM submission_scores')).toBe(30);
    expect(await one("SELECT count(DISTINCT period) FROM submission_scores")).toBe(2);
    expect(await one('SELECT count(*) FROM submissions WHERE flagged')).toBe(1);
    expect(await one("SELECT count(*) FROM rejections WHERE reason = 'not-a-workbook'")).toBe(1);
    // Organizations differ in strength: totals spread out rather than sitting at one value.
    expect(await one('SELECT stddev_pop(total) FROM submission_scores')).toBeGreaterThan(5);
    con.closeSync();
    inst.closeSync();
    const bench = JSON.parse(readFileSync(join(out, 'benchmark-2025.json'), 'utf8'));
    expect(bench.period).toBe('2025');
    expect(bench.organizations.length).toBeGreaterThan(25);
    expect(existsSync(join(out, 'returns'))).toBe(true);
    // One report per organization that returned for 2025, an index and the secretariat summary.
    const reports = readdirSync(join(out, 'reports'));
    expect(reports).toEqual(expect.arrayContaining(['index.html', 'summary.html']));
    expect(reports.filter((f) => /^M\d{4}-2025\.html$/.test(f)).length).toBe(bench.organizations.length);
  });

  it('starts clean when run twice', async () => {
    const out = join(scratchDir('scorebook-demo-'), 'demo');
    await runDemo({ out, organizations: 12, template: 'gbt-40143-2021', seed: 1 });
    await runDemo({ out, organizations: 12, template: 'gbt-40143-2021', seed: 1 });
    const inst = await DuckDBInstance.create(join(out, 'scorebook.duckdb'));
    const con = await inst.connect();
    expect(Number((await con.runAndReadAll('SELECT count(DISTINCT org_id) FROM submission_scores')).getRows()[0]![0])).toBe(12);
    con.closeSync();
    inst.closeSync();
  });
});
