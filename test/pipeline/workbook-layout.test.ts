/**
 * How a generated workbook reads and prints, checked in the file the exceljs writer makes: rows
 * as tall as their wrapped text, units in the sheet's language, column widths that fit what the
 * columns hold, the summary's second-level table headed like the others, and a printed header
 * (organization, period) and footer (page N of M) on every visible sheet.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  COL,
  LINE_POINTS,
  ROW_PADDING_POINTS,
  INPUT_ROW_MIN_LINES,
  resolvePlan,
  sheetLabels,
  wrappedLines,
  type Lang,
  type WorkbookModel,
} from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { modelOf } from '../addin/support/models.ts';

const ORG = {
  org_id: 'M7',
  org_name: '阳光 & 志愿者协会',
  region: '深圳',
  org_type: '社会团体',
  period: '2025',
  evaluator: '李四',
};
const CJK = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u;

function model(template: string, lang: Lang, profile?: string): WorkbookModel {
  const plan = resolvePlan(shippedTemplates().get(template)!, profile ? { profile } : {}).value!;
  return modelOf(plan, lang, { org: ORG });
}

async function written(m: WorkbookModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbookBuffer(m)) as unknown as ArrayBuffer);
  return wb;
}

/** The scoring sheet's row (1-based) of an indicator, found by its code. */
function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (
      row.getCell(COL.code + 1).value === id &&
      row.getCell(COL.input + 1).protection?.locked === false
    )
      found = r;
  });
  expect(found, id).toBeGreaterThan(0);
  return found;
}

describe('row heights', () => {
  it('gives a wrapped name its lines: 1.1.1 in zh-CN (37 characters) three lines, a short name the two lines of an input row', async () => {
    const ws = (await written(model('gbt-40143-2021', 'zh-CN'))).worksheets[0]!;
    expect(ws.getRow(rowOf(ws, '1.1.1')).height).toBe(3 * LINE_POINTS.cjk + ROW_PADDING_POINTS);
    // 建立内部治理组织架构及议事决策: one line of text, two lines of room to write by hand.
    expect(ws.getRow(rowOf(ws, '1.1.3')).height).toBe(
      INPUT_ROW_MIN_LINES * LINE_POINTS.cjk + ROW_PADDING_POINTS,
    );
  });

  it('makes rows of long descriptions (T/SSOF 0001-2024) and band rules (Annex B) tall enough for every wrapped cell', async () => {
    for (const [template, profile] of [
      ['tssof-0001-2024-basic'],
      ['gbt-40143-2021', 'annex-b-example'],
    ] as const) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const m = model(template, lang, profile);
        const ws = (await written(m)).worksheets[0]!;
        const spec = m.sheets[0]!;
        const line = lang === 'zh-CN' ? LINE_POINTS.cjk : LINE_POINTS.latin;
        let tall = 0;
        spec.rows.forEach((cells, r) => {
          // The title and subtitle wrap over their merged width (core/row-heights.test.ts).
          if (r < 2) return;
          const input = (cells ?? []).some((c) => c?.style && !m.styles[c.style].locked);
          const needed = Math.max(
            input ? INPUT_ROW_MIN_LINES : 1,
            ...(cells ?? []).map((c, col) =>
              c?.style && m.styles[c.style].wrap && typeof c.value === 'string'
                ? wrappedLines(c.value, spec.columns[col]!.width)
                : 1,
            ),
          );
          const height = ws.getRow(r + 1).height;
          if (needed === 1)
            expect({ template, lang, r, height: height ?? null }).toEqual({
              template,
              lang,
              r,
              height: null,
            });
          else {
            expect({ template, lang, r, height }).toEqual({
              template,
              lang,
              r,
              height: needed * line + ROW_PADDING_POINTS,
            });
            tall++;
          }
        });
        expect(tall, `${template} ${lang}`).toBeGreaterThan(5);
      }
    }
    // 1.1.2 of T/SSOF in English: a description of 9 lines or more in the 24-wide column.
    const ws = (await written(model('tssof-0001-2024-basic', 'en'))).worksheets[0]!;
    expect(ws.getRow(rowOf(ws, '1.1.2')).height).toBeGreaterThanOrEqual(9 * LINE_POINTS.latin);
  });

  it('sizes the header rows too: the scoring headers wrap in the narrow printed columns and are never cut ("Evaluation mode" was)', async () => {
    for (const template of shippedTemplates().keys()) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const spec = model(template, lang).sheets[0]!;
        const lines = Math.max(
          ...spec.rows[2]!.map((h, col) =>
            wrappedLines(String(h!.value), spec.columns[col]!.width),
          ),
        );
        const line = lang === 'zh-CN' ? LINE_POINTS.cjk : LINE_POINTS.latin;
        expect({ template, lang, height: spec.rowHeights?.[2] ?? null }).toEqual({
          template,
          lang,
          height: lines > 1 ? lines * line + ROW_PADDING_POINTS : null,
        });
      }
    }
    // The summary's headers wrap in their narrow columns: that row is taller.
    const summary = (await written(model('gbt-40143-2021', 'zh-CN'))).worksheets[1]!;
    let headerRow = 0;
    summary.eachRow((row, r) => {
      if (row.getCell(2).value === sheetLabels('zh-CN').dimension) headerRow = r;
    });
    expect(summary.getRow(headerRow).height).toBeGreaterThanOrEqual(2 * LINE_POINTS.cjk);
  });
});

describe('units', () => {
  it('are in English in the en sheet — the unit column, the rules in words and the input messages — and as written in zh-CN', async () => {
    const seen = new Set<string>();
    for (const template of shippedTemplates().keys()) {
      const m = model(template, 'en');
      const spec = m.sheets[0]!;
      for (const cells of spec.rows) {
        for (const col of [COL.unit, COL.rule]) {
          const v = cells?.[col]?.value;
          if (typeof v !== 'string' || cells?.[COL.input]?.style === undefined) continue;
          expect({ template, v }).toEqual({ template, v: expect.not.stringMatching(CJK) });
          if (col === COL.unit) seen.add(v);
        }
      }
      for (const v of spec.validations)
        expect({ template, prompt: v.prompt.text }).toEqual({
          template,
          prompt: expect.not.stringMatching(CJK),
        });
    }
    for (const u of [
      'people',
      '10k CNY',
      'items',
      'times',
      'person-times',
      'h',
      'h per person',
      '%',
    ])
      expect(seen).toContain(u);
    const zh = model('gbt-40143-2021', 'zh-CN').sheets[0]!;
    expect(
      new Set(
        zh.rows
          .map((r) => r?.[COL.unit]?.value)
          .filter((v) => typeof v === 'string' && v !== sheetLabels('zh-CN').unit),
      ),
    ).toEqual(new Set(['名', '万元', '个', '次', '人次', 'h', 'h/人', '%']));
  });

  it('writes band edges with the English unit in the rule column and the input message', () => {
    // No shipped rule has bands in a unit other than %: give 2.1.1 (名, recorded) bands of its own.
    const base = resolvePlan(shippedTemplates().get('gbt-40143-2021')!, {}).value!;
    const rule = {
      kind: 'bands' as const,
      bands: [
        { below: 10, score: 0 },
        { atLeast: 10, score: 1 },
      ],
    };
    const indicators = base.indicators.map((i) => (i.id === '2.1.1' ? { ...i, rule } : i));
    const dimensions = base.dimensions.map((d) => ({
      ...d,
      groups: d.groups.map((g) => ({
        ...g,
        indicators: g.indicators.map((i) => (i.id === '2.1.1' ? { ...i, rule } : i)),
      })),
    }));
    for (const [lang, unit] of [
      ['en', 'people'],
      ['zh-CN', '名'],
    ] as const) {
      const spec = modelOf({ ...base, indicators, dimensions }, lang).sheets[0]!;
      const row = spec.rows.findIndex((r) => r?.[COL.code]?.value === '2.1.1');
      expect(spec.rows[row]![COL.unit]!.value).toBe(unit);
      expect(spec.rows[row]![COL.rule]!.value).toBe(
        `x < 10 ${unit} → 0${lang === 'en' ? '; ' : '；'}x ≥ 10 ${unit} → 1`,
      );
      expect(
        spec.validations.find((v) => v.row === row && v.col === COL.input)!.prompt.text,
      ).toContain(`x ≥ 10 ${unit}`);
    }
  });
});

describe('column widths', () => {
  it('narrows the description column when no indicator has a description or note (GB/T 40143), and keeps it wide otherwise', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const gbt = (await written(model('gbt-40143-2021', lang))).worksheets[0]!;
      expect(gbt.getColumn(COL.description + 1).width).toBeLessThanOrEqual(20);
      const tssof = (await written(model('tssof-0001-2024-basic', lang))).worksheets[0]!;
      expect(tssof.getColumn(COL.description + 1).width).toBe(19);
    }
  });
});

describe('summary sheet', () => {
  it('heads the second-level table with code, indicator and score on 100, under its own title', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const L = sheetLabels(lang);
      const ws = (await written(model('gbt-40143-2021', lang))).worksheets[1]!;
      let title = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(1).value === L.groups) title = r;
      });
      expect(title).toBeGreaterThan(0);
      expect([1, 2, 3].map((c) => ws.getRow(title + 1).getCell(c).value)).toEqual([
        L.code,
        L.group,
        L.points,
      ]);
      expect(ws.getRow(title + 2).getCell(1).value).toBe('1.1');
    }
  });
});

describe('printed header and footer', () => {
  it('prints the organization (its "&" as itself) and the period at the top and page N of M at the foot of every printed sheet', async () => {
    for (const [lang, period, footer] of [
      ['zh-CN', '评价周期：2025', '&C第 &P 页，共 &N 页'],
      ['en', 'Period: 2025', '&CPage &P of &N'],
    ] as const) {
      const wb = await written(model('gbt-40143-2021', lang));
      for (const ws of wb.worksheets) {
        // The metadata never prints; the hidden rules sheet prints like the others when shown.
        if (ws.state === 'veryHidden') {
          expect(ws.headerFooter?.oddHeader ?? null).toBeNull();
          continue;
        }
        expect({
          sheet: ws.name,
          header: ws.headerFooter.oddHeader,
          footer: ws.headerFooter.oddFooter,
        }).toEqual({ sheet: ws.name, header: `&L阳光 && 志愿者协会&R${period}`, footer });
      }
    }
  });
});
