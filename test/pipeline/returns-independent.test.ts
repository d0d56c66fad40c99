/**
 * Issue 10's checks on the returns side, with returns filled by an independent tool: a roster of
 * 30 members (every region × type group under 5) gets workbooks from `generate --roster`;
 * openpyxl fills them as members' tools would (a blank one, a half-blank one, one with the
 * weights edited after lifting the sheet's protection, the rest in full), saving without cached
 * values; LibreOffice recalculates a few. Then: the blank one is rejected `empty` and names its
 * member; the half-blank one is stored partial; the edited one is weights-changed, its total is
 * `scorebook score` on the same answers with the issued weights and its own total the sheet's;
 * files without cached values are not calculated and not flagged; LibreOffice's UNANSWERED is
 * the engine's count; an organization's two selections are two current returns; a roster
 * without a period is refused; the CSV export starts with a BOM.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answersToInputs,
  evaluate,
  idToName,
  resolvePlan,
  type RowAnswer,
  type ScoringPlan,
} from '../../core/index.ts';
import type { IngestSummary } from '../../pipeline/ingest/ingest-writer.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { ruleKind } from '../../core/rules/kinds/index.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { queryDb } from '../support/query-db.ts';
import { randomAnswers, rng } from '../support/random-answers.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const PYTHON = '/usr/bin/python3';
const dir = scratchDir('scorebook-independent-');
const db = join(dir, 'scorebook.duckdb');
const TEMPLATE = 'gbt-40143-2021';
const template = shippedTemplates().get(TEMPLATE)!;
const annexB = resolvePlan(template, { profile: 'annex-b-example' }).value!;
const full = resolvePlan(template).value!;
const REGIONS = ['深圳', '广州', '武汉', '北京', '成都'];
const TYPES = ['社会团体', '社会服务机构', '基金会'];
const id = (i: number) => `M${String(i).padStart(2, '0')}`;

/** What each member answers (none N/A in the half-blank one, so that its blanks are all applicable). */
const answersOf = new Map<string, Map<string, RowAnswer>>();
const HALF_BLANK = id(2);
const EDITED = id(3);
let halfBlanks = 0;
let run: IngestSummary;
const lo = new Map<string, string>();

/** The cells openpyxl writes for these answers: the input, or the N/A mark, and the mode. */
function cells(
  plan: ScoringPlan,
  answers: ReadonlyMap<string, RowAnswer>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ind of plan.indicators) {
    const a = answers.get(ind.id);
    if (!a) continue;
    if (a.na) out[idToName('NA', ind.id)] = '不适用';
    else if (a.input !== undefined && a.input !== null) out[idToName('IN', ind.id)] = a.input;
    if (a.mode) out[idToName('MD', ind.id)] = a.mode;
  }
  return out;
}

/** Random answers with every applicable indicator answered (randomAnswers leaves some blank). */
function completeAnswers(plan: ScoringPlan, random: () => number): Map<string, RowAnswer> {
  const answers = randomAnswers(plan, 'zh-CN', random);
  for (const ind of plan.indicators)
    if (!answers.has(ind.id))
      answers.set(ind.id, {
        input: ruleKind(ind.rule).randomAnswer(ind.rule, ind.unit, { random, lang: 'zh-CN' }),
      });
  return answers;
}

beforeAll(async () => {
  // The roster: 30 members, 5 regions × 3 types, two in each group.
  const lines = ['机构编号,机构名称,地区,机构类型,联系人'];
  for (let i = 1; i <= 30; i++)
    lines.push(
      `${id(i)},第${i}社区服务协会,${REGIONS[(i - 1) % 5]},${TYPES[Math.floor((i - 1) / 5) % 3]},联系人${i}`,
    );
  writeFileSync(join(dir, 'members.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
  const args = [
    'generate',
    TEMPLATE,
    '--profile',
    'annex-b-example',
    '--roster',
    join(dir, 'members.csv'),
  ];
  const noPeriod = runCli([...args, '--out', join(dir, 'refused')]);
  expect(noPeriod.code).toBe(1);
  expect(noPeriod.stderr).toContain('--period 2025');
  const made = runCli([...args, '--period', '2025', '--out', join(dir, 'issued')]);
  expect(made.code, made.stderr).toBe(0);
  // M07 is also evaluated on the full standard by the same evaluator.
  const second = runCli([
    'generate',
    TEMPLATE,
    '--org-id',
    id(7),
    '--org-name',
    '第7社区服务协会',
    '--region',
    REGIONS[1]!,
    '--org-type',
    TYPES[0]!,
    '--period',
    '2025',
    '--out',
    join(dir, 'issued', 'M07-full.xlsx'),
  ]);
  expect(second.code, second.stderr).toBe(0);

  const random = rng(10);
  const jobs: {
    file: string;
    out: string;
    cells: Record<string, unknown>;
    unprotect?: string[];
  }[] = [];
  mkdirSync(join(dir, 'returned'), { recursive: true });
  for (let i = 1; i <= 30; i++) {
    const m = id(i);
    const answers = completeAnswers(annexB, random);
    if (m === id(1)) answers.clear();
    if (m === HALF_BLANK) {
      for (const [k, ind] of annexB.indicators.entries()) {
        if (k % 2 === 0) answers.delete(ind.id);
        else answers.set(ind.id, { input: ind.rule.kind === 'binary' ? '不符合' : 0.3 });
      }
      halfBlanks = annexB.indicators.length - answers.size;
    }
    answersOf.set(m, answers);
    const file = join(dir, 'issued', `${m}-第${i}社区服务协会.xlsx`);
    const c = cells(annexB, answers);
    const job = { file, out: join(dir, 'returned', `${m}.xlsx`), cells: c };
    if (m === EDITED)
      jobs.push({ ...job, cells: { ...c, WT_1: 1, WT_5: 1, WT_6: 1 }, unprotect: ['汇总'] });
    else jobs.push(job);
  }
  const fullAnswers = completeAnswers(full, random);
  answersOf.set('M07-full', fullAnswers);
  jobs.push({
    file: join(dir, 'issued', 'M07-full.xlsx'),
    out: join(dir, 'returned', 'M07-full.xlsx'),
    cells: cells(full, fullAnswers),
  });
  writeFileSync(join(dir, 'jobs.json'), JSON.stringify(jobs));
  const py = spawnSync(
    PYTHON,
    [join(ROOT, 'test/support/openpyxl-fill.py'), join(dir, 'jobs.json')],
    { encoding: 'utf8' },
  );
  expect(py.status, py.stderr).toBe(0);

  // The edited one, the half-blank one and a full one opened and saved by LibreOffice (it calculates).
  const recalculated = await recalculateWithLibreOffice(
    [EDITED, HALF_BLANK, id(4)].map((m) => join(dir, 'returned', `${m}.xlsx`)),
    join(dir, 'recalculated'),
  );
  for (const [from, to] of recalculated) {
    const m = from.split('/').pop()!.replace('.xlsx', '');
    lo.set(m, to);
    writeFileSync(join(dir, 'returned', `${m}.xlsx`), readFileSync(to));
  }

  const r = runCli(['ingest', join(dir, 'returned'), '--db', db, '--json']);
  expect(r.code).toBe(3); // the blank one is rejected
  run = JSON.parse(r.stdout) as IngestSummary;
}, 300_000);

const row = async (file: string) =>
  (
    await queryDb(
      db,
      `SELECT org_id, profile, total, own_total, applicable, answered, unanswered, complete,
              weights_changed, flagged, calculated, is_current FROM submissions WHERE file_name = '${file}'`,
    )
  )[0]!;

describe('returns filled by another tool', () => {
  it('rejects the blank one as empty, naming its member', async () => {
    expect(run.rejected.map((x) => [x.file.split('/').pop(), x.reason])).toEqual([
      ['M01.xlsx', 'empty'],
    ]);
    expect(
      await queryDb(db, 'SELECT org_id, period, template_id, reason, code FROM rejections'),
    ).toEqual([
      {
        org_id: 'M01',
        period: '2025',
        template_id: TEMPLATE,
        reason: 'empty',
        code: 'return.empty',
      },
    ]);
  });

  it('stores the half-blank one as partial, with the count of what it left blank', async () => {
    expect(await row('M02.xlsx')).toMatchObject({
      applicable: annexB.indicators.length,
      answered: annexB.indicators.length - halfBlanks,
      unanswered: halfBlanks,
      complete: false,
      flagged: false,
      calculated: true,
    });
    expect(run.partial).toBe(1);
  });

  it("scores the edited one with the issued weights: score's total on the same answers, the sheet's own total beside it", async () => {
    const stored = await row('M03.xlsx');
    expect(stored).toMatchObject({ weights_changed: true, flagged: false, calculated: true });
    const inputs = Object.fromEntries(
      [...answersOf.get(EDITED)!].map(([k, a]) => [k, a.na ? '不适用' : a.input]),
    );
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(inputs));
    const scored = runCli([
      'score',
      '--template',
      TEMPLATE,
      '--profile',
      'annex-b-example',
      '--inputs',
      join(dir, 'edited.json'),
      '--json',
    ]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(stored.total).toBeCloseTo(JSON.parse(scored.stdout).total, 9);
    // The member's own total is what LibreOffice computed with the edited weights.
    const sheet = readWorkbookBytes(readFileSync(lo.get(EDITED)!)).value!;
    expect(stored.own_total).toBeCloseTo(cellByName(sheet, 'TOTAL')!.value as number, 9);
    expect(stored.own_total).not.toBeCloseTo(stored.total as number, 3);
    expect(run.weights_changed).toBe(1);
    // score FILE.xlsx says both totals.
    const file = runCli(['score', join(dir, 'returned', 'M03.xlsx'), '--json']);
    expect(JSON.parse(file.stdout)).toMatchObject({ weights_changed: true, calculated: true });
    expect(JSON.parse(file.stdout).issued_total).toBeCloseTo(stored.total as number, 9);
    expect(JSON.parse(file.stdout).total).toBeCloseTo(stored.own_total as number, 9);
    expect(runCli(['score', join(dir, 'returned', 'M03.xlsx')]).stdout).toContain(
      'The weights differ from the issued ones',
    );
  });

  it('takes files saved without cached values as not calculated, never flagged', async () => {
    const rows = await queryDb(
      db,
      'SELECT calculated, flagged, count(*) AS n FROM submissions GROUP BY ALL ORDER BY ALL',
    );
    expect(rows).toEqual([
      { calculated: false, flagged: false, n: '27' },
      { calculated: true, flagged: false, n: '3' },
    ]);
    expect(run.not_calculated).toBe(27);
    const bare = runCli(['score', join(dir, 'returned', 'M05.xlsx'), '--lang', 'zh-CN']);
    expect(bare.stdout).toContain('文件中没有公式的缓存结果');
    expect(bare.stdout).not.toContain('不一致');
    expect(run.flagged).toBe(0);
  });

  it("gets LibreOffice's UNANSWERED equal to the engine's count", () => {
    for (const m of [HALF_BLANK, id(4), EDITED]) {
      const sheet = readWorkbookBytes(readFileSync(lo.get(m)!)).value!;
      const ev = evaluate(annexB, answersToInputs(answersOf.get(m)!));
      expect(cellByName(sheet, 'UNANSWERED')!.value, m).toBe(ev.unanswered.length);
    }
    expect(halfBlanks).toBeGreaterThan(0);
  });

  it("keeps an organization's two selections as two current returns, never one consolidated", async () => {
    const rows = await queryDb(
      db,
      `SELECT profile, is_current, count(DISTINCT profile_hash) OVER () AS selections FROM submissions WHERE org_id = 'M07' ORDER BY profile`,
    );
    expect(rows).toEqual([
      { profile: '', is_current: true, selections: '2' },
      { profile: 'annex-b-example', is_current: true, selections: '2' },
    ]);
  });

  it('exports CSV that starts with a BOM', () => {
    const out = join(dir, 'export');
    expect(runCli(['export', '--db', db, '--format', 'csv', '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'submissions.csv')).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });
});
