/**
 * A generated workbook honours the contract, read back with exceljs (an independent reader):
 * names on plain cells, the veryHidden metadata sheet, validations with messages, protection
 * with only the evaluator's cells unlocked, portable formulas, text never turned into formulas.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { METADATA_KEYS } from '../../core/index.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-contract-');
const file = join(dir, 'annex-b.xlsx');
let wb: ExcelJS.Workbook;

function nameTargets(w: ExcelJS.Workbook): Map<string, string> {
  const model = (w.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
    .model;
  return new Map(model.map((n) => [n.name, n.ranges[0]!]));
}

beforeAll(async () => {
  const r = runCli([
    'generate',
    'gbt-40143-2021',
    '--profile',
    'annex-b-example',
    '--lang',
    'zh-CN',
    '--org-id',
    'M001',
    '--org-name',
    "=cmd|' /C calc'!A0",
    '--region',
    '@武汉',
    '--org-type',
    '-社会团体',
    '--period',
    '2024',
    '--evaluator',
    '+某协会',
    '--out',
    file,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
});

describe('generated workbook contract', () => {
  it('has the scoring, summary and rules sheets and a veryHidden _scorebook sheet with every metadata key', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['评分表', 'visible'],
      ['汇总', 'visible'],
      // Hidden, not veryHidden: not printed, and shown again from the sheet tabs (docs/printing.md).
      ['规则', 'hidden'],
      ['_scorebook', 'veryHidden'],
    ]);
    const meta = wb.getWorksheet('_scorebook')!;
    const keys: string[] = [];
    meta.eachRow((row) => keys.push(String(row.getCell(1).value)));
    expect(keys).toEqual(METADATA_KEYS);
    const get = (k: string) => {
      let v: unknown;
      meta.eachRow((row) => {
        if (row.getCell(1).value === k) v = row.getCell(2).value;
      });
      return v;
    };
    expect(get('template_id')).toBe('gbt-40143-2021');
    expect(get('profile')).toBe('annex-b-example');
    expect(get('org_name')).toBe("=cmd|' /C calc'!A0");
    expect(String(get('profile_hash'))).toMatch(/^[0-9a-f]{64}$/);
    expect(String(get('workbook_id'))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names every input, N/A, score, first-level score, weight, the total, the grade and the unanswered count, each on one plain cell', () => {
    const names = nameTargets(wb);
    const ids = [
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
    ];
    for (const id of ids)
      for (const p of ['IN', 'NA', 'SC', 'MD', 'EV'])
        expect(names.get(`${p}_${id.replace(/\./g, '_')}`), `${p}_${id}`).toMatch(
          /^'评分表'!\$[A-Z]+\$\d+$/,
        );
    for (const d of ['1', '5', '6']) {
      expect(names.get(`DIM_${d}`)).toMatch(/^'汇总'!\$G\$\d+$/);
      expect(names.get(`WT_${d}`)).toMatch(/^'汇总'!\$C\$\d+$/);
    }
    expect(names.get('TOTAL')).toMatch(/^'汇总'!\$B\$\d+$/);
    expect(names.get('GRADE')).toMatch(/^'汇总'!\$B\$\d+$/);
    expect(names.get('UNANSWERED')).toMatch(/^'汇总'!\$B\$\d+$/);
    expect(names.size).toBe(17 * 5 + 3 * 2 + 3);
  });

  it('validates inputs with lists and ranges, each with a message saying what is expected', () => {
    const ws = wb.getWorksheet('评分表')!;
    const at = (name: string) => {
      const m = /\$([A-Z]+)\$(\d+)$/.exec(nameTargets(wb).get(name)!)!;
      return ws.getCell(`${m[1]}${m[2]}`);
    };
    expect(at('IN_1_1_1').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"符合,不符合"'],
      showInputMessage: true,
      prompt: '请选择“符合”或“不符合”。',
    });
    expect(at('IN_5_3_3').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 1],
    });
    expect(at('IN_5_3_3').dataValidation.prompt).toContain('如 85%');
    expect(at('IN_5_3_3').numFmt).toBe('0.0%');
    expect(at('IN_5_4_4').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1] });
    expect(at('NA_1_1_1').dataValidation).toMatchObject({ type: 'list', formulae: ['"不适用"'] });
    expect(at('MD_1_1_1').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"文件审核,人员访谈,现场审核"'],
    });
  });

  it('protects every sheet, leaving only inputs, N/A, modes and evidence unlocked: the issued weights are locked', () => {
    const names = nameTargets(wb);
    for (const ws of wb.worksheets) {
      expect(
        (ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection?.sheet,
        ws.name,
      ).toBe(true);
    }
    const unlocked: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.protection?.locked === false)
            unlocked.push(`'${ws.name}'!$${cell.address.replace(/(\d+)/, '$$$1')}`);
        }),
      );
    const expected = [...names].filter(([n]) => /^(IN|NA|MD|EV)_/.test(n)).map(([, ref]) => ref);
    expect(unlocked.sort()).toEqual(expected.sort());
  });

  it('leaves the weights editable with --editable-weights, and only then', async () => {
    const out = join(scratchDir('scorebook-contract-'), 'self.xlsx');
    const r = runCli(['generate', 'gbt-40143-2021', '--editable-weights', '--out', out]);
    expect(r.code).toBe(0);
    const own = new ExcelJS.Workbook();
    await own.xlsx.readFile(out);
    const summary = own.getWorksheet('汇总')!;
    for (const [name, ref] of nameTargets(own)) {
      if (!name.startsWith('WT_')) continue;
      const cell = summary.getCell(ref.split('!')[1]!.replace(/\$/g, ''));
      expect(cell.protection?.locked, name).toBe(false);
      expect(cell.dataValidation?.type, name).toBe('decimal');
    }
    // Migrated to the next version, a self-assessment stays one when asked.
    const dir = scratchDir('scorebook-contract-');
    const old = join(dir, 'self-1.0.0.xlsx');
    expect(
      runCli(['generate', 'gbt-40143-2021@1.0.0', '--editable-weights', '--out', old]).code,
    ).toBe(0);
    const next = join(dir, 'self-next.xlsx');
    const m = runCli([
      'migrate',
      old,
      '--to',
      'gbt-40143-2021',
      '--editable-weights',
      '--out',
      next,
    ]);
    expect(m.code, m.stderr).toBe(0);
    const migrated = new ExcelJS.Workbook();
    await migrated.xlsx.readFile(next);
    for (const [name, ref] of nameTargets(migrated))
      if (name.startsWith('WT_'))
        expect(
          migrated.getWorksheet('汇总')!.getCell(ref.split('!')[1]!.replace(/\$/g, '')).protection
            ?.locked,
          name,
        ).toBe(false);
    const issued = wb.getWorksheet('汇总')!;
    for (const [name, ref] of nameTargets(wb))
      if (name.startsWith('WT_')) {
        const cell = issued.getCell(ref.split('!')[1]!.replace(/\$/g, ''));
        expect(cell.protection?.locked ?? true, name).toBe(true);
        expect(cell.dataValidation?.type, name).toBeUndefined();
      }
  });

  it('uses plain portable formulas only, with text written as text', () => {
    const xml = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']
      .map((p) => readZipEntry(file, p))
      .join('');
    expect(xml).not.toMatch(/_xlfn\.|XLOOKUP|LET\(|LAMBDA|t="shared"|t="array"/);
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) =>
      m[1]!.replace(/&quot;/g, '"').replace(/"[^"]*"/g, '""'),
    );
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z]+)\(/g)].map((m) => m[1]!)));
    expect([...used].sort()).toEqual(
      [
        'AND',
        'COUNT',
        'IF',
        'IFERROR',
        'INT',
        'ISNUMBER',
        'LEN',
        'MATCH',
        'MAX',
        'MIN',
        'MOD',
        'OR',
        'ROUND',
        'SUBSTITUTE',
        'SUM',
        'SUMPRODUCT',
        'TRIM',
      ].filter((f) => used.has(f)),
    );
    for (const f of formulas) expect(f.startsWith('=')).toBe(false);
    expect(xml).not.toContain('<f>cmd');
    const summary = wb.getWorksheet('汇总')!;
    let found = false;
    summary.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === "=cmd|' /C calc'!A0") found = true;
      }),
    );
    expect(found).toBe(true);
  });

  it('recalculates on load and carries cached values for the blank state', () => {
    expect(readZipEntry(file, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const raw = readWorkbookBytes(readFileSync(file), { formulas: true }).value!;
    // Blank: every binary indicator is unanswered and scores 0, so the total's cached value is 0.
    expect(cellByName(raw, 'TOTAL')).toMatchObject({
      value: 0,
      formula: expect.stringMatching(/^IF\(SUM\(/),
    });
    expect(cellByName(raw, 'SC_1_1_1')).toMatchObject({ value: 0 });
    expect(cellByName(raw, 'DIM_1')).toMatchObject({ value: 0 });
    expect(cellByName(raw, 'GRADE')).toMatchObject({ value: '', formula: '""' });
  });

  it('freezes the headers, prints on A4 with the header row repeated, at readable widths', () => {
    const ws = wb.getWorksheet('评分表')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.pageSetup.printArea).toMatch(/^A1:J\d+$/);
    // Narrow enough for 9 pt type on paper (test/pipeline/printed-sheet.test.ts), wide enough to read.
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(26);
    expect(ws.getCell('B4').font?.name).toBe('等线');
  });

  it('writes every column’s width into the file, the narrow N/A and score columns too', () => {
    // exceljs leaves out a width of exactly 9 (its default): Excel would show 8.43 while the add-in
    // sets 9. The mode column is 9.5 for that reason.
    const xml = readZipEntry(file, 'xl/worksheets/sheet1.xml');
    const cols = [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].flatMap(
      (m) => {
        const out: [number, number][] = [];
        for (let c = Number(m[1]); c <= Number(m[2]); c++) out.push([c, Number(m[3])]);
        return out;
      },
    );
    expect(cols.map(([c]) => c)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Object.fromEntries(cols)[7]).toBe(6);
    expect(Object.fromEntries(cols)[8]).toBe(6);
    expect(Object.fromEntries(cols)[9]).toBe(9.5);
  });
});

function readZipEntry(zipFile: string, entry: string): string {
  return strFromU8(unzipSync(readFileSync(zipFile), { filter: (f) => f.name === entry })[entry]!);
}
