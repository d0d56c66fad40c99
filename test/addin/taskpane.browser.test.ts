/**
 * The task pane in Debian's chromium, as a person uses it: the built pane is served on
 * 127.0.0.1, the request for Microsoft's office.js is answered with a stub that hosts the
 * recording fake of Excel, and the test clicks through Generate, types answers into the sheet,
 * lets LibreOffice do Excel's calculation, clicks Check, edits a formula's result, and
 * regenerates with an indicator removed. Screenshots go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersToInputs, evaluate, type RowAnswer, type Template } from '../../core/index.ts';
import type { FakeExcel } from '../../addin/fake/fake-excel.ts';
import type { WorkbookState } from '../../addin/fake/workbook-state.ts';
import { buildAddin } from '../../addin/scripts/build.ts';
import { staticHandler } from '../../addin/scripts/static-server.ts';
import { scratchDir } from '../support/run-cli.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { definitionState } from './support/definition-state.ts';
import { shippedPlan } from './support/models.ts';
import { computeWithLibreOffice, type Computed } from './support/recalculate-state.ts';

const ARTIFACTS = resolve('test-artifacts');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const dir = scratchDir('scorebook-taskpane-');
let server: Server;
let base = '';
let stub = '';
let profiles = 0;
// The flags that keep chromium from reaching for the network; each pane gets a fresh profile.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Win = { __fake: FakeExcel };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const out = await buildAddin({ outDir: join(dir, 'addin'), minify: false });
  const built = await esbuild.build({
    entryPoints: [resolve('test/addin/support/office-stub.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  });
  stub = built.outputFiles[0]!.text;
  server = createServer(staticHandler(out));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

async function openPane(
  config: { displayLanguage: string; state?: WorkbookState; host?: null },
  width = 360,
  opts: { officeJs?: boolean; ready?: string } = {},
): Promise<{ page: Page; requests: string[] }> {
  // A persistent context is how playwright takes a --user-data-dir: a new, empty one each time.
  const context = await chromium.launchPersistentContext(join(dir, `profile-${++profiles}`), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height: 1000 },
    deviceScaleFactor: 1,
  });
  const requests: string[] = [];
  // Nothing leaves the machine: office.js is the stub, anything else not on 127.0.0.1 fails.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === OFFICE_JS)
      return opts.officeJs === false
        ? route.abort()
        : route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (url.startsWith(base)) return route.continue();
    return route.abort();
  });
  await context.addInitScript(
    (cfg) => ((window as unknown as { __officeConfig: unknown }).__officeConfig = cfg),
    { apiVersion: 1.8, ...config },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector(`body[data-ready="${opts.ready ?? 'true'}"]`, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return { page, requests };
}

const state = (page: Page) =>
  page.evaluate(
    () => JSON.parse(JSON.stringify((window as unknown as Win).__fake.state)) as WorkbookState,
  );
const syncCount = (page: Page) =>
  page.evaluate(() => (window as unknown as Win).__fake.log.syncs.length);

/** The evaluator types into the sheet: the fake's Excel API, through the names, as protection allows. */
async function typeAnswers(page: Page, values: Record<string, string | number>): Promise<void> {
  await page.evaluate(async (vals) => {
    const fake = (window as unknown as Win).__fake;
    await fake.run(async (ctx) => {
      for (const [name, v] of Object.entries(vals))
        ctx.workbook.names.getItem(name).getRange().values = [[v]];
      await ctx.sync();
    });
  }, values);
}

async function setComputed(page: Page, computed: Computed): Promise<void> {
  await page.evaluate((c) => {
    for (const s of (window as unknown as Win).__fake.state.sheets)
      for (const [k, v] of Object.entries(c[s.name] ?? {}))
        if (s.cells[k]) s.cells[k]!.computed = v;
  }, computed);
}

function named(st: WorkbookState, name: string) {
  const n = st.names.find((x) => x.name === name);
  if (!n?.ref) return undefined;
  return st.sheets.find((s) => s.uid === n.ref!.uid)?.cells[`${n.ref.row},${n.ref.col}`];
}

describe('the task pane in chromium (zh-CN)', () => {
  let page: Page;
  let requests: string[];
  let final: WorkbookState;

  it('opens in Chinese with the GB/T Annex B profile chosen, loading office.js from Microsoft’s CDN', async () => {
    ({ page, requests } = await openPane({ displayLanguage: 'zh-CN' }));
    expect(requests).toContain(OFFICE_JS);
    expect(await page.textContent('h1')).toBe('scorebook 评价表');
    expect(await page.locator('#template option').count()).toBe(4);
    expect(await page.inputValue('#template')).toBe('gbt-40143-2021');
    expect(await page.inputValue('#profile')).toBe('annex-b-example');
    expect(await page.textContent('#chosen-count')).toBe('已选 17 / 95 项');
    expect(await page.locator('[data-weight]').count()).toBe(3);
  });

  it('shows the weights’ sum and renormalized shares', async () => {
    await page.fill('[data-weight="5"]', '0.5');
    await page.dispatchEvent('[data-weight="5"]', 'change');
    expect(await page.textContent('#weights-sum')).toContain('权重合计 0.9');
    expect(await page.textContent('[data-share="5"]')).toBe('55.6%');
    expect(await page.textContent('[data-share="1"]')).toBe('22.2%');
  });

  it('Generate writes the scoring sheet into the workbook in 3 syncs (1 to read, 2 to write)', async () => {
    await page.fill('#org-org_name', '深圳市阳光志愿者协会');
    await page.fill('#org-org_id', 'M001');
    await page.fill('#org-period', '2025');
    await page.fill('#org-evaluator', '李四');
    const before = await syncCount(page);
    await page.click('#generate');
    await page.waitForSelector('#status.ok');
    expect(await page.textContent('#status')).toContain('评分表已生成：17 项指标');
    expect((await syncCount(page)) - before).toBe(3);
    const st = await state(page);
    expect(st.sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual([
      'Sheet1:Visible',
      '评分表:Visible',
      '汇总:Visible',
      '规则:Hidden', // not printed (docs/printing.md)
      '_scorebook:VeryHidden',
    ]);
    expect(st.names).toHaveLength(17 * 5 + 3 * 2 + 3);
    expect(named(st, 'WT_5')?.value).toBe(0.5);
    expect(st.sheets.filter((s) => s.name !== 'Sheet1').every((s) => s.protection.protected)).toBe(
      true,
    );
    const meta = st.sheets.find((s) => s.name === '_scorebook')!;
    expect(
      Object.values(meta.cells).some(
        (c) => c.value === '深圳市阳光志愿者协会' && c.formula === undefined,
      ),
    ).toBe(true);
  });

  const answers: Record<string, string | number> = {
    IN_1_1_1: '符合',
    IN_1_1_2: '符合',
    IN_1_1_3: '不符合',
    IN_1_1_4: '符合',
    IN_5_2_2: 0.9,
    IN_5_2_4: 0.25,
    IN_5_3_1: 0.62,
    NA_5_3_2: '不适用',
    IN_5_4_1: 0.5,
    IN_5_4_2: 0.8,
    IN_6_1_1: '符合',
    IN_6_1_2: '不符合',
  };

  it('Check, after Excel (here LibreOffice) has calculated, shows the engine’s total and no disagreement', async () => {
    await typeAnswers(page, answers);
    await setComputed(page, await computeWithLibreOffice(await state(page), dir, 'filled'));
    await page.click('#check');
    await page.waitForSelector('#check-results');
    const inputs = new Map<string, RowAnswer>();
    for (const [name, v] of Object.entries(answers)) {
      const id = name.slice(3).replace(/_/g, '.');
      inputs.set(id, {
        ...inputs.get(id),
        ...(name.startsWith('NA_') ? { na: true } : { input: v }),
      });
    }
    const plan = shippedPlan('gbt-40143-2021', {
      profile: 'annex-b-example',
      weights: { '1': 0.2, '5': 0.5, '6': 0.2 },
    });
    const ev = evaluate(plan, answersToInputs(inputs));
    expect(ev.total).not.toBeNull();
    expect(await page.textContent('#check-total')).toBe(ev.total!.toFixed(2));
    expect(await page.textContent('#check-results')).not.toContain('注意');
    expect(await page.isVisible('#check-agree')).toBe(true);
    expect(await page.isVisible('#check-mismatches')).toBe(false);
    expect(await page.textContent('#check-unanswered summary')).toBe(
      `未作答的适用指标 ${ev.unanswered.length} 项（计分指标按 0 分计）：`,
    );
    // The same number the sheet shows the member in its UNANSWERED cell, as calculated.
    expect(named(await state(page), 'UNANSWERED')?.computed).toBe(ev.unanswered.length);
    expect(await page.locator('#check-dimensions tbody tr').count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-taskpane-check-zh.png'), fullPage: true });
  });

  it('Check warns where the sheet computes another score than the engine', async () => {
    await page.evaluate(() => {
      const st = (window as unknown as Win).__fake.state;
      const n = st.names.find((x) => x.name === 'SC_5_2_2')!;
      st.sheets.find((s) => s.uid === n.ref!.uid)!.cells[`${n.ref!.row},${n.ref!.col}`]!.computed =
        0.1;
    });
    await page.click('#check');
    await page.waitForSelector('#check-mismatches');
    expect(await page.textContent('#check-mismatches')).toContain('SC_5_2_2：工作簿 0.1，引擎 1');
  });

  it('regenerating without an answered indicator asks first, then keeps the other answers and says what it dropped', async () => {
    await page.click('[data-dimension-block="1"] summary .grow');
    await page.uncheck('[data-indicator="1.1.2"]');
    expect(await page.textContent('#chosen-count')).toBe('已选 16 / 95 项');
    await page.click('#generate');
    await page.waitForSelector('#confirm:not([hidden])');
    expect(await page.textContent('#confirm-list')).toContain('1.1.2');
    await page.screenshot({
      path: join(ARTIFACTS, 'addin-taskpane-confirm-zh.png'),
      fullPage: true,
    });
    await page.click('#confirm-go');
    await page.waitForSelector('#status.ok');
    expect(await page.textContent('#status')).toContain('以下指标已不再选用');
    expect(await page.textContent('#status')).toContain('保留了 11 项指标已填写的内容');
    final = await state(page);
    expect(named(final, 'IN_1_1_2')).toBeUndefined();
    expect(named(final, 'IN_1_1_1')?.value).toBe('符合');
    expect(named(final, 'NA_5_3_2')?.value).toBe('不适用');
    expect(named(final, 'IN_5_2_2')?.value).toBe(0.9);
    expect(final.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      '评分表',
      '汇总',
      '规则',
      '_scorebook',
    ]);
  });

  it('cancelling the confirmation changes nothing', async () => {
    await page.uncheck('[data-indicator="1.1.3"]');
    await page.click('#generate');
    await page.waitForSelector('#confirm:not([hidden])');
    const before = JSON.stringify(await state(page));
    await page.click('#confirm-cancel');
    expect(await page.textContent('#status')).toBe('已取消，工作簿未改动。');
    expect(JSON.stringify(await state(page))).toBe(before);
  });

  it('fits the pane from 320 to 450 px without sideways scrolling', async () => {
    for (const width of [320, 450]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
    }
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'addin-taskpane-320.png'), fullPage: false });
    await page.context().close();
  });

  it('in English, reopened on that workbook, it restores the choices the sheet was made with', async () => {
    const { page: en } = await openPane({ displayLanguage: 'en-US', state: final }, 400);
    expect(await en.textContent('h1')).toBe('scorebook scoring sheet');
    expect(await en.textContent('#status')).toContain('This workbook has a scoring sheet');
    expect(await en.textContent('#chosen-count')).toBe('16 of 95 chosen');
    expect(await en.inputValue('[data-weight="5"]')).toBe('0.5');
    expect(await en.inputValue('#org-org_id')).toBe('M001');
    await en.click('#check');
    await en.waitForSelector('#check-results');
    expect(await en.textContent('#check-results')).toContain('Total (out of 100)');
    await en.screenshot({ path: join(ARTIFACTS, 'addin-taskpane-check-en.png'), fullPage: true });
    await en.context().close();
  });

  it('writes a name that looks like a formula as text, never as a formula', async () => {
    const { page: p } = await openPane({ displayLanguage: 'zh-CN' });
    await p.fill('#org-org_name', '=HYPERLINK("http://x") 阳光志愿者协会');
    await p.fill('#org-org_id', '@M002');
    await p.click('#generate');
    await p.waitForSelector('#status.ok');
    const cells = (await state(p)).sheets.flatMap((s) => Object.values(s.cells));
    expect(
      cells.some(
        (c) => c.value === '=HYPERLINK("http://x") 阳光志愿者协会' && c.formula === undefined,
      ),
    ).toBe(true);
    expect(cells.some((c) => c.value === '@M002' && c.formula === undefined)).toBe(true);
    expect(
      cells.some((c) => typeof c.formula === 'string' && c.formula.includes('HYPERLINK')),
    ).toBe(false);
    await p.context().close();
  });

  it('puts the credit code and the evaluation mode, in words, into the printed subtitle', async () => {
    for (const [lang, sheet, segments] of [
      ['zh-CN', '评分表', ['统一社会信用代码：91350200777049653G', '评价形式：第三方评价']],
      [
        'en',
        'Scoring',
        [
          'Unified social credit code: 91350200777049653G',
          'Evaluation mode: third-party evaluation',
        ],
      ],
    ] as const) {
      const { page: p } = await openPane({ displayLanguage: lang });
      await p.fill('#org-org_name', '深圳市阳光志愿者协会');
      await p.fill('#org-org_id', 'M003');
      // Typed as people type it: lower case, with spaces; the pane writes it normalized.
      await p.fill('#org-credit_code', '9135 0200 7770 4965 3g');
      await p.selectOption('#org-evaluation_mode', 'third-party');
      await p.click('#generate');
      await p.waitForSelector('#status.ok');
      const scoring = (await state(p)).sheets.find((s) => s.name === sheet);
      // The subtitle: the one cell of the sheet that names the organization.
      const subtitle = Object.values(scoring?.cells ?? {})
        .map((c) => String(c.value ?? ''))
        .filter((t) => t.includes('M003'));
      expect(subtitle).toHaveLength(1);
      for (const segment of segments) expect(subtitle[0]).toContain(`    ${segment}    `);
      await p.context().close();
    }
  });

  it('says in words when the workbook is in the way', async () => {
    const blocked: WorkbookState = {
      sheets: [
        {
          uid: 1,
          name: 'Summary',
          visibility: 'Visible',
          cells: { '0,0': { value: 'budget' } },
          columns: {},
          merges: [],
          protection: { protected: false },
        },
      ],
      names: [],
      activeUid: 1,
      nextUid: 2,
      calculationSuspended: false,
      suspendedBatches: 0,
    };
    const { page: p } = await openPane({ displayLanguage: 'en-US', state: blocked });
    await p.selectOption('#profile', '');
    await p.click('#generate');
    await p.waitForSelector('#status.error');
    expect(await p.textContent('#status')).toBe(
      'The workbook already has a sheet named “Summary” that scorebook did not make. Rename or delete it, then press Generate again. Nothing was changed.',
    );
    expect((await state(p)).sheets).toHaveLength(1);
    await p.context().close();
  });

  it('opened in a browser outside Excel, it says to open it inside Excel and offers nothing to press', async () => {
    const { page: p } = await openPane({ displayLanguage: 'zh-CN', host: null }, 360, {
      ready: 'no-host',
    });
    expect(await p.getAttribute('#status', 'class')).toBe('status error');
    expect(await p.textContent('#status')).toBe(
      'Open this page inside Excel: in Excel, press the scorebook button on the Home tab to open this pane.',
    );
    expect(await p.isDisabled('#generate')).toBe(true);
    expect(await p.isDisabled('#check')).toBe(true);
    await p.context().close();
  });

  it('says where office.js should have come from when it does not load', async () => {
    const { page: p } = await openPane({ displayLanguage: 'en-US' }, 360, {
      officeJs: false,
      ready: 'no-host',
    });
    expect(await p.textContent('#status')).toContain(`Office.js (${OFFICE_JS}) did not load`);
    await p.context().close();
  });
});

describe('the task pane in chromium: a template defined in the workbook', () => {
  it('offers "a template defined in this workbook", generates from it, and finds it again', async () => {
    // A standard the pane does not ship: written in the workbook's own definition sheets.
    const t = structuredClone(shippedTemplates().get('tssof-0001-2024-basic')!) as Template;
    t.id = 'club-check';
    t.title = { 'zh-CN': '俱乐部自查表', en: 'Club self-check' };
    const { page: p } = await openPane({
      displayLanguage: 'zh-CN',
      state: definitionState(t, 'zh-CN'),
    });
    expect(await p.inputValue('#template')).toBe('__workbook__');
    expect(await p.textContent('#template option:checked')).toBe(
      '本工作簿中定义的模板：俱乐部自查表 (club-check 1.0.0)',
    );
    expect(await p.textContent('#status')).toContain('此工作簿中定义了一个模板');
    expect(await p.textContent('#chosen-count')).toBe('已选 46 / 46 项');
    await p.fill('#org-org_id', 'C1');
    await p.fill('#org-period', '2025');
    await p.click('#generate');
    await p.waitForSelector('#status.ok');
    expect(await p.textContent('#status')).toContain('评分表已生成：46 项指标');
    const st = await state(p);
    expect(st.sheets.map((s) => s.name)).toEqual([
      '说明',
      '设置',
      '指标',
      '方案',
      '方案规则',
      '等级',
      '规模分档',
      '评分表',
      '汇总',
      '规则',
      '_scorebook',
    ]);
    const meta = Object.values(st.sheets.find((s) => s.name === '_scorebook')!.cells);
    expect(meta.some((c) => c.value === 'club-check')).toBe(true);
    await p.screenshot({
      path: join(ARTIFACTS, 'addin-taskpane-definition-zh.png'),
      fullPage: true,
    });
    await p.context().close();

    // Opened again on that workbook: the scoring sheet is its own template's, found in the workbook.
    const { page: again } = await openPane({ displayLanguage: 'en-US', state: st });
    expect(await again.inputValue('#template')).toBe('__workbook__');
    expect(await again.textContent('#status')).toContain('This workbook has a scoring sheet');
    expect(await again.inputValue('#org-org_id')).toBe('C1');
    await again.context().close();
  });
});
