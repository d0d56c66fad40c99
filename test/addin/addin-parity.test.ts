/**
 * The sheet the add-in writes is the CLI's sheet. What the Office.js writer sent to the fake
 * Excel is replayed into a fresh workbook and saved as .xlsx; then (1) it is compared with the
 * exceljs writer's file of the same model, cell for cell, look, validations and names, and (2)
 * LibreOffice recalculates it — it carries no cached results, so every number comes from its
 * formulas — and each SC_, DIM_, TOTAL and GRADE must equal the engine's to 1e-9.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answersToInputs,
  evaluate,
  idToName,
  resolvePlan,
  text,
  type Lang,
  type Method,
  type WorkbookModel,
} from '../../core/index.ts';
import { FakeExcel, replayLog } from '../../addin/fake/fake-excel.ts';
import { writeWorkbookModel } from '../../addin/src/office-writer.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { randomAnswers, randomWeights, rng } from '../support/random-answers.ts';
import { scratchDir } from '../support/run-cli.ts';
import { compareWorkbooks } from './support/compare-workbooks.ts';
import { modelOf } from './support/models.ts';
import { stateToXlsx } from './support/state-to-xlsx.ts';

interface Case {
  label: string;
  model: WorkbookModel;
  exceljs: Buffer;
  addin: Buffer;
  file: string;
  expected: Map<string, number | string>;
}

const PLANS: { template: string; profile?: string; method?: Method; sets: number }[] = [
  { template: 'gbt-40143-2021', profile: 'annex-b-example', sets: 4 },
  { template: 'gbt-40143-2021', sets: 3 },
  { template: 'gbt-40143-2021', method: 'sum', sets: 3 },
  { template: 'tssof-0001-2024-basic', sets: 3 },
  { template: 'tssof-0001-2024-development', sets: 2 },
  { template: 'tnssq-2022-standard-quality', sets: 2 },
];

const dir = scratchDir('scorebook-addin-parity-');
const cases: Case[] = [];
let recalculated = new Map<string, string>();

beforeAll(async () => {
  const random = rng(4_2025);
  for (const spec of PLANS) {
    const template = shippedTemplates().get(spec.template)!;
    const choice = {
      ...(spec.profile ? { profile: spec.profile } : {}),
      ...(spec.method ? { method: spec.method } : {}),
    };
    const base = resolvePlan(template, choice).value!;
    for (let i = 0; i < spec.sets; i++) {
      const lang: Lang = i % 2 ? 'en' : 'zh-CN';
      const answers = randomAnswers(base, lang, random);
      const rawWeights = randomWeights(base, random);
      const plan = rawWeights
        ? resolvePlan(template, { ...choice, weights: rawWeights }).value!
        : base;
      const model = modelOf(plan, lang, { answers, ...(rawWeights ? { rawWeights } : {}) });
      const excel = new FakeExcel({ apiVersion: 1.8 });
      await excel.run((ctx) => writeWorkbookModel(ctx, model));
      const addin = await stateToXlsx(replayLog(excel.log));
      const label = `${spec.template}-${spec.profile ?? 'all'}-${spec.method ?? 'default'}-${i}`;
      const file = join(dir, `${label}.xlsx`);
      writeFileSync(file, addin);
      const ev = evaluate(plan, answersToInputs(answers));
      const expected = new Map<string, number | string>();
      ev.indicators.forEach((r) => expected.set(idToName('SC', r.id), r.score ?? ''));
      ev.dimensions.forEach((d) => expected.set(idToName('DIM', d.id), d.score ?? ''));
      expected.set('TOTAL', ev.total ?? '');
      expected.set('GRADE', ev.grade ? text(ev.grade.label, lang) : '');
      cases.push({
        label,
        model,
        exceljs: await writeWorkbookBuffer(model),
        addin,
        file,
        expected,
      });
    }
  }
  recalculated = await recalculateWithLibreOffice(
    cases.map((c) => c.file),
    join(dir, 'recalculated'),
  );
}, 600_000);

describe('the add-in’s workbook and the exceljs writer’s', () => {
  it('are the same: cells, formulas, look, validations, merges, panes, widths, row heights, protection and names', async () => {
    expect(cases.length).toBe(PLANS.reduce((a, p) => a + p.sets, 0));
    for (const c of cases)
      expect({
        label: c.label,
        diffs: (await compareWorkbooks(c.exceljs, c.addin, c.model)).slice(0, 10),
      }).toEqual({ label: c.label, diffs: [] });
  });

  it('with ExcelApi 1.9, prints the same header and footer (the organization’s name, the period, page N of M)', async () => {
    const c = cases[0]!;
    const excel = new FakeExcel({ apiVersion: 1.9 });
    await excel.run((ctx) => writeWorkbookModel(ctx, c.model, { pageLayout: true }));
    const addin = await stateToXlsx(replayLog(excel.log));
    expect(await compareWorkbooks(c.exceljs, addin, c.model, { headerFooter: true })).toEqual([]);
    // At 1.8 there is none, and the comparison says so.
    expect(
      (await compareWorkbooks(c.exceljs, c.addin, c.model, { headerFooter: true })).filter((d) =>
        d.includes('header/footer'),
      ),
    ).toHaveLength(3);
  });

  it('the comparison sees a difference when there is one', async () => {
    const [a, b] = [cases[0]!, cases[1]!];
    const diffs = await compareWorkbooks(a.exceljs, b.addin, a.model);
    expect(diffs.length).toBeGreaterThan(10);
  });
});

describe('the add-in’s workbook recalculated by LibreOffice', () => {
  it('gives the engine’s SC_, DIM_, TOTAL and GRADE to 1e-9', () => {
    const failures: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const out = recalculated.get(c.file);
      if (!out) {
        failures.push(`${c.label}: LibreOffice wrote no file`);
        continue;
      }
      const wb = readWorkbookBytes(readFileSync(out)).value!;
      for (const [name, want] of c.expected) {
        const cell = cellByName(wb, name);
        const got = cell?.error ?? cell?.value ?? null;
        compared++;
        const ok =
          typeof want === 'number'
            ? typeof got === 'number' && Math.abs(got - want) <= 1e-9
            : (got ?? '') === want;
        if (!ok)
          failures.push(
            `${c.label} ${name}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`,
          );
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(800);
  });

  it('had nothing to copy: the replayed file carries no cached results', () => {
    const wb = readWorkbookBytes(cases[0]!.addin).value!;
    expect(cellByName(wb, 'TOTAL')?.value ?? null).toBeNull();
  });
});
