/** `scorebook records` as a user runs it: what it prints, its exit code, and its refusals. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../support/run-cli.ts';
import { runRecordsVerb } from './support/records-cli.ts';

const dir = scratchDir('scorebook-records-cli-');
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const CLEAN = [
  'volunteer_id,registration date,date,hours,activity,kind',
  'A1,2024-01-01,2025-03-01,2,Clinic,service',
  'A2,2024-01-01,2025-03-01,3,Clinic,service',
  'A2,2024-01-01,2025-04-01,1.5,First aid,training',
].join('\n');

const ORGS = [
  '机构编号,志愿者编号,日期,时长',
  'M001,V1,2025-03-01,2',
  'M002,V1,2025-03-01,3',
  'M002,V2,2025-03-02,4',
  ',V3,2025-03-02,4',
  'M002,V4,2025-03-02,-4',
  'M001,V5,2025-03-02,-1',
].join('\n');

describe('scorebook records', () => {
  it('exits 0 when every row is kept, and prints the indicators', async () => {
    const run = await runRecordsVerb([
      file('clean.csv', CLEAN),
      '--period',
      '2025',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^3\.1\.5 +Total volunteer service hours this year +5\.00 +h$/m);
    expect(run.stdout).toMatch(
      /^3\.2\.2 +Average training hours per volunteer this year +1\.50 +h\/人$/m,
    );
    expect(run.stdout).toContain('3 rows: 3 kept');
    expect(run.stdout).not.toContain('Rejected rows');
  });

  it('refuses a period it cannot read, in words', async () => {
    const run = await runRecordsVerb([
      file('p.csv', CLEAN),
      '--period',
      '2025年',
      '--lang',
      'zh-CN',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      '评价周期 "2025年" 无法识别。请写一个年份（如 2025），或起止日期（如 2025-07-01..2026-06-30，两端都计入）。\n',
    );
  });

  it('refuses a today that is not a day', async () => {
    const run = await runRecordsVerb([
      file('t.csv', CLEAN),
      '--period',
      '2025',
      '--today',
      '2025-02-30',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('give a day as YYYY-MM-DD.');
  });

  it('names the header row and the accepted spellings of a missing column', async () => {
    const path = file(
      'no-hours.csv',
      'Volunteer records 2025\n\nvolunteer id,date,duration days\nA1,2025-03-01,2\n',
    );
    const run = await runRecordsVerb([path, '--period', '2025', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${path} row 3  The header (row 3) has no hours column (headers found: volunteer id, date, duration days). Name it one of: 时长, 服务时长, 志愿服务时长, 活动时长, 培训时长, 时数, 小时, 小时数, 服务小时数, hours, hour, service hours, duration, hrs.\n`,
    );
    const zh = await runRecordsVerb([path, '--period', '2025', '--lang', 'zh-CN']);
    expect(zh.stderr).toContain(
      '第 3 行  表头（第 3 行）中没有“时长”列（找到的表头：volunteer id, date, duration days）。请把该列的表头写成以下之一：时长, 服务时长',
    );
  });

  it('finds the header under a title line and numbers rows as a spreadsheet does', async () => {
    const path = file(
      'titled.csv',
      '志愿服务记录（2025年）\n志愿者编号,日期,时长\nA1,2025-03-01,2\n\nA1,2025-03-02,-2\n',
    );
    const run = await runRecordsVerb([path, '--period', '2025', '--json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).rejected_rows).toEqual([
      { row: 5, reason: 'negative-hours', message: 'The hours are negative (-2). Correct them.' },
    ]);
  });

  it('lists 20 rejected rows and says how many more there are', async () => {
    const bad = Array.from({ length: 23 }, (_, i) => `A${i},2025-03-01,-1`);
    const path = file(
      'many-bad.csv',
      ['志愿者编号,日期,时长', 'A,2025-03-01,2', ...bad].join('\n'),
    );
    const run = await runRecordsVerb([path, '--period', '2025', '--lang', 'en']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Rejected rows (23, left out of every count):');
    expect(run.stdout).toContain('  row 22  The hours are negative (-1).');
    expect(run.stdout).not.toContain('row 23  ');
    expect(run.stdout).toContain('  … and 3 more (--json lists them all).');
    const json = await runRecordsVerb([path, '--period', '2025', '--json']);
    expect(JSON.parse(json.stdout).rejected_rows).toHaveLength(23);
  });

  describe('a file of several organizations', () => {
    const path = file('orgs.csv', ORGS);

    it('asks which one', async () => {
      const run = await runRecordsVerb([path, '--period', '2025', '--lang', 'en']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `${path}  The file holds the records of 2 organizations (M001, M002). Choose one with --org.\n`,
      );
    });

    it("counts one organization's rows, and lists its bad rows and rows naming none", async () => {
      const run = await runRecordsVerb([path, '--period', '2025', '--org', 'M002', '--json']);
      expect(run.code).toBe(3);
      const json = JSON.parse(run.stdout);
      expect(json.org).toBe('M002');
      expect(json.indicators.find((i: { id: string }) => i.id === '3.1.5').value).toBe(7);
      expect(
        json.rejected_rows.map((r: { row: number; reason: string }) => [r.row, r.reason]),
      ).toEqual([
        [5, 'no-org'],
        [6, 'negative-hours'],
      ]);
    });

    it('says when the organization is not in the file', async () => {
      const run = await runRecordsVerb([
        path,
        '--period',
        '2025',
        '--org',
        'M009',
        '--lang',
        'zh-CN',
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `${path}  该文件中没有机构 "M009" 的记录。文件中的机构：M001, M002。\n`,
      );
    });

    it('refuses --org for a file without an organization column', async () => {
      const run = await runRecordsVerb([
        file('one.csv', CLEAN),
        '--period',
        '2025',
        '--org',
        'M001',
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('--org M001 was given but the file has no organization column');
    });
  });

  it('refuses a CSV whose quotes do not pair up, whole', async () => {
    const path = file(
      'quotes.csv',
      '志愿者编号,日期,时长,活动\nA1,2025-03-01,2,"义诊\nA2,2025-03-02,3,义诊\n',
    );
    const run = await runRecordsVerb([path, '--period', '2025', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unpaired quotation marks');
  });

  it('refuses a legacy .xls and a missing file in words', async () => {
    const xls = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    const legacy = await runRecordsVerb([file('old.xls', xls), '--period', '2025', '--lang', 'en']);
    expect(legacy.code).toBe(1);
    expect(legacy.stderr).toContain('legacy Excel 97-2003 file (.xls)');
    const missing = await runRecordsVerb([
      join(dir, 'nowhere.csv'),
      '--period',
      '2025',
      '--lang',
      'en',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read the file: file not found');
  });
});
