/**
 * Under GB/T 40143's profile record-only (the strict reading), its first-level indicator 2
 * (服务资源) holds only recorded figures, never a score. A
 * report must say so, not "fewer than k peers" (that would claim suppression where there is
 * nothing to suppress); the radar leaves it out and says why; the summary's heat map names it.
 * Five organizations in one peer group, so that the other first-level indicators do show peers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { text, resolvePlan } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { write } from '../support/returned-workbooks.ts';

const TEMPLATE = 'gbt-40143-2021';
const template = shippedTemplates().get(TEMPLATE)!;
const PROFILE = 'record-only';
const plan = resolvePlan(template, { profile: PROFILE }).value!;
const ruleOf = new Map(plan.indicators.map((i) => [i.id, i.rule]));
const recorded = template.dimensions.filter((d) =>
  d.groups.every((g) => g.indicators.every((i) => ruleOf.get(i.id)!.kind === 'record')),
);
const scored = template.dimensions.filter((d) => !recorded.includes(d));
const dir = scratchDir('scorebook-recorded-');
const db = join(dir, 'gbt.duckdb');

const plain = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
function row(html: string, first: string): string[] | null {
  for (const tr of html.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
    const cells = [...tr.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => plain(m[1]!));
    if (cells[0] === first) return cells;
  }
  return null;
}
const section = (page: string, id: string) =>
  page.match(new RegExp(`<section id="${id}"[^>]*>[\\s\\S]*?</section>`))![0];
const radarTexts = (page: string) =>
  [
    ...(page.match(/<figure data-chart="radar"[\s\S]*?<\/figure>/)?.[0] ?? '').matchAll(
      /<text[^>]*>([^<]*)<\/text>/g,
    ),
  ]
    .map((m) => m[1]!)
    .join('\n');

beforeAll(() => {
  expect(recorded.map((d) => d.id)).toEqual(['2']);
  const lines = ['template_id,profile,period,org_id,org_name,region,org_type,indicator_id,value'];
  for (let o = 1; o <= 5; o++) {
    plan.indicators.forEach((ind, k) => {
      const value =
        ind.rule.kind === 'binary'
          ? (k + o) % 3 === 0
            ? '否'
            : '是'
          : ind.unit === '%'
            ? `${40 + 10 * o}%`
            : String(20 * o + k);
      lines.push(
        `${TEMPLATE},${PROFILE},2025,G${o},第${o}志愿服务协会,深圳,社会团体,${ind.id},${value}`,
      );
    });
  }
  write(join(dir, 'returns.csv'), lines.join('\n'));
  const r = runCli(['ingest', join(dir, 'returns.csv'), '--db', db, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).ingested).toBe(5);
});

describe('a first-level indicator with recorded figures only', () => {
  it('reads "recorded, not scored" in the report, in en and zh-CN, never "fewer than k peers", and is left out of the radar with the reason', () => {
    const r = runCli(['report', '--db', db, '--all', '--out', join(dir, 'en'), '--lang', 'en']);
    expect(r.code).toBe(0);
    const en = readFileSync(join(dir, 'en', 'G1-2025.html'), 'utf8');
    const zhRun = runCli([
      'report',
      '--db',
      db,
      '--org',
      'G1',
      '--out',
      join(dir, 'zh'),
      '--lang',
      'zh-CN',
    ]);
    expect(zhRun.code).toBe(0);
    const zh = readFileSync(join(dir, 'zh', 'G1-2025.html'), 'utf8');
    for (const [page, lang, notScored, few] of [
      [en, 'en', 'recorded, not scored', 'fewer than 5 peers'],
      [zh, 'zh-CN', '仅记录\uff0c不计分', '少于 5 个同类机构'],
    ] as const) {
      const dims = section(page, 'dimensions');
      // The group has five: the scored first-level indicators show the peers…
      for (const d of scored)
        expect(row(dims, `${d.id} ${text(d.name, lang)}`)![2]).toMatch(/^\d+\.\d$/);
      // …and the recorded one says it is not scored, with no peer statistic and no claim of suppression.
      const d2 = row(dims, `2 ${text(recorded[0]!.name, lang)}`)!;
      expect(d2.slice(1)).toEqual([notScored, '—', '—']);
      expect(dims).not.toContain(few);
      const note = dims.match(/<p class="sub" data-not-charted>([\s\S]*?)<\/p>/)![1]!;
      expect(plain(note)).toContain(`2 ${text(recorded[0]!.name, lang)}`);
      expect(radarTexts(page)).not.toContain(text(recorded[0]!.name, lang));
      for (const d of scored) expect(radarTexts(page)).toContain(`${d.id} `);
      // The indicators table: the first-level row says so, its indicators show their figures.
      const ind = section(page, 'indicators');
      expect(row(ind, '2')![2]).toBe(notScored);
      expect(row(ind, '2.1.3')![2]).toMatch(
        lang === 'en' ? /^recorded \d+ people$/ : /^记录值 \d+ 名$/,
      );
      // A percentage is stored as a fraction and read on 100: G1 returned 50%, not 0.5 %.
      expect(row(ind, '2.1.4')![2]).toBe(lang === 'en' ? 'recorded 50%' : '记录值 50%');
    }
  });

  it("is named, not silently dropped, under the summary's heat map", () => {
    const summary = readFileSync(join(dir, 'en', 'summary.html'), 'utf8');
    const heat = section(summary, 'heatmap');
    const header = row(heat, 'Peer group')!;
    expect(header.slice(1)).toEqual(scored.map((d) => `${d.id} ${text(d.name, 'en')}`));
    expect(plain(heat.match(/<p class="sub" data-not-scored>([\s\S]*?)<\/p>/)![1]!)).toBe(
      `2 ${text(recorded[0]!.name, 'en')}: every indicator under it records a figure and none is scored, so it is not in the heat map.`,
    );
    expect(
      row(heat, '深圳 × 社会团体 (5)')!
        .slice(1)
        .every((c) => /^\d+\.\d$/.test(c)),
    ).toBe(true);
  });
});
