/** Return tracking against a roster: returned, complete, unanswered; filtered by period. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePlan, scaleListItems, type RowAnswer } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

describe('scorebook status', () => {
  it('lists who returned, who did not and whose return is incomplete', async () => {
    const dir = scratchDir('scorebook-status-');
    const db = join(dir, 'db.duckdb');
    const roster = write(
      join(dir, 'members.csv'),
      [
        'org_id,org_name,region,org_type',
        'M0001,甲协会,深圳,社会团体',
        'M0002,乙协会,深圳,基金会',
        'M0003,=丙协会,武汉,社会团体',
      ].join('\n'),
    );
    const plan = resolvePlan(shippedTemplates().get('tnssq-2022-standard-quality')!).value!;
    const all = new Map<string, RowAnswer>(
      plan.indicators.map((i) => [
        i.id,
        { input: i.rule.kind === 'scale' ? scaleListItems(i.rule.levels, 'zh-CN')[2]! : null },
      ]),
    );
    const some = new Map([...all].slice(0, 30));
    write(
      join(dir, 'a.xlsx'),
      await filledWorkbook({
        template: 'tnssq-2022-standard-quality',
        org: org(1),
        seed: 1,
        answers: all,
      }),
    );
    write(
      join(dir, 'b.xlsx'),
      await filledWorkbook({
        template: 'tnssq-2022-standard-quality',
        org: org(2, { period: '2024' }),
        seed: 2,
        answers: some,
      }),
    );
    expect(runCli(['ingest', join(dir, '*.xlsx'), '--db', db]).code).toBe(0);
    const r = runCli(['status', '--roster', roster, '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { org_id: 'M0001', org_name: '甲协会', returned: true, complete: true, unanswered: 0 },
      { org_id: 'M0002', org_name: '乙协会', returned: true, complete: false, unanswered: 3 },
      { org_id: 'M0003', org_name: '=丙协会', returned: false, complete: false, unanswered: null },
    ]);
    const p = JSON.parse(
      runCli(['status', '--roster', roster, '--db', db, '--json', '--period', '2025']).stdout,
    );
    expect(p.map((x: { returned: boolean }) => x.returned)).toEqual([true, false, false]);
    const csv = runCli(['status', '--roster', roster, '--db', db, '--csv']).stdout;
    expect(csv).toContain("M0003,'=丙协会,false,false,");
    const text = runCli(['status', '--roster', roster, '--db', db, '--lang', 'zh-CN']).stdout;
    expect(text).toContain('已回收 2/3，已完成 1/3');
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
