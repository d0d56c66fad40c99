/**
 * Templates as definition workbooks, in core (no files): every shipped template laid out in
 * either language reads back as the same template; cells are read as a person meant them; and
 * problems come back at their sheet, row and column. Fixtures are written inline as tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  layDefinition,
  parseTemplate,
  readDefinition,
  type LaidBook,
  type PlainCell,
  type SheetGrid,
  type Template,
} from '../../core/index.ts';
import { formatBandText, parseBandText } from '../../core/rules/band-text.ts';
import { formatDecimal, parseDecimal } from '../../core/rules/decimal-text.ts';
import { TEMPLATES_DIR } from '../../pipeline/templates/registry.ts';

const SHIPPED = [
  'gbt-40143-2021',
  'tnssq-2022-standard-quality',
  'tssof-0001-2024-basic',
  'tssof-0001-2024-development',
];

function shipped(id: string): Template {
  return parseTemplate(readFileSync(join(TEMPLATES_DIR, `${id}.yaml`), 'utf8')).value!;
}

function grids(b: LaidBook): SheetGrid[] {
  return b.sheets.map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows] }));
}

/** A small definition, as a person types it into the sheets. */
function small(indicators: PlainCell[][], extra: SheetGrid[] = []): SheetGrid[] {
  return [
    {
      name: '设置',
      rows: [
        ['项目', '值'],
        ['模板编号', 'club-check'],
        ['版本', '1.0.0'],
        ['标题', '俱乐部自查'],
        ['标题（英文）', 'Club self-check'],
        ['标准', 'T/CLUB 1-2025'],
        ['规范性', '否'],
      ],
    },
    {
      name: '指标',
      rows: [
        [
          '层级',
          '编号',
          '名称',
          '名称（英文）',
          '单位',
          '权重',
          '规则',
          '分档',
          '等级',
          '等级（英文）',
        ],
        ...indicators,
      ],
    },
    ...extra,
  ];
}

const where = (t: ReturnType<typeof readDefinition>) =>
  t.errors.map((e) => [e.cell?.sheet, e.cell?.row, e.cell?.column, e.code]);

describe('a template as a definition workbook', () => {
  for (const id of SHIPPED) {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`${id} (${lang}) reads back as the same template`, () => {
        const t = shipped(id);
        const r = readDefinition(grids(layDefinition(t, lang)));
        expect(r.errors.map((e) => formatIssue(e, 'en'))).toEqual([]);
        expect(r.value).toEqual(t);
      });
    }
  }

  it('reads what a person types: full-width digits, codes typed as numbers, 85%, stray spaces, 是', () => {
    const r = readDefinition(
      small([
        [' 1 ', 1, ' 基础 ', 'Basics', null, '１００%', null, null, null, null],
        ['二级', '１．１', '设置', 'Setup', null, null, null, null, null, null],
        [3, '1.1.1', '有章程', 'Has articles', null, null, ' binary ', null, null, null],
        [
          '三级',
          '1。1。2',
          '满意率',
          'Satisfaction',
          '%',
          null,
          'BANDS',
          'x＜60％：0；60%<=x → 1',
          null,
          null,
        ],
        [
          3,
          '1.1.3',
          '成熟度',
          'Maturity',
          null,
          null,
          'scale',
          null,
          '1 未开展\n2 初步开展\n3 完善',
          'Not in place; Initial; Mature',
        ],
      ]),
    );
    expect(r.errors.map((e) => formatIssue(e, 'en'))).toEqual([]);
    const d = r.value!.dimensions[0]!;
    expect(d.id).toBe('1');
    expect(d.weight).toBe(1);
    expect(d.name['zh-CN']).toBe('基础');
    const [a, b, c] = d.groups[0]!.indicators;
    expect(a!.rule).toEqual({ kind: 'binary' });
    expect(b!.id).toBe('1.1.2');
    expect(b!.rule).toEqual({
      kind: 'bands',
      bands: [
        { below: 0.6, score: 0 },
        { atLeast: 0.6, score: 1 },
      ],
    });
    expect(c!.rule).toEqual({
      kind: 'scale',
      levels: [
        { 'zh-CN': '未开展', en: 'Not in place' },
        { 'zh-CN': '初步开展', en: 'Initial' },
        { 'zh-CN': '完善', en: 'Mature' },
      ],
    });
  });

  it('reads a range merged down a column as meant, and refuses one merged across columns', () => {
    const rows: PlainCell[][] = [
      [1, '1', '基础', 'Basics', null, null, null, null, null, null],
      [2, '1.1', '设置', 'Setup', null, null, null, null, null, null],
      [3, '1.1.1', '甲', 'A', null, null, 'binary', null, null, null],
      [3, '1.1.2', '乙', 'B', null, null, null, null, null, null],
      [3, '1.1.3', '丙', 'C', null, null, null, null, null, null],
    ];
    const merged = small(rows);
    merged[1]!.merges = ['G4:G6'];
    const down = readDefinition(merged);
    expect(down.errors).toEqual([]);
    expect(down.value!.dimensions[0]!.groups[0]!.indicators.map((i) => i.rule.kind)).toEqual([
      'binary',
      'binary',
      'binary',
    ]);
    merged[1]!.merges = ['G4:G6', 'C5:D5'];
    expect(where(readDefinition(merged))).toContainEqual([
      '指标',
      5,
      '名称',
      'definition.merged-across',
    ]);
  });

  it("puts every problem at its cell, the schema's and the checker's included, all in one run", () => {
    const r = readDefinition(
      small([
        [1, '1', '基础', 'Basics', null, 'abc', null, null, null, null],
        [2, '1.1', '设置', null, null, null, null, null, null, null],
        [3, '1.1.1', '甲', 'A', null, null, 'binary', 'x < 1 → 0', null, null],
        [3, '1.1.9', '乙', 'B', null, null, 'bands', null, null, null],
        [3, '1.1.3', '丙', 'C', null, null, 'bandz', null, null, null],
        [3, '1.1.4', '丁', 'D', null, null, 'bands', 'x < 5 → 0\nx ≥ 6 → 1', null, null],
        [3, '1.1.5', '戊', 'E', null, null, 'scale', null, 'Low; High', null],
      ]),
    );
    expect(where(r)).toEqual([
      ['指标', 2, '权重', 'definition.number'],
      ['指标', 3, '名称（英文）', 'definition.one-language'],
      ['指标', 4, '分档', 'definition.column-not-for-kind'],
      ['指标', 5, '编号', 'id.position'],
      ['指标', 5, '规则', 'definition.rule-needs'],
      ['指标', 6, '规则', 'rule.unknown-kind'],
      ['指标', 7, '分档', 'bands.gap'],
      ['指标', 8, '等级（英文）', 'definition.levels-count'],
    ]);
    const said = formatIssue(r.errors[4]!, 'en');
    expect(said).toBe(
      '[指标 sheet, row 5, column 规则] "bands" needs at least two bands: fill 分档 with one band per line, e.g. "x ≤ 30% → 0" and "x > 30% → 1".',
    );
    expect(formatIssue(r.errors[0]!, 'zh-CN')).toContain('[指标 工作表，第 2 行，权重 列]');
  });

  it('says a missing sheet and a missing column', () => {
    expect(readDefinition([{ name: 'Sheet1', rows: [] }]).errors.map((e) => e.code)).toEqual([
      'definition.missing-sheet',
      'definition.missing-sheet',
    ]);
    const noEn = small([[1, '1', '基础', 'Basics']]);
    noEn[1]!.rows[0] = ['层级', '编号', '名称'];
    expect(where(readDefinition(noEn))).toContainEqual([
      '指标',
      1,
      '名称（英文）',
      'definition.missing-column',
    ]);
  });
});

describe('numbers and bands written as text', () => {
  it('moves the decimal point, never multiplies: what is written reads back bit for bit', () => {
    for (const n of [0.85, 0.3, 0.07, 0.001, 1, 12.5, 0.1 + 0.2, 1 / 3])
      expect(parseDecimal(formatDecimal(n, true))).toBe(n);
    expect(parseDecimal('８５％')).toBe(0.85);
    expect(parseDecimal('1,000')).toBe(1000);
    expect(parseDecimal('0.1%')).toBe(0.001);
    expect(parseDecimal('eighty')).toBeUndefined();
  });

  it('writes bands one per line and reads them back, and reads the forms people type', () => {
    const bands = [
      { atMost: 0.3, score: 0 },
      { above: 0.3, atMost: 0.6, score: 0.5 },
      { above: 0.6, below: 0.85, score: 0.8 },
      { atLeast: 0.85, score: 1 },
    ];
    const text = formatBandText(bands, '%');
    expect(text).toBe('x ≤ 30% → 0\n30% < x ≤ 60% → 0.5\n60% < x < 85% → 0.8\nx ≥ 85% → 1');
    expect(parseBandText(text).map((l) => ('band' in l ? l.band : l))).toEqual(bands);
    expect(
      parseBandText('<=10: 1；10<x<=30 -> 0.8；x>30得0分').map((l) => ('band' in l ? l.band : l)),
    ).toEqual([
      { atMost: 10, score: 1 },
      { above: 10, atMost: 30, score: 0.8 },
      { above: 30, score: 0 },
    ]);
    expect(parseBandText('between 1 and 2: 1')).toEqual([{ error: 'between 1 and 2: 1' }]);
  });
});
