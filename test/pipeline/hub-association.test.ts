/**
 * Issue 10, as a secretariat meets it: a hub association of 30 members (Chinese names, 5
 * regions × 3 types, so every region × type group holds 2 and is under k = 5), workbooks made
 * by `generate --roster` and filled by an independent tool (openpyxl, which does not calculate),
 * with a half-blank return, a blank one, one with edited weights, a broken file and two members
 * who never answered; and one member also scored on two selections of GB/T 40143 (Annex B and
 * the full table). Every figure on every report is computed again here, in plain TypeScript,
 * from the answers written (the engine scores one organization; the statistics over peers are
 * computed here, not by the SQL under test).
 */
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, resolvePlan, text } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { fillWithOpenpyxl } from '../support/openpyxl-fill.ts';
import { queryDb } from '../support/query-db.ts';
import { filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const TEMPLATE = 'tssof-0001-2024-basic';
const template = shippedTemplates().get(TEMPLATE)!;
const plan = resolvePlan(template).value!;
const REGIONS = ['深圳', '广州', '武汉', '成都', '杭州'];
const TYPES = ['社会团体', '基金会', '社会服务机构'];
const NAMES = ['阳光', '春雨', '启明', '暖流', '绿洲', '彩虹'];
const K = 5;

interface Member {
  id: string;
  name: string;
  region: string;
  type: string;
  contact: string;
  i: number;
}
const MEMBERS: Member[] = Array.from({ length: 30 }, (_, n) => {
  const i = n + 1;
  const region = REGIONS[n % 5]!;
  return {
    id: `M${String(i).padStart(4, '0')}`,
    name: `${region}${NAMES[Math.floor(n / 5)]!}志愿服务协会`,
    region,
    type: TYPES[Math.floor(n / 5) % 3]!,
    contact: `联系人${i} 13800000${String(i).padStart(3, '0')}`,
    i,
  };
});
const member = (i: number) => MEMBERS[i - 1]!;
// Who does what: one of each in 深圳, 广州, 武汉, 成都; 杭州 loses two to silence.
const PARTIAL = 26; // half the indicators left blank
const EDITED = 27; // first-level weight 1 raised from 0.2 to 0.6 on the summary sheet
const BROKEN = 28; // the file arrives cut in half
const BLANK = 29; // saved without a single answer
const MISSING = [25, 30];
const EDITED_WEIGHTS = { '1': 0.6, '2': 0.2, '3': 0.2, '4': 0.2, '5': 0.2 };

/** The level (1..4) member `i` answers for indicator `k`. */
const level = (i: number, k: number) => 1 + ((i * 7 + k * ((i % 3) + 1) + Math.floor(i / 4)) % 4);
const answered = (i: number, k: number) => i !== PARTIAL || k % 2 === 1;
const inputsOf = (i: number) =>
  Object.fromEntries(
    plan.indicators
      .map((ind, k) => [ind.id, answered(i, k) ? String(level(i, k)) : null] as const)
      .filter(([, v]) => v !== null),
  );

/** Indicator ids in the template's order, answered ones only, for member i. */
function scores(i: number): Map<string, number> {
  const m = new Map<string, number>();
  plan.indicators.forEach((ind, k) => m.set(ind.id, answered(i, k) ? (level(i, k) - 1) / 3 : 0));
  return m;
}
const totalOf = (i: number) => evaluate(plan, inputsOf(i)).total!;

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]!) - s[lo]!);
}
function percentileRank(xs: number[], x: number): number {
  const below = xs.filter((v) => v < x - 1e-9).length;
  const equal = xs.filter((v) => Math.abs(v - x) <= 1e-9).length;
  return (100 * (below + 0.5 * equal)) / xs.length;
}
const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1).replace('-', '−');
const whole = (x: number) => String(Math.round(x));

const RANKED = MEMBERS.filter((m) => ![PARTIAL, BROKEN, BLANK, ...MISSING].includes(m.i)).map(
  (m) => m.i,
);
const REPORTED = MEMBERS.filter((m) => ![BROKEN, BLANK, ...MISSING].includes(m.i)).map((m) => m.i);
/** The group a member is compared with, computed here: its region when k of it are ranked, else all. */
function peersOf(i: number): { label: string; members: number[]; fallbackToAll: boolean } {
  const region = member(i).region;
  const inRegion = RANKED.filter((j) => member(j).region === region);
  return inRegion.length >= K
    ? { label: region, members: inRegion, fallbackToAll: false }
    : { label: 'all', members: RANKED, fallbackToAll: true };
}

const dir = scratchDir('scorebook-hub-');
const db = join(dir, 'scorebook.duckdb');
const roster = join(dir, 'members.csv');
let gbtHashes: Record<string, string> = {};

beforeAll(async () => {
  write(
    roster,
    [
      'org_id,org_name,region,org_type,contact',
      ...MEMBERS.map((m) => [m.id, m.name, m.region, m.type, m.contact].join(',')),
    ].join('\n'),
  );
  const gen = join(dir, 'generated');
  const g = runCli(['generate', TEMPLATE, '--roster', roster, '--period', '2025', '--out', gen]);
  expect(g.code).toBe(0);
  const returns = join(dir, 'returns');
  const fileOf = (m: Member) => `${m.id}-${m.name}.xlsx`;
  const names = (ind: string) => ind.replace(/\./g, '_');
  fillWithOpenpyxl(
    MEMBERS.filter((m) => ![BROKEN, ...MISSING].includes(m.i)).map((m) => ({
      src: join(gen, fileOf(m)),
      dst: join(gen, `filled-${fileOf(m)}`),
      values: {
        ...(m.i === BLANK
          ? {}
          : Object.fromEntries(
              plan.indicators
                .map((ind, k) => [`IN_${names(ind.id)}`, answered(m.i, k) ? level(m.i, k) : null])
                .filter(([, v]) => v !== null),
            )),
        ...(m.i === EDITED
          ? Object.fromEntries(Object.entries(EDITED_WEIGHTS).map(([d, w]) => [`WT_${d}`, w]))
          : {}),
      },
    })),
  );
  // The members send their files back under the names they were sent out with.
  mkdirSync(returns);
  for (const m of MEMBERS.filter((x) => ![BROKEN, ...MISSING].includes(x.i)))
    renameSync(join(gen, `filled-${fileOf(m)}`), join(returns, fileOf(m)));
  const broken = readFileSync(join(gen, fileOf(member(BROKEN))));
  write(join(returns, fileOf(member(BROKEN))), broken.subarray(0, broken.length >> 1));
  // M0001 is also scored on GB/T 40143, by the Annex B profile and on the full table.
  const one = member(1);
  const details = org(1, {
    org_id: one.id,
    org_name: one.name,
    region: one.region,
    org_type: one.type,
    period: '2025',
  });
  write(
    join(returns, 'gbt-annex-b.xlsx'),
    await filledWorkbook({ profile: 'annex-b-example', org: details, seed: 3 }),
  );
  write(join(returns, 'gbt-full.xlsx'), await filledWorkbook({ org: details, seed: 4 }));
  const r = runCli(['ingest', returns, '--db', db, '--json']);
  expect(r.code).toBe(3);
  const summary = JSON.parse(r.stdout);
  expect(summary.ingested).toBe(REPORTED.length + 2);
  expect(
    summary.rejected.map((x: { file: string; reason: string }) => [
      x.file.split('/').pop(),
      x.reason,
    ]),
  ).toEqual(
    expect.arrayContaining([
      [fileOf(member(BLANK)), 'empty'],
      [fileOf(member(BROKEN)), expect.stringMatching(/^(corrupt|not-a-workbook)$/)],
    ]),
  );
  gbtHashes = Object.fromEntries(
    (
      await queryDb(
        db,
        "SELECT profile, profile_hash FROM submissions WHERE template_id = 'gbt-40143-2021'",
      )
    ).map((x) => [String(x.profile) || 'full', String(x.profile_hash)]),
  );
}, 600_000);

describe('a hub association of 30 members, every region × type group under k', () => {
  it('stores what openpyxl saved as not calculated and flags none of it; the half-blank one partial, the edited one weights-changed', async () => {
    const rows = await queryDb(
      db,
      `SELECT org_id, calculated, flagged, complete, answered, applicable, weights_changed FROM submissions
       WHERE template_id = '${TEMPLATE}' ORDER BY org_id`,
    );
    expect(rows).toHaveLength(REPORTED.length);
    expect(rows.every((r) => r.calculated === false && r.flagged === false)).toBe(true);
    expect(rows.filter((r) => !r.complete).map((r) => r.org_id)).toEqual([member(PARTIAL).id]);
    expect(rows.find((r) => r.org_id === member(PARTIAL).id)).toMatchObject({
      answered: 23,
      applicable: 46,
    });
    expect(rows.filter((r) => r.weights_changed).map((r) => r.org_id)).toEqual([member(EDITED).id]);
  });

  it('benchmarks the edited return with the issued weights: its total is `score` on the same answers, its own total beside it', () => {
    const csv = write(
      join(dir, 'edited.csv'),
      ['id,value', ...Object.entries(inputsOf(EDITED)).map(([id, v]) => `${id},${v}`)].join('\n'),
    );
    const scored = JSON.parse(
      runCli(['score', '--template', TEMPLATE, '--inputs', csv, '--json']).stdout,
    );
    const j = JSON.parse(
      runCli(['benchmark', '--db', db, '--template', TEMPLATE, '--json']).stdout,
    );
    const o = j.organizations.find((x: { org_id: string }) => x.org_id === member(EDITED).id);
    expect(o.total).toBeCloseTo(scored.total, 9);
    expect(o.total).toBeCloseTo(totalOf(EDITED), 9);
    const own = evaluate(
      resolvePlan(template, { weights: EDITED_WEIGHTS }).value!,
      inputsOf(EDITED),
    );
    expect(o.own_total).toBeCloseTo(own.total!, 9);
    expect(o.own_total).not.toBeCloseTo(o.total, 3);
    expect(o).toMatchObject({ weights_changed: true, ranked: true, complete: true });
  });

  it('leaves the partial return out of every statistic and ranks it nowhere, and falls back to a group of k for everyone', () => {
    const j = JSON.parse(
      runCli(['benchmark', '--db', db, '--template', TEMPLATE, '--json']).stdout,
    );
    expect(j.organizations).toHaveLength(REPORTED.length);
    for (const o of j.organizations) {
      const i = Number(o.org_id.slice(1));
      const peers = peersOf(i);
      expect(o.compared_with).toEqual({
        by: peers.fallbackToAll ? {} : { region: member(i).region },
        n: peers.members.length,
        fallback: true,
      });
      expect(o.compared_with.n).toBeGreaterThanOrEqual(K);
      if (i === PARTIAL) {
        expect(o).toMatchObject({
          ranked: false,
          complete: false,
          answered: 23,
          applicable: 46,
          percentile_in_group: null,
          percentile_overall: null,
        });
        continue;
      }
      const totals = peers.members.map(totalOf);
      expect(o.percentile_in_group).toBeCloseTo(percentileRank(totals, totalOf(i)), 9);
      expect(o.percentile_overall).toBeCloseTo(percentileRank(RANKED.map(totalOf), totalOf(i)), 9);
    }
    // No statistic anywhere over fewer than k: the region × type groups are all suppressed.
    for (const g of j.groups) {
      if (!g.suppressed) expect(g.n).toBeGreaterThanOrEqual(K);
      if (g.level === 'region,org_type') expect(g).toMatchObject({ suppressed: true, total: null });
      for (const d of g.dimensions) if (d.median !== null) expect(d.n).toBeGreaterThanOrEqual(K);
    }
    const all = j.groups.find((g: { level: string }) => g.level === 'all');
    expect(all.n).toBe(RANKED.length);
    expect(all.total.median).toBeCloseTo(quantile(RANKED.map(totalOf), 0.5), 9);
    // --include-partial ranks it, counting its blanks as 0.
    const inc = JSON.parse(
      runCli(['benchmark', '--db', db, '--template', TEMPLATE, '--json', '--include-partial'])
        .stdout,
    );
    const p = inc.organizations.find((x: { org_id: string }) => x.org_id === member(PARTIAL).id);
    expect(p.ranked).toBe(true);
    expect(p.percentile_overall).toBeCloseTo(
      percentileRank([...RANKED, PARTIAL].map(totalOf), totalOf(PARTIAL)),
      9,
    );
  });

  it('gives the same groups and ranks in the views an analyst queries, partial returns ranked once include_partial is set', async () => {
    const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const con = await inst.connect();
    const q = async (sql: string) =>
      (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    try {
      const where = `template_id = '${TEMPLATE}'`;
      const rows = await q(
        `SELECT org_id, ranked, compared_level, n_compared, percentile_in_group FROM bench_percentiles WHERE ${where} ORDER BY org_id`,
      );
      for (const r of rows) {
        const i = Number(String(r.org_id).slice(1));
        const peers = peersOf(i);
        expect(r.compared_level).toBe(peers.fallbackToAll ? 'all' : 'region');
        expect(Number(r.n_compared)).toBe(peers.members.length);
        if (i === PARTIAL) expect(r).toMatchObject({ ranked: false, percentile_in_group: null });
        else
          expect(Number(r.percentile_in_group)).toBeCloseTo(
            percentileRank(peers.members.map(totalOf), totalOf(i)),
            9,
          );
      }
      const levels = await q(
        `SELECT level, count(*) AS groups, bool_and(suppressed = (n < 5)) AS ok FROM bench_groups WHERE ${where} GROUP BY level ORDER BY level`,
      );
      expect(levels.map((l) => [l.level, Number(l.groups), l.ok])).toEqual([
        ['all', 1, true],
        ['region', 5, true],
        ['region,org_type', 15, true],
      ]);
      await con.run('SET VARIABLE include_partial = true');
      const partial = await q(
        `SELECT ranked, percentile_overall FROM bench_percentiles WHERE ${where} AND org_id = '${member(PARTIAL).id}'`,
      );
      expect(partial[0]).toMatchObject({ ranked: true });
      expect(Number(partial[0]!.percentile_overall)).toBeCloseTo(
        percentileRank([...RANKED, PARTIAL].map(totalOf), totalOf(PARTIAL)),
        9,
      );
    } finally {
      con.closeSync();
      inst.closeSync();
    }
  });

  it('writes every report naming its fallback group, each figure over that group and none over fewer than k', () => {
    const out = join(dir, 'reports');
    const r = runCli([
      'report',
      '--db',
      db,
      '--all',
      '--template',
      TEMPLATE,
      '--out',
      out,
      '--roster',
      roster,
    ]);
    expect(r.stderr).not.toMatch(/error|failed/i);
    expect(r.code).toBe(0);
    const pages = readdirSync(out).filter((f) => /^M\d{4}-2025\.html$/.test(f));
    expect(pages).toHaveLength(REPORTED.length);
    for (const i of REPORTED) {
      const m = member(i);
      const page = readFileSync(join(out, `${m.id}-2025.html`), 'utf8');
      const peers = peersOf(i);
      const ranked = i !== PARTIAL;
      const totals = peers.members.map(totalOf);
      const sentence = plain(page.match(/<p id="compared-with"[^>]*>([\s\S]*?)<\/p>/)![1]!);
      expect(sentence).toBe(
        peers.fallbackToAll
          ? `Compared with all ${totals.length} members (2025, all 46 indicators (${hashOf(page)})): fewer than 5 share your region and type, or your region.`
          : `Compared with the ${totals.length} members of ${m.region} (2025, all 46 indicators (${hashOf(page)})): fewer than 5 share your region and type.`,
      );
      expect(card(page, 'data-total')).toBe(`${one(totalOf(i))} / 100`);
      expect(card(page, 'data-peer-median')).toBe(one(quantile(totals, 0.5)));
      expect(page).toContain(`${one(quantile(totals, 0.25))} – ${one(quantile(totals, 0.75))}`);
      expect(card(page, 'data-percentile-group')).toBe(
        ranked ? whole(percentileRank(totals, totalOf(i))) : 'not ranked',
      );
      // First-level scores against the group's median and quartiles.
      for (const d of plan.dimensions) {
        const mean = (j: number) => {
          const s = scores(j);
          const ids = d.groups.flatMap((g) => g.indicators.map((x) => x.id));
          return (100 * ids.reduce((a, id) => a + s.get(id)!, 0)) / ids.length;
        };
        const group = peers.members.map(mean);
        expect(row(page, `${d.id} ${text(d.name, 'en')}`)).toEqual([
          `${d.id} ${text(d.name, 'en')}`,
          one(mean(i)),
          one(quantile(group, 0.5)),
          `${one(quantile(group, 0.25))} – ${one(quantile(group, 0.75))}`,
        ]);
      }
      // Every second- and third-level score with its percentile in the group (none when partial).
      const indicators = page.match(/<section id="indicators">[\s\S]*?<\/section>/)![0];
      for (const d of plan.dimensions)
        for (const g of d.groups) {
          const gScore = (j: number) =>
            (100 * g.indicators.reduce((a, x) => a + scores(j).get(x.id)!, 0)) /
            g.indicators.length;
          const cells = row(indicators, g.id)!;
          expect(cells[2]).toBe(one(gScore(i)));
          if (ranked)
            expect(cells[3]).toBe(whole(percentileRank(peers.members.map(gScore), gScore(i))));
          for (const x of g.indicators) {
            const c = row(indicators, x.id)!;
            const k = plan.indicators.findIndex((p) => p.id === x.id);
            if (!answered(i, k)) {
              expect(c[2]).toBe('unanswered');
              continue;
            }
            expect(c[2]).toBe(one(100 * scores(i).get(x.id)!));
            if (ranked)
              expect(c[3]).toBe(
                whole(
                  percentileRank(
                    peers.members.map((j) => scores(j).get(x.id)!),
                    scores(i).get(x.id)!,
                  ),
                ),
              );
          }
        }
      if (!ranked) expect(indicators).not.toContain('Peer percentile');
    }
  });

  it('opens the partial return’s report with its banner and keeps its blanks out of the weakest', () => {
    const page = readFileSync(join(dir, 'reports', `${member(PARTIAL).id}-2025.html`), 'utf8');
    const banner = plain(page.match(/<div class="flag" id="partial"[^>]*>([\s\S]*?)<\/div>/)![1]!);
    expect(banner).toContain('23 of 46 applicable indicators unanswered: not ranked.');
    const blanks = plan.indicators.filter((_, k) => !answered(PARTIAL, k)).map((x) => x.id);
    expect(banner).toContain(blanks.join(', '));
    const weakest = page.match(/<div id="weakest">([\s\S]*?)<\/div>\s*<\/section>/)![1]!;
    for (const id of blanks) expect(weakest).not.toContain(`data-indicator="${id}"`);
    // zh-CN too.
    const zhOut = join(dir, 'reports-zh');
    expect(
      runCli([
        'report',
        '--db',
        db,
        '--org',
        member(PARTIAL).id,
        '--template',
        TEMPLATE,
        '--out',
        zhOut,
        '--lang',
        'zh-CN',
      ]).code,
    ).toBe(0);
    const zh = readFileSync(join(zhOut, `${member(PARTIAL).id}-2025.html`), 'utf8');
    expect(zh).toContain('46 项适用指标中有 23 项未作答：不参与排名。');
    expect(zh).toMatch(
      /与深圳的 5 个成员比较（2025，全部 46 项指标（[0-9a-f]{8}））：与本机构地区和类型相同的少于 5 个。/,
    );
    // The edited return says so, with its own total beside the issued one.
    const edited = readFileSync(join(dir, 'reports', `${member(EDITED).id}-2025.html`), 'utf8');
    expect(
      plain(edited.match(/<p class="flag" id="weights-changed">([\s\S]*?)<\/p>/)![1]!),
    ).toContain(`The total ${one(totalOf(EDITED))} and every comparison use the issued weights`);
  });

  it("names the groups and their fallback in the secretariat's summary, with the partial return listed", () => {
    const summary = readFileSync(join(dir, 'reports', 'summary.html'), 'utf8');
    expect(summary).toContain(
      'Each organization is compared with the first of these groups that has at least 5 ranked members: region and type → region → all members.',
    );
    const groups = summary.match(/<section id="groups">[\s\S]*?<\/section>/)![0];
    expect(row(groups, '深圳 × 社会团体')!.slice(1)).toEqual(['2', 'fewer than 5 peers', '深圳']);
    expect(row(groups, '杭州 × 社会团体')!.slice(1)).toEqual([
      '2',
      'fewer than 5 peers',
      'all members',
    ]);
    const sz = RANKED.filter((j) => member(j).region === '深圳').map(totalOf);
    expect(row(groups, '深圳')!.slice(1, 4)).toEqual([
      String(sz.length),
      one(quantile(sz, 0.25)),
      one(quantile(sz, 0.5)),
    ]);
    expect(row(groups, 'all members')![1]).toBe(String(RANKED.length));
    const partial = summary.match(/<section id="partial">[\s\S]*?<\/section>/)![0];
    expect(row(partial, member(PARTIAL).id)).toEqual([
      member(PARTIAL).id,
      member(PARTIAL).name,
      '23 / 46',
    ]);
    expect(card(summary, 'data-ranked')).toBe(String(RANKED.length));
    const manifest = JSON.parse(readFileSync(join(dir, 'reports', 'report-manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ template: TEMPLATE, period: '2025', profile: null });
    expect(manifest.files).toHaveLength(REPORTED.length + 2);
  });

  it('refuses to write another selection into the same folder without --force, and replaces it with', () => {
    const out = join(dir, 'reports');
    const args = [
      'report',
      '--db',
      db,
      '--all',
      '--template',
      'gbt-40143-2021',
      '--profile',
      'annex-b-example',
      '--out',
      out,
    ];
    const refused = runCli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('holds the reports of another comparison');
    expect(readdirSync(out)).toContain(`${member(2).id}-2025.html`);
    const forced = runCli([...args, '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [`${member(1).id}-2025.html`, 'index.html', 'report-manifest.json', 'summary.html'].sort(),
    );
  });

  it('refuses pages compared another way (--by, --min-group) in the same folder, naming both, until --force', () => {
    const out = join(dir, 'compared');
    const args = ['report', '--db', db, '--template', TEMPLATE, '--out', out];
    const first = member(RANKED[0]!).id;
    const second = member(RANKED[1]!).id;
    expect(runCli([...args, '--org', first]).code).toBe(0);
    // Another organization compared the same way joins the folder.
    expect(runCli([...args, '--org', second]).code).toBe(0);
    const other = runCli([...args, '--org', second, '--by', 'org_type', '--min-group', '3']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('holds the reports of another comparison');
    expect(other.stderr).toContain('--by org_type --min-group 3');
    expect(readdirSync(out).sort()).toEqual(
      [`${first}-2025.html`, `${second}-2025.html`, 'report-manifest.json'].sort(),
    );
    const forced = runCli([
      ...args,
      '--org',
      second,
      '--by',
      'org_type',
      '--min-group',
      '3',
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${second}-2025.html`, 'report-manifest.json'].sort());
    const manifest = JSON.parse(readFileSync(join(out, 'report-manifest.json'), 'utf8'));
    expect(manifest.comparison).toBe('--by org_type --min-group 3');
  });

  it('never averages the Annex B and the full return of one organization, and asks which selection', async () => {
    const rows = await queryDb(
      db,
      "SELECT profile, raters, total FROM bench_org_period WHERE org_id = 'M0001' AND template_id = 'gbt-40143-2021' ORDER BY profile",
    );
    expect(rows.map((r) => [r.profile, Number(r.raters)])).toEqual([
      ['', 1],
      ['annex-b-example', 1],
    ]);
    const several = runCli(['benchmark', '--db', db]);
    expect(several.code).toBe(1);
    expect(several.stdout).toBe('');
    expect(several.stderr).toContain('The database holds 3 selections, which are not comparable:');
    expect(several.stderr).toContain(
      `gbt-40143-2021 1.1.0 all 95 indicators (${gbtHashes.full!.slice(0, 8)}) (2025: 1 organization)`,
    );
    expect(several.stderr).toContain('gbt-40143-2021 1.1.0 annex-b-example (2025: 1 organization)');
    expect(several.stderr).toContain(`(2025: ${REPORTED.length} organizations)`);
    expect(several.stderr).toContain('Choose one with --template');
    const gbt = runCli([
      'benchmark',
      '--db',
      db,
      '--template',
      'gbt-40143-2021',
      '--lang',
      'zh-CN',
    ]);
    expect(gbt.code).toBe(1);
    expect(gbt.stderr).toContain('数据库中有 2 种指标选择，不能相互比较：');
    expect(gbt.stderr).toContain('请用 --profile 选择其一');
    // A hash prefix names the full table's selection.
    const full = runCli([
      'benchmark',
      '--db',
      db,
      '--template',
      'gbt-40143-2021',
      '--profile',
      gbtHashes.full!.slice(0, 6),
      '--json',
    ]);
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout)).toMatchObject({
      profile: null,
      organizations: [{ org_id: 'M0001' }],
    });
    // So does `none`: the selection without a profile.
    const none = runCli([
      'benchmark',
      '--db',
      db,
      '--template',
      'gbt-40143-2021',
      '--profile',
      'none',
      '--json',
    ]);
    expect(JSON.parse(none.stdout).profile_hash).toBe(gbtHashes.full);
    // Its report asks too, and is written once told.
    const asked = runCli(['report', '--db', db, '--org', 'M0001', '--out', join(dir, 'm1')]);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('Organization M0001 was scored on 3 selections');
    // And an export limited to one selection holds its rows only.
    const ex = join(dir, 'export-annex-b');
    expect(
      runCli(['export', '--db', db, '--format', 'csv', '--profile', 'annex-b-example', '--out', ex])
        .code,
    ).toBe(0);
    const subs = readFileSync(join(ex, 'submissions.csv'), 'utf8').trim().split(/\r?\n/);
    expect(subs).toHaveLength(2);
  });

  it("tells each member's state, with the reason of a rejection and the contact", () => {
    const r = runCli(['status', '--roster', roster, '--db', db, '--template', TEMPLATE, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const state = (i: number) => rows[i - 1]!;
    expect(state(PARTIAL)).toMatchObject({ state: 'partial', unanswered: 23, calculated: false });
    expect(state(EDITED)).toMatchObject({
      state: 'weights-changed',
      contact: member(EDITED).contact,
    });
    expect(state(BLANK)).toMatchObject({ state: 'rejected', contact: member(BLANK).contact });
    expect(state(BLANK).reason).toMatch(/^The return is empty/);
    expect(state(BROKEN)).toMatchObject({ state: 'rejected' });
    for (const i of MISSING)
      expect(state(i)).toMatchObject({
        state: 'missing',
        contact: member(i).contact,
        reason: null,
      });
    expect(rows.filter((x) => x.state === 'accepted')).toHaveLength(RANKED.length - 1);
    // Without --template the database holds three selections: asked, not guessed.
    const asked = runCli(['status', '--roster', roster, '--db', db]);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('3 selections');
    const csv = runCli([
      'status',
      '--roster',
      roster,
      '--db',
      db,
      '--template',
      TEMPLATE,
      '--csv',
      '--lang',
      'zh-CN',
    ]).stdout;
    expect(csv.startsWith('\uFEFF机构编号,机构名称,联系方式,状态,待补充')).toBe(true);
    expect(csv).toContain(
      `${member(30).id},${member(30).name},${member(30).contact},未回收,未回收`,
    );
    expect(csv).toContain(
      `${member(BLANK).id},${member(BLANK).name},${member(BLANK).contact},被拒收,`,
    );
    const text = runCli(['status', '--roster', roster, '--db', db, '--template', TEMPLATE]).stdout;
    expect(text).toContain(
      `30 members on the roster: ${RANKED.length - 1} accepted, 1 partial, 1 weights-changed, 2 rejected, 2 missing.`,
    );
  });
});

describe('the READMEs’ benchmark, report and status examples', () => {
  it('work as written on a database that holds two templates (and three selections)', () => {
    const cwd = scratchDir('scorebook-readme-');
    copyFileSync(db, join(cwd, 'scorebook.duckdb'));
    copyFileSync(roster, join(cwd, 'members.csv'));
    const lines = new Set(
      ['README.md', 'README.zh-CN.md'].flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .filter((l) => /^npx scorebook (benchmark|report|status) /.test(l)),
      ),
    );
    expect(lines.size).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      const [command, redirect] = line.replace(/\s+#.*$/, '').split(/\s+>\s+/);
      const args = command!.split(/\s+/).slice(2);
      const r = runCli(args, { cwd });
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
      if (redirect) writeFileSync(join(cwd, redirect), r.stdout);
    }
    expect(readFileSync(join(cwd, 'reminders.csv'), 'utf8')).toMatch(/^\uFEFF机构编号,/);
    expect(readdirSync(join(cwd, 'reports'))).toContain('summary.pdf');
    expect(readdirSync(join(cwd, 'reports-annex-b'))).toEqual([
      'M0001-2025.html',
      'report-manifest.json',
    ]);
  });
});

const plain = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const card = (page: string, attr: string) => {
  const inner = page.match(new RegExp(`${attr}>(.*?)</div>`))?.[1];
  return inner === undefined ? null : plain(inner);
};
function row(page: string, first: string): string[] | null {
  for (const tr of page.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
    const cells = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => plain(m[1]!));
    if (cells[0] === first) return cells;
  }
  return null;
}
/** The selection's short hash as the page names it. */
const hashOf = (page: string) => page.match(/all 46 indicators \(([0-9a-f]{8})\)/)![1]!;
