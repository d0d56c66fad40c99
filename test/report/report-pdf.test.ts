/**
 * `scorebook report --pdf` read back from paper with poppler's pdftotext: every page numbered
 * "page N of M" with the organization's name, in the report's language; a table that runs on
 * to another page repeats its header row there; no table row, chart, card or indicator's advice
 * is split by a page break (each found whole on one page, checked against the blocks chromium
 * laid out); and no negative zero anywhere, with an organization whose total fell by 0.04.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../../pipeline/report/html.ts';
import { page } from '../../pipeline/report/page-shell.ts';
import { launchChromium, printPdfs, type Browser } from '../../pipeline/report/print-pdf.ts';
import { write } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { expected, HOSTILE, ORGS, plan, returnsCsv, type FixtureOrg } from './support/fixture.ts';
import {
  blocksOf,
  blocksSplitAcrossPages,
  NEGATIVE_ZERO,
  pdfPages,
  visibleText,
} from './support/printed-pages.ts';
import { runReport } from './support/run-report-cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const dir = scratchDir('scorebook-report-pdf-');
const en = join(dir, 'en');
const zh = join(dir, 'zh');
let browser: Browser;

/**
 * N0's total falls by 0.04 points, which rounds to zero. The template's total is 20 × the sum
 * of its five first-level means, so one level (a third of a score) in a first-level indicator of
 * n third-level ones moves it by 20/(3n): one level less in 2 (8 indicators), two less in 3
 * (12), two more in 4 (7) make 20/3 × (−1/8 − 2/12 + 2/7) = −15/378 = −0.0397.
 */
const SHIFTS: Record<string, number[]> = { '2': [-1], '3': [-1, -1], '4': [1, 1] };
const steady = plan.indicators.map(() => 2);
const shifted = plan.indicators.map((ind) => {
  const siblings = plan.indicators.filter((i) => i.dimensionId === ind.dimensionId);
  return 2 + (SHIFTS[ind.dimensionId]?.[siblings.indexOf(ind)] ?? 0);
});
const N0: FixtureOrg = {
  id: 'N0',
  name: '零点公益服务中心',
  region: '深圳',
  type: '社会团体',
  answers: { '2024': { 甲: steady }, '2025': { 甲: shifted } },
};
const orgs = [...ORGS, N0];
/** A line of the indicator table: a second- or third-level id, then its name. */
const ids = [...new Set(plan.indicators.flatMap((i) => [i.groupId, i.id]))];
const ROW = new RegExp(
  `^\\s*(?:${ids.map((id) => id.replace(/\./g, '\\.')).join('|')})\\s+\\p{L}`,
  'mu',
);

beforeAll(async () => {
  expect(
    existsSync(CHROMIUM),
    'Debian chromium is needed for this test: apt-get install chromium',
  ).toBe(true);
  const returns = join(dir, 'returns.csv');
  write(returns, returnsCsv(orgs));
  const db = join(dir, 'pdf.duckdb');
  expect(runCli(['ingest', returns, '--db', db]).code).toBe(0);
  for (const [out, args] of [
    [en, ['--all']],
    [zh, ['--org', 'N0', '--lang', 'zh-CN']],
  ] as const) {
    const r = runReport(['--db', db, ...args, '--out', out, '--pdf']);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launchChromium(CHROMIUM);
});

afterAll(async () => {
  await browser?.close();
});

const pdfsIn = (out: string) =>
  readdirSync(out)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => join(out, f));
const allPdfs = () => [...pdfsIn(en), ...pdfsIn(zh)];
const htmlOf = (pdf: string) => pdf.replace(/\.pdf$/, '.html');

describe('report --pdf on paper', () => {
  it('prints a PDF for every report and the summary', () => {
    expect(
      pdfsIn(en)
        .map((f) => f.slice(en.length + 1))
        .sort(),
    ).toEqual([...orgs.map((o) => `${o.id}-2025.pdf`), 'summary.pdf'].sort());
    expect(pdfsIn(zh).map((f) => f.slice(zh.length + 1))).toEqual(['N0-2025.pdf']);
  });

  it('numbers every page "page N of M" and names the organization on it, in the report\'s language', () => {
    const check = (pdf: string, running: string, pageOf: (n: number, m: number) => string) => {
      const pages = pdfPages(pdf);
      expect(pages.length, pdf).toBeGreaterThan(1);
      pages.forEach((text, i) => {
        expect(text, `${pdf} page ${i + 1}`).toContain(pageOf(i + 1, pages.length));
        expect(text, `${pdf} page ${i + 1}`).toContain(running);
      });
    };
    const english = (n: number, m: number) => `Page ${n} of ${m}`;
    for (const o of orgs)
      check(join(en, `${o.id}-2025.pdf`), `${o.name} · Evaluation report · 2025`, english);
    check(join(en, 'summary.pdf'), 'Secretariat summary', english);
    check(
      join(zh, 'N0-2025.pdf'),
      '零点公益服务中心 · 评价报告 · 2025',
      (n, m) => `第 ${n} 页，共 ${m} 页`,
    );
    // A name that is markup and quotes reads as itself at the foot of its pages.
    expect(pdfPages(join(en, 'Z1-2025.pdf'))[0]).toContain(`${HOSTILE} · Evaluation report`);
  });

  it('repeats the header row on every page the indicator table runs on to', () => {
    for (const [pdf, header] of [
      [join(en, 'N0-2025.pdf'), /^\s*Indicator\s+Score \(0–100\)\s+Peer percentile\s*$/m],
      [join(zh, 'N0-2025.pdf'), /^\s*指标\s+得分（0–100）\s+同类百分位\s*$/m],
    ] as const) {
      // A second- or third-level row of the table starts its line with its id and name; the
      // strengths and weakest lists number theirs ("1. 3.3.1"), and N0 has one evaluator.
      const withRows = pdfPages(pdf).filter((p) => ROW.test(p));
      expect(withRows.length, pdf).toBeGreaterThan(1);
      for (const p of withRows) expect(p).toMatch(header);
    }
  });

  it('keeps every table row, chart, card and advice block whole on one page', async () => {
    const kinds = new Set<string>();
    for (const pdf of allPdfs()) {
      const html = htmlOf(pdf);
      for (const b of await blocksOf(browser, html)) kinds.add(b.kind);
      expect(await blocksSplitAcrossPages(browser, html, pdf), pdf).toEqual([]);
    }
    expect([...kinds].sort()).toEqual(['card', 'chart', 'item', 'row']);
  });

  it('catches a block split by a page break (the check itself works), which our print CSS prevents', async () => {
    // Long advice items and rows of three to eight lines: without break-inside: avoid, page
    // breaks fall inside some of them.
    const words = (n: number, seed: number) =>
      Array.from({ length: n }, (_, i) => `w${(seed * 31 + i * 7) % 97}`).join(' ');
    const body = html`<h1>Control</h1>
<ol class="items">${Array.from({ length: 60 }, (_, i) => html`<li>Item ${i}<span class="improve">${words(40 + (i % 5) * 9, i)}</span></li>`)}</ol>
<table><thead><tr><th>Id</th><th>Text</th></tr></thead><tbody>${Array.from({ length: 60 }, (_, i) => html`<tr><td>r${i}</td><td>${words(20 + (i % 4) * 12, i + 100)}</td></tr>`)}</tbody></table>`;
    const ours = page('en', 'Control', body);
    const files = {
      ours: join(dir, 'control-ours.html'),
      unkept: join(dir, 'control-unkept.html'),
    };
    writeFileSync(files.ours, ours);
    writeFileSync(
      files.unkept,
      ours.replace('</style>', '* { break-inside: auto !important; }</style>'),
    );
    const pdf = (f: string) => f.replace(/\.html$/, '.pdf');
    await printPdfs(CHROMIUM, [
      { html: files.ours, pdf: pdf(files.ours) },
      { html: files.unkept, pdf: pdf(files.unkept) },
    ]);
    const split = await blocksSplitAcrossPages(browser, files.unkept, pdf(files.unkept));
    expect(new Set(split.map((b) => b.kind))).toEqual(new Set(['row', 'item']));
    expect(await blocksSplitAcrossPages(browser, files.ours, pdf(files.ours))).toEqual([]);
  });
});

describe('no negative zero', () => {
  it('is what the check finds: "-0", "−0.0", "-0.00", but not "−0.05" or a date', () => {
    for (const s of ['change −0.0', '(-0.00)', 'x -0 y', '−0.0%']) expect(s).toMatch(NEGATIVE_ZERO);
    for (const s of ['−0.05', '-0.5', '2025-01-03 08:52', '25%–75%', '0.0', 'A-0', '10-0.0'])
      expect(s).not.toMatch(NEGATIVE_ZERO);
  });

  it('reads a fall of 0.04 points as 0.0, and a first-level indicator that did not move as 0.0, not +0.0', () => {
    const change = expected(N0, '2025').total - expected(N0, '2024').total;
    expect(change).toBeCloseTo(-15 / 378, 6);
    expect(change.toFixed(1)).toBe('-0.0'); // what a plain toFixed prints
    const row = (out: string, label: string) => {
      const page = readFileSync(join(out, 'N0-2025.html'), 'utf8');
      const tr = page.match(new RegExp(`<tr[^>]*><td>${label}</td>[\\s\\S]*?</tr>`))![0];
      return [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!).slice(1);
    };
    // total, (peer median), then first-level indicators 1 … 5
    const cells = ['0.0', '', '0.0', '\u22124.2', '\u22125.6', '+9.5', '0.0'];
    expect(row(en, 'Change 2024 → 2025')).toEqual(cells);
    expect(row(zh, '2024 → 2025 变化')).toEqual(cells);
  });

  it('appears on no page of any output, HTML or PDF, in either language', () => {
    const pages: [string, string][] = [];
    for (const out of [en, zh])
      for (const f of readdirSync(out).filter((f) => f.endsWith('.html')))
        pages.push([f, visibleText(readFileSync(join(out, f), 'utf8'))]);
    for (const pdf of allPdfs())
      pdfPages(pdf).forEach((text, i) => pages.push([`${pdf} page ${i + 1}`, text]));
    expect(pages.length).toBeGreaterThan(30);
    for (const [where, text] of pages)
      expect(text.match(NEGATIVE_ZERO)?.[0], where).toBeUndefined();
  });
});
