/**
 * `scorebook fill --records`: a volunteer service records export counted into a workbook's
 * indicators through the real CLI, for one workbook and for a roster folder matched by
 * organization. What lands in each input cell is read back from the written file and held
 * against `scorebook records --json` on the same rows.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSubmissionFile } from '../../pipeline/xlsx/open-submission.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const EXAMPLE = join(ROOT, 'docs/examples/volunteer-records.csv');

function recordsJson(file: string, period: string, org?: string) {
  const r = runCli(['records', file, '--period', period, '--json', ...(org ? ['--org', org] : [])]);
  expect([0, 3], r.stderr).toContain(r.code);
  const out = JSON.parse(r.stdout) as { indicators: { id: string; value: number | null }[] };
  return new Map(out.indicators.map((i) => [i.id, i.value]));
}

function filledValues(file: string) {
  const { value: sub, errors } = openSubmissionFile(file);
  expect(errors).toEqual([]);
  const values = new Map<string, { input: unknown; evidence: string | undefined }>();
  for (const [id, a] of sub!.answers) values.set(id, { input: a.input, evidence: a.evidence });
  return values;
}

describe('fill --records', () => {
  it('writes each figure the records support into its input cell, with a note of its source', () => {
    const dir = scratchDir();
    const wb = join(dir, 'A.xlsx');
    const gen = runCli([
      'generate',
      'gbt-40143-2021',
      '--org-id',
      'A1',
      '--period',
      '2025',
      '--out',
      wb,
    ]);
    expect(gen.code, gen.stderr).toBe(0);
    const out = join(dir, 'A-filled.xlsx');
    const r = runCli(['fill', wb, '--records', EXAMPLE, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Filled 9 indicator\(s\)/);
    const expected = recordsJson(EXAMPLE, '2025');
    const got = filledValues(out);
    expect(expected.size).toBe(9);
    for (const [id, value] of expected) {
      expect(Number(got.get(id)!.input), id).toBeCloseTo(value!, 9);
      expect(got.get(id)!.evidence, id).toContain('volunteer-records.csv');
    }
    // Nothing else was touched: an indicator the records do not support stays blank.
    expect(got.get('1.1.1')!.input ?? null).toBeNull();
  });

  it("counts over --period when the workbook's own period is not a year, and says so otherwise", () => {
    const dir = scratchDir();
    const wb = join(dir, 'B.xlsx');
    runCli(['generate', 'gbt-40143-2021', '--org-id', 'B1', '--period', '2025年度', '--out', wb]);
    const refused = runCli(['fill', wb, '--records', EXAMPLE, '--out', join(dir, 'x.xlsx')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/give the records' period with --period/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    const ok = runCli([
      'fill',
      wb,
      '--records',
      EXAMPLE,
      '--period',
      '2024',
      '--out',
      join(dir, 'y.xlsx'),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const expected = recordsJson(EXAMPLE, '2024');
    const got = filledValues(join(dir, 'y.xlsx'));
    for (const [id, value] of expected)
      if (value !== null) expect(Number(got.get(id)!.input), id).toBeCloseTo(value, 9);
  });

  it('fills a roster folder member by member, and lists the members the records do not name', () => {
    const dir = scratchDir();
    const roster = join(dir, 'roster.csv');
    writeFileSync(
      roster,
      'org_id,org_name,region,org_type\nV001,阳光志愿者协会,深圳,社会团体\nV002,明月服务队,广州,社会团体\nV003,星空社,广州,民办非企业单位\n',
    );
    const gen = runCli([
      'generate',
      'gbt-40143-2021',
      '--roster',
      roster,
      '--period',
      '2025',
      '--out',
      join(dir, 'out'),
    ]);
    expect(gen.code, gen.stderr).toBe(0);
    // The example's rows shared between two organizations: odd rows V002's, even rows V001's.
    const [head, ...rows] = readFileSync(EXAMPLE, 'utf8').trim().split('\n');
    const byOrg = rows.map((row, i) => `${i % 2 ? 'V001' : 'V002'},${row}`);
    const records = join(dir, 'records.csv');
    writeFileSync(records, [`机构编号,${head}`, ...byOrg].join('\n'));
    const r = runCli([
      'fill',
      join(dir, 'out'),
      '--records',
      records,
      '--out',
      join(dir, 'filled'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Filled 2 workbook\(s\).*skipped 1/);
    expect(r.stderr).toMatch(/Skipped V003-星空社\.xlsx \(V003\): the records file has no rows/);
    // Without training rows, 3.2.2 has no figure: said for each member, naming its workbook.
    const service = join(dir, 'service-only.csv');
    writeFileSync(
      service,
      [`机构编号,${head}`, ...byOrg.filter((row) => !row.includes('培训'))].join('\n'),
    );
    const untrained = runCli([
      'fill',
      join(dir, 'out'),
      '--records',
      service,
      '--out',
      join(dir, 'filled-service'),
    ]);
    expect(untrained.code, untrained.stderr).toBe(0);
    expect(untrained.stderr).toContain(
      'V001-阳光志愿者协会.xlsx  Not filled 3.2.2: the records give no value for it',
    );
    expect(untrained.stderr).toContain('V002-明月服务队.xlsx  Not filled 3.2.2');
    for (const org of ['V001', 'V002']) {
      const file = join(
        dir,
        'filled',
        `${org}-${org === 'V001' ? '阳光志愿者协会' : '明月服务队'}.xlsx`,
      );
      const got = filledValues(file);
      const expected = recordsJson(records, '2025', org);
      for (const [id, value] of expected)
        if (value !== null)
          expect(Number(got.get(id)!.input), `${org} ${id}`).toBeCloseTo(value, 9);
    }
    expect(existsSync(join(dir, 'filled', 'V003-星空社.xlsx'))).toBe(false);
    // Filling in place is allowed: --out is the folder itself.
    copyFileSync(join(dir, 'out', 'V003-星空社.xlsx'), join(dir, 'keep.xlsx'));
    const again = runCli([
      'fill',
      join(dir, 'out'),
      '--records',
      records,
      '--out',
      join(dir, 'out'),
    ]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('takes --inputs or --records, not both, and a folder only with --records', () => {
    const dir = scratchDir();
    const both = runCli([
      'fill',
      'x.xlsx',
      '--inputs',
      'a.csv',
      '--records',
      EXAMPLE,
      '--out',
      join(dir, 'o.xlsx'),
    ]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/Give --inputs .* or --records/);
    const folder = runCli(['fill', dir, '--inputs', 'a.csv', '--out', join(dir, 'o')]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/is a folder: only --records fills a folder/);
  });
});
