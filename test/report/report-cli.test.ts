/**
 * `scorebook report` on a real DuckDB file built through `scorebook ingest`: figures checked
 * against the engine and plain TypeScript, k-anonymity at the boundary (a group of k is shown,
 * a group of k − 1 is not, and --min-group moves the line), hostile names escaped, the weakest
 * indicators with the standard's own content descriptions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../core/index.ts';
import { escapeHtml } from '../../pipeline/report/html.ts';
import { queryDb } from '../support/query-db.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import {
  A5_WEAK,
  buildFixture,
  expected,
  FLAGGED,
  HOSTILE,
  HOSTILE_ROSTER,
  one,
  ORGS,
  percentileRank,
  plan,
  quantile,
  template,
} from './support/fixture.ts';
import { runReport } from './support/run-report-cli.ts';
import { write } from '../support/returned-workbooks.ts';

const dir = scratchDir('scorebook-report-');
let db = '';
let roster = '';
const groupA = ORGS.filter((o) => o.region === '深圳');
const groupB = ORGS.filter((o) => o.region === '武汉');

beforeAll(async () => {
  ({ db, roster } = await buildFixture(dir));
});

const read = (f: string) => readFileSync(f, 'utf8');
/** The text inside the element carrying `attr` (the cards of the headline). */
const card = (page: string, attr: string) => {
  const inner = page.match(new RegExp(`${attr}>(.*?)</div>`))?.[1];
  return inner === undefined ? null : plain(inner);
};
/** The sentence naming the group compared with. */
const comparedWith = (page: string) =>
  plain(page.match(/<p id="compared-with"[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? '');
/** Markup → the text a reader sees. */
const plain = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
/** The cells of the table row that starts with `first`. */
function row(page: string, first: string): string[] | null {
  for (const tr of page.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
    const cells = [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => plain(m[1]!));
    if (cells[0] === first) return cells;
  }
  return null;
}
/** The radar SVG of a report, and the series ECharts drew in it. */
function radarSeries(page: string): number {
  const svg = page.match(/<figure data-chart="radar"[\s\S]*?<\/figure>/)?.[0] ?? '';
  return new Set(
    [...svg.matchAll(/ecmeta_series_index="(\d+)"[^>]*ecmeta_ssr_type="chart"/g)].map((m) => m[1]),
  ).size;
}

function report(org: string, out: string, extra: string[] = []): string {
  const r = runReport(['--db', db, '--org', org, '--out', out, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const file = join(out, `${org}-2025.html`);
  expect(existsSync(file)).toBe(true);
  return read(file);
}

describe('scorebook report --org', () => {
  it('shows the total, the peer median and the percentiles, computed independently, for a group of exactly k', () => {
    const page = report('A1', join(dir, 'a1'));
    const totals = groupA.map((o) => expected(o, '2025').total);
    const mine = expected(ORGS[0]!, '2025').total;
    expect(card(page, 'data-total')).toBe(`${one(mine)} / 100`);
    expect(card(page, 'data-peer-median')).toBe(one(quantile(totals, 0.5)));
    expect(page).toContain(`${one(quantile(totals, 0.25))} – ${one(quantile(totals, 0.75))}`);
    expect(card(page, 'data-percentile-group')).toBe(
      String(Math.round(percentileRank(totals, mine))),
    );
    // One peer group per organization: no second percentile among all beside it.
    expect(page).not.toContain('data-percentile-overall');
    expect(comparedWith(page)).toMatch(
      /^Compared with the 5 members of 深圳 × 社会团体 \(2025, all 46 indicators \([0-9a-f]{8}\)\)\.$/,
    );
    // First-level medians of the group, from the engine's dimension scores.
    for (const d of plan.dimensions) {
      const cells = row(page, `${d.id} ${text(d.name, 'en')}`)!;
      const scores = groupA.map((o) => 100 * expected(o, '2025').dims.get(d.id)!);
      expect(cells[1]).toBe(one(100 * expected(ORGS[0]!, '2025').dims.get(d.id)!));
      expect(cells[2]).toBe(one(quantile(scores, 0.5)));
    }
    // A third-level indicator's peer percentile: A1's mean over its two evaluators against the group.
    const ind = plan.indicators[5]!;
    const scores = groupA.map((o) => expected(o, '2025').indicators.get(ind.id)!);
    const cells = row(page, ind.id)!;
    expect(cells[2]).toBe(one(100 * scores[0]!));
    expect(cells[3]).toBe(String(Math.round(percentileRank(scores, scores[0]!))));
    expect(radarSeries(page)).toBe(4); // quartile band, its cut-out, the peer median, the organization
  });

  it('says "fewer than k peers" for a group of k − 1 without a fallback, and shows it once --min-group is k − 1', () => {
    const none = ['--fallback', 'none'];
    const page = report('B1', join(dir, 'b1'), none);
    const totals = groupB.map((o) => expected(o, '2025').total);
    const median = one(quantile(totals, 0.5));
    expect(card(page, 'data-peer-median')).toBe('fewer than 5 peers');
    expect(card(page, 'data-percentile-group')).toBe('fewer than 5 peers');
    expect(page).not.toContain(`${one(quantile(totals, 0.25))} – ${one(quantile(totals, 0.75))}`);
    for (const d of plan.dimensions)
      expect(row(page, `${d.id} ${text(d.name, 'en')}`)!.slice(2)).toEqual([
        'fewer than 5 peers',
        'fewer than 5 peers',
      ]);
    expect(row(page, plan.indicators[5]!.id)).toHaveLength(3); // no percentile column at all
    expect(radarSeries(page)).toBe(1); // the organization alone
    expect(page).toContain(
      '<p>Peer group: <span class="suppressed">fewer than 5 peers</span>.</p>',
    );
    expect(comparedWith(page)).toMatch(
      /^Compared with nobody \(2025, .+\): fewer than 5 share your region and type\.$/,
    );
    // zh-CN punctuates in full width: "同类机构：少于 5 个同类机构。", not "同类机构: 少于 5 个同类机构."
    const zh = report('B1', join(dir, 'b1-zh'), ['--lang', 'zh-CN', ...none]);
    expect(zh).toContain(
      '<p>同类机构\uff1a<span class="suppressed">少于 5 个同类机构</span>\u3002</p>',
    );
    expect(zh).toContain(
      '<div class="note">同类机构\uff1a<span class="suppressed">少于 5 个同类机构</span></div>',
    );
    expect(zh).not.toMatch(/同类机构: |个同类机构<\/span>\./);

    const four = report('B1', join(dir, 'b1-k4'), ['--min-group', '4', ...none]);
    expect(card(four, 'data-peer-median')).toBe(median);
    expect(card(four, 'data-percentile-group')).toBe(
      String(Math.round(percentileRank(totals, expected(ORGS[5]!, '2025').total))),
    );
    expect(radarSeries(four)).toBe(4);
    // And k + 1 hides the group of five.
    const six = report('A1', join(dir, 'a1-k6'), ['--min-group', '6', ...none]);
    expect(card(six, 'data-peer-median')).toBe('fewer than 6 peers');
    expect(radarSeries(six)).toBe(1);
  });

  it('compares an organization of a group under k with the first coarser group of k, every figure over that group', async () => {
    // 武汉 × 基金会 and 武汉 hold 4: B1 is compared with all the ranked organizations.
    const [f1] = await queryDb(db, "SELECT total, complete FROM submissions WHERE org_id = 'F1'");
    const all = [
      ...ORGS.map((o) => expected(o, '2025').total),
      ...(f1!.complete ? [Number(f1!.total)] : []),
    ];
    const page = report('B1', join(dir, 'b1-fallback'));
    expect(comparedWith(page)).toMatch(
      new RegExp(
        `^Compared with all ${all.length} members \\(2025, .+\\): fewer than 5 share your region and type, or your region\\.$`,
      ),
    );
    const mine = expected(ORGS[5]!, '2025').total;
    expect(card(page, 'data-peer-median')).toBe(one(quantile(all, 0.5)));
    expect(card(page, 'data-percentile-group')).toBe(String(Math.round(percentileRank(all, mine))));
    expect(radarSeries(page)).toBe(4);
    const zh = report('B1', join(dir, 'b1-fallback-zh'), ['--lang', 'zh-CN']);
    expect(comparedWith(zh)).toMatch(
      new RegExp(
        `^与全部 ${all.length} 个成员比较（2025，.+）：与本机构地区和类型相同的、地区相同的均少于 5 个。$`,
      ),
    );
  });

  it("lists the weakest indicators with the standard's own content descriptions, in zh-CN and en", () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = report('A5', join(dir, `a5-${lang}`), ['--lang', lang]);
      const weakest = page.match(/<div id="weakest">([\s\S]*?)<\/div>\s*<\/section>/)![1]!;
      const listed = [...weakest.matchAll(/data-indicator="([\d.]+)"/g)].map((m) => m[1]);
      expect(new Set(listed)).toEqual(new Set(A5_WEAK));
      // The three at score 0 come before the two at 33.3.
      expect(new Set(listed.slice(0, 3))).toEqual(new Set(A5_WEAK.slice(0, 3)));
      for (const id of A5_WEAK) {
        const ind = plan.indicators.find((i) => i.id === id)!;
        const item = weakest.match(
          new RegExp(`data-indicator="${id.replace(/\./g, '\\.')}"[\\s\\S]*?</li>`),
        )![0];
        expect(item).toContain(escapeHtml(text(ind.description, lang)));
        expect(item).toContain(escapeHtml(text(ind.name, lang)));
      }
      expect(page).toContain(
        lang === 'zh-CN' ? 'T/SSOF 0001-2024 第 7 章' : 'T/SSOF 0001-2024 clause 7',
      );
      // Strengths are scored above the weakest and are not among them.
      const strengths = page.match(/<div id="strengths">([\s\S]*?)<\/div>/)![1]!;
      expect(strengths.match(/<li>/g)).toHaveLength(5);
      for (const id of A5_WEAK) expect(strengths).not.toContain(`>${id}<`);
    }
  });

  it("shows the trend over periods and the evaluators' least agreement, naming no other organization", () => {
    const page = report('A1', join(dir, 'a1-trend'));
    expect(page).toContain('<figure data-chart="trend"');
    const before = expected(ORGS[0]!, '2024').total;
    const now = expected(ORGS[0]!, '2025').total;
    const change = row(page, 'Change 2024 → 2025')!;
    expect(change[1]).toBe(`${now - before >= 0 ? '+' : '−'}${one(Math.abs(now - before))}`);
    expect(row(page, '2024')![2]).toBe(
      one(
        quantile(
          groupA.map((o) => expected(o, '2024').total),
          0.5,
        ),
      ),
    );
    // Two evaluators: every indicator where their levels are furthest apart, in the standard's
    // order; past five, the first five and how many there are (none picked among equals).
    const raters = page.match(/<section id="raters">[\s\S]*?<\/section>/)![0];
    expect(raters).toContain('2 evaluators');
    const a = ORGS[0]!.answers['2025']!;
    const gaps = plan.indicators.map((ind, k) => ({
      id: ind.id,
      gap: Math.abs(a['甲']![k]! - a['乙']![k]!),
    }));
    const widest = Math.max(...gaps.map((g) => g.gap));
    const atWidest = gaps.filter((g) => g.gap === widest).map((g) => g.id);
    expect(atWidest.length).toBeGreaterThan(3);
    const named = [...raters.matchAll(/data-indicator="([\d.]+)"/g)].map((m) => m[1]);
    expect(named).toEqual(atWidest.slice(0, 5));
    expect(row(raters, atWidest[0]!)![2]).toBe(one((100 * widest) / 3));
    // Levels 1 and 4 are the whole scale apart: one evaluator gave 0, the other full marks.
    const tied =
      widest === 3
        ? `On ${atWidest.length} indicators the evaluators gave opposite scores (range 100.0); the first 5 are listed.`
        : `${atWidest.length} indicators share the largest range (${one((100 * widest) / 3)}); the first 5 are listed.`;
    if (atWidest.length > 5)
      expect(raters).toContain(`<p data-tied="${atWidest.length}">${tied}</p>`);
    else expect(raters).not.toContain('data-tied');
    const words = page.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<style>[\s\S]*?<\/style>/, '');
    for (const other of [...ORGS.slice(1), FLAGGED]) {
      expect(words).not.toContain(escapeHtml(other.name));
      expect(words).not.toMatch(new RegExp(`\\b${other.id}\\b`));
    }
    // One period only: said in words, no chart.
    const b1 = report('B1', join(dir, 'b1-trend'));
    expect(b1).not.toContain('data-chart="trend"');
    expect(b1).toContain('Only one period so far');
  });

  it('escapes a hostile organization name everywhere in its report', () => {
    const page = report('Z1', join(dir, 'z1'));
    expect(page).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;=cmd|</h1>');
    expect(page).toContain(
      '<title>Evaluation report · &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;=cmd| · 2025</title>',
    );
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toMatch(/<script/i);
  });

  it('defuses the hostile name (<script>, both quotes, =cmd|) in the CSV export of the same database', () => {
    const out = join(dir, 'export');
    const r = runCli(['export', '--db', db, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const csv = read(join(out, 'organizations.csv'));
    const z1 = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data.find(
      (o) => o.org_id === 'Z1',
    )!;
    // The double quote is doubled inside a quoted cell, so the name reads back whole and breaks no column.
    expect(csv).toContain(`Z1,"<script>alert(1)</script>""'=cmd|",北京,基金会`);
    expect(z1).toMatchObject({ org_name: HOSTILE, region: '北京', org_type: '基金会' });
    const scores = Papa.parse<Record<string, string>>(
      read(join(out, 'submission_scores.csv')).trim(),
      { header: true },
    ).data;
    expect(scores.filter((s) => s.org_id === 'Z1').map((s) => [s.org_name, s.region])).toEqual([
      [HOSTILE, '北京'],
    ]);
    // The same text where a spreadsheet would run it (at the start of a cell) is written as text.
    const names = join(dir, 'names.csv');
    write(
      names,
      [
        'template_id,period,org_id,org_name,region,org_type,indicator_id,value',
        ...plan.indicators.map(
          (i) => `${template.id},2025,Z2,"=cmd|' /C calc'!A0 ""${HOSTILE}",北京,基金会,${i.id},2`,
        ),
      ].join('\n'),
    );
    const db2 = join(dir, 'names.duckdb');
    expect(runCli(['ingest', names, '--db', db2]).code).toBe(0);
    expect(
      runCli(['export', '--db', db2, '--format', 'csv', '--out', join(dir, 'export2')]).code,
    ).toBe(0);
    const z2 = Papa.parse<Record<string, string>>(
      read(join(dir, 'export2', 'organizations.csv')).trim(),
      { header: true },
    ).data[0]!;
    expect(z2.org_name).toBe(`'=cmd|' /C calc'!A0 "${HOSTILE}`);
  });

  it('refuses an unknown organization, or --org with --all, in words', () => {
    const none = runReport(['--db', db, '--org', 'NOPE', '--out', join(dir, 'nope')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No scored submission of organization NOPE');
    const both = runReport(['--db', db, '--org', 'A1', '--all', '--out', join(dir, 'both')]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('Give either --org ID');
    const period = runReport([
      '--db',
      db,
      '--org',
      'B1',
      '--period',
      '2024',
      '--out',
      join(dir, 'p'),
    ]);
    expect(period.code).toBe(1);
    expect(period.stderr).toContain(
      'No submission of organization B1 for period 2024 of tssof-0001-2024-basic. Periods present: 2025.',
    );
  });
});

describe('scorebook report --all', () => {
  let out = '';
  let summary = '';
  let index = '';
  beforeAll(() => {
    out = join(dir, 'all');
    const r = runReport(['--db', db, '--all', '--out', out, '--roster', roster]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Wrote 11 reports \(tssof-0001-2024-basic all 46 indicators \([0-9a-f]{8}\), period 2025, k = 5\)/,
    );
    summary = read(join(out, 'summary.html'));
    index = read(join(out, 'index.html'));
  });

  it('writes one report per organization, an index linking them, and the summary', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      [
        ...[...ORGS.map((o) => o.id), FLAGGED.id].sort().map((id) => `${id}-2025.html`),
        'index.html',
        'report-manifest.json',
        'summary.html',
      ].sort(),
    );
    for (const o of [...ORGS, FLAGGED]) expect(index).toContain(`href="${o.id}-2025.html"`);
    expect(index).toContain('href="summary.html"');
  });

  it('puts the first-level medians of a group of k in the heat map, and "fewer than k peers" for k − 1', async () => {
    const a = row(summary, '深圳 × 社会团体 (5)')!;
    plan.dimensions.forEach((d, i) =>
      expect(a[i + 1]).toBe(
        one(
          quantile(
            groupA.map((o) => 100 * expected(o, '2025').dims.get(d.id)!),
            0.5,
          ),
        ),
      ),
    );
    expect(row(summary, '武汉 × 基金会 (< 5)')!.slice(1)).toEqual(
      plan.dimensions.map(() => 'fewer than 5 peers'),
    );
    const chart = summary.match(/<figure data-chart="heatmap"[\s\S]*?<\/figure>/)![0];
    expect(chart.match(/>&lt; 5</g)).toHaveLength(2 * plan.dimensions.length); // 武汉 and 北京, every first-level indicator
    const groups = summary.match(/<section id="groups">[\s\S]*?<\/section>/)![0];
    // The group under k says whom its members are compared with instead: all of them.
    expect(row(groups, '武汉 × 基金会')!.slice(1)).toEqual([
      '4',
      'fewer than 5 peers',
      'all members',
    ]);
    // F1's random answers leave some blank: partial, it is reported but not ranked.
    const [f1] = await queryDb(db, "SELECT complete FROM submissions WHERE org_id = 'F1'");
    expect(row(groups, 'all members')![1]).toBe(String(ORGS.length + (f1!.complete ? 1 : 0)));
    const totals = groupA.map((o) => expected(o, '2025').total);
    expect(row(groups, '深圳 × 社会团体')!.slice(1, 5)).toEqual([
      '5',
      one(quantile(totals, 0.25)),
      one(quantile(totals, 0.5)),
      one(quantile(totals, 0.75)),
    ]);

    const k4 = join(dir, 'all-k4');
    expect(runReport(['--db', db, '--all', '--out', k4, '--min-group', '4']).code).toBe(0);
    const s4 = read(join(k4, 'summary.html'));
    const b = row(s4, '武汉 × 基金会 (4)')!;
    plan.dimensions.forEach((d, i) =>
      expect(b[i + 1]).toBe(
        one(
          quantile(
            groupB.map((o) => 100 * expected(o, '2025').dims.get(d.id)!),
            0.5,
          ),
        ),
      ),
    );
    expect(
      s4.match(/<figure data-chart="heatmap"[\s\S]*?<\/figure>/)![0].match(/>&lt; 4</g),
    ).toHaveLength(plan.dimensions.length); // 北京 only
  });

  it('gives the distribution of all totals, return rates from the roster and the flagged organizations', () => {
    expect(summary).toContain('<figure data-chart="histogram"');
    expect(summary).toContain('Returned 11 / 13 (84.6%)');
    const notReturned = summary.match(/<table id="not-returned">[\s\S]*?<\/table>/)![0];
    expect(notReturned).toContain('未回收协会甲');
    expect(notReturned).toContain('&lt;img src=x onerror=alert(2)&gt;');
    const flagged = summary.match(/<section id="flagged">[\s\S]*?<\/section>/)![0];
    expect(row(flagged, FLAGGED.id)!.slice(0, 2)).toEqual([FLAGGED.id, FLAGGED.name]);
    expect(row(flagged, 'A1')).toBeNull();
  });

  it('holds no URL at all, not even the SVG namespace: every page opens offline, and a check for URLs finds none', () => {
    const pages = readdirSync(out);
    expect(pages).toHaveLength(ORGS.length + 4); // F1's, the index, the summary, the manifest
    for (const f of pages) expect(read(join(out, f)), f).not.toMatch(/https?:\/\//);
    // The charts are still there, inline.
    expect(read(join(out, 'A1-2025.html')).match(/<svg[\s>]/g)).toHaveLength(2);
    expect(summary.match(/<svg[\s>]/g)).toHaveLength(2);
    const one = report('A1', join(dir, 'a1-urls'), ['--lang', 'zh-CN']);
    expect(one).not.toMatch(/https?:\/\//);
  });

  it('escapes the hostile names in the index, the summary and the reports: no markup from the database anywhere', () => {
    for (const f of readdirSync(out)) {
      const page = read(join(out, f));
      expect(page).not.toContain(HOSTILE);
      expect(page).not.toContain(HOSTILE_ROSTER);
      expect(page).not.toMatch(/<script|<img/i);
    }
    expect(index).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;=cmd|');
    expect(template.id).toBe('tssof-0001-2024-basic');
  });
});
