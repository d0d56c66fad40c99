/**
 * Reports → PDF through headless Debian chromium (playwright-core drives it; no browser is
 * downloaded). One browser for a whole run, a fresh profile each time, the network off: a
 * report needs nothing from outside, and any request it made would be refused.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// playwright-core is loaded when a PDF is asked for: it takes most of a second to load, which every
// `scorebook report` would pay otherwise.
import type { BrowserContext } from 'playwright-core';
import { writeWholeSync } from '../files/write-whole.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The chromium to use (SCOREBOOK_CHROMIUM overrides /usr/bin/chromium), or null when it is not there. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): {
  path: string;
  found: boolean;
} {
  const path = env.SCOREBOOK_CHROMIUM || DEFAULT_CHROMIUM;
  return { path, found: existsSync(path) };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless chromium with a fresh --user-data-dir that is removed on close. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'scorebook-chromium-'));
  let context: BrowserContext;
  try {
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      offline: true,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PdfJob {
  html: string;
  pdf: string;
}

/**
 * Print each HTML file to its PDF, a few at a time: A4 with backgrounds, as the page's own
 * print CSS lays it out (rows, charts and advice kept whole, table headers repeated, every
 * page's foot numbered in the page's @page margin boxes; chromium's own header and footer stay
 * off, they would print the file's path and the date instead).
 */
export async function printPdfs(
  executablePath: string,
  jobs: PdfJob[],
  opts: { concurrency?: number; onDone?: (job: PdfJob) => void } = {},
): Promise<void> {
  if (!jobs.length) return;
  const browser = await launchChromium(executablePath);
  try {
    // Nothing but the report's own file may load.
    await browser.context.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
    let next = 0;
    const worker = async () => {
      const page = await browser.context.newPage();
      try {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          await page.goto(pathToFileURL(job.html).href, { waitUntil: 'load' });
          // Printed to memory, then written whole: a full disk leaves no PDF cut short.
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            displayHeaderFooter: false,
          });
          writeWholeSync(job.pdf, pdf);
          opts.onDone?.(job);
        }
      } finally {
        await page.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, jobs.length) }, worker));
  } finally {
    await browser.close();
  }
}
