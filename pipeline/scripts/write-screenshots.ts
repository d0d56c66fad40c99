/**
 * `npm run docs:screenshots`: the README's pictures, remade from what the product really does,
 * so they cannot drift into fiction. The task pane is pictured by its own browser test (chromium
 * with the stub Office.js and the recording fake Excel); the sheet is a demo return printed by
 * LibreOffice (an independent engine computing our formulas); the report and the summary are the
 * demo's pages in chromium. Needs `npm run demo` first, and poppler-utils for pdftoppm.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findChromium, launchChromium } from '../report/print-pdf.ts';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const IMAGES = join(ROOT, 'docs', 'images');
const DEMO = join(ROOT, 'demo');

function need(ok: boolean, what: string): void {
  if (!ok) {
    process.stderr.write(`docs:screenshots: ${what}\n`);
    process.exit(1);
  }
}

function run(cmd: string, args: string[], cwd = ROOT): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  need(r.status === 0, `${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

const chromium = findChromium();
need(chromium.found, 'chromium is needed: apt-get install chromium (or set SCOREBOOK_CHROMIUM)');
need(
  spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0,
  'pdftoppm is needed: apt-get install poppler-utils',
);
need(
  spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0,
  'LibreOffice is needed: apt-get install libreoffice-calc-nogui',
);
need(
  existsSync(join(DEMO, 'reports', 'index.html')),
  'run `npm run demo` first: the pictures show its workbooks and reports',
);
mkdirSync(IMAGES, { recursive: true });

// 1. The task pane, as its browser test leaves it after Generate and Check.
run('npx', ['vitest', 'run', 'test/addin/taskpane.browser.test.ts']);
copyFileSync(
  join(ROOT, 'test-artifacts', 'addin-taskpane-check-zh.png'),
  join(IMAGES, 'taskpane-zh.png'),
);
copyFileSync(
  join(ROOT, 'test-artifacts', 'addin-taskpane-check-en.png'),
  join(IMAGES, 'taskpane-en.png'),
);
process.stdout.write('task pane → docs/images/taskpane-zh.png, taskpane-en.png\n');

// 2. A returned workbook printed by LibreOffice: the scoring sheet and the summary sheet.
const work = mkdtempSync(join(tmpdir(), 'scorebook-shots-'));
try {
  const sample = readdirSync(join(DEMO, 'returns'))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()[1]!;
  copyFileSync(join(DEMO, 'returns', sample), join(work, 'sheet.xlsx'));
  run(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      join(work, 'sheet.xlsx'),
    ],
    work,
  );
  const pdf = join(work, 'sheet.pdf');
  const pages = Number(
    /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0,
  );
  need(pages >= 2, `LibreOffice printed ${pages} pages of ${sample}`);
  // The scoring sheet is printed first; the summary follows it (the rules sheet is hidden and
  // not printed). The summary's first page is the one with its title.
  const pageText = (n: number) =>
    spawnSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' })
      .stdout;
  const summaryAt = Array.from({ length: pages }, (_, i) => i + 1).find((n) =>
    pageText(n).includes('评价汇总'),
  );
  need(summaryAt !== undefined, `no summary page in the print of ${sample}`);
  // A whole printed page, as it comes out of the printer (docs/printing.md).
  run('pdftoppm', [
    '-png',
    '-singlefile',
    '-r',
    '60',
    '-f',
    '2',
    '-l',
    '2',
    pdf,
    join(IMAGES, 'sheet-printed-zh'),
  ]);
  run('pdftoppm', [
    '-png',
    '-singlefile',
    '-r',
    '130',
    '-f',
    '1',
    '-l',
    '1',
    // Inside the margins (0.3 in at the sides, 0.6 in at the top: core/sheet/page-setup.ts).
    '-x',
    '36',
    '-y',
    '62',
    '-W',
    '1450',
    '-H',
    '600',
    pdf,
    join(IMAGES, 'sheet-zh'),
  ]);
  const summaryPage = String(summaryAt);
  run('pdftoppm', [
    '-png',
    '-singlefile',
    '-r',
    '130',
    '-f',
    summaryPage,
    '-l',
    summaryPage,
    '-x',
    '36',
    '-y',
    '62',
    '-W',
    '1320',
    '-H',
    '720',
    pdf,
    join(IMAGES, 'sheet-summary-zh'),
  ]);
  process.stdout.write(
    `workbook ${sample} printed by LibreOffice → docs/images/sheet-zh.png, sheet-printed-zh.png, sheet-summary-zh.png\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

// 3. The demo's first report and the secretariat summary, as a reader first sees them.
const browser = await launchChromium(chromium.path);
try {
  const reports = join(DEMO, 'reports');
  const first = readdirSync(reports)
    .filter((f) => /^M\d+.*\.html$/.test(f))
    .sort()[0];
  need(first !== undefined, `no organization report in ${reports}`);
  for (const [file, image, height] of [
    [first!, 'report-zh.png', 1500],
    ['summary.html', 'summary-zh.png', 1300],
  ] as const) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height });
    await page.goto(pathToFileURL(join(reports, file)).href, { waitUntil: 'load' });
    await page.screenshot({ path: join(IMAGES, image) });
    await page.close();
    process.stdout.write(`${file} → docs/images/${image}\n`);
  }
} finally {
  await browser.close();
}
