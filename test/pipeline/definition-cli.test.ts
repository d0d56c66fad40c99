/**
 * Definition workbooks through the command line, as a standard writer uses them: every shipped
 * template exported and imported gives the same `templates show --json`; a workbook edited by an
 * independent tool (openpyxl) with a dozen mistakes gets each one back at its sheet, row and
 * column, in one run; and the shipped example workbooks equal a fresh export, cell by cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layDefinition, parseTemplate, type Template } from '../../core/index.ts';
import { workbookGrids } from '../../pipeline/definition/read-definition-xlsx.ts';
import {
  DEFINITIONS_LANG,
  definitionFileOf,
} from '../../pipeline/definition/shipped-definitions.ts';
import { shippedTemplates, TEMPLATES_DIR } from '../../pipeline/templates/registry.ts';
import { readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { python } from '../support/openpyxl.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const SHIPPED = [
  'gbt-40143-2021',
  'tnssq-2022-standard-quality',
  'tssof-0001-2024-basic',
  'tssof-0001-2024-development',
];
const dir = scratchDir('scorebook-definition-');

const shipped = (id: string): Template =>
  parseTemplate(readFileSync(join(TEMPLATES_DIR, `${id}.yaml`), 'utf8')).value!;

describe('templates export, import, show and check', () => {
  for (const id of SHIPPED) {
    it(`${id}: export → import gives the same template`, () => {
      const xlsx = join(dir, `${id}.xlsx`);
      const yaml = join(dir, `${id}.yaml`);
      const lang = id.startsWith('gbt') ? 'en' : 'zh-CN';
      expect(runCli(['templates', 'export', id, '--xlsx', xlsx, '--lang', lang]).code).toBe(0);
      const check = runCli(['templates', 'check', xlsx]);
      expect(check.stdout).toContain(`${xlsx}: OK (${id} ${shippedTemplates().get(id)!.version}`);
      const imported = runCli(['templates', 'import', xlsx, '--out', yaml]);
      expect(imported.code).toBe(0);
      const show = (ref: string) => runCli(['templates', 'show', ref, '--json']).stdout;
      const original = show(id);
      expect(JSON.parse(original).id).toBe(id);
      expect(show(xlsx)).toBe(original);
      expect(show(yaml)).toBe(original);
      expect(parseTemplate(readFileSync(yaml, 'utf8')).value).toEqual(shipped(id));
    });
  }

  it('refuses to overwrite, and starts a new standard from a blank workbook', () => {
    const blank = join(dir, 'blank.xlsx');
    expect(runCli(['templates', 'new', '--xlsx', blank, '--lang', 'zh-CN']).code).toBe(0);
    const again = runCli(['templates', 'new', '--xlsx', blank]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const check = runCli(['templates', 'check', blank, '--json']);
    expect(check.code).toBe(1);
    const [report] = JSON.parse(check.stdout) as { errors: { sheet: string; code: string }[] }[];
    expect(report!.errors.map((e) => [e.sheet, e.code])).toEqual([
      ['设置', 'definition.empty-setting'],
      ['设置', 'definition.empty-setting'],
      ['设置', 'definition.empty-setting'],
      ['设置', 'definition.empty-setting'],
      ['设置', 'definition.empty-setting'],
      ['指标', 'definition.no-indicators'],
    ]);
  });
});

/** Plants the mistakes; rows are found by the codes in the id column, as a person would. */
const PLANT = String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def cols(ws):
    return {c.value: c.column for c in ws[1] if c.value}
def row_of(ws, key, value):
    c = cols(ws)[key]
    for r in range(2, ws.max_row + 1):
        if str(ws.cell(r, c).value).strip() == value:
            return r
    raise KeyError(value)
st = wb['设置']
for r in range(2, st.max_row + 1):
    if st.cell(r, 1).value == '版本': st.cell(r, 2).value = '1.0'
    if st.cell(r, 1).value == '上一版本': st.cell(r, 2).value = None
    if st.cell(r, 1).value == '规范性': st.cell(r, 2).value = '也许'
ws = wb['指标']
c = cols(ws)
ws.cell(row_of(ws, '编号', '1'), c['权重']).value = 'abc'
ws.cell(row_of(ws, '编号', '1.1.1'), c['名称']).value = None
ws.cell(row_of(ws, '编号', '1.1.3'), c['编号']).value = '1.1.9'
ws.cell(row_of(ws, '编号', '1.2.1'), c['规则']).value = 'bandz'
ws.cell(row_of(ws, '编号', '1.2.2'), c['规则']).value = 'bands'
r = row_of(ws, '编号', '1.2.3')
ws.cell(r, c['规则']).value = 'bands'
ws.cell(r, c['分档']).value = 'x ≤ 5 → 0\nx ≥ 5 → 1'
ws.cell(row_of(ws, '编号', '1.3'), c['单位']).value = '名'
ws.cell(row_of(ws, '编号', '1.3.1'), c['分档']).value = 'x < 1 → 0'
ws.cell(row_of(ws, '编号', '1.3.2'), c['方案：annex-b-example']).value = '也许'
r = row_of(ws, '编号', '1.4.1')
ws.merge_cells(start_row=r, start_column=c['名称'], end_row=r, end_column=c['名称（英文）'])
# Read as meant, not mistakes: full-width digits, a stray space, a rule kind in capitals.
ws.cell(row_of(ws, '编号', '1.4.2'), c['编号']).value = '１．４．２ '
ws.cell(row_of(ws, '编号', '1.4.3'), c['规则']).value = ' BINARY'
# A records figure another indicator (2.1.3) already takes, and one that does not exist.
ws.cell(row_of(ws, '编号', '3.1.2'), c['记录数值']).value = 'registered'
ws.cell(row_of(ws, '编号', '3.1.4'), c['记录数值']).value = 'visitors'
pr = wb['方案规则']
pc = cols(pr)
pr.cell(row_of(pr, '编号', '5.2.2'), pc['分档']).value = 'between 1 and 2: 1'
gr = wb['等级']
gc = cols(gr)
gr.cell(2, gc['等级']).value = 'A'
gr.cell(2, gc['下限']).value = 120
gr.cell(2, gc['名称']).value = '优秀'
gr.cell(2, gc['名称（英文）']).value = 'Excellent'
sz = wb['规模分档']
sc = cols(sz)
sz.cell(row_of(sz, '分档', '200-999'), sc['上限（不含）']).value = 10
wb.save(sys.argv[2])
`;

describe('mistakes planted by another tool', () => {
  it('are each reported at their sheet, row and column, all in one run', () => {
    const clean = join(dir, 'gbt-zh.xlsx');
    const edited = join(dir, 'gbt-mistakes.xlsx');
    runCli(['templates', 'export', 'gbt-40143-2021', '--xlsx', clean, '--lang', 'zh-CN']);
    python(PLANT, clean, edited);
    const r = runCli(['templates', 'check', edited, '--json', '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as {
      errors: { sheet: string; row: number; column: string; code: string; message: string }[];
    }[];
    // Where each planted mistake is: the row of its code in the export (header = row 1).
    const laid = layDefinition(shipped('gbt-40143-2021'), 'zh-CN');
    const rowOf = (sheet: string, col: number, value: string) =>
      laid.sheets.find((s) => s.name === sheet)!.rows.findIndex((x) => x[col] === value) + 2;
    const ind = (id: string) => rowOf('指标', 1, id);
    const settings = (item: string) => rowOf('设置', 0, item);
    expect(report!.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['设置', settings('版本'), '值', 'schema.format'],
      ['设置', settings('规范性'), '值', 'definition.yes-no'],
      ['指标', ind('1'), '权重', 'definition.number'],
      ['指标', ind('1.1.1'), '名称', 'definition.one-language'],
      ['指标', ind('1.1.3'), '编号', 'id.position'],
      ['指标', ind('1.2.1'), '规则', 'rule.unknown-kind'],
      ['指标', ind('1.2.2'), '规则', 'definition.rule-needs'],
      ['指标', ind('1.2.3'), '分档', 'bands.overlap'],
      ['指标', ind('1.3'), '单位', 'definition.not-for-level'],
      ['指标', ind('1.3.1'), '分档', 'definition.column-not-for-kind'],
      ['指标', ind('1.3.2'), '方案：annex-b-example', 'definition.yes-no'],
      ['指标', ind('1.4.1'), '名称', 'definition.merged-across'],
      ['指标', ind('3.1.2'), '记录数值', 'records.measure-twice'],
      ['指标', ind('3.1.4'), '记录数值', 'definition.choice'],
      ['方案规则', rowOf('方案规则', 1, '5.2.2'), '分档', 'definition.band-text'],
      ['等级', 2, '下限', 'grades.range'],
      ['规模分档', rowOf('规模分档', 0, '200-999'), '上限（不含）', 'size.band-order'],
    ]);
    expect(report!.errors[6]!.message).toBe(
      '“bands”至少需要两个分档：请在“分档”列每行写一档，如“x ≤ 30% → 0”“x > 30% → 1”。',
    );
    // The same problems in words, each with its place, in the reader's language.
    const words = runCli(['templates', 'check', edited, '--lang', 'en']);
    expect(words.stdout).toContain(
      `[指标 sheet, row ${ind('1.2.2')}, column 规则] "bands" needs at least two bands: fill 分档`,
    );
  });
});

describe('the shipped definition workbooks', () => {
  for (const id of SHIPPED) {
    it(`${id}: templates/definitions holds a fresh export, cell by cell`, () => {
      const file = definitionFileOf(shipped(id));
      const read = readWorkbookBytes(readFileSync(file), { allSheets: true, merges: true }).value!;
      const grids = workbookGrids(read);
      const fresh = layDefinition(shipped(id), DEFINITIONS_LANG);
      const values = (rows: unknown[][]) =>
        rows.map((r) => {
          const out = r.map((v) => (v === undefined || v === '' ? null : v));
          while (out.length && out[out.length - 1] === null) out.pop();
          return out;
        });
      // A changed template means: npm run templates:definitions.
      expect(grids.map((g) => g.name)).toEqual(fresh.sheets.map((s) => s.name));
      fresh.sheets.forEach((s, i) => {
        expect(values(grids[i]!.rows), s.name).toEqual(
          values([s.columns.map((c) => c.header), ...s.rows]),
        );
      });
    });
  }
});
