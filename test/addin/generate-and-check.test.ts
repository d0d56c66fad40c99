/**
 * Generate and Check as the task pane runs them, with the fake Excel as the host: the reader finds the
 * contract cells by name in two syncs, regeneration carries answers by id and lists what it
 * drops, and Check recomputes with the engine and points at a formula that disagrees.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  answersToInputs,
  evaluate,
  formatIssue,
  idToName,
  METHODS,
  type OrgDetails,
  type RowAnswer,
  type WorkbookModel,
} from '../../core/index.ts';
import { FakeExcel } from '../../addin/fake/fake-excel.ts';
import { fakeHost } from '../../addin/fake/fake-host.ts';
import { sheetByName, type WorkbookState } from '../../addin/fake/workbook-state.ts';
import { checkWorkbook } from '../../addin/src/check.ts';
import {
  prepareGeneration,
  writeGeneration,
  type GenerateRequest,
} from '../../addin/src/generate.ts';
import { readContractCells } from '../../addin/src/office-reader.ts';
import { paneText, type PaneText } from '../../addin/src/pane-text.ts';
import { writeWorkbookModel } from '../../addin/src/office-writer.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { modelOf, shippedPlan } from './support/models.ts';

const find = (id: string) => shippedTemplates().get(id);
const ORG: OrgDetails = {
  org_id: 'M001',
  org_name: '阳光志愿者协会',
  region: '深圳',
  org_type: '社会团体',
  period: '2025',
  evaluator: '李四',
};

/** What Excel's calculation would show if the formulas agree with the engine: the model's cached values. */
function calculate(state: WorkbookState, model: WorkbookModel): void {
  for (const spec of model.sheets) {
    const sheet = sheetByName(state, spec.name)!;
    spec.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (c?.formula !== undefined) sheet.cells[`${r},${col}`]!.computed = c.cached ?? '';
      }),
    );
  }
}

function cellOf(state: WorkbookState, name: string) {
  const n = state.names.find((x) => x.name === name)!;
  return state.sheets.find((s) => s.uid === n.ref!.uid)!.cells[`${n.ref!.row},${n.ref!.col}`];
}

describe('reading the contract cells back', () => {
  const plan = shippedPlan('gbt-40143-2021', { profile: 'annex-b-example' });
  const answers = new Map<string, RowAnswer>([
    ['1.1.1', { input: '符合', mode: '文件审核', evidence: '=章程 第3条' }],
    ['5.2.2', { input: 0.86 }],
    ['5.2.4', { input: null, na: true }],
    ['5.4.1', { input: 0.5 }],
  ]);
  const model = modelOf(plan, 'zh-CN', { answers });

  it('finds every name, the metadata and the answers in two syncs', async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => writeWorkbookModel(ctx, model));
    excel.resetLog();
    const cells = await excel.run((ctx) => readContractCells(ctx));
    expect(cells.syncs).toBe(2);
    expect(excel.log.syncs).toHaveLength(2);
    expect(cells.names.sort()).toEqual(model.names.map((n) => n.name).sort());
    expect(cells.metadata?.org_id).toBe('007');
    expect(cells.metadata?.period).toBe('2025');
    expect(cells.cell('IN_1_1_1')).toEqual({ value: '符合' });
    expect(cells.cell('EV_1_1_1')).toEqual({ value: '=章程 第3条' });
    expect(cells.cell('IN_5_2_2')).toEqual({ value: 0.86 });
    expect(cells.cell('IN_1_1_2')).toEqual({ value: null });
    expect(cells.cell('TOTAL')?.formula).toMatch(/^IF\(/);
  });

  it('an empty workbook has no metadata, and costs one sync', async () => {
    const excel = new FakeExcel();
    const cells = await excel.run((ctx) => readContractCells(ctx));
    expect(cells.metadata).toBeUndefined();
    expect(cells.syncs).toBe(1);
  });

  it('Check recomputes with the engine, lists the unanswered and agrees with a calculated sheet', async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => writeWorkbookModel(ctx, model));
    calculate(excel.state, model);
    const report = (await checkWorkbook(fakeHost(excel), find, 'zh-CN')).value!;
    const ev = evaluate(plan, answersToInputs(answers));
    expect(report.total).toBeCloseTo(ev.total!, 12);
    expect(report.dimensions.map((d) => d.id)).toEqual(['1', '5', '6']);
    expect(report.unanswered.map((u) => u.id)).toEqual(ev.unanswered);
    expect(report.unanswered.length).toBe(plan.indicators.length - 4);
    expect(report.mismatches).toEqual([]);
  });

  it('Check points at a score the sheet computes differently (an edited formula)', async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => writeWorkbookModel(ctx, model));
    calculate(excel.state, model);
    cellOf(excel.state, 'SC_5_2_2')!.computed = 0.2;
    const report = (await checkWorkbook(fakeHost(excel), find, 'en')).value!;
    expect(report.mismatches.map((m) => m.name)).toEqual(['SC_5_2_2']);
    expect(report.mismatches[0]!.engine).toBe(1);
  });

  it('Check on a workbook without a scoring sheet says so', async () => {
    const excel = new FakeExcel();
    const r = await checkWorkbook(fakeHost(excel), find, 'en');
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => e.code)).toEqual(['workbook.no-metadata']);
  });
});

describe('regenerating keeps the answers of the indicators that remain', () => {
  const template = find('gbt-40143-2021')!;
  const request = (indicators: string[], lang: 'zh-CN' | 'en'): GenerateRequest => ({
    template,
    choice: { profile: 'annex-b-example', indicators },
    rawWeights: { '1': 2, '5': 6, '6': 2 },
    org: ORG,
    lang,
    generator: 'scorebook test',
    newId: () => 'id-new',
  });
  const all = shippedPlan('gbt-40143-2021', { profile: 'annex-b-example' }).indicators.map(
    (i) => i.id,
  );

  it('matches by id, converts to the new language, and lists what it drops', async () => {
    const excel = new FakeExcel();
    const first = (await prepareGeneration(fakeHost(excel), request(all, 'zh-CN'), find)).value!;
    expect(first.regenerating).toBe(false);
    await writeGeneration(fakeHost(excel), first);
    // The evaluator answers in the sheet (unlocked cells of a protected sheet).
    await excel.run(async (ctx) => {
      const put = (name: string, v: unknown) =>
        (ctx.workbook.names.getItem(name).getRange().values = [[v]]);
      put('IN_1_1_1', '符合');
      put('MD_1_1_1', '现场审核');
      put('IN_1_1_2', '不符合');
      put('IN_5_2_2', 0.7);
      put('EV_6_1_1', '媒体报道 3 篇');
      await ctx.sync();
    });
    const kept = all.filter((id) => id !== '1.1.2' && id !== '6.1.1');
    const second = (await prepareGeneration(fakeHost(excel), request(kept, 'en'), find)).value!;
    expect(second.regenerating).toBe(true);
    expect(second.carried.dropped.sort()).toEqual(['1.1.2', '6.1.1']);
    expect(second.carried.kept.sort()).toEqual(['1.1.1', '5.2.2']);
    expect(second.carried.unreadable).toEqual([]);
    await writeGeneration(fakeHost(excel), second);
    const cells = await excel.run((ctx) => readContractCells(ctx));
    expect(cells.cell('IN_1_1_1')?.value).toBe('Yes');
    expect(cells.cell('MD_1_1_1')?.value).toBe('On-site review');
    expect(cells.cell('IN_5_2_2')?.value).toBe(0.7);
    expect(cells.cell(idToName('IN', '1.1.2'))).toBeUndefined();
    expect(cells.metadata?.indicators).toBe(kept.join(','));
    // Same organization, same workbook: the id stays.
    expect(cells.metadata?.workbook_id).toBe('id-new');
    expect(cells.cell('WT_5')?.value).toBe(6);
  });

  it('an answer the new rule cannot read is listed and kept in the evidence', async () => {
    const excel = new FakeExcel();
    // Without the profile, 5.4.1 records a count; the Annex B profile wants a 0..1 score for it.
    const plain: GenerateRequest = {
      ...request(['1.1.1', '5.4.1'], 'zh-CN'),
      choice: { indicators: ['1.1.1', '5.4.1'] },
      rawWeights: { '1': 1, '5': 1 },
    };
    await writeGeneration(
      fakeHost(excel),
      (await prepareGeneration(fakeHost(excel), plain, find)).value!,
    );
    await excel.run(async (ctx) => {
      ctx.workbook.names.getItem('IN_5_4_1').getRange().values = [[12]];
      await ctx.sync();
    });
    const p = (await prepareGeneration(fakeHost(excel), request(all, 'zh-CN'), find)).value!;
    expect(p.carried.unreadable).toEqual([{ id: '5.4.1', input: '12' }]);
    const a = p.carried.answers.get('5.4.1')!;
    expect(a.input ?? null).toBeNull();
    expect(a.evidence).toBe('填写: 12');
  });
});

describe('the levels method and a figure taken per registered volunteer, in the pane', () => {
  const template = find('gbt-40143-2021')!;
  const ids = shippedPlan('gbt-40143-2021').indicators.map((i) => i.id);
  const request = (choice: GenerateRequest['choice']): GenerateRequest => ({
    template,
    choice,
    rawWeights: Object.fromEntries(template.dimensions.map((d) => [d.id, 1])),
    org: ORG,
    lang: 'en',
    generator: 'scorebook test',
    newId: () => 'id-levels',
  });

  it('offers every aggregation method, each said in both languages', () => {
    const html = readFileSync(new URL('../../addin/taskpane.html', import.meta.url), 'utf8');
    const select = html.match(/<select id="method">([\s\S]*?)<\/select>/)![1]!;
    const options = [...select.matchAll(/<option value="([^"]+)" data-t="([^"]+)"/g)];
    expect(options.map((m) => m[1])).toEqual([...METHODS]);
    for (const lang of ['zh-CN', 'en'] as const)
      for (const m of options)
        expect(paneText(lang)[m[2] as keyof PaneText], `${lang} ${m[2]}`).toMatch(
          new RegExp(`^${m[1]}`),
        );
  });

  it('generates by levels, and Check recomputes by levels', async () => {
    const excel = new FakeExcel();
    const p = (await prepareGeneration(fakeHost(excel), request({ method: 'levels' }), find))
      .value!;
    expect(p.plan.method).toBe('levels');
    await writeGeneration(fakeHost(excel), p);
    const answers = new Map<string, RowAnswer>([
      ['1.1.1', { input: 'Yes' }],
      ['2.1.3', { input: 80 }],
      ['3.1.5', { input: 1200 }], // 15 h per registered volunteer: 0.75
      ['5.2.2', { input: 0.9 }],
    ]);
    await excel.run(async (ctx) => {
      for (const [id, a] of answers)
        ctx.workbook.names.getItem(idToName('IN', id)).getRange().values = [[a.input]];
      await ctx.sync();
    });
    const model = modelOf(p.plan, 'en', { answers, org: ORG });
    calculate(excel.state, model);
    const report = (await checkWorkbook(fakeHost(excel), find, 'en')).value!;
    const ev = evaluate(p.plan, answersToInputs(answers));
    expect(report.method).toBe('levels');
    expect(ev.indicators.find((r) => r.id === '3.1.5')!.score).toBeCloseTo(0.75, 12);
    expect(report.total).toBeCloseTo(ev.total!, 12);
    expect(report.dimensions.map((d) => d.score)).toEqual(ev.dimensions.map((d) => d.score));
  });

  it('refuses to leave out registered volunteers while keeping what is taken per them', async () => {
    const excel = new FakeExcel();
    const r = await prepareGeneration(
      fakeHost(excel),
      request({ indicators: ids.filter((id) => id !== '2.1.3') }),
      find,
    );
    expect(r.value).toBeUndefined();
    const perMissing = r.errors.filter((e) => e.code === 'choice.per-missing');
    expect(perMissing.map((e) => e.params?.id)).toEqual([
      '2.1.1',
      '2.2.1',
      '2.3.1',
      '3.1.3',
      '3.1.4',
      '3.1.5',
      '3.2.1',
      '5.1.4',
      '5.4.4',
      '5.4.5',
    ]);
    expect(formatIssue(perMissing[0]!, 'en')).toContain(
      '"2.1.1" is scored per registered volunteer and needs the figure of "2.1.3": choose "2.1.3" too',
    );
    expect(formatIssue(perMissing[0]!, 'zh-CN')).toContain('按每名在册志愿者计分');
  });
});
