/**
 * Generated reports opened in Debian chromium through playwright-core, from file://, with every
 * request watched: each chart is an SVG that ECharts drew with the expected series, nothing
 * leaves the page, a hostile name stays text. Screenshots go to test-artifacts/. `--pdf` prints
 * a real PDF; without chromium it says so and exits 3.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../pipeline/report/print-pdf.ts';
import { ROOT, scratchDir } from '../support/run-cli.ts';
import { buildFixture, HOSTILE, plan } from './support/fixture.ts';
import { runReport } from './support/run-report-cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const dir = scratchDir('scorebook-report-browser-');
const out = join(dir, 'reports');
let db = '';
let browser: Browser;

beforeAll(async () => {
  expect(
    existsSync(CHROMIUM),
    'Debian chromium is needed for this test: apt-get install chromium',
  ).toBe(true);
  ({ db } = await buildFixture(dir));
  const r = runReport(['--db', db, '--all', '--out', out, '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium(CHROMIUM);
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  requests: string[];
  outside: string[];
  dialogs: string[];
  charts: { name: string; width: number; height: number; series: number[]; texts: string[] }[];
  title: string;
  h1: string;
}

/** Opens a page of `out`, refusing (and recording) every request that is not file://. */
async function open(file: string, screenshot: string, folder = out): Promise<Opened> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const outside: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  try {
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(pathToFileURL(join(folder, file)).href, { waitUntil: 'load' });
    const charts = await page.$$eval('figure[data-chart]', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const chartPaths = svg ? [...svg.querySelectorAll('[ecmeta_ssr_type="chart"]')] : [];
        const texts = svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '') : [];
        return {
          name: f.getAttribute('data-chart') ?? '',
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          series: [
            ...new Set(chartPaths.map((p) => Number(p.getAttribute('ecmeta_series_index')))),
          ].sort(),
          texts,
        };
      }),
    );
    await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
    return {
      requests,
      outside,
      dialogs,
      charts,
      title: await page.title(),
      h1: await page.evaluate(() => document.querySelector('h1')?.textContent ?? ''),
    };
  } finally {
    await page.close();
  }
}

describe('reports in chromium', () => {
  it('catches a request that leaves a page (the watcher itself works)', async () => {
    writeFileSync(
      join(out, 'control.html'),
      '<!DOCTYPE html><html><body><img src="http://example.invalid/pixel.png"><link rel="stylesheet" href="https://cdn.example.invalid/x.css"></body></html>',
    );
    const o = await open('control.html', 'control.png');
    expect(o.outside.sort()).toEqual([
      'http://example.invalid/pixel.png',
      'https://cdn.example.invalid/x.css',
    ]);
  });

  it('draws the radar with the peer band, median and the organization, and the trend, with no request leaving the page', async () => {
    const o = await open('A1-2025.html', 'report-A1.png');
    expect(o.outside).toEqual([]);
    expect(o.requests.every((u) => u.startsWith('file:'))).toBe(true);
    expect(o.charts.map((c) => c.name)).toEqual(['radar', 'trend']);
    for (const c of o.charts) {
      expect(c.width).toBeGreaterThan(300);
      expect(c.height).toBeGreaterThan(200);
    }
    const [radar, trend] = o.charts;
    expect(radar!.series).toEqual([0, 1, 2, 3]);
    expect(radar!.texts).toEqual(
      expect.arrayContaining(['本机构', '同类机构中位数', '同类机构 25%–75% 区间']),
    );
    // Every first-level indicator is an axis of the radar.
    for (const d of plan.dimensions) expect(radar!.texts.join('\n')).toContain(d.id);
    expect(trend!.series).toEqual([0, 1]);
    expect(trend!.texts).toEqual(
      expect.arrayContaining(['本机构', '同类机构中位数', '2024', '2025']),
    );
    expect(statSync(join(ARTIFACTS, 'report-A1.png')).size).toBeGreaterThan(10_000);
  });

  it('draws only the organization where its group is under k (no fallback), and keeps a hostile name as text', async () => {
    // With the default fallback Z1 is compared with all members; without one, with nobody.
    // Compared another way, its page goes into a folder of its own (report-manifest.ts).
    const none = join(dir, 'reports-no-fallback');
    const r = runReport([
      '--db',
      db,
      '--org',
      'Z1',
      '--out',
      none,
      '--lang',
      'zh-CN',
      '--fallback',
      'none',
    ]);
    expect(r.code).toBe(0);
    const o = await open('Z1-2025.html', 'report-Z1-hostile-name.png', none);
    expect(o.outside).toEqual([]);
    expect(o.dialogs).toEqual([]);
    expect(o.h1).toBe(HOSTILE);
    expect(o.title).toContain(HOSTILE);
    expect(o.charts.map((c) => c.name)).toEqual(['radar']);
    expect(o.charts[0]!.series).toEqual([0]);
    expect(o.charts[0]!.texts).not.toContain('同类机构中位数');
  });

  it('draws the summary\'s histogram and heat map (suppressed cells as "< 5") with no request leaving the page', async () => {
    const o = await open('summary.html', 'summary.png');
    expect(o.outside).toEqual([]);
    expect(o.charts.map((c) => c.name)).toEqual(['histogram', 'heatmap']);
    const heat = o.charts[1]!;
    expect(heat.series).toEqual([0, 1]);
    expect(heat.texts.filter((t) => t === '< 5')).toHaveLength(2 * plan.dimensions.length);
    expect(heat.texts).toEqual(
      expect.arrayContaining([
        '深圳 × 社会团体\uff085\uff09',
        '武汉 × 基金会\uff08< 5\uff09',
        expect.stringMatching(/^全部成员\uff08\d+\uff09$/),
      ]),
    );
    const index = await open('index.html', 'index.png');
    expect(index.outside).toEqual([]);
    expect(index.dialogs).toEqual([]);
  });
});

describe('report --pdf', () => {
  it('prints the report to a PDF through chromium', () => {
    const pdfOut = join(dir, 'pdf');
    const r = runReport(['--db', db, '--org', 'A1', '--out', pdfOut, '--pdf']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PDF: 1 file(s)');
    const pdf = readFileSync(join(pdfOut, 'A1-2025.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
  });

  it('says so and exits 3 when chromium is missing, the HTML still written', () => {
    const pdfOut = join(dir, 'no-chromium');
    const r = runReport(['--db', db, '--org', 'A1', '--out', pdfOut, '--pdf'], {
      env: { SCOREBOOK_CHROMIUM: join(dir, 'no-such-chromium') },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `No chromium at ${join(dir, 'no-such-chromium')}: no PDF was printed (the HTML reports are written).`,
    );
    expect(existsSync(join(pdfOut, 'A1-2025.html'))).toBe(true);
    expect(existsSync(join(pdfOut, 'A1-2025.pdf'))).toBe(false);
  });
});
