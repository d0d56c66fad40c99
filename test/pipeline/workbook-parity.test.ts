/**
 * The workbook's formulas agree with the engine. Generated workbooks, filled with over 200
 * seeded random answer sets (N/A, blanks, typed variants, band edges, edited weights), are
 * recalculated by LibreOffice headless, an independent spreadsheet engine, and every SC_, DIM_,
 * TOTAL, GRADE and UNANSWERED is compared with the engine to 1e-9. The cached values written into the files
 * are poisoned first, so a value that LibreOffice did not recompute cannot pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answersToInputs,
  evaluate,
  idToName,
  pick,
  resolvePlan,
  text,
  type Lang,
  type Method,
} from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { workbookModel } from '../../pipeline/workbooks/make-workbook.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { poisonCachedValues, recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { randomAnswers, randomWeights, rng } from '../support/random-answers.ts';
import { scratchDir } from '../support/run-cli.ts';

interface Case {
  file: string;
  label: string;
  lang: Lang;
  expected: Map<string, number | string>;
}

const PLANS: { template: string; profile?: string; method?: Method; sets: number }[] = [
  { template: 'gbt-40143-2021', profile: 'annex-b-example', sets: 40 },
  { template: 'gbt-40143-2021', profile: 'annex-b-example', method: 'sum', sets: 30 },
  { template: 'gbt-40143-2021', sets: 30 },
  { template: 'gbt-40143-2021', method: 'sum', sets: 20 },
  { template: 'gbt-40143-2021', profile: 'annex-b-example', method: 'levels', sets: 20 },
  { template: 'gbt-40143-2021', method: 'levels', sets: 20 },
  { template: 'tssof-0001-2024-development', method: 'levels', sets: 15 },
  { template: 'tssof-0001-2024-basic', sets: 30 },
  { template: 'tssof-0001-2024-development', sets: 30 },
  { template: 'tnssq-2022-standard-quality', sets: 30 },
];

const dir = scratchDir('scorebook-parity-');
const cases: Case[] = [];
let recalculated = new Map<string, string>();

beforeAll(async () => {
  const random = rng(20261125);
  for (const spec of PLANS) {
    const template = shippedTemplates().get(spec.template)!;
    const base = resolvePlan(template, {
      ...(spec.profile ? { profile: spec.profile } : {}),
      ...(spec.method ? { method: spec.method } : {}),
    }).value!;
    for (let i = 0; i < spec.sets; i++) {
      const lang: Lang = i % 3 === 0 ? 'en' : 'zh-CN';
      const answers = randomAnswers(base, lang, random);
      // Some blanks are not empty cells: spaces, a full-width one, as people clear a cell.
      for (const ind of base.indicators)
        if (!answers.has(ind.id) && random() < 0.5)
          answers.set(ind.id, { input: pick(random, ['  ', '\u3000', ' \u3000 ']) });
      const rawWeights = randomWeights(base, random);
      const plan = rawWeights
        ? resolvePlan(template, {
            ...(spec.profile ? { profile: spec.profile } : {}),
            ...(spec.method ? { method: spec.method } : {}),
            weights: rawWeights,
          }).value!
        : base;
      const org = {
        org_id: `P${i}`,
        org_name: `=HYPERLINK("x") 测试机构 ${i}`,
        region: '深圳',
        org_type: '社会团体',
        period: '2025',
        evaluator: '+评价人',
      };
      const model = workbookModel(plan, org, lang, {
        answers,
        ...(rawWeights ? { rawWeights } : {}),
      });
      const ev = evaluate(plan, answersToInputs(answers));
      const expected = new Map<string, number | string>();
      ev.indicators.forEach((r) => expected.set(idToName('SC', r.id), r.score ?? ''));
      ev.dimensions.forEach((d) => expected.set(idToName('DIM', d.id), d.score ?? ''));
      expected.set('TOTAL', ev.total ?? '');
      expected.set('GRADE', ev.grade ? text(ev.grade.label, lang) : '');
      expected.set('UNANSWERED', ev.unanswered.length);
      const file = join(
        dir,
        `${spec.template}-${spec.profile ?? 'all'}-${spec.method ?? 'default'}-${i}.xlsx`,
      );
      writeFileSync(file, await writeWorkbookBuffer(poisonCachedValues(model)));
      cases.push({
        file,
        label: `${spec.template}/${spec.profile ?? '-'}/${plan.method}#${i}`,
        lang,
        expected,
      });
    }
  }
  recalculated = await recalculateWithLibreOffice(
    cases.map((c) => c.file),
    join(dir, 'recalculated'),
  );
}, 600_000);

describe('workbook formulas against the engine, recalculated by LibreOffice', () => {
  it('covers at least 200 answer sets over every shipped template and profile', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.label.split('#')[0])).size).toBe(PLANS.length);
  });

  it("gives the engine's SC_, DIM_, TOTAL, GRADE and UNANSWERED to 1e-9 in every workbook", () => {
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
    expect(compared).toBeGreaterThan(5000);
  });
});
