/** The CLI as a user runs it: templates, templates show/check, score (CSV, GBK CSV, JSON). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir();
const ANNEX_B_CSV = [
  'id,value,note',
  '1.1.1,符合,',
  '1.1.2,是,',
  '1.1.3,yes,',
  '1.1.4,1,',
  '1.1.5,否,no Party organization',
  '5.2.2,75%,',
  '5.2.4,5%,',
  '5.3.1,45%,',
  '5.3.2,0.7,',
  '5.3.3,92%,',
  '5.4.1,0,',
  '5.4.2,0,',
  '5.4.4,0.3,',
  '6.1.1,是,',
  '6.1.2,是,',
  '6.1.3,是,',
  '6.1.4,是,',
].join('\r\n');

describe('scorebook CLI', () => {
  it('--help lists the verbs', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/templates/);
    expect(r.stdout).toMatch(/score \[options\]/);
  });

  it('templates lists every template with its counts per level', () => {
    const r = runCli(['templates', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      version: string;
      level1: number;
      level2: number;
      level3: number;
    }[];
    // Every version held is listed (a 1.0.0 workbook is still read and migrated), oldest first.
    expect(list.map((t) => [t.id, t.version, t.level1, t.level2, t.level3])).toEqual([
      ['gbt-40143-2021', '1.0.0', 6, 20, 95],
      ['gbt-40143-2021', '1.1.0', 6, 20, 95],
      ['tnssq-2022-standard-quality', '1.0.0', 3, 8, 33],
      ['tssof-0001-2024-basic', '1.0.0', 5, 22, 46],
      ['tssof-0001-2024-development', '1.0.0', 10, 28, 63],
    ]);
    const table = runCli(['templates']);
    expect(table.stdout.split('\n')[2]).toMatch(
      /^gbt-40143-2021\s+1\.1\.0\s+6\s+20\s+95\s+annex-b-example,record-only\s+/,
    );
  });

  it("templates show --json has the promised shape, in the standard's words", () => {
    const r = runCli(['templates', 'show', 'gbt-40143-2021', '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t).toMatchObject({ id: 'gbt-40143-2021', version: '1.1.0' });
    expect(t.title).toContain('GB/T 40143-2021');
    expect(t.indicators).toHaveLength(95);
    expect(t.indicators[0]).toMatchObject({
      id: '1.1.1',
      level1: '基础条件',
      level2: '机构设置',
      unit: null,
      rule: 'binary',
    });
    expect(t.indicators.find((i: { id: string }) => i.id === '2.1.1')).toMatchObject({
      name: '全职工作人员数量',
      unit: '名',
      rule: 'linear',
      scored: true,
      per: '2.1.3',
    });
  });

  it('templates show without --json prints a tree; an unknown id says what exists', () => {
    const r = runCli(['templates', 'show', 'tssof-0001-2024-basic', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 法人治理能力$/m);
    expect(r.stdout).toMatch(/^ {4}1\.1\.1 党组织建立 {2}‹scale›$/m);
    const bad = runCli(['templates', 'show', 'gbt-40143']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('No template "gbt-40143". Available: gbt-40143-2021');
  });

  it('templates check: exit 1 with path, line and hint; zh-CN by --lang or by the locale', () => {
    const file = join(dir, 'mine.yaml');
    writeFileSync(
      file,
      [
        'id: mine',
        'version: "1.0.0"',
        'title: { zh-CN: 我的, en: Mine }',
        'source: { standard: mine, normative: false }',
        'dimensions:',
        '  - id: "1"',
        '    name: { zh-CN: 一, en: One }',
        '    groups:',
        '      - id: "1.1"',
        '        name: { zh-CN: 一一, en: One-one }',
        '        indicators:',
        '          - id: "1.1.1"',
        '            name: { zh-CN: 甲, en: A }',
        '            rule: { kind: bands, bands: [{ below: 10, score: 0 }, { above: 10, score: 1 }] }',
      ].join('\n'),
    );
    const en = runCli(['templates', 'check', file]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`${file}:14:`);
    expect(en.stdout).toContain(
      'dimensions[0].groups[0].indicators[0].rule.bands[1]  There is a gap between bands 0 and 1 (10 to 10)',
    );
    const zh = runCli(['templates', 'check', file], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('之间有空隙');
    expect(runCli(['templates', 'check', file, '--lang', 'zh-CN']).stdout).toContain('之间有空隙');
    const ok = runCli(['templates', 'check', 'templates/gbt-40143-2021.yaml']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('OK (gbt-40143-2021 1.1.0, 6/20/95');
    const missing = runCli(['templates', 'check', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('Cannot read the file: file not found');
  });

  it('score --json reproduces GB/T 40143 Annex B under both methods', () => {
    const csv = join(dir, 'org-a.csv');
    writeFileSync(csv, `\uFEFF${ANNEX_B_CSV}`);
    const mean = runCli([
      'score',
      '--template',
      'gbt-40143-2021',
      '--profile',
      'annex-b-example',
      '--inputs',
      csv,
      '--json',
    ]);
    expect(mean.stderr).toBe('');
    expect(mean.code).toBe(0);
    const j = JSON.parse(mean.stdout);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'template',
        'profile',
        'method',
        'total',
        'grade',
        'dimensions',
        'indicators',
        'errors',
      ]),
    );
    expect(j).toMatchObject({
      template: 'gbt-40143-2021',
      profile: 'annex-b-example',
      method: 'mean',
      total: 69,
      grade: null,
      errors: [],
    });
    expect(j.dimensions).toEqual([
      { id: '1', name: '基础条件', weight: 0.2, score: 0.8, mean: 0.8, count: 5 },
      { id: '5', name: '服务效果', weight: 0.6, score: 0.55, mean: 0.55, count: 8 },
      { id: '6', name: '信用与荣誉', weight: 0.2, score: 1, mean: 1, count: 4 },
    ]);
    expect(j.indicators.find((i: { id: string }) => i.id === '5.2.2')).toMatchObject({
      input: '75%',
      value: 0.75,
      score: 0.8,
    });
    const sum = JSON.parse(
      runCli([
        'score',
        '--template',
        'gbt-40143-2021',
        '--profile',
        'annex-b-example',
        '--method',
        'sum',
        '--inputs',
        csv,
        '--json',
      ]).stdout,
    );
    expect(sum.total).toBeCloseTo(64.242424242, 8);
    expect(sum.dimensions.map((d: { score: number }) => d.score)).toEqual([0.8, 2.64, 0.8]);
  });

  it('score reads a GBK-encoded CSV as Excel in China saves it, and JSON inputs', () => {
    const gbk = join(dir, 'gbk.csv');
    // "1.1.1,符合\n1.1.5,不适用" in GBK, written byte by byte (Node cannot encode GBK itself).
    const bytes = Buffer.concat([
      Buffer.from('id,value\r\n1.1.1,'),
      Buffer.from([0xb7, 0xfb, 0xba, 0xcf]), // 符合
      Buffer.from('\r\n1.1.5,'),
      Buffer.from([0xb2, 0xbb, 0xca, 0xca, 0xd3, 0xc3]), // 不适用
      Buffer.from('\r\n'),
    ]);
    writeFileSync(gbk, bytes);
    const r = JSON.parse(
      runCli([
        'score',
        '--template',
        'gbt-40143-2021',
        '--profile',
        'annex-b-example',
        '--inputs',
        gbk,
        '--json',
      ]).stdout,
    );
    expect(r.indicators[0]).toMatchObject({ id: '1.1.1', input: '符合', score: 1 });
    expect(r.indicators[4]).toMatchObject({
      id: '1.1.5',
      input: '不适用',
      state: 'na',
      score: null,
    });
    const json = join(dir, 'in.json');
    writeFileSync(json, JSON.stringify({ '1.1.1': '是', '6.1.1': true }));
    const jr = JSON.parse(
      runCli(['score', '--template', 'gbt-40143-2021', '--inputs', json, '--json']).stdout,
    );
    expect(jr.indicators.find((i: { id: string }) => i.id === '6.1.1').score).toBe(1);
    // Every one of the full template's 95 indicators is scored by default, 2 answered.
    expect(jr.unanswered).toHaveLength(93);
  });

  it('score lists every invalid input with its id, row and reason, and exits 1', () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(
      csv,
      ['id,value', '1.1.1,maybe', '9.9.9,1', '5.2.2,85', '5.3.1,很好', '1.1.1,是', '2.1.1,3'].join(
        '\n',
      ),
    );
    const r = runCli([
      'score',
      '--template',
      'gbt-40143-2021',
      '--profile',
      'annex-b-example',
      '--inputs',
      csv,
      '--json',
    ]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(
      j.errors.map((e: { id: string; row: number; code: string }) => [e.id, e.row, e.code]),
    ).toEqual([
      ['9.9.9', 3, 'input.unknown-id'],
      ['1.1.1', 6, 'input.duplicate'],
      ['2.1.1', 7, 'input.not-in-profile'],
      ['1.1.1', 2, 'input.binary'],
      ['5.2.2', 4, 'input.percent-range'],
      ['5.3.1', 5, 'input.number'],
    ]);
    expect(j.errors[4].message).toBe(
      '"85" is outside 0 %–100 %. Write a percentage as 85% or 0.85.',
    );
    const text = runCli([
      'score',
      '--template',
      'gbt-40143-2021',
      '--profile',
      'annex-b-example',
      '--inputs',
      csv,
      '--lang',
      'zh-CN',
    ]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`${csv} 第 3 行  inputs["9.9.9"]  未知的指标编号 "9.9.9"`);
    expect(text.stdout).toMatch(/总分: \d+\.\d\d \/ 100/);
  });

  it('score says so when the inputs file is missing or has no id column', () => {
    const none = runCli([
      'score',
      '--template',
      'gbt-40143-2021',
      '--inputs',
      join(dir, 'missing.csv'),
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('missing.csv');
    // Nothing that could be taken for a result: no indicator list, no total of 0.
    expect(none.stdout).toBe('');
    const json = JSON.parse(
      runCli([
        'score',
        '--template',
        'gbt-40143-2021',
        '--inputs',
        join(dir, 'missing.csv'),
        '--json',
      ]).stdout,
    );
    expect(json).toMatchObject({ total: null, indicators: [], dimensions: [] });
    expect(json.errors).toHaveLength(1);
    const csv = join(dir, 'nohead.csv');
    writeFileSync(csv, 'indicator_code,score\n1.1.1,1\n');
    const r = runCli(['score', '--template', 'gbt-40143-2021', '--inputs', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The column "id" is missing. The CSV header must be id,value.');
    expect(r.stdout).toBe('');
  });
});
