/**
 * Records → a real workbook's input cells, with a note of their source in the evidence cells,
 * written and read back as `fill` does it; workbooks that do not take the indicators are left
 * alone, with the reason.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  layoutWorkbook,
  RECORDS_MEASURES,
  type OrgDetails,
  type RowAnswer,
} from '../../core/index.ts';
import { loadRecords } from '../../pipeline/records/load-records.ts';
import { recordsFill, withRecordAnswers } from '../../pipeline/records/fill-from-records.ts';
import { GENERATOR, workbookBytes } from '../../pipeline/workbooks/make-workbook.ts';
import { openSubmissionFile } from '../../pipeline/xlsx/open-submission.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { ROOT, scratchDir } from '../support/run-cli.ts';
import { plan } from '../support/templates.ts';

const dir = scratchDir('scorebook-records-fill-');
const EXAMPLE = join(ROOT, 'docs/examples/volunteer-records.csv');
const ORG: OrgDetails = {
  org_id: 'M001',
  org_name: '阳光志愿者协会',
  region: '深圳',
  org_type: '社会团体',
  period: '2025',
  evaluator: '',
};

const loaded = loadRecords(EXAMPLE, { period: '2025', today: '2026-06-01' }).value!;

async function workbook(name: string, id: string, choice = {}) {
  const path = join(dir, name);
  writeFileSync(path, (await workbookBytes(plan(id, choice), ORG, 'zh-CN')).bytes);
  return openSubmissionFile(path).value!;
}

describe('fill from records', () => {
  it('writes the nine indicators and their source notes into a GB/T 40143 workbook', async () => {
    const sub = await workbook('full.xlsx', 'gbt-40143-2021');
    // An answer the evaluator already gave stays; its evidence is replaced by the source.
    sub.answers.set('3.1.5', { input: 1, evidence: '旧的说明' });
    sub.answers.set('1.1.1', { input: '是', evidence: '章程' });
    const fill = recordsFill(loaded, sub.plan, sub.metadata.lang);
    expect(fill.skipped).toEqual([]);
    expect(fill.rows.map((r) => r.id)).toEqual([
      '2.1.3',
      '2.1.4',
      '3.1.2',
      '3.1.4',
      '3.1.5',
      '3.1.6',
      '3.2.1',
      '3.2.2',
      '5.1.4',
    ]);
    const merged = withRecordAnswers(sub.answers, sub.plan, fill, sub.metadata.lang);
    expect(merged.errors).toEqual([]);

    const model = layoutWorkbook(sub.plan, sub.metadata, {
      lang: sub.metadata.lang,
      answers: merged.answers,
      rawWeights: sub.rawWeights,
      generator: GENERATOR,
    });
    const out = join(dir, 'full-filled.xlsx');
    writeFileSync(out, await writeWorkbookBuffer(model));
    const back = openSubmissionFile(out).value!;
    const input = (id: string) => back.answers.get(id)?.input;
    expect(input('2.1.3')).toBe(9);
    expect(input('2.1.4')).toBeCloseTo(8 / 9, 12);
    expect(input('3.1.2')).toBe(8);
    expect(input('3.1.4')).toBe(17);
    expect(input('3.1.5')).toBe(65);
    expect(input('3.1.6')).toBe(8.125);
    expect(input('3.2.1')).toBe(4);
    expect(input('3.2.2')).toBe(1.75);
    expect(input('5.1.4')).toBe(8);
    expect(back.answers.get('1.1.1')).toMatchObject({ input: '是', evidence: '章程' });
    expect(back.answers.get('3.1.5')?.evidence).toBe(
      '来自志愿服务记录 volunteer-records.csv（周期 2025，拒收 5 行）：2025-01-01 至 2025-12-31 的 17 条服务记录的时长之和，不含培训时长。',
    );
    expect(back.mismatches).toEqual([]);
  });

  it('skips what a workbook does not take: a profile without them, a template that takes none', async () => {
    const annexB = await workbook('annex-b.xlsx', 'gbt-40143-2021', { profile: 'annex-b-example' });
    const a = recordsFill(loaded, annexB.plan, 'zh-CN');
    expect(a.rows).toEqual([]);
    expect(new Set(a.skipped.map((s) => s.reason))).toEqual(new Set(['not-in-workbook']));
    expect(a.skipped).toHaveLength(9);

    const tssof = await workbook('tssof.xlsx', 'tssof-0001-2024-basic');
    const t = recordsFill(loaded, tssof.plan, 'zh-CN');
    expect(t.rows).toEqual([]);
    expect(t.skipped.every((s) => s.reason === 'not-in-template')).toBe(true);
    // Named by the figures, since the template has no indicator for them.
    expect(t.skipped.map((s) => s.id)).toEqual(RECORDS_MEASURES.map((m) => m.id));
  });

  it('leaves an indicator with no value alone rather than blank an answer', async () => {
    const sub = await workbook('partial.xlsx', 'gbt-40143-2021', {
      indicators: ['2.1.3', '3.2.2'],
    });
    const noTraining = loadRecords(EXAMPLE, { period: '2023', today: '2026-06-01' }).value!;
    const fill = recordsFill(noTraining, sub.plan, 'en');
    expect(fill.rows).toEqual([{ id: '2.1.3', value: 3 }]);
    expect(fill.skipped).toContainEqual({ id: '3.2.2', reason: 'no-value' });
    const answers = new Map<string, RowAnswer>([['3.2.2', { input: 2 }]]);
    const merged = withRecordAnswers(answers, sub.plan, fill, 'en');
    expect(merged.answers.get('3.2.2')).toEqual({ input: 2 });
    expect(merged.answers.get('2.1.3')?.evidence).toMatch(
      /^From the volunteer records volunteer-records\.csv \(period 2023, 5 rows rejected\): Distinct volunteer ids/,
    );
  });
});
