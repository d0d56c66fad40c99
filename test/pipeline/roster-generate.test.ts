/**
 * Distribution to a roster of 1,000 members with bad rows, as UTF-8 and as GBK (what Excel in
 * China saves): the right files, the right messages, a manifest that matches the files.
 */
import iconv from 'iconv-lite';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openSubmissionFile } from '../../pipeline/xlsx/open-submission.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-roster-');
const REGIONS = ['深圳', '广州', '武汉', '北京'];
const TYPES = ['社会团体', '社会服务机构', '基金会'];

function roster(): { csv: string; good: number } {
  const lines = ['机构编号,机构名称,地区,机构类型,联系人,评价周期'];
  for (let i = 1; i <= 1000; i++)
    lines.push(
      `M${String(i).padStart(4, '0')},第${i}志愿服务协会,${REGIONS[i % 4]},${TYPES[i % 3]},联系人${i},2025`,
    );
  lines[11] = ',没有编号的协会,深圳,社会团体,,2025'; // row 12: missing id
  lines[21] = 'M0005,重复编号的协会,深圳,社会团体,,2025'; // row 22: duplicate of row 6
  lines[31] = 'M0031,"../../逃逸, ""协会""",深圳,社会团体,,2025'; // a hostile name, quoted with a comma
  return { csv: lines.join('\r\n'), good: 998 };
}

describe('generate --roster', () => {
  it.each([
    ['utf-8 with BOM', (s: string) => Buffer.from(`\uFEFF${s}`, 'utf8')],
    ['GBK', (s: string) => iconv.encode(s, 'gbk')],
  ])(
    'writes one workbook per valid member from a %s roster, reporting the bad rows',
    (label, encode) => {
      const { csv, good } = roster();
      const file = join(dir, `roster-${label}.csv`);
      writeFileSync(file, encode(csv));
      const out = join(dir, `out-${label.replace(/\W/g, '')}`);
      const r = runCli([
        'generate',
        'gbt-40143-2021',
        '--profile',
        'annex-b-example',
        '--roster',
        file,
        '--out',
        out,
        '--period',
        '2024',
        '--workers',
        '2',
      ]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${file} row 12`);
      expect(r.stderr).toMatch(/row 22 .*"M0005".*row 6/);
      expect(r.stdout).toContain(
        `Wrote ${good} workbook(s) to ${out}; skipped 2 bad roster row(s)`,
      );
      const files = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
      expect(files).toHaveLength(good);
      expect(files).toContain('M0001-第1志愿服务协会.xlsx');
      expect(files.find((f) => f.startsWith('M0031-'))).toMatch(/^M0031-[^/\\]*逃逸[^/\\]*\.xlsx$/);
      const manifest = Papa.parse<Record<string, string>>(
        readFileSync(join(out, 'manifest.csv'), 'utf8').replace(/^\uFEFF/, ''),
        { header: true, skipEmptyLines: true },
      ).data;
      expect(manifest).toHaveLength(good);
      expect(new Set(manifest.map((m) => m.file))).toEqual(new Set(files));
      expect(new Set(manifest.map((m) => m.workbook_id)).size).toBe(good);
      expect(manifest[0]).toMatchObject({
        org_id: 'M0001',
        template_id: 'gbt-40143-2021',
        template_version: '1.1.0',
        period: '2025',
      });
      // Each file is that member's workbook, readable by name.
      const m31 = manifest.find((m) => m.org_id === 'M0031')!;
      const sub = openSubmissionFile(join(out, m31.file!)).value!;
      expect(sub.metadata).toMatchObject({
        org_id: 'M0031',
        org_name: '../../逃逸, "协会"',
        region: '深圳',
        period: '2025',
        workbook_id: m31.workbook_id,
        contact: '',
      });
      expect(
        openSubmissionFile(join(out, 'M0001-第1志愿服务协会.xlsx')).value!.metadata,
      ).toMatchObject({
        region: REGIONS[1],
        org_type: TYPES[1],
        contact: '联系人1',
        period: '2025',
      });
      expect(sub.evaluation.total).toBe(0);
    },
  );

  it('refuses a roster without periods before writing anything, naming the rows, in either language', () => {
    const file = join(dir, 'no-period.csv');
    writeFileSync(
      file,
      'org_id,org_name,region,org_type,period\nM1,甲,深圳,社会团体,2025\nM2,乙,深圳,基金会,\nM3,丙,武汉,基金会,\n',
    );
    const out = join(dir, 'out-no-period');
    const r = runCli(['generate', 'gbt-40143-2021', '--roster', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Roster row(s) 3, 4 (2 member(s)) have no period');
    expect(r.stderr).toContain('--period 2025');
    expect(existsSync(out)).toBe(false);
    const bare = join(dir, 'no-period-column.csv');
    writeFileSync(bare, 'org_id,org_name,region,org_type\nM1,甲,深圳,社会团体\n');
    const zh = runCli([
      'generate',
      'gbt-40143-2021',
      '--roster',
      bare,
      '--out',
      out,
      '--lang',
      'zh-CN',
    ]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('名册没有评价周期列（或该列为空），也没有给出 --period');
    expect(existsSync(out)).toBe(false);
    // With --period, the same roster goes through.
    expect(
      runCli(['generate', 'gbt-40143-2021', '--roster', file, '--out', out, '--period', '2025'])
        .code,
    ).toBe(0);
  });

  it("writes workbooks in the template's language whatever the machine's locale, --lang overriding, with the issued weights recorded", () => {
    const file = join(dir, 'lang.csv');
    writeFileSync(file, 'org_id,org_name,region,org_type,period\nM1,甲,深圳,社会团体,2025\n');
    const made = (name: string, extra: string[]) => {
      const out = join(dir, name);
      const r = runCli(['generate', 'gbt-40143-2021', '--roster', file, '--out', out, ...extra], {
        env: { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
      });
      expect(r.code, r.stderr).toBe(0);
      // Messages follow the locale (or --lang), the workbook the template.
      return { r, sub: openSubmissionFile(join(out, 'M1-甲.xlsx')).value! };
    };
    const plain = made('lang-default', []);
    expect(plain.r.stdout).toContain('Wrote 1 workbook(s)');
    expect(plain.sub.metadata.lang).toBe('zh-CN');
    expect(plain.sub.metadata.weights).toBe(
      plain.sub.issued.plan.dimensions.map((d) => `${d.id}=${d.weight}`).join(';'),
    );
    // Read back from the weight cells and normalized again, a last bit may differ: not a change.
    expect(plain.sub.weightsChanged).toBe(false);
    const en = made('lang-en', ['--lang', 'en']);
    expect(en.sub.metadata.lang).toBe('en');
  });

  it('says so and writes nothing when the roster misses a required column', () => {
    const file = join(dir, 'no-type.csv');
    writeFileSync(file, 'org_id,org_name,region\nM1,甲,深圳\n');
    const out = join(dir, 'out-none');
    const r = runCli(['generate', 'gbt-40143-2021', '--roster', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('org_type');
    expect(r.stderr).toContain('nothing was written');
  });
});
