import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, type Issue } from '../../core/index.ts';
import { parseRoster, readRosterFile } from '../../pipeline/roster/read-roster.ts';

const dir = mkdtempSync(join(tmpdir(), 'scorebook-roster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const lf = (...lines: string[]) => `${lines.join('\n')}\n`;
const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const both = (e: Issue) => [formatIssue(e, 'zh-CN'), formatIssue(e, 'en')];

/** GBK by hand (Node has no GBK encoder): ASCII as is, each Chinese character as its two bytes. */
const GBK: Record<string, number[]> = {
  机: [0xbb, 0xfa],
  构: [0xb9, 0xb9],
  编: [0xb1, 0xe0],
  号: [0xba, 0xc5],
  名: [0xc3, 0xfb],
  称: [0xb3, 0xc6],
  地: [0xb5, 0xd8],
  区: [0xc7, 0xf8],
  类: [0xc0, 0xe0],
  型: [0xd0, 0xcd],
  阳: [0xd1, 0xf4],
  光: [0xb9, 0xe2],
  志: [0xd6, 0xbe],
  愿: [0xd4, 0xb8],
  者: [0xd5, 0xdf],
  协: [0xd0, 0xad],
  会: [0xbb, 0xe1],
  北: [0xb1, 0xb1],
  京: [0xbe, 0xa9],
  社: [0xc9, 0xe7],
  团: [0xcd, 0xc5],
  体: [0xcc, 0xe5],
  绿: [0xc2, 0xcc],
  水: [0xcb, 0xae],
  环: [0xbb, 0xb7],
  保: [0xb1, 0xa3],
  基: [0xbb, 0xf9],
  金: [0xbd, 0xf0],
  上: [0xc9, 0xcf],
  海: [0xba, 0xa3],
  中: [0xd6, 0xd0],
  文: [0xce, 0xc4],
};
function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const b = GBK[ch];
      if (!b) throw new Error(`no GBK bytes for ${ch} in the test table`);
      out.push(...b);
    }
  }
  return Uint8Array.from(out);
}

describe('parseRoster', () => {
  it('reads the English headers, in any case and order, with optional columns', () => {
    const { members, errors } = parseRoster(
      lf(
        ' ORG_NAME , Org_ID ,region,org_type,contact,period,evaluator,notes',
        '阳光志愿者协会,M0001,北京,社会团体,张三 13800000000,2024,李四,ignored',
        '绿水环保基金会,M0002,上海,基金会,,,,',
      ),
    );
    expect(errors).toEqual([]);
    expect(members).toEqual([
      {
        row: 2,
        org_id: 'M0001',
        org_name: '阳光志愿者协会',
        region: '北京',
        org_type: '社会团体',
        contact: '张三 13800000000',
        period: '2024',
        evaluator: '李四',
      },
      { row: 3, org_id: 'M0002', org_name: '绿水环保基金会', region: '上海', org_type: '基金会' },
    ]);
  });

  it('reads the Chinese headers (both spellings), CRLF line ends and quoted fields with commas', () => {
    const { members, errors } = parseRoster(
      crlf(
        '组织编号,组织名称,区域,组织类型,联系方式,周期,评价人',
        'M0001,"阳光志愿者协会(北京,朝阳)",北京,社会团体,"张三, 13800000000",2024 年度,李四',
        'M0002,"他说""好""",上海,基金会,,,',
      ),
    );
    expect(errors).toEqual([]);
    expect(members).toEqual([
      {
        row: 2,
        org_id: 'M0001',
        org_name: '阳光志愿者协会(北京,朝阳)',
        region: '北京',
        org_type: '社会团体',
        contact: '张三, 13800000000',
        period: '2024 年度',
        evaluator: '李四',
      },
      { row: 3, org_id: 'M0002', org_name: '他说"好"', region: '上海', org_type: '基金会' },
    ]);
  });

  it('accepts 机构编号/机构名称/地区/机构类型/联系人/评价周期', () => {
    const { members, errors } = parseRoster(
      lf('机构编号,机构名称,地区,机构类型,联系人,评价周期', 'M1,甲,北京,社会团体,王五,2025'),
    );
    expect(errors).toEqual([]);
    expect(members).toEqual([
      {
        row: 2,
        org_id: 'M1',
        org_name: '甲',
        region: '北京',
        org_type: '社会团体',
        contact: '王五',
        period: '2025',
      },
    ]);
  });

  it('trims every cell, makes each a key (NFKC, line breaks a space), and skips blank lines while keeping Excel row numbers', () => {
    const { members, errors } = parseRoster(
      lf(
        'org_id,org_name,region,org_type',
        '  Ｍ０００１ ,\u3000阳光志愿者协会\u3000 , 北京 ,社会团体 ',
        '',
        ',,,',
        '   ,  ,  ,  ',
        'M0002,"多行\n名称",上海,基金会',
        'M0003,丙,广州,民办非企业单位',
      ),
    );
    expect(errors).toEqual([]);
    expect(members.map((m) => [m.row, m.org_id, m.org_name, m.region, m.org_type])).toEqual([
      [2, 'M0001', '阳光志愿者协会', '北京', '社会团体'],
      // As the name a workbook carries is stored (plainText): one line, so no table or report breaks.
      [6, 'M0002', '多行 名称', '上海', '基金会'],
      [7, 'M0003', '丙', '广州', '民办非企业单位'],
    ]);
  });

  it('strips a BOM left in the text', () => {
    const { members, errors } = parseRoster(
      '\uFEFForg_id,org_name,region,org_type\nM1,甲,北京,社会团体\n',
    );
    expect(errors).toEqual([]);
    expect(members).toHaveLength(1);
  });

  it('reports a row without an id, a repeated id and a row without a name, and keeps the rest', () => {
    const { members, errors } = parseRoster(
      lf(
        'org_id,org_name,region,org_type',
        'M0001,阳光志愿者协会,北京,社会团体',
        ',无编号协会,北京,社会团体',
        'M0002,绿水环保基金会,上海,基金会',
        'M0001,重复的协会,天津,社会团体',
        'M0003,,广州,基金会',
        ' ,,,社会团体',
      ),
    );
    expect(members.map((m) => [m.row, m.org_id, m.org_name])).toEqual([
      [2, 'M0001', '阳光志愿者协会'],
      [4, 'M0002', '绿水环保基金会'],
    ]);
    expect(errors.map((e) => [e.code, e.row, e.path])).toEqual([
      ['roster.missing-id', 3, ['roster', 3]],
      ['roster.duplicate-id', 5, ['roster', 5]],
      ['roster.missing-name', 6, ['roster', 6]],
      ['roster.missing-id', 7, ['roster', 7]],
    ]);
    expect(errors.map(both)).toEqual([
      [
        '第 3 行  roster[3]  该行（"无编号协会"）缺少机构编号（org_id），已跳过。请填写该机构唯一的编号。',
        'row 3  roster[3]  This row ("无编号协会") has no org_id and was skipped. Give the organization its own id.',
      ],
      [
        '第 5 行  roster[5]  机构编号 "M0001" 重复（首次出现在第 2 行），该行已跳过。每个机构需要唯一的编号：请修改编号或删除重复的行。',
        'row 5  roster[5]  The org_id "M0001" is used twice (first in row 2); this row was skipped. Every organization needs its own id: change it or delete the repeated row.',
      ],
      [
        '第 6 行  roster[6]  机构 "M0003" 缺少机构名称（org_name），已跳过。请填写机构名称。',
        'row 6  roster[6]  The organization "M0003" has no org_name and was skipped. Fill in its name.',
      ],
      [
        '第 7 行  roster[7]  该行缺少机构编号（org_id），已跳过。请填写该机构唯一的编号。',
        'row 7  roster[7]  This row has no org_id and was skipped. Give the organization its own id.',
      ],
    ]);
  });

  it('treats ids equal after NFKC as duplicates', () => {
    const { members, errors } = parseRoster(
      lf('org_id,org_name,region,org_type', 'Ａ１,甲,北京,社会团体', 'A1,乙,北京,社会团体'),
    );
    expect(members.map((m) => m.org_id)).toEqual(['A1']);
    expect(errors.map((e) => [e.code, e.row, e.params])).toEqual([
      ['roster.duplicate-id', 3, { id: 'A1', first: 2 }],
    ]);
  });

  it('reports a missing required column with the headers found, and returns no members', () => {
    const { members, errors } = parseRoster(
      lf('org_id,org_name,地区,contact', 'M0001,阳光志愿者协会,北京,张三'),
    );
    expect(members).toEqual([]);
    expect(errors.map(both)).toEqual([
      [
        '第 1 行  roster[1]  名册缺少必填列 "org_type"（找到的表头：org_id, org_name, 地区, contact）。请在第一行加入该列；必填列为 org_id,org_name,region,org_type（或 机构编号，机构名称，地区，机构类型）。',
        'row 1  roster[1]  The roster has no "org_type" column (headers found: org_id, org_name, 地区, contact). Add it to the first row; the required columns are org_id,org_name,region,org_type (or 机构编号,机构名称,地区,机构类型).',
      ],
    ]);
  });

  it('reports each missing column of a one-column file', () => {
    const { members, errors } = parseRoster(lf('name', '甲', '乙'));
    expect(members).toEqual([]);
    expect(errors.map((e) => [e.code, e.params?.column, e.params?.found])).toEqual([
      ['roster.missing-column', 'org_id', 'name'],
      ['roster.missing-column', 'org_name', 'name'],
      ['roster.missing-column', 'region', 'name'],
      ['roster.missing-column', 'org_type', 'name'],
    ]);
  });

  it('reports an empty roster', () => {
    for (const text of ['', '\n\n', '\uFEFF', ' , ,\r\n']) {
      const { members, errors } = parseRoster(text);
      expect(members).toEqual([]);
      expect(errors.map((e) => e.code)).toEqual(['roster.empty']);
    }
    expect(formatIssue(parseRoster('').errors[0]!, 'en')).toBe(
      'roster  The roster is empty. Its first row must be the header org_id,org_name,region,org_type (or 机构编号,机构名称,地区,机构类型), then one member organization per row.',
    );
  });

  it('refuses the whole roster at an unclosed quote, naming its row', () => {
    const { members, errors } = parseRoster(
      lf('org_id,org_name,region,org_type', 'M1,甲,北京,社会团体', 'M2,"乙,北京,社会团体'),
    );
    expect(errors.map((e) => [e.code, e.row])).toEqual([['roster.quotes', 3]]);
    expect(members).toEqual([]);
    expect(formatIssue(errors[0]!, 'en')).toMatch(
      /^row 3  roster\[3\]  This row has unpaired quotation marks.*no file was written.*CSV UTF-8/,
    );
  });

  it('refuses quotes inside an unquoted cell, which would swallow the rows after it', () => {
    // Papaparse reads "http://x","点我")… as a quoted field that never closes: A006 and A007
    // would vanish into A005's region, and A005 would be written with shifted columns.
    const { members, errors } = parseRoster(
      lf(
        'org_id,org_name,region,org_type',
        'A004,好,深圳,社会团体',
        'A005,=HYPERLINK("http://x","点我"),深圳,社会团体',
        'A006,乙,武汉,基金会',
        'A007,丙,北京,基金会',
      ),
    );
    expect(errors.map((e) => [e.code, e.row])).toEqual([['roster.quotes', 3]]);
    expect(members).toEqual([]);
  });

  it('keeps hostile names verbatim (they are data; file names are made safe elsewhere)', () => {
    const { members, errors } = parseRoster(
      lf(
        'org_id,org_name,region,org_type',
        `M1,"=cmd|' /C calc'!A0",北京,社会团体`,
        'M2,../../etc/passwd,北京,社会团体',
      ),
    );
    expect(errors).toEqual([]);
    expect(members.map((m) => m.org_name)).toEqual([`=cmd|' /C calc'!A0`, '../../etc/passwd']);
  });
});

describe('readRosterFile', () => {
  it('reads UTF-8 with a BOM', () => {
    const file = write(
      'bom.csv',
      `\uFEFF${crlf('机构编号,机构名称,地区,机构类型', 'M0001,阳光志愿者协会,北京,社会团体')}`,
    );
    const { members, errors, encoding } = readRosterFile(file);
    expect(encoding).toBe('utf-8');
    expect(errors).toEqual([]);
    expect(members).toEqual([
      { row: 2, org_id: 'M0001', org_name: '阳光志愿者协会', region: '北京', org_type: '社会团体' },
    ]);
  });

  it('reads UTF-8 without a BOM', () => {
    const file = write(
      'plain.csv',
      lf('org_id,org_name,region,org_type', 'M0001,中文,北京,社会团体'),
    );
    const { members, encoding } = readRosterFile(file);
    expect(encoding).toBe('utf-8');
    expect(members.map((m) => m.org_name)).toEqual(['中文']);
  });

  it('reads GBK as Excel in China saves it', () => {
    expect(gbk('中文')).toEqual(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]));
    const bytes = gbk(
      crlf(
        '机构编号,机构名称,地区,机构类型',
        'M0001,阳光志愿者协会,北京,社会团体',
        'M0002,绿水环保基金会,上海,基金会',
        'M0003,中文,北京,社会团体',
      ),
    );
    const file = write('gbk.csv', bytes);
    const { members, errors, encoding } = readRosterFile(file);
    expect(encoding).toBe('gbk');
    expect(errors).toEqual([]);
    expect(members).toEqual([
      { row: 2, org_id: 'M0001', org_name: '阳光志愿者协会', region: '北京', org_type: '社会团体' },
      { row: 3, org_id: 'M0002', org_name: '绿水环保基金会', region: '上海', org_type: '基金会' },
      { row: 4, org_id: 'M0003', org_name: '中文', region: '北京', org_type: '社会团体' },
    ]);
  });

  it('sets the file on issues', () => {
    const file = write(
      'dup.csv',
      lf('org_id,org_name,region,org_type', 'M1,甲,北京,社会团体', 'M1,乙,北京,社会团体'),
    );
    const { errors } = readRosterFile(file);
    expect(errors.map((e) => [e.code, e.file, e.row])).toEqual([['roster.duplicate-id', file, 3]]);
    expect(formatIssue(errors[0]!, 'zh-CN')).toBe(
      `${file} 第 3 行  roster[3]  机构编号 "M1" 重复（首次出现在第 2 行），该行已跳过。每个机构需要唯一的编号：请修改编号或删除重复的行。`,
    );
  });

  it('reports a file it cannot read', () => {
    const file = join(dir, 'missing.csv');
    const { members, errors } = readRosterFile(file);
    expect(members).toEqual([]);
    expect(errors.map((e) => [e.code, e.file, e.params?.reason])).toEqual([
      ['file.read', file, 'ENOENT'],
    ]);
  });
});
