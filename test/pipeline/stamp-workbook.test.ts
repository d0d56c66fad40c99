/** A stamped copy for a member is the exceljs writer's own workbook for that member, cell for cell. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolvePlan, type OrgDetails } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { workbookBytes } from '../../pipeline/workbooks/make-workbook.ts';
import { prepareStamp, stampWorkbook } from '../../pipeline/workbooks/stamp-workbook.ts';
import { readWorkbookBytes, type RawWorkbook } from '../../pipeline/xlsx/read-workbook.ts';

function allCells(wb: RawWorkbook) {
  return Object.fromEntries(
    [...wb.cells].map(([sheet, cells]) => [sheet, Object.fromEntries(cells)]),
  );
}

describe('stampWorkbook', () => {
  it.each([
    [
      'zh-CN',
      {
        org_id: 'M0001',
        org_name: '阳光 & <志愿者> "协会"',
        region: '深圳',
        org_type: '社会团体',
        period: '2025',
        evaluator: '=秘书处',
        contact: '',
      },
    ],
    [
      'en',
      {
        org_id: 'B-7',
        org_name: "O'Brien Trust",
        region: 'Wuhan',
        org_type: 'Foundation',
        period: '2025H1',
        evaluator: '',
        contact: 'li@example.org',
      },
    ],
  ] as const)('matches the direct exceljs output (%s)', async (lang, org) => {
    const plan = resolvePlan(shippedTemplates().get('gbt-40143-2021')!, {
      profile: 'annex-b-example',
    }).value!;
    const ids = {
      workbookId: '7a1c0f7e-0000-4000-8000-000000000001',
      generatedAt: '2025-01-01T00:00:00.000Z',
    };
    const direct = await workbookBytes(plan, org as OrgDetails, lang, ids);
    const stamp = await prepareStamp(plan, lang);
    const stamped = stampWorkbook(stamp, {
      ...org,
      workbook_id: ids.workbookId,
      generated_at: ids.generatedAt,
    });
    const extra = {
      extraSheets: ['_scorebook', lang === 'zh-CN' ? '规则' : 'Rules'],
      formulas: true,
    };
    const a = readWorkbookBytes(direct.bytes, extra).value!;
    const b = readWorkbookBytes(stamped, extra).value!;
    expect(b.names).toEqual(a.names);
    expect(allCells(b)).toEqual(allCells(a));
    expect(JSON.stringify(allCells(b))).toContain(org.org_name.replace(/"/g, '\\"'));
    // The sheets themselves too: the printed header names the member (it lives in the sheet XML,
    // not the shared strings), and the rows are as tall as in the direct file.
    const sheets = (bytes: Uint8Array) => {
      const files = unzipSync(bytes, {
        filter: (f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name),
      });
      return Object.fromEntries(
        Object.entries(files).map(([n, x]) => {
          const xml = strFromU8(x);
          // Unescaped: exceljs writes ' as &apos;, the stamp leaves it as it is (both are the same XML).
          const hf = (/<headerFooter>.*<\/headerFooter>/.exec(xml)?.[0] ?? '')
            .replace(/&apos;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&');
          return [
            n,
            {
              headerFooter: hf,
              rows: [...xml.matchAll(/<row r="(\d+)"[^>]*?(?: ht="([\d.]+)")?[^>]*>/g)]
                .map((m) => `${m[1]}:${m[2] ?? ''}`)
                .join(' '),
            },
          ];
        }),
      );
    };
    expect(sheets(stamped)).toEqual(sheets(direct.bytes));
    expect(sheets(stamped)['xl/worksheets/sheet1.xml']!.headerFooter).toContain(
      lang === 'zh-CN'
        ? '<oddHeader>&L阳光 && <志愿者> "协会"&R评价周期：2025<'
        : "<oddHeader>&LO'Brien Trust&RPeriod: 2025H1<",
    );
  });
});
