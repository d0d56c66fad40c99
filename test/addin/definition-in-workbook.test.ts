/**
 * The add-in and definition workbooks, with the fake Excel as the host: the definition sheets of
 * the open workbook are read through the host seam (two syncs) into the same template; a workbook
 * without them costs one sync; and regenerating a 1.0 scoring sheet with version 1.1 carries each
 * answer to the indicator it was given for, following the new version's was codes.
 */
import { describe, expect, it } from 'vitest';
import {
  readDefinition,
  type OrgDetails,
  type RowAnswer,
  type Template,
} from '../../core/index.ts';
import { FakeExcel } from '../../addin/fake/fake-excel.ts';
import { fakeHost } from '../../addin/fake/fake-host.ts';
import { prepareGeneration } from '../../addin/src/generate.ts';
import { writeWorkbookModel } from '../../addin/src/office-writer.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { definitionState } from './support/definition-state.ts';
import { modelOf, shippedPlan } from './support/models.ts';

const ORG: OrgDetails = {
  org_id: 'M001',
  org_name: '阳光志愿者协会',
  region: '深圳',
  org_type: '社会团体',
  period: '2025',
  evaluator: '李四',
};

describe('a template defined in the open workbook', () => {
  it('is read through the host seam in two syncs and gives the same template', async () => {
    const t = shippedTemplates().get('tssof-0001-2024-basic')!;
    const excel = new FakeExcel({ state: definitionState(t, 'zh-CN') });
    const grids = await fakeHost(excel).readDefinitionSheets();
    expect(excel.log.syncs).toHaveLength(2);
    expect(readDefinition(grids!)).toMatchObject({ value: t, errors: [] });
  });

  it('is not there in a workbook without an indicators sheet, after one sync', async () => {
    const excel = new FakeExcel();
    expect(await fakeHost(excel).readDefinitionSheets()).toBeUndefined();
    expect(excel.log.syncs).toHaveLength(1);
  });
});

describe('regenerating with a new version of the template', () => {
  it('carries each answer to its indicator under the new code', async () => {
    const v1 = shippedTemplates().get('gbt-40143-2021')!;
    // The next version: 1.1.2 removed, 1.1.3–1.1.5 renumbered 1.1.2–1.1.4 (declared), the rest unchanged.
    const v11 = structuredClone(v1) as Template;
    v11.version = '9.0.0';
    v11.previous = v1.version;
    delete v11.profiles;
    const g = v11.dimensions[0]!.groups[0]!;
    g.indicators.splice(1, 1);
    g.indicators.forEach((ind, k) => {
      if (k > 0) ind.was = ind.id;
      ind.id = `1.1.${k + 1}`;
    });
    const answers = new Map<string, RowAnswer>([
      ['1.1.1', { input: '符合' }],
      ['1.1.2', { input: '不符合' }],
      ['1.1.3', { input: '不符合', evidence: '会议纪要' }],
      ['1.1.5', { input: '符合' }],
      ['1.2.1', { input: '不符合' }],
    ]);
    const excel = new FakeExcel();
    await excel.run((ctx) =>
      writeWorkbookModel(ctx, modelOf(shippedPlan('gbt-40143-2021'), 'zh-CN', { answers })),
    );
    const find = (id: string, version?: string) =>
      version === v1.version || version === undefined ? v1 : version === '9.0.0' ? v11 : undefined;
    const r = await prepareGeneration(
      fakeHost(excel),
      {
        template: v11,
        choice: {},
        rawWeights: Object.fromEntries(v11.dimensions.map((d) => [d.id, 1])),
        org: ORG,
        lang: 'zh-CN',
        generator: 'test',
      },
      find,
    );
    expect(r.errors).toEqual([]);
    const c = r.value!.carried;
    expect(c.dropped).toEqual(['1.1.2']);
    expect(c.moved).toEqual([
      { from: '1.1.3', to: '1.1.2' },
      { from: '1.1.5', to: '1.1.4' },
    ]);
    expect([...c.answers].map(([id, a]) => [id, a.input, a.evidence ?? null])).toEqual([
      ['1.1.1', '符合', null],
      ['1.1.2', '不符合', '会议纪要'],
      ['1.1.4', '符合', null],
      ['1.2.1', '不符合', null],
    ]);
  });
});
