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
    [
      'zh-CN',
      {
        org_id: 'M0002',
        org_name: '晨光社工服务中心',
        region: '武汉',
        org_type: '社会服务机构',
        period: '2025',
        evaluator: '秘书处',
        contact: '',
        credit_code: '91350200777049653G',
        evaluation_mode: 'self',
      },
    ],
    [
      'zh-CN',
      {
        // A name long enough to wrap the subtitle: the copy's row is as tall as the direct one.
        org_id: 'M0003',
        org_name: '深圳市南山区粤海街道社区志愿服务与邻里互助促进会（原南山区青年志愿者联合会）',
        region: '深圳',
        org_type: '社会团体',
        period: '2025',
        evaluator: '深圳市志愿服务联合会秘书处第三方评价组',
        contact: '',
        credit_code: '91350200777049653G',
        evaluation_mode: 'third-party',
      },
    ],
    [
      'en',
      {
        org_id: 'B-8',
        org_name: 'Harbour Trust',
        region: 'Wuhan',
        org_type: 'Foundation',
        period: '2025',
        evaluator: '',
        contact: '',
        evaluation_mode: 'third-party',
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
    const scoringSheet = lang === 'zh-CN' ? '评分表' : 'Scoring';
    const extra = {
      extraSheets: ['_scorebook', lang === 'zh-CN' ? '规则' : 'Rules', scoringSheet],
      formulas: true,
    };
    const a = readWorkbookBytes(direct.bytes, extra).value!;
    const b = readWorkbookBytes(stamped, extra).value!;
    expect(b.names).toEqual(a.names);
    expect(allCells(b)).toEqual(allCells(a));
    expect(JSON.stringify(allCells(b))).toContain(org.org_name.replace(/"/g, '\\"'));
    // The subtitle names the credit code and the mode in words where the member has them, and
    // has no such segment where it has none.
    const subtitle = String(
      b.cells.get(lang === 'zh-CN' ? '评分表' : 'Scoring')?.get('1,0')?.value,
    );
    const o = org as OrgDetails;
    const code = lang === 'zh-CN' ? '统一社会信用代码：' : 'Unified social credit code: ';
    expect(subtitle.includes(`${code}${o.credit_code}`)).toBe(Boolean(o.credit_code));
    expect(subtitle.includes(code)).toBe(Boolean(o.credit_code));
    const mode = {
      'zh-CN': { self: '评价形式：自评', 'third-party': '评价形式：第三方评价' },
      en: {
        self: 'Evaluation mode: self-assessment',
        'third-party': 'Evaluation mode: third-party evaluation',
      },
    }[lang];
    if (o.evaluation_mode) expect(subtitle).toContain(mode[o.evaluation_mode as keyof typeof mode]);
    else expect(subtitle).not.toMatch(/评价形式|Evaluation mode/);
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
      `<oddHeader>&L${org.org_name.replace(/&/g, '&&')}&R${lang === 'zh-CN' ? '评价周期：' : 'Period: '}${org.period}<`,
    );
  });
});
