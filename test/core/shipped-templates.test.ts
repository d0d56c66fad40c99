/**
 * The shipped templates against the standards: counts per level as in the standards' tables,
 * and GB/T 40143's third-level names read back from the seed text, in order, word for word
 * once the scrape's OCR slips are corrected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseTemplate } from '../../core/index.ts';
import { shippedTemplates, TEMPLATES_DIR } from '../../pipeline/templates/registry.ts';
import { templateCounts } from '../../pipeline/cli/templates-action.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// The standards' text lives in the repository: a clone has nothing beside it.
const SEEDS = new URL('../fixtures/standards/', import.meta.url);

describe('shipped templates', () => {
  it('every file in templates/ passes the checker', () => {
    const files = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const { errors } = parseTemplate(readFileSync(join(TEMPLATES_DIR, f), 'utf8'), f);
      expect(
        errors.map((e) => formatIssue(e, 'en')),
        f,
      ).toEqual([]);
    }
  });

  it.each([
    // GB/T 40143-2021 table A.1: 6 first-level, 20 second-level, 95 third-level indicators.
    ['gbt-40143-2021', 6, 20, 95],
    // T/SSOF 0001-2024 table A.1: 5 / 22 / 46; table B.1: 10 / 28 / 63.
    ['tssof-0001-2024-basic', 5, 22, 46],
    ['tssof-0001-2024-development', 10, 28, 63],
    // Our checklist from T/NSSQ X-2022 clauses 5.1, 5.2, 6.1, 6.2, 7.1, 7.2.1–7.2.3.
    ['tnssq-2022-standard-quality', 3, 8, 33],
  ])('%s has %i / %i / %i indicators by level', (id, l1, l2, l3) => {
    const t = shippedTemplates().get(id);
    expect(t, id).toBeDefined();
    expect(templateCounts(t!)).toEqual({ level1: l1, level2: l2, level3: l3 });
  });

  it('the Annex B profile holds exactly the 17 indicators of table B.1 with the weights of table B.2', () => {
    const t = shippedTemplates().get('gbt-40143-2021')!;
    const p = t.profiles!.find((x) => x.id === 'annex-b-example')!;
    expect(p.indicators).toEqual([
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '1.1.4',
      '1.1.5',
      '5.2.2',
      '5.2.4',
      '5.3.1',
      '5.3.2',
      '5.3.3',
      '5.4.1',
      '5.4.2',
      '5.4.4',
      '6.1.1',
      '6.1.2',
      '6.1.3',
      '6.1.4',
    ]);
    expect(p.weights).toEqual({ '1': 0.2, '5': 0.6, '6': 0.2 });
    expect(Object.fromEntries(Object.entries(p.rules!).map(([k, r]) => [k, r.kind]))).toEqual({
      '5.2.2': 'bands',
      '5.2.4': 'bands',
      '5.3.1': 'bands',
      '5.3.2': 'bands',
      '5.3.3': 'bands',
      '5.4.1': 'manual',
      '5.4.2': 'manual',
      '5.4.4': 'manual',
    });
  });

  it('derived and informative sources say so', () => {
    const all = shippedTemplates();
    expect(all.get('gbt-40143-2021')!.source.normative).toBe(true);
    for (const id of [
      'tssof-0001-2024-basic',
      'tssof-0001-2024-development',
      'tnssq-2022-standard-quality',
    ]) {
      const t = all.get(id)!;
      expect(t.source.normative, id).toBe(false);
      expect(t.source.note?.['zh-CN'], id).toBeTruthy();
    }
    expect(all.get('tnssq-2022-standard-quality')!.title['zh-CN']).toContain('派生');
  });
});

describe('GB/T 40143 table A.1 against the seed text', () => {
  // The scrape's slips, corrected in the template; each is evident from context.
  const CORRECTIONS: [RegExp, string][] = [
    [/数fi/g, '数量'], // 1.3.2 种类、数量及布局
    [/总\?cè\)舜\?\/p>/g, '总人次'], // 3.1.3, 3.1.4, 3.2.1
    [/总吋长/g, '总时长'], // 3.1.5
    [/录人/g, '录入'], // 4.1.10
    [/([\u4e00-\u9fff])\.([\u4e00-\u9fff])/g, '$1,$2'], // a full stop where the standard has a comma
    [/与服务项目本身相适$/g, '与服务项目本身相适宜'], // 1.2.5: a character lost at the line end
  ];
  const SKIP = /^(表A\.[1l]\(续\)|[—-一]级指标|-:级指标|二级指标|三级指标|备注|单位:.*|以%表示)$/;

  it('has the same third-level indicators, in the same order and words', () => {
    const text = readFileSync(new URL('gbt-40143-2021.simplified.txt', SEEDS), 'utf8');
    const section = text.slice(
      text.indexOf('表A.1志愿服务组织评价指标'),
      text.indexOf('A.3评价方法和评价方式'),
    );
    const t = shippedTemplates().get('gbt-40143-2021')!;
    // The scrape has ASCII punctuation where the printed standard has full-width (，（）；：):
    // compared in NFKC, which folds one into the other.
    const nfkc = (s: string) => s.normalize('NFKC');
    const structural = new Set(
      t.dimensions
        .flatMap((d) => [d.name['zh-CN'], ...d.groups.map((g) => g.name['zh-CN'])])
        .map(nfkc),
    );
    const seedNames = section
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => l && !SKIP.test(l) && !structural.has(l))
      .map((l) => CORRECTIONS.reduce((s, [re, to]) => s.replace(re, to), l));
    const ours = t.dimensions.flatMap((d) =>
      d.groups.flatMap((g) => g.indicators.map((i) => nfkc(i.name['zh-CN']))),
    );
    expect(seedNames).toHaveLength(95);
    expect(ours).toEqual(seedNames);
  });

  it('sets its Chinese text with Chinese punctuation, as the printed standards do', () => {
    for (const t of shippedTemplates().values()) {
      const texts: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v))
            k === 'zh-CN' && typeof x === 'string' ? texts.push(x) : walk(x);
      };
      walk(t);
      const ascii = texts.filter((x) => /[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]/.test(x));
      expect(ascii, t.id).toEqual([]);
    }
  });

  it('has the units of the 备注 column', () => {
    const t = shippedTemplates().get('gbt-40143-2021')!;
    const units = t.dimensions.flatMap((d) =>
      d.groups.flatMap((g) => g.indicators.filter((i) => i.unit).map((i) => `${i.id}:${i.unit}`)),
    );
    expect(units).toEqual([
      '2.1.1:名',
      '2.1.2:名',
      '2.1.3:名',
      '2.1.4:%',
      '2.2.1:万元',
      '2.3.1:万元',
      '3.1.1:个',
      '3.1.2:次',
      '3.1.3:人次',
      '3.1.4:人次',
      '3.1.5:h',
      '3.1.6:h/人',
      '3.2.1:人次',
      '3.2.2:h/人',
      '3.2.5:%',
      '5.1.4:名',
      '5.2.1:%',
      '5.2.2:%',
      '5.2.3:%',
      '5.2.4:%',
      '5.3.1:%',
      '5.3.2:%',
      '5.3.3:%',
      '5.4.1:次',
      '5.4.2:次',
      '5.4.3:%',
      '5.4.4:万元',
      '5.4.5:万元',
    ]);
  });
});
