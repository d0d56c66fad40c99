/**
 * Reading printed reports back as a reader sees them: a PDF's text page by page (poppler's
 * pdftotext), a page's visible text, and whether each block that must stay whole (a table
 * row, a chart, a card, an indicator's advice) is found whole on one printed page.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Browser } from '../../../pipeline/report/print-pdf.ts';

/** A sign before a zero that is a whole figure: "-0", "−0.0", "-0.00" (not "-0.5", not the "-01" of a date). */
export const NEGATIVE_ZERO = /(?<![\p{L}\p{N}.])[-\u2212]0(?:\.0+)?(?![\p{N}.])/u;

/**
 * The text of each page of `pdf`: `layout` keeps lines as printed (a table row on one line),
 * `raw` keeps the order things were drawn in (a row's cells one after another).
 */
export function pdfPages(pdf: string, mode: 'layout' | 'raw' = 'layout'): string[] {
  const r = spawnSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  });
  expect(
    r.error,
    'poppler-utils is needed for this test: apt-get install poppler-utils',
  ).toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  // A form feed ends every page, the last one included.
  return r.stdout.split('\f').slice(0, -1);
}

/** What a person reads on an HTML page: no stylesheet, no markup, entities decoded (an SVG's labels included). */
export function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

export interface Block {
  kind: string;
  text: string;
}

/**
 * Every block of an HTML report that print must keep whole, with its text as it is drawn: each
 * table row, each chart (its SVG's labels, then its caption), each card, each item of the
 * strengths and weakest lists (an indicator with its advice).
 */
export async function blocksOf(browser: Browser, html: string): Promise<Block[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // No named function inside: the test's transpiler would wrap it in a helper the page lacks.
    return await page.evaluate(() => [
      ...[...document.querySelectorAll('tr')].map((e) => ({ kind: 'row', text: e.innerText })),
      ...[...document.querySelectorAll('figure')].map((e) => ({
        kind: 'chart',
        // A label with a halo (a stroke under the fill) is drawn twice, stroke then fill,
        // and a PDF's text holds it twice.
        text: [
          ...[...e.querySelectorAll('svg text')].map((t) =>
            (t.getAttribute('stroke') ?? 'none') === 'none'
              ? (t.textContent ?? '')
              : `${t.textContent ?? ''} ${t.textContent ?? ''}`,
          ),
          e.querySelector('figcaption')?.textContent ?? '',
        ].join(' '),
      })),
      ...[...document.querySelectorAll<HTMLElement>('.card')].map((e) => ({
        kind: 'card',
        text: e.innerText,
      })),
      ...[...document.querySelectorAll<HTMLElement>('ol.items li')].map((e) => ({
        kind: 'item',
        text: e.innerText,
      })),
    ]);
  } finally {
    await page.close();
  }
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The blocks of `html` that no page of its PDF holds whole. A block split across a page break
 * has the start of its text on one page and the rest on the next, so no single page's text (in
 * the order it was drawn, spaces aside) contains all of it.
 */
export async function blocksSplitAcrossPages(
  browser: Browser,
  html: string,
  pdf: string,
): Promise<Block[]> {
  const pages = pdfPages(pdf, 'raw').map(squeeze);
  const blocks = await blocksOf(browser, html);
  expect(blocks.length).toBeGreaterThan(0);
  return blocks.filter((b) => squeeze(b.text) && !pages.some((p) => p.includes(squeeze(b.text))));
}
