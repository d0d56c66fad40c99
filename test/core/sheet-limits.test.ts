/**
 * What Excel refuses or silently changes, kept out of the sheet model so that the exceljs and
 * Office.js writers write the same thing: validation texts over Excel's limits, and a column
 * width that exceljs mistakes for its default.
 */
import { describe, expect, it } from 'vitest';
import {
  VALIDATION_TEXT_LIMITS,
  buildMetadata,
  clipText,
  layoutWorkbook,
  parseTemplate,
  resolvePlan,
} from '../../core/index.ts';

const long = (n: number) => 'y'.repeat(n);
// Levels as long as the drop-down list allows (4 × (2 + 61) + 3 = 255): the rule in words,
// which the input prompt and error repeat, is then far over Excel's limits.
const TEMPLATE = `
id: long-levels
version: "1.0.0"
title: { zh-CN: 长等级, en: Long levels }
source: { standard: T/TEST 1-2024, normative: false }
dimensions:
  - id: "1"
    name: { zh-CN: 一, en: One }
    groups:
      - id: "1.1"
        name: { zh-CN: 一一, en: One one }
        indicators:
          - id: "1.1.1"
            name: { zh-CN: 等级, en: Levels }
            rule:
              kind: scale
              levels: [${[1, 2, 3, 4].map((i) => `{ zh-CN: "${'等'.repeat(60)}${i}", en: "${long(60)}${i}" }`).join(', ')}]
`;

function model(lang: 'zh-CN' | 'en') {
  const t = parseTemplate(TEMPLATE, 'long.yaml');
  expect(t.errors).toEqual([]);
  const plan = resolvePlan(t.value!, {}).value!;
  const meta = buildMetadata(
    plan,
    { org_id: '1', org_name: 'x', region: '', org_type: '', period: '2025', evaluator: '' },
    {
      workbook_id: '00000000-0000-4000-8000-000000000000',
      generated_at: '2025-01-01T00:00:00.000Z',
      lang,
      generator: 'test',
    },
  );
  return layoutWorkbook(plan, meta, { lang });
}

describe('validation texts within Excel’s limits', () => {
  it('clips to the limit with an ellipsis, and leaves shorter texts alone', () => {
    expect(clipText('abc', 3)).toBe('abc');
    expect(clipText('abcd', 3)).toBe('ab…');
    expect(clipText('评分表评分表', 4)).toBe('评分表…');
    // A character outside the BMP is two UTF-16 units, as Excel counts: never cut in half.
    const clipped = clipText('😀😀😀', 4);
    expect(clipped).toBe('😀…');
    expect(clipped.length).toBeLessThanOrEqual(4);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`the layout gives both writers texts Excel accepts (${lang})`, () => {
      const m = model(lang);
      const all = m.sheets.flatMap((s) => s.validations);
      expect(all.length).toBeGreaterThan(0);
      for (const v of all) {
        expect(v.prompt.title.length).toBeLessThanOrEqual(VALIDATION_TEXT_LIMITS.promptTitle);
        expect(v.prompt.text.length).toBeLessThanOrEqual(VALIDATION_TEXT_LIMITS.prompt);
        expect(v.error.title.length).toBeLessThanOrEqual(VALIDATION_TEXT_LIMITS.errorTitle);
        expect(v.error.text.length).toBeLessThanOrEqual(VALIDATION_TEXT_LIMITS.error);
      }
      // The scale's input: its prompt and error were over the limits and are cut with "…".
      const input = all.find((v) => v.type === 'list' && v.list!.length === 4)!;
      expect(input.prompt.text).toHaveLength(VALIDATION_TEXT_LIMITS.prompt);
      expect(input.prompt.text.endsWith('…')).toBe(true);
      expect(input.error.text).toHaveLength(VALIDATION_TEXT_LIMITS.error);
      // The list itself fits: the template check allows 255 characters.
      expect(input.list!.join(',').length).toBeLessThanOrEqual(255);
    });
  }
});

describe('column widths', () => {
  it('no column is exactly 9 wide, the width exceljs leaves out of the file', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const s of model(lang).sheets) for (const c of s.columns) expect(c.width).not.toBe(9);
    }
  });
});
