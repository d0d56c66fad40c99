/**
 * A workbook generated again for the same organization, period, selection and evaluator (a new
 * workbook id) replaces the earlier return instead of counting as a second evaluator: the one
 * generated last is current, whatever order the files arrive in. Other evaluators, periods and
 * selections stay returns of their own.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePlan } from '../../core/index.ts';
import type { IngestSummary } from '../../pipeline/ingest/ingest-writer.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { workbookBytes } from '../../pipeline/workbooks/make-workbook.ts';
import { queryDb } from '../support/query-db.ts';
import { randomAnswers, rng } from '../support/random-answers.ts';
import { org, write } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-regenerated-');
const db = join(dir, 'scorebook.duckdb');
const template = shippedTemplates().get('gbt-40143-2021')!;
const annexB = resolvePlan(template, { profile: 'annex-b-example' }).value!;
const full = resolvePlan(template).value!;

async function workbook(
  folder: string,
  name: string,
  opts: { plan?: typeof annexB; evaluator?: string; generatedAt: string; seed: number },
): Promise<void> {
  const plan = opts.plan ?? annexB;
  const bytes = (
    await workbookBytes(plan, org(1, { evaluator: opts.evaluator ?? '秘书处' }), 'zh-CN', {
      answers: randomAnswers(plan, 'zh-CN', rng(opts.seed)),
      generatedAt: opts.generatedAt,
    })
  ).bytes;
  mkdirSync(join(dir, folder), { recursive: true });
  write(join(dir, folder, name), bytes);
}

const ingest = (folder: string) => {
  const r = runCli(['ingest', join(dir, folder), '--db', db, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as IngestSummary;
};

const current = () =>
  queryDb(
    db,
    `SELECT file_name, evaluator, profile, is_current FROM submissions ORDER BY file_name`,
  );

let runs: IngestSummary[] = [];

beforeAll(async () => {
  // First run: the workbook sent out in March, a second evaluator's, and the full standard's.
  await workbook('first', 'a-march.xlsx', { generatedAt: '2025-03-01T08:00:00.000Z', seed: 1 });
  await workbook('first', 'b-other-evaluator.xlsx', {
    evaluator: '外部专家',
    generatedAt: '2025-03-01T08:00:00.000Z',
    seed: 2,
  });
  await workbook('first', 'c-full.xlsx', {
    plan: full,
    generatedAt: '2025-03-02T08:00:00.000Z',
    seed: 3,
  });
  // Second run: the member lost the file and got one generated again in May.
  await workbook('second', 'd-may.xlsx', { generatedAt: '2025-05-01T08:00:00.000Z', seed: 4 });
  // Third run: a workbook generated in April (another regeneration) arrives after the May one.
  await workbook('third', 'e-april.xlsx', { generatedAt: '2025-04-01T08:00:00.000Z', seed: 5 });
  runs = [ingest('first'), ingest('second'), ingest('third')];
}, 120_000);

describe('a regenerated workbook', () => {
  it('keeps other evaluators and other selections as returns of their own', () => {
    expect(runs[0]).toMatchObject({ ingested: 3, regenerated: 0 });
  });

  it('replaces the earlier return, and ingest says so', async () => {
    expect(runs[1]).toMatchObject({ ingested: 1, replaced: 0, regenerated: 1 });
    const r = runCli(['ingest', join(dir, 'second'), '--db', join(dir, 'text.duckdb')]);
    expect(r.stdout).not.toContain('generated again');
    const both = runCli([
      'ingest',
      join(dir, 'first'),
      join(dir, 'second'),
      '--db',
      join(dir, 'text.duckdb'),
      '--lang',
      'zh-CN',
    ]);
    expect(both.stdout).toContain(
      '1 份回报来自为同一机构、周期、评价方案和评价人重新生成的工作簿：以生成时间较晚的一份为准',
    );
  });

  it('is current by when it was generated, not when it arrived', async () => {
    expect(runs[2]).toMatchObject({ ingested: 1, regenerated: 1 });
    expect(await current()).toEqual([
      {
        file_name: 'a-march.xlsx',
        evaluator: '秘书处',
        profile: 'annex-b-example',
        is_current: false,
      },
      {
        file_name: 'b-other-evaluator.xlsx',
        evaluator: '外部专家',
        profile: 'annex-b-example',
        is_current: true,
      },
      { file_name: 'c-full.xlsx', evaluator: '秘书处', profile: '', is_current: true },
      {
        file_name: 'd-may.xlsx',
        evaluator: '秘书处',
        profile: 'annex-b-example',
        is_current: true,
      },
      {
        file_name: 'e-april.xlsx',
        evaluator: '秘书处',
        profile: 'annex-b-example',
        is_current: false,
      },
    ]);
    // A second run of everything changes nothing.
    const again = runCli(['ingest', dir, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ ingested: 0, unchanged: 5, regenerated: 0 });
    expect((await current()).map((r) => r.is_current)).toEqual([false, true, true, true, false]);
  });
});
