/**
 * GB/T 40143's default rules count every first-level indicator (issue 11, part 1): each
 * indicator has a scoring rule (templates show --json), except under the profile record-only;
 * every rule the standard does not give says whose it is; and plausible answers give every
 * first-level indicator a score, the same to 1e-9 in the engine, in `score FILE.xlsx` and in
 * LibreOffice's recalculation, by each aggregation method.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answersToInputs,
  evaluate,
  idToName,
  METHODS,
  resolvePlan,
  type Evaluation,
  type Method,
} from '../../core/index.ts';
import { plausibleAnswers, syntheticOrg } from '../../pipeline/synthetic/plausible-answers.ts';
import { rng } from '../../pipeline/synthetic/random-answers.ts';
import { workbookModel } from '../../pipeline/workbooks/make-workbook.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { poisonCachedValues, recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { template } from '../support/templates.ts';

const ID = 'gbt-40143-2021';
const t = template(ID);

interface Shown {
  id: string;
  name: string;
  name_en: string;
  level1: string;
  rule: string;
  scored: boolean;
  rule_text: string;
  rule_text_en: string;
  per: string | null;
  decision: string | null;
  decision_en: string | null;
}
const show = (...args: string[]) => {
  const r = runCli(['templates', 'show', ID, '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { profile: string | null; indicators: Shown[] };
};

describe('templates show: a scoring rule for every indicator', () => {
  it('by default, every indicator of every first-level indicator has one, said in words', () => {
    const shown = show();
    expect(shown.profile).toBeNull();
    expect(shown.indicators).toHaveLength(95);
    expect(shown.indicators.filter((i) => !i.scored)).toEqual([]);
    for (const d of t.dimensions)
      expect(shown.indicators.filter((i) => i.level1 === d.name['zh-CN']).length, d.id).toBe(
        d.groups.reduce((a, g) => a + g.indicators.length, 0),
      );
    const hours = shown.indicators.find((i) => i.id === '3.1.5')!;
    expect(hours).toMatchObject({ rule: 'linear', per: '2.1.3' });
    expect(hours.rule_text_en).toBe(
      'per registered volunteer (this figure ÷ 2.1.3): 0 at 0 h, 1 at 20 h, linear between',
    );
  });

  it('says of every rule the standard does not give that it is scorebook’s, in both languages', () => {
    const shown = show();
    const units = new Set(
      t.dimensions.flatMap((d) =>
        d.groups.flatMap((g) => g.indicators.filter((i) => i.unit).map((i) => i.id)),
      ),
    );
    const ours = shown.indicators.filter(
      (i) => units.has(i.id) || ['3.1.7', '5.1.1', '5.1.3'].includes(i.id),
    );
    expect(ours).toHaveLength(31);
    for (const i of ours) {
      // Example 2 and 3 give 5.3.3's and 5.2.4's bands: adopted, and said so.
      const given = i.id === '5.3.3' || i.id === '5.2.4';
      expect(i.decision, i.id).toContain(given ? '本模板默认采用' : 'scorebook 的选择');
      expect(i.decision_en, i.id).toContain(given ? 'adopts by default' : "scorebook's choice");
    }
    const doc = readFileSync(new URL('../../docs/gbt-40143-defaults.md', import.meta.url), 'utf8');
    // The page says each rule as the template does, in both languages, row by row.
    for (const i of ours) {
      expect(doc, i.id).toContain(`| ${i.id} | ${i.name_en} | ${i.rule_text_en} |`);
      expect(doc, i.id).toContain(`| ${i.id} | ${i.name} | ${i.rule_text} |`);
    }
  });

  it('under record-only, the 28 figures are recorded and 服务资源 has no score', () => {
    const shown = show('--profile', 'record-only');
    expect(shown.profile).toBe('record-only');
    const recorded = shown.indicators.filter((i) => !i.scored);
    expect(recorded).toHaveLength(28);
    expect(recorded.every((i) => i.rule === 'record')).toBe(true);
    expect(shown.indicators.filter((i) => i.level1 === '服务资源' && i.scored)).toEqual([]);
    for (const id of ['3.1.7', '5.1.1', '5.1.3'])
      expect(shown.indicators.find((i) => i.id === id)!.rule).toBe('binary');
  });
});

const ORGS = 3;
const dir = scratchDir('scorebook-gbt-defaults-');
const cases: { method: Method; file: string; ev: Evaluation }[] = [];
let recalculated = new Map<string, string>();

beforeAll(async () => {
  const random = rng(401432021);
  for (const method of METHODS) {
    const plan = resolvePlan(t, { method }).value!;
    for (let o = 0; o < ORGS; o++) {
      const answers = plausibleAnswers(plan, syntheticOrg(random), 'zh-CN', random);
      const ev = evaluate(plan, answersToInputs(answers));
      const model = workbookModel(
        plan,
        {
          org_id: `G${o}`,
          org_name: `第${o}志愿服务协会`,
          region: '深圳',
          org_type: '社会团体',
          period: '2025',
          evaluator: '评价人',
        },
        'zh-CN',
        { answers },
      );
      const file = join(dir, `${method}-${o}.xlsx`);
      writeFileSync(file, await writeWorkbookBuffer(model));
      writeFileSync(
        join(dir, `${method}-${o}-poisoned.xlsx`),
        await writeWorkbookBuffer(poisonCachedValues(model)),
      );
      cases.push({ method, file, ev });
    }
  }
  recalculated = await recalculateWithLibreOffice(
    cases.map((c) => c.file.replace(/\.xlsx$/, '-poisoned.xlsx')),
    join(dir, 'recalculated'),
  );
}, 300_000);

describe('plausible answers score every first-level indicator', () => {
  it.each([...METHODS])('in the engine (%s)', (method) => {
    for (const c of cases.filter((x) => x.method === method)) {
      expect(c.ev.dimensions.map((d) => d.id)).toEqual(['1', '2', '3', '4', '5', '6']);
      for (const d of c.ev.dimensions) expect(d.score, `${c.file} ${d.id}`).not.toBeNull();
      expect(c.ev.total).not.toBeNull();
    }
    // The defaults tell organizations apart on the figures too: 服务资源 is not one number for all.
    const resources = cases.filter((x) => x.method === method).map((c) => c.ev.dimensions[1]!.mean);
    expect(new Set(resources).size).toBeGreaterThan(1);
  });

  it('in `score FILE.xlsx`, equal to the engine to 1e-9', () => {
    for (const c of cases) {
      const r = runCli(['score', c.file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as {
        method: string;
        total: number;
        dimensions: { id: string; score: number | null }[];
      };
      expect(out.method).toBe(c.method);
      expect(Math.abs(out.total - c.ev.total!)).toBeLessThanOrEqual(1e-9);
      out.dimensions.forEach((d, k) => {
        expect(d.score, `${c.file} ${d.id}`).not.toBeNull();
        expect(Math.abs(d.score! - c.ev.dimensions[k]!.score!)).toBeLessThanOrEqual(1e-9);
      });
    }
  });

  it('in LibreOffice’s recalculation, equal to the engine to 1e-9', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const out = recalculated.get(c.file.replace(/\.xlsx$/, '-poisoned.xlsx'));
      if (!out) {
        failures.push(`${c.file}: no file`);
        continue;
      }
      const wb = readWorkbookBytes(readFileSync(out)).value!;
      const want: [string, number | null][] = [
        ...c.ev.indicators.map((r) => [idToName('SC', r.id), r.score] as [string, number | null]),
        ...c.ev.dimensions.map((d) => [idToName('DIM', d.id), d.score] as [string, number | null]),
        ['TOTAL', c.ev.total],
      ];
      for (const [name, w] of want) {
        const cell = cellByName(wb, name);
        const got = cell?.error ?? cell?.value ?? null;
        const ok =
          w === null
            ? got === '' || got === null
            : typeof got === 'number' && Math.abs(got - w) <= 1e-9;
        if (!ok)
          failures.push(`${c.method} ${name}: LibreOffice ${JSON.stringify(got)}, engine ${w}`);
      }
      for (const d of c.ev.dimensions)
        expect(typeof cellByName(wb, idToName('DIM', d.id))?.value, `${c.file} DIM ${d.id}`).toBe(
          'number',
        );
    }
    expect(failures).toEqual([]);
  });
});
