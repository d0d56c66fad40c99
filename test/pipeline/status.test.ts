/** Return tracking against a roster: each member's state for one comparison, its contact, CSV for a mail merge. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePlan, scaleListItems, type RowAnswer } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

describe('scorebook status', () => {
  it("gives each member's state for the latest period, with its contact: accepted, partial (which indicators), rejected (matched by file name), missing", async () => {
    const dir = scratchDir('scorebook-status-');
    const db = join(dir, 'db.duckdb');
    const roster = write(
      join(dir, 'members.csv'),
      [
        'org_id,org_name,region,org_type,contact',
        'M0001,甲协会,深圳,社会团体,张三 13800000001',
        'M0002,乙协会,深圳,基金会,李四 13800000002',
        'M0003,=丙协会,武汉,社会团体,',
        'M0004,丁协会,武汉,基金会,王五 13800000004',
      ].join('\n'),
    );
    const template = 'tnssq-2022-standard-quality';
    const plan = resolvePlan(shippedTemplates().get(template)!).value!;
    const all = new Map<string, RowAnswer>(
      plan.indicators.map((i) => [
        i.id,
        { input: i.rule.kind === 'scale' ? scaleListItems(i.rule.levels, 'zh-CN')[2]! : null },
      ]),
    );
    const some = new Map([...all].slice(0, 30));
    const file = async (
      name: string,
      i: number,
      answers: Map<string, RowAnswer>,
      period = '2025',
    ) =>
      write(
        join(dir, name),
        await filledWorkbook({ template, org: org(i, { period }), seed: i, answers }),
      );
    await file('a.xlsx', 1, all);
    await file('b.xlsx', 2, some);
    await file('c-2024.xlsx', 3, all, '2024');
    // A file the secretariat generated for M0003, broken on the way back: its name says whose.
    write(join(dir, 'M0003-丙协会.xlsx'), 'not a workbook at all');
    expect(runCli(['ingest', dir, '--db', db]).code).toBe(3);
    const r = runCli(['status', '--roster', roster, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows.map((x: { state: string }) => x.state)).toEqual([
      'accepted',
      'partial',
      'rejected',
      'missing',
    ]);
    expect(rows[0]).toMatchObject({ contact: '张三 13800000001', unanswered: 0, calculated: true });
    expect(rows[1]).toMatchObject({
      unanswered: 3,
      applicable: 33,
      missing_indicators: plan.indicators.slice(30).map((i) => i.id),
      returned: true,
      complete: false,
    });
    expect(rows[2]).toMatchObject({
      contact: null,
      file: join(dir, 'M0003-丙协会.xlsx'),
      returned: false,
    });
    expect(rows[2].reason).toMatch(/not an xlsx|zip/i);
    expect(rows[3]).toMatchObject({ state: 'missing', reason: null, contact: '王五 13800000004' });
    // Another period: M0003 returned for 2024, and the others did not.
    const p = JSON.parse(
      runCli(['status', '--roster', roster, '--db', db, '--json', '--period', '2024']).stdout,
    );
    expect(p.map((x: { state: string }) => x.state)).toEqual([
      'missing',
      'missing',
      'accepted',
      'missing',
    ]);
    const csv = runCli([
      'status',
      '--roster',
      roster,
      '--db',
      db,
      '--csv',
      '--lang',
      'zh-CN',
    ]).stdout;
    expect(csv.startsWith('\uFEFF机构编号,机构名称,联系方式,状态,待补充\r\n')).toBe(true);
    expect(csv).toContain("M0003,'=丙协会,,被拒收,");
    expect(csv).toContain(
      `M0002,乙协会,李四 13800000002,未完成,33 项适用指标中有 3 项未作答：${plan.indicators
        .slice(30)
        .map((i) => i.id)
        .join('、')}`,
    );
    expect(csv).toContain('M0004,丁协会,王五 13800000004,未回收,未回收');
    const text = runCli(['status', '--roster', roster, '--db', db, '--lang', 'zh-CN']).stdout;
    expect(text).toContain('名册共 4 个成员：已接收 1，未完成 1，被拒收 1，未回收 1。');
    const en = runCli(['status', '--roster', roster, '--db', db, '--csv']).stdout;
    expect(en.split('\r\n')[0]).toBe('\uFEFForg_id,org_name,contact,state,missing');
    expect(en).toContain('M0004,丁协会,王五 13800000004,missing,not returned');
  });

  it('refuses an unknown template or profile in words, listing what there is', async () => {
    const dir = scratchDir('scorebook-status-');
    const db = join(dir, 'db.duckdb');
    const roster = write(
      join(dir, 'members.csv'),
      'org_id,org_name,region,org_type\nM0001,甲,深圳,社会团体\n',
    );
    write(
      join(dir, 'a.xlsx'),
      await filledWorkbook({ template: 'tnssq-2022-standard-quality', org: org(1), seed: 1 }),
    );
    expect(runCli(['ingest', join(dir, 'a.xlsx'), '--db', db]).code).toBe(0);
    const nope = runCli(['status', '--roster', roster, '--db', db, '--template', 'nope']);
    expect(nope.code).toBe(1);
    expect(nope.stdout).toBe('');
    expect(nope.stderr).toContain('There is no template nope. Templates: ');
    expect(nope.stderr).toContain('gbt-40143-2021');
    const zh = runCli([
      'status',
      '--roster',
      roster,
      '--db',
      db,
      '--template',
      'nope',
      '--lang',
      'zh-CN',
    ]);
    expect(zh.stderr).toContain('没有模板 nope。可用的模板：');
    const profile = runCli([
      'status',
      '--roster',
      roster,
      '--db',
      db,
      '--template',
      'gbt-40143-2021',
      '--profile',
      'nope',
    ]);
    expect(profile.code).toBe(1);
    expect(profile.stderr).toContain('gbt-40143-2021 has no profile nope');
    expect(profile.stderr).toContain('annex-b-example');
    // A template nothing of which was returned yet: everyone missing, not refused.
    const none = runCli([
      'status',
      '--roster',
      roster,
      '--db',
      db,
      '--template',
      'gbt-40143-2021',
      '--json',
    ]);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)[0].state).toBe('missing');
  });

  it('exits 1 on a roster it cannot use, and 3 when it skipped rows of it', async () => {
    const dir = scratchDir('scorebook-status-');
    const db = join(dir, 'db.duckdb');
    write(
      join(dir, 'a.xlsx'),
      await filledWorkbook({ template: 'tnssq-2022-standard-quality', org: org(1), seed: 1 }),
    );
    expect(runCli(['ingest', join(dir, 'a.xlsx'), '--db', db]).code).toBe(0);
    const missing = runCli(['status', '--roster', join(dir, 'none.csv'), '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    const noColumns = runCli([
      'status',
      '--roster',
      write(join(dir, 'cols.csv'), 'org_id,org_name\nM0001,甲\n'),
      '--db',
      db,
      '--json',
    ]);
    expect(noColumns.code).toBe(1);
    expect(noColumns.stderr).toContain('"region"');
    const skipped = runCli([
      'status',
      '--roster',
      write(
        join(dir, 'dup.csv'),
        'org_id,org_name,region,org_type\nM0001,甲,深圳,社会团体\nM0001,甲2,深圳,社会团体\n',
      ),
      '--db',
      db,
      '--json',
    ]);
    expect(skipped.code).toBe(3);
    expect(JSON.parse(skipped.stdout)).toHaveLength(1);
  });

  it('says so when there is no database yet', () => {
    const dir = scratchDir('scorebook-status-');
    const roster = write(
      join(dir, 'members.csv'),
      'org_id,org_name,region,org_type\nM1,甲,深圳,社会团体\n',
    );
    const r = runCli(['status', '--roster', roster, '--db', join(dir, 'none.duckdb')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Run scorebook ingest first');
  });
});
