/** The demo at a reduced size: every promised output exists and is sound. */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextCommands, runDemo } from '../../pipeline/demo/run-demo.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

describe('npm run demo (reduced)', () => {
  it('writes the roster, the returns, a database with their scores, and the benchmark', async () => {
    const out = join(scratchDir('scorebook-demo-'), 'demo');
    await runDemo({ out, organizations: 30, template: 'gbt-40143-2021', seed: 7 });
    expect(readFileSync(join(out, 'roster.csv'), 'utf8').trim().split('\n')).toHaveLength(31);
    const inst = await DuckDBInstance.create(join(out, 'scorebook.duckdb'));
    const con = await inst.connect();
    const one = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
    const gbt = "template_id = 'gbt-40143-2021'";
    expect(await one(`SELECT count(DISTINCT org_id) FROM submission_scores WHERE ${gbt}`)).toBe(30);
    expect(await one(`SELECT count(DISTINCT period) FROM submission_scores WHERE ${gbt}`)).toBe(2);
    expect(await one('SELECT count(*) FROM submissions WHERE flagged')).toBe(1);
    // What the comparisons must handle: partial returns, weights changed, one not calculated
    // (and not flagged), one organization on two selections.
    expect(await one('SELECT count(*) FROM submissions WHERE NOT complete')).toBe(4);
    expect(
      await one('SELECT count(*) FROM submissions WHERE weights_changed AND total <> own_total'),
    ).toBe(3);
    expect(
      await one('SELECT count(*) FROM submissions WHERE calculated = false AND NOT flagged'),
    ).toBe(1);
    expect(
      await one(
        `SELECT count(*) FROM (SELECT org_id FROM submissions WHERE ${gbt} AND period = '2025' AND evaluator = '秘书处'
         GROUP BY org_id HAVING count(DISTINCT profile_hash) = 2)`,
      ),
    ).toBe(1);
    // The hub association: 30 members of another template, every region × type group under 5.
    expect(
      await one(
        `SELECT max(n) FROM (SELECT count(*) AS n FROM submission_scores s JOIN organizations o USING (org_id)
         WHERE s.template_id = 'tssof-0001-2024-basic' GROUP BY o.region, o.org_type)`,
      ),
    ).toBeLessThan(5);
    expect(
      await one(
        "SELECT count(DISTINCT org_id) FROM submission_scores WHERE template_id = 'tssof-0001-2024-basic'",
      ),
    ).toBe(30);
    expect(await one("SELECT count(*) FROM rejections WHERE reason = 'not-a-workbook'")).toBe(1);
    // Some organizations were scored by two evaluators, and the duplicate return changed nothing.
    expect(await one('SELECT count(DISTINCT org_id) FROM bench_rater_spread')).toBeGreaterThan(0);
    expect(await one("SELECT count(*) FROM submissions WHERE source = 'xlsx'")).toBe(
      await one('SELECT count(DISTINCT content_hash) FROM submissions'),
    );
    // Organizations differ in strength: totals spread out rather than sitting at one value.
    expect(await one('SELECT stddev_pop(total) FROM submission_scores')).toBeGreaterThan(5);
    expect(
      await one(
        "SELECT count(DISTINCT s.org_id) FROM volunteer_stars v JOIN submissions s USING (content_hash) WHERE s.period = '2025'",
      ),
    ).toBe(5);
    // Every return states who evaluated, and every member's credit code passes its check.
    expect(await one('SELECT count(*) FROM submissions WHERE evaluation_mode IS NULL')).toBe(0);
    expect(await one(`SELECT count(*) FROM submissions WHERE ${gbt} AND credit_code IS NULL`)).toBe(
      0,
    );
    con.closeSync();
    inst.closeSync();
    const bench = JSON.parse(readFileSync(join(out, 'benchmark-2025.json'), 'utf8'));
    expect(bench.period).toBe('2025');
    expect(bench.organizations.length).toBeGreaterThan(25);
    expect(existsSync(join(out, 'returns'))).toBe(true);
    // One report per organization that returned for 2025, an index and the secretariat summary.
    const reports = readdirSync(join(out, 'reports'));
    expect(reports).toEqual(expect.arrayContaining(['index.html', 'summary.html']));
    const orgReports = reports.filter((f) => /^M\d{4}-2025\.html$/.test(f));
    expect(orgReports.length).toBe(bench.organizations.length);
    const first = readFileSync(join(out, 'reports', orgReports.sort()[0]!), 'utf8');
    expect(first).toContain('<svg');
    expect(first).toContain('M0001');
    const summary = readFileSync(join(out, 'reports', 'summary.html'), 'utf8');
    expect(summary).toContain('<svg');
    expect(summary).toMatch(/\d+\s*\/\s*30/); // the return rate against the roster
    // Five members' 2025 returns filled from their volunteer service records: their star levels
    // in the store, in their reports, and summed in the summary (5 members: shares shown, k = 5).
    expect(readdirSync(join(out, 'records')).sort()).toEqual(
      ['M0005', 'M0011', 'M0017', 'M0023', 'M0029'].map((m) => `${m}.csv`),
    );
    expect(readFileSync(join(out, 'reports', 'M0005-2025.html'), 'utf8')).toContain('id="stars"');
    expect(summary).toMatch(/id="stars"[\s\S]*5 家机构的回报按志愿服务记录填写[\s\S]*data-share/);
    const hubReports = readdirSync(join(out, 'reports-hub')).filter((f) =>
      /^H\d{3}-2025\.html$/.test(f),
    );
    expect(hubReports).toHaveLength(30);
    // The commands the demo suggests next work on what it made.
    for (const args of nextCommands(
      join(out, 'scorebook.duckdb'),
      join(out, 'roster.csv'),
      'gbt-40143-2021',
    )) {
      const r = runCli(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    }
  });

  it('starts clean when run twice', async () => {
    const out = join(scratchDir('scorebook-demo-'), 'demo');
    await runDemo({ out, organizations: 12, template: 'gbt-40143-2021', seed: 1, hub: 6 });
    await runDemo({ out, organizations: 12, template: 'gbt-40143-2021', seed: 1, hub: 6 });
    const inst = await DuckDBInstance.create(join(out, 'scorebook.duckdb'));
    const con = await inst.connect();
    expect(
      Number(
        (
          await con.runAndReadAll(
            "SELECT count(DISTINCT org_id) FROM submission_scores WHERE template_id = 'gbt-40143-2021'",
          )
        ).getRows()[0]![0],
      ),
    ).toBe(12);
    con.closeSync();
    inst.closeSync();
  });
});
