/**
 * The Office.js writer against the recording fake of Excel: how many syncs, in what order, how
 * big the requests are, that it keeps to ExcelApi 1.8, that text stays text, and that writing
 * into a workbook that already holds things replaces only what scorebook made.
 */
import { describe, expect, it } from 'vitest';
import { METADATA_SHEET } from '../../core/index.ts';
import type { Op } from '../../addin/fake/apply-op.ts';
import { FakeExcel } from '../../addin/fake/fake-excel.ts';
import { parseWritten } from '../../addin/fake/apply-op.ts';
import {
  newWorkbookState,
  sheetByName,
  type WorkbookState,
} from '../../addin/fake/workbook-state.ts';
import { measureAddinGeneration } from '../../bench/measure-addin.ts';
import { writeWorkbookModel } from '../../addin/src/office-writer.ts';
import { SheetConflictError } from '../../addin/src/sheet-replacement.ts';
import { rowHeightRuns, textColumnRuns } from '../../addin/src/sheet-batches.ts';
import { TRICKY_ORG, modelOf, shippedPlan, syntheticPlan } from './support/models.ts';

const FIVE_MB = 5 * 1024 * 1024;

function writeOps(excel: FakeExcel): Op[] {
  return excel.log.syncs.flatMap((s) => s.ops).filter((o) => o.k !== 'load');
}

function metaValue(state: WorkbookState, key: string): unknown {
  const s = sheetByName(state, METADATA_SHEET)!;
  const row = Object.entries(s.cells)
    .find(([k, c]) => k.endsWith(',0') && c.value === key)![0]
    .split(',')[0];
  return s.cells[`${row},1`];
}

describe('writing GB/T 40143 (95 indicators) through Office.js', () => {
  const plan = shippedPlan('gbt-40143-2021');
  const model = modelOf(plan, 'zh-CN');

  it('takes 2 syncs, suspends calculation for the write and protects last', async () => {
    const excel = new FakeExcel({ apiVersion: 1.8 });
    const report = await excel.run((ctx) => writeWorkbookModel(ctx, model));
    expect(report.syncs).toBe(2);
    expect(excel.log.syncs).toHaveLength(2);
    expect(excel.log.syncs.every((s) => !s.failed)).toBe(true);

    const [inspect, write] = excel.log.syncs;
    // The first request only reads.
    expect(inspect!.ops.every((o) => o.k === 'load' || o.k === 'new')).toBe(true);
    // Calculation is suspended before anything is written.
    const firstSet = write!.ops.findIndex((o) => o.k === 'set');
    const suspend = write!.ops.findIndex(
      (o) => o.k === 'call' && o.m === 'suspendApiCalculationUntilNextSync',
    );
    expect(suspend).toBeGreaterThanOrEqual(0);
    expect(suspend).toBeLessThan(firstSet);
    expect(excel.state.suspendedBatches).toBe(1);
    // Protection comes after every other change.
    const ops = write!.ops.filter((o) => o.k !== 'load');
    const firstProtect = ops.findIndex((o) => o.k === 'call' && o.m === 'protect');
    expect(firstProtect).toBeGreaterThan(0);
    // (Getting a sheet's protection object is a 'new'; it changes nothing.)
    const after = ops.slice(firstProtect).filter((o) => o.k !== 'new');
    expect(after.every((o) => o.k === 'call' && o.m === 'protect')).toBe(true);
    expect(after).toHaveLength(model.sheets.filter((s) => s.protect).length);
    for (const s of model.sheets)
      expect(sheetByName(excel.state, s.name)?.protection).toEqual({
        protected: true,
        options: { allowFormatColumns: true, allowFormatRows: true },
      });
  });

  it('keeps the request far below Excel on the web’s 5 MB: about 190 KB', async () => {
    const figures = await measureAddinGeneration(plan);
    expect(figures.syncs).toBe(2);
    // Was 206 KB before ranges were shared, formats layered and formulas shortened; 135 KB before
    // text went into cells formatted as text (the codes' and units' columns formatted twice);
    // 140 KB before GB/T 40143's 31 figures and degrees were scored by default (their formulas,
    // validations and the Rules sheet's constants); about 195 KB before the printed layout (a
    // height for every input row, the summary's details merged, its score on 100).
    expect(figures.largestRequestBytes).toBeLessThan(205_000);
    expect(figures.largestRequestBytes).toBeLessThan(FIVE_MB / 25);
    expect(figures.payloadBytes).toBeGreaterThan(50_000); // it did carry the sheet
  });

  it('does not grow its sync count with the size: 1,000 indicators in 2 syncs, one request of about 1 MB', async () => {
    const big = syntheticPlan(1000);
    expect(big.indicators).toHaveLength(1000);
    for (const lang of ['zh-CN', 'en'] as const) {
      const figures = await measureAddinGeneration(big, lang);
      expect(figures.syncs).toBe(2);
      // Was 1.66 MB. What is left is mostly the sheet itself: 5,000 contract names and the cells' text and formulas.
      // Row heights add a range per run of rows of one height: about 40 KB in zh-CN, 80 KB in en (longer texts, more heights).
      // Text in text cells: about 10 KB (the codes' and units' columns formatted twice).
      // GB/T 40143's default rules (scored figures, constants on the Rules sheet): about 60 KB more.
      // Input rows two lines tall at least, for handwriting on paper: more runs of row heights,
      // about 60 KB more.
      expect(figures.largestRequestBytes).toBeLessThan(1_500_000);
    }
  });

  it('formats and validates by ranges, not by cells: fewer ranges than indicators, and not many more than header rows', async () => {
    const big = syntheticPlan(1000);
    const excel = new FakeExcel({ apiVersion: 1.8 });
    await excel.run((ctx) => writeWorkbookModel(ctx, modelOf(big, 'zh-CN')));
    const ops = writeOps(excel);
    const ranges = ops.filter((o) => o.k === 'new' && o.m === 'getRangeByIndexes').length;
    const validations = ops.filter((o) => o.k === 'set' && o.p === 'rule').length;
    const heights = ops.filter((o) => o.k === 'set' && o.p === 'rowHeight').length;
    const headerRows =
      big.dimensions.length + big.dimensions.reduce((a, d) => a + d.groups.length, 0);
    // Row heights are by row: a range per run of rows of one height (ExcelApi 1.8 has no multi-area
    // ranges), fewer than half the rows; the rest are fewer than the indicators, and not many more
    // than the header rows (the Rules sheet's constants, one block per linear or bands rule, add some).
    // Every input row has a height (two lines at least, for handwriting), so the runs are more
    // than when one-line rows had none, and still well under one per row.
    expect(heights).toBeGreaterThan(0);
    expect(heights).toBeLessThan(big.indicators.length * 0.6);
    expect(ranges - heights).toBeLessThan(big.indicators.length);
    expect(ranges - heights).toBeLessThan(7 * headerRows);
    // The N/A and mode columns: one validation each, their header rows cleared.
    // One per distinct rule besides (a bands rule's prompt says its bands): GB/T 40143's scored
    // figures and levels bring about 30 more than its recorded figures did.
    expect(validations).toBeLessThan(big.indicators.length / 8);
    // One box of formats for the scoring and the summary sheet (the others have only General), and
    // each run of text cells formatted as text and back: a range per column that has such text.
    const runs = modelOf(big, 'zh-CN').sheets.reduce((a, s) => a + textColumnRuns(s).length, 0);
    // (The Rules sheet's lower-bound column alternates a bands rule's text "≥ 0.3" with a linear
    // rule's number: GB/T 40143's defaults have both.)
    expect(runs).toBeLessThan(20);
    expect(ops.filter((o) => o.k === 'set' && o.p === 'numberFormat')).toHaveLength(2 + 2 * runs);
    expect(ops.filter((o) => o.k === 'set' && o.p === 'ignoreBlanks')).toHaveLength(0); // Excel's default, true
  });

  it('gives each row the model’s height, rows of one height together, and leaves the other rows alone', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const m = modelOf(plan, lang);
      const excel = new FakeExcel({ apiVersion: 1.8 });
      await excel.run((ctx) => writeWorkbookModel(ctx, m));
      let tall = 0;
      for (const spec of m.sheets) {
        const want = Object.fromEntries(
          (spec.rowHeights ?? []).flatMap((h, r) =>
            h === undefined ? [] : [[String(r), { height: h }]],
          ),
        );
        expect({ sheet: spec.name, rows: sheetByName(excel.state, spec.name)!.rows }).toEqual({
          sheet: spec.name,
          rows: want,
        });
        tall += Object.keys(want).length;
      }
      const sets = writeOps(excel).filter((o) => o.k === 'set' && o.p === 'rowHeight').length;
      expect(tall).toBeGreaterThan(20);
      expect(sets).toBe(m.sheets.reduce((a, s) => a + rowHeightRuns(s.rowHeights).length, 0));
      expect(sets).toBeLessThan(tall * 0.75);
    }
  });

  it('writes each sheet’s cells as one 2-D array and names each contract cell', async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => writeWorkbookModel(ctx, model));
    const cellWrites = writeOps(excel).filter(
      (o) => o.k === 'set' && (o.p === 'formulas' || o.p === 'values'),
    );
    expect(cellWrites).toHaveLength(model.sheets.length);
    expect(excel.state.names.map((n) => n.name).sort()).toEqual(
      model.names.map((n) => n.name).sort(),
    );
    expect(sheetByName(excel.state, METADATA_SHEET)!.visibility).toBe('VeryHidden');
    expect(excel.state.sheets.find((s) => s.uid === excel.state.activeUid)!.name).toBe(
      model.sheets[0]!.name,
    );
  });

  it('uses nothing newer than ExcelApi 1.8, and page setup only where 1.9 is there', async () => {
    const at18 = new FakeExcel({ apiVersion: 1.8 });
    await expect(
      at18.run((ctx) => writeWorkbookModel(ctx, model, { pageLayout: true })),
    ).rejects.toThrow(/ApiNotFound.*pageLayout/);
    const at19 = new FakeExcel({ apiVersion: 1.9 });
    await at19.run((ctx) => writeWorkbookModel(ctx, model, { pageLayout: true }));
    const scoring = sheetByName(at19.state, model.sheets[0]!.name)!;
    const scoringRows = model.sheets[0]!.rows.length;
    expect(scoring.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$3:$3',
      // Code to evidence, every row; margins in points (0.3 and 0.6 inch, header and footer 0.25).
      printArea: `A1:J${scoringRows}`,
      margins: {
        leftMargin: 21.6,
        rightMargin: 21.6,
        topMargin: 43.2,
        bottomMargin: 43.2,
        headerMargin: 18,
        footerMargin: 18,
      },
      // The organization's "&" doubled, as the file's header has it.
      headersFooters: {
        leftHeader: '=HYPERLINK("http://x","点我") 阳光志愿者协会',
        rightHeader: '评价周期：2025',
        centerFooter: '第 &P 页，共 &N 页',
      },
    });
    // At 1.8 there is no header or footer to set: nothing printed is asked for.
    expect(sheetByName(at18.state, model.sheets[0]!.name)?.pageLayout).toBeUndefined();
  });
});

describe('text stays text', () => {
  it('the fake converts what Excel converts, unless the cell is formatted as text', () => {
    expect(parseWritten('=1+1', undefined)).toEqual({ formula: '1+1' });
    expect(parseWritten('2025', undefined)).toEqual({ value: 2025 });
    expect(parseWritten('+86 深圳', undefined)).toHaveProperty('formula');
    expect(parseWritten('=1+1', '@')).toEqual({ value: '=1+1' });
    expect(parseWritten('2025-01-02', '@')).toEqual({ value: '2025-01-02' });
  });

  it('organization details that look like formulas, numbers or dates are stored as the text given', async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) =>
      writeWorkbookModel(
        ctx,
        modelOf(shippedPlan('gbt-40143-2021', { profile: 'annex-b-example' }), 'en'),
      ),
    );
    const given: [string, string][] = [
      ['org_name', TRICKY_ORG.org_name],
      ['org_id', '007'],
      ['region', '+86 深圳'],
      ['org_type', '@社会团体'],
      ['period', '2025'],
      ['evaluator', '-张三'],
      ['contact', '2025-01-02'],
    ];
    for (const [key, value] of given) {
      const cell = metaValue(excel.state, key) as Record<string, unknown>;
      // Kept as text, and the cell's format is General again once the text is in.
      expect({ key, value: cell.value, format: cell.numberFormat }).toEqual({
        key,
        value,
        format: 'General',
      });
      expect(cell.quotePrefix).toBeUndefined();
    }
    const formulas = excel.state.sheets
      .flatMap((s) => Object.values(s.cells))
      .filter((c) => c.formula !== undefined);
    expect(formulas.some((c) => c.formula!.includes('HYPERLINK'))).toBe(false);
  });

  it('formats those cells as text before the values and gives them their own format after, never writing an apostrophe', async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => writeWorkbookModel(ctx, modelOf(shippedPlan('gbt-40143-2021'), 'en')));
    const ops = writeOps(excel);
    const cells = (o: Op) => ((o as { v: unknown[][] }).v ?? []).flat();
    const isSet = (o: Op, p: string): o is Extract<Op, { k: 'set' }> => o.k === 'set' && o.p === p;
    const text = ops.flatMap((o, i) =>
      isSet(o, 'numberFormat') && cells(o).includes('@') ? [i] : [],
    );
    // Codes, units, ids, dates: the scoring and summary sheets and the metadata have such text.
    expect(text.length).toBeGreaterThanOrEqual(3);
    for (const i of text) {
      const values = ops.findIndex((o, k) => k > i && isSet(o, 'formulas'));
      const own = ops.findIndex((o, k) => k > i && isSet(o, 'numberFormat') && o.id === ops[i]!.id);
      expect(values).toBeGreaterThan(i);
      expect(own).toBeGreaterThan(values);
      expect(cells(ops[own]!)).not.toContain('@');
    }
    const written = ops.filter((o) => isSet(o, 'formulas')).flatMap(cells);
    expect(written.filter((v) => typeof v === 'string' && v.startsWith("'"))).toEqual([]);
  });
});

describe('writing into a workbook that already holds things', () => {
  const plan = shippedPlan('gbt-40143-2021', { profile: 'annex-b-example' });

  async function generated(lang: 'zh-CN' | 'en'): Promise<FakeExcel> {
    const excel = new FakeExcel();
    await excel.run((ctx) => writeWorkbookModel(ctx, modelOf(plan, lang)));
    // The person's own things beside ours.
    excel.state.names.push({
      name: 'MyTarget',
      ref: { uid: excel.state.sheets[0]!.uid, row: 0, col: 0, rows: 1, cols: 1 },
    });
    excel.state.sheets[0]!.cells['0,0'] = { value: '我的笔记' };
    excel.resetLog();
    return excel;
  }

  it('replaces the sheets and names of an earlier generation, in another language too, and leaves the rest', async () => {
    const excel = await generated('zh-CN');
    const model = modelOf(plan, 'en');
    const report = await excel.run((ctx) => writeWorkbookModel(ctx, model));
    expect(report.syncs).toBe(2);
    expect(report.replaced.sort()).toEqual(['_scorebook', '汇总', '规则', '评分表'].sort());
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'Scoring',
      'Summary',
      'Rules',
      '_scorebook',
    ]);
    expect(excel.state.sheets[0]!.cells['0,0']).toEqual({ value: '我的笔记' });
    expect(excel.state.names.find((n) => n.name === 'MyTarget')?.ref).not.toBeNull();
    expect(excel.state.names).toHaveLength(model.names.length + 1);
    // Every contract name points into the new sheets.
    const newUids = new Set(excel.state.sheets.slice(1).map((s) => s.uid));
    expect(
      excel.state.names
        .filter((n) => n.name !== 'MyTarget')
        .every((n) => n.ref && newUids.has(n.ref.uid)),
    ).toBe(true);
  });

  it('regenerates again and again without leaving sheets behind', async () => {
    const excel = await generated('en');
    for (let i = 0; i < 3; i++)
      await excel.run((ctx) => writeWorkbookModel(ctx, modelOf(plan, i % 2 ? 'en' : 'zh-CN')));
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      '评分表',
      '汇总',
      '规则',
      '_scorebook',
    ]);
  });

  it('refuses to overwrite a sheet of the same name that scorebook did not make, and writes nothing', async () => {
    const state = newWorkbookState();
    state.sheets.push({
      ...state.sheets[0]!,
      uid: 2,
      name: 'Summary',
      cells: { '0,0': { value: 'budget' } },
    });
    state.nextUid = 3;
    const excel = new FakeExcel({ state });
    const before = JSON.stringify(excel.state);
    await expect(
      excel.run((ctx) => writeWorkbookModel(ctx, modelOf(plan, 'en'))),
    ).rejects.toBeInstanceOf(SheetConflictError);
    expect(excel.log.syncs).toHaveLength(1);
    expect(JSON.stringify(excel.state)).toBe(before);
  });
});
