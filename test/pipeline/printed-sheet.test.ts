/**
 * The generated workbooks printed as a person prints them: LibreOffice headless with default
 * settings, to PDF (A4), then measured with pdftotext -bbox-layout. Every shipped template,
 * zh-CN and en, blank and filled: the type on paper is 9 pt or more (the median word's height
 * against the same fonts printed at 100 %), only the scoring and summary sheets print (the
 * rules sheet is hidden), and the column titles and the printed header are on every page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePlan, sheetLabels, type Lang, type RowAnswer } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { modelOf } from '../addin/support/models.ts';
import { SOFFICE } from '../support/libreoffice.ts';
import { scratchDir } from '../support/run-cli.ts';

const ORG = {
  org_id: 'M7',
  org_name: '阳光志愿者协会',
  region: '深圳',
  org_type: '社会团体',
  period: '2025',
  evaluator: '李四',
};
const FONT = { 'zh-CN': '等线', en: 'Calibri' } as const;
const SIZE = 10.5;

interface Page {
  words: { text: string; height: number }[];
  text: string;
}

function pdfPages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((p) => {
      const words = [
        ...p.matchAll(
          /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g,
        ),
      ].map((m) => ({ text: m[3]!, height: Number(m[2]) - Number(m[1]) }));
      return { words, text: words.map((w) => w.text).join(' ') };
    });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Text of the workbook's font and size printed at 100 %: what a word box is per point of type. */
async function calibration(lang: Lang, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x', { pageSetup: { paperSize: 9, scale: 100 } });
  const words =
    lang === 'zh-CN'
      ? ['建立内部治理组织架构', '符合 → 1；不符合 → 0', '1.1.1', '服务设施设备']
      : ['Establish', 'internal', 'governance', 'Complies', '1.1.1', 'meeting'];
  words.forEach((w, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = w;
    c.font = { name: FONT[lang], size: SIZE };
  });
  ws.getColumn(1).width = 40;
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

interface Printed {
  label: string;
  lang: Lang;
  pdf: string;
}

const dir = scratchDir('scorebook-print-');
const printed: Printed[] = [];

beforeAll(async () => {
  const files: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    const file = join(dir, `calibration-${lang}.xlsx`);
    await calibration(lang, file);
    files.push(file);
  }
  for (const [id, template] of shippedTemplates()) {
    const plan = resolvePlan(template, {}).value!;
    // Filled: an answer, and a note of a few words, in every row.
    const answers = new Map<string, RowAnswer>(
      plan.indicators.map((i) => [i.id, { input: 1, evidence: '现场查看，材料齐全' } as RowAnswer]),
    );
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const filled of [false, true]) {
        const label = `${id}-${lang}-${filled ? 'filled' : 'blank'}`;
        const file = join(dir, `${label}.xlsx`);
        const model = modelOf(plan, lang, { org: ORG, ...(filled ? { answers } : {}) });
        writeFileSync(file, await writeWorkbookBuffer(model));
        files.push(file);
        printed.push({ label, lang, pdf: join(dir, `${label}.pdf`) });
      }
    }
  }
  // A private profile: other soffice runs on the machine do not share (or lock) this one.
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...files,
    ],
    { stdio: 'ignore', timeout: 600_000 },
  );
}, 700_000);

describe('a generated workbook printed on A4 by LibreOffice with default settings', () => {
  it('prints its type at 9 pt or more on every page', () => {
    const perPoint = Object.fromEntries(
      (['zh-CN', 'en'] as const).map((lang) => [
        lang,
        median(
          pdfPages(join(dir, `calibration-${lang}.pdf`)).flatMap((p) =>
            p.words.map((w) => w.height),
          ),
        ) / SIZE,
      ]),
    ) as Record<Lang, number>;
    for (const lang of ['zh-CN', 'en'] as const) expect(perPoint[lang]).toBeGreaterThan(0.8);
    for (const p of printed) {
      pdfPages(p.pdf).forEach((page, i) => {
        const pt = median(page.words.map((w) => w.height)) / perPoint[p.lang];
        expect({ pdf: p.label, page: i + 1, atLeast9: pt >= 9 }).toEqual({
          pdf: p.label,
          page: i + 1,
          atLeast9: true,
        });
      });
    }
  });

  it('prints only the scoring and summary sheets, never the rules, with the column titles and the header on every page', () => {
    for (const p of printed) {
      const L = sheetLabels(p.lang);
      const pages = pdfPages(p.pdf);
      const summaryAt = pages.findIndex((page) => page.text.includes(L.summaryTitle));
      expect({ pdf: p.label, summaryAt: summaryAt > 0 }).toEqual({ pdf: p.label, summaryAt: true });
      pages.forEach((page, i) => {
        const titles =
          i < summaryAt ? page.text.includes(L.code) && page.text.includes(L.rule) : true;
        expect({
          pdf: p.label,
          page: i + 1,
          header: page.text.includes(ORG.org_name),
          titles,
          rules: page.text.includes(L.rulesTitle.split(/[（(]/)[0]!.trim()),
        }).toEqual({ pdf: p.label, page: i + 1, header: true, titles: true, rules: false });
      });
    }
  });
});

describe('the pages, read back', () => {
  it('are A4 landscape for the scoring sheet', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1', printed[0]!.pdf], {
      encoding: 'utf8',
    });
    const size = /Page\s+1 size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([842, 595]);
    expect(readFileSync(printed[0]!.pdf).length).toBeGreaterThan(1000);
  });
});
