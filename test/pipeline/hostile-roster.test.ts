/**
 * Rosters and inputs files that are wrong in ways people make them wrong: a blank region, an
 * Excel workbook given as the CSV, one id on 200,000 rows, an empty file, invisible characters
 * pasted into names. Each is said once, in words, in a few lines.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoster, readRosterFile } from '../../pipeline/roster/read-roster.ts';
import { filledWorkbook, org } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

describe('roster warnings and refusals', () => {
  it('a blank region or type warns once per column that those members form a group of their own', () => {
    const r = parseRoster(
      'org_id,org_name,region,org_type\nA1,甲,,社会团体\nA2,乙,北京,\nA3,丙,,\nA4,丁,北京,社会团体\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.members).toHaveLength(4);
    expect(
      r.warnings.map((w) => [w.code, w.params?.column, w.params?.count, w.params?.rows]),
    ).toEqual([
      ['roster.blank-group', 'region', 2, '2, 4'],
      ['roster.blank-group', 'org_type', 2, '3, 4'],
    ]);
  });

  it('generate --roster says the warning and writes every member', () => {
    const dir = scratchDir();
    const roster = join(dir, 'r.csv');
    writeFileSync(roster, 'org_id,org_name,region,org_type\nA1,甲,,社会团体\nA2,乙,北京,基金会\n');
    const r = runCli([
      'generate',
      'gbt-40143-2021',
      '--roster',
      roster,
      '--out',
      join(dir, 'out'),
      '--period',
      '2025',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'The region is blank in 1 row(s) (2): those members form a peer group of their own',
    );
    expect(r.stdout).toMatch(/Wrote 2 workbook\(s\)/);
  });

  it('an Excel workbook given as the roster says once that it is not a CSV, without its bytes', async () => {
    const dir = scratchDir();
    const file = join(dir, 'members.csv');
    writeFileSync(file, await filledWorkbook({ org: org(1), seed: 1 }));
    expect(readRosterFile(file).errors.map((e) => [e.code, e.params?.kind])).toEqual([
      ['file.not-csv', 'xlsx'],
    ]);
    const r = runCli(['generate', 'gbt-40143-2021', '--roster', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/not a CSV file but an Excel workbook/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('org_id');
    expect(r.stderr).not.toMatch(/PK\x03\x04|[\x00-\x08]/);
  });

  it('200,000 rows with one id make a few lines and a count of the rest', () => {
    const dir = scratchDir();
    const roster = join(dir, 'r.csv');
    writeFileSync(
      roster,
      `org_id,org_name,region,org_type\n${'A1,甲,北京,社会团体\n'.repeat(200_000)}`,
    );
    const r = runCli([
      'generate',
      'gbt-40143-2021',
      '--roster',
      roster,
      '--out',
      join(dir, 'out'),
      '--period',
      '2025',
    ]);
    expect(r.stderr.split('\n').length).toBeLessThan(20);
    expect(r.stderr.match(/is used twice/g)).toHaveLength(10);
    expect(r.stderr).toContain('… and 199,989 more like this (roster.duplicate-id) not listed.');
    expect(r.code).toBe(3);
  });

  it('invisible characters in a roster are gone from its keys', () => {
    const r = parseRoster(
      'org_id,org_name,region,org_type\nＡ１\u200B,甲\u202E,北京\u2060,社会团体\uFEFF\n',
    );
    expect(r.members.map((m) => [m.org_id, m.org_name, m.region, m.org_type])).toEqual([
      ['A1', '甲', '北京', '社会团体'],
    ]);
  });
});

describe('inputs files', () => {
  it('an empty inputs CSV says it is empty, not that a delimiter could not be detected', () => {
    const dir = scratchDir();
    const file = join(dir, 'empty.csv');
    writeFileSync(file, '');
    const r = runCli(['score', '--template', 'gbt-40143-2021', '--inputs', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The inputs file is empty');
    expect(r.stderr).not.toContain('auto-detect');
  });
});
