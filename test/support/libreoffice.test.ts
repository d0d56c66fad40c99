/**
 * The LibreOffice harness itself: it really recalculates (formulas saved with wrong cached
 * results come back right), converts a batch in one soffice run, and readNamedValues reads
 * workbook-scoped names on Chinese, quoted and veryHidden sheets with their cached values.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  libreOfficeAvailable,
  parseSingleCellRef,
  readNamedValues,
  recalculateWithLibreOffice,
  workbookScopedCellNames,
} from './libreoffice.ts';
import { scratchDir } from './run-cli.ts';

const MAIN = '评分表';
/** Hidden helper sheet whose name needs quoting and escaping: an apostrophe and a space. */
const HIDDEN = "内部'计算 表";
const Q_MAIN = `'${MAIN}'`;
const Q_HIDDEN = `'${HIDDEN.replace(/'/g, "''")}'`;
const STALE = -424242;

function requireSoffice(): void {
  if (!libreOfficeAvailable())
    throw new Error(
      'soffice is not on PATH: install LibreOffice (apt-get install -y libreoffice-calc-nogui); these tests never skip',
    );
}

async function wrongCacheWorkbook(
  file: string,
  a1: number,
  fullCalcOnLoad: boolean,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // The generator sets fullCalcOnLoad; left off here, only the profile can force the recalculation.
  if (fullCalcOnLoad) wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = a1;
  ws.getCell('B1').value = { formula: 'A1*3', result: 999 };
  wb.definedNames.add('Sheet1!$B$1', 'TRIPLE');
  await wb.xlsx.writeFile(file);
}

/** name → [formula on 评分表 column F, the value Excel gives]. */
const FORMULAS: [string, string, string | number | boolean][] = [
  // A1 holds "YES": Excel compares text case-insensitively, so this is 1.
  ['CASE_EQ', 'IF(A1="yes",1,0)', 1],
  ['CASE_NE', 'IF(A1<>"yes",1,0)', 0],
  ['CASE_EXACT', 'IF(EXACT(A1,"yes"),1,0)', 0],
  ['CASE_MATCH', 'MATCH("B",{"a","b","c"},0)', 2],
  ['AND_OR', 'IF(AND(A2>2,OR(A3=1,A3=4)),"ok","no")', 'ok'],
  ['SUM_ALL', `SUM(A2:A3,${Q_HIDDEN}!B1)`, 3 + 4 + 30],
  ['COUNT_NUM', 'COUNT(A1:A5)', 3],
  ['ROUNDED', 'ROUND(A2/7*100,2)', 42.86],
  ['IFERR', 'IFERROR(A2/A5,"n/a")', 'n/a'],
  ['MATCHED', 'MATCH("b",{"a","b","c"},0)', 2],
  ['MATCH_MISS', 'IFERROR(MATCH("z",{"a","b","c"},0),-1)', -1],
  ['EMPTY_STR', 'IF(A2>100,1,"")', ''],
  ['DIV_ZERO', 'A2/A5', '#DIV/0!'],
  ['BOOL', 'AND(A2>2,A3>2)', true],
  ['NESTED', 'IF(COUNT(A2:A3)=2,ROUND(SUM(A2:A3)/COUNT(A2:A3),1),"")', 3.5],
];

async function namedWorkbook(
  file: string,
  k: number,
): Promise<Record<string, string | number | boolean>> {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(MAIN);
  const hidden = wb.addWorksheet(HIDDEN, { state: 'veryHidden' });
  ws.getCell('A1').value = 'YES';
  ws.getCell('A2').value = 3 + k;
  ws.getCell('A3').value = 4;
  ws.getCell('A4').value = 'text';
  ws.getCell('A5').value = 0;
  ws.getCell('B1').value = { richText: [{ text: '社会' }, { font: { bold: true }, text: '组织' }] };
  hidden.getCell('B1').value = { formula: `${Q_MAIN}!A2*10`, result: STALE };
  const expected: Record<string, string | number | boolean> = {};
  FORMULAS.forEach(([name, formula, want], i) => {
    ws.getCell(i + 1, 6).value = { formula, result: STALE };
    wb.definedNames.add(`${Q_MAIN}!$F$${i + 1}`, name);
    expected[name] = want;
  });
  wb.definedNames.add(`${Q_HIDDEN}!$B$1`, 'HIDDEN_TIMES10');
  wb.definedNames.add(`${Q_MAIN}!$A$2`, 'RAW_NUMBER');
  wb.definedNames.add(`${Q_MAIN}!$B$1`, 'RICH');
  wb.definedNames.add(`${Q_MAIN}!$C$9`, 'BLANK');
  wb.definedNames.add(`${Q_MAIN}!$A$2:$A$3`, 'A_RANGE');
  await wb.xlsx.writeFile(file);
  // The values that depend on k (A2 = 3 + k).
  const a2 = 3 + k;
  return {
    ...expected,
    SUM_ALL: a2 + 4 + a2 * 10,
    ROUNDED: Math.round((a2 / 7) * 100 * 100) / 100,
    BOOL: true,
    NESTED: Math.round(((a2 + 4) / 2) * 10) / 10,
    HIDDEN_TIMES10: a2 * 10,
    RAW_NUMBER: a2,
    RICH: '社会组织',
  };
}

describe('recalculateWithLibreOffice', () => {
  it('finds soffice on PATH', () => {
    requireSoffice();
    expect(libreOfficeAvailable()).toBe(true);
  });

  it('recalculates a formula whose cached result is wrong (6, not 999), even without fullCalcOnLoad', async () => {
    requireSoffice();
    const dir = scratchDir('scorebook-lo-');
    const plainFile = join(dir, 'wrong-cache.xlsx');
    const flagged = join(dir, 'wrong-cache-fullcalc.xlsx');
    await wrongCacheWorkbook(plainFile, 2, false);
    await wrongCacheWorkbook(flagged, 5, true);
    expect((await readNamedValues(plainFile)).get('TRIPLE')).toBe(999);
    const out = await recalculateWithLibreOffice([plainFile, flagged], join(dir, 'out'));
    expect((await readNamedValues(out.get(plainFile)!)).get('TRIPLE')).toBe(6);
    expect((await readNamedValues(out.get(flagged)!)).get('TRIPLE')).toBe(15);
  });

  it('converts a batch of 10 in one soffice run, and every name reads back as Excel computes it', async () => {
    requireSoffice();
    const dir = scratchDir('scorebook-lo-');
    const files: string[] = [];
    const expected: Record<string, string | number | boolean>[] = [];
    for (let k = 0; k < 10; k++) {
      const file = join(dir, `named-${k}.xlsx`);
      expected.push(await namedWorkbook(file, k));
      files.push(file);
    }
    const runs: { files: readonly string[]; ms: number }[] = [];
    const out = await recalculateWithLibreOffice(files, join(dir, 'out'), {
      onRun: (r) => runs.push(r),
    });
    expect(runs.map((r) => r.files.length)).toEqual([10]);
    expect(out.size).toBe(10);

    for (const [k, file] of files.entries()) {
      const got = await readNamedValues(out.get(file)!);
      const want = new Map<string, unknown>(Object.entries(expected[k]!));
      want.set('BLANK', null);
      // A name over a range is not a single cell: left out.
      expect(got.has('A_RANGE')).toBe(false);
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    }

    // LibreOffice keeps the sheet hidden but writes veryHidden back as plain hidden.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.get(files[0]!)!);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [MAIN, 'visible'],
      [HIDDEN, 'hidden'],
    ]);
    // It writes 评分表!$F$1 unquoted; exceljs hands every name back quoted and fully absolute.
    const xml = strFromU8(
      unzipSync(readFileSync(out.get(files[0]!)!), { filter: (f) => f.name === 'xl/workbook.xml' })[
        'xl/workbook.xml'
      ]!,
    );
    expect(xml).toContain(`>${MAIN}!$F$1<`);
    const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
      .model;
    expect(model.find((n) => n.name === 'CASE_EQ')?.ranges).toEqual([`${Q_MAIN}!$F$1`]);
    expect(model.find((n) => n.name === 'HIDDEN_TIMES10')?.ranges).toEqual([`${Q_HIDDEN}!$B$1`]);
  });

  it('runs two conversions at once, each in its own profile', async () => {
    requireSoffice();
    const dir = scratchDir('scorebook-lo-');
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await wrongCacheWorkbook(a, 7, true);
    await wrongCacheWorkbook(b, 8, true);
    const [oa, ob] = await Promise.all([
      recalculateWithLibreOffice([a], join(dir, 'out-a')),
      recalculateWithLibreOffice([b], join(dir, 'out-b')),
    ]);
    expect((await readNamedValues(oa.get(a)!)).get('TRIPLE')).toBe(21);
    expect((await readNamedValues(ob.get(b)!)).get('TRIPLE')).toBe(24);
  });

  it('throws with soffice output when a file cannot be converted, and refuses colliding outputs', async () => {
    requireSoffice();
    const dir = scratchDir('scorebook-lo-');
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'PK\u0003\u0004 this is not a workbook');
    await expect(recalculateWithLibreOffice([junk], join(dir, 'out'))).rejects.toThrow(
      /LibreOffice wrote no output for 1 of 1 files[\s\S]*--- stderr ---/,
    );
    const x = join(dir, 'x.xlsx');
    await wrongCacheWorkbook(x, 1, true);
    await expect(recalculateWithLibreOffice([x], dir)).rejects.toThrow(/would be overwritten/);
    mkdirSync(join(dir, 'sub'));
    copyFileSync(x, join(dir, 'sub', 'x.xlsx'));
    await expect(
      recalculateWithLibreOffice([x, join(dir, 'sub', 'x.xlsx')], join(dir, 'out')),
    ).rejects.toThrow(/would both be written/);
    await expect(
      recalculateWithLibreOffice([join(dir, 'missing.xlsx')], join(dir, 'out')),
    ).rejects.toThrow(/no such file/);
  });
});

describe('readNamedValues', () => {
  it('parses quoted, escaped, unquoted and relative single-cell references only', () => {
    expect(parseSingleCellRef("'评分表'!$F$6")).toEqual({ sheet: MAIN, row: 6, col: 6 });
    expect(parseSingleCellRef('评分表!$F$6')).toEqual({ sheet: MAIN, row: 6, col: 6 });
    expect(parseSingleCellRef("'it''s 表'!B12")).toEqual({ sheet: "it's 表", row: 12, col: 2 });
    expect(parseSingleCellRef('Sheet1!$AB$3')).toEqual({ sheet: 'Sheet1', row: 3, col: 28 });
    expect(parseSingleCellRef("'评分表'!$F$6:$F$7")).toBeUndefined();
    expect(parseSingleCellRef("'评分表'!$F$6,'评分表'!$F$8")).toBeUndefined();
    expect(parseSingleCellRef('#REF!')).toBeUndefined();
    expect(parseSingleCellRef("'评分表'!#REF!")).toBeUndefined();
    expect(parseSingleCellRef('0.5')).toBeUndefined();
  });

  it('keeps workbook-scoped names apart from a sheet-scoped name of the same name (exceljs merges them)', async () => {
    const dir = scratchDir('scorebook-lo-');
    const file = join(dir, 'scoped.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(MAIN);
    ws.getCell('A1').value = 'workbook';
    ws.getCell('A2').value = 'sheet';
    ws.getCell('A3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    wb.definedNames.add(`${Q_MAIN}!$A$1`, 'WHICH');
    wb.definedNames.add(`${Q_MAIN}!$A$3`, 'ERR');
    ws.getCell('A4').value = { formula: 'IF(A1="","x","")', result: '' };
    ws.getCell('A5').value = { formula: 'LEN(A1)' };
    wb.definedNames.add(`${Q_MAIN}!$A$4`, 'EMPTY_RESULT');
    wb.definedNames.add(`${Q_MAIN}!$A$5`, 'NO_RESULT');
    await wb.xlsx.writeFile(file);
    // Add, after it, a sheet-scoped WHICH and a relative reference, as other writers do.
    const parts = unzipSync(readFileSync(file));
    parts['xl/workbook.xml'] = strToU8(
      strFromU8(parts['xl/workbook.xml']!).replace(
        '</definedNames>',
        `<definedName name="WHICH" localSheetId="0">&apos;${MAIN}&apos;!$A$2</definedName><definedName name="REL">${MAIN}!A2</definedName></definedNames>`,
      ),
    );
    writeFileSync(file, zipSync(parts));

    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(file);
    const model = (
      reread.definedNames as unknown as { model: { name: string; ranges: string[] }[] }
    ).model;
    // exceljs: the sheet-scoped WHICH has replaced the workbook's, and REL is gone.
    expect(model.find((n) => n.name === 'WHICH')?.ranges).toEqual([`${Q_MAIN}!$A$2`]);
    expect(model.find((n) => n.name === 'REL')).toBeUndefined();

    // exceljs also reads an empty-string cached result (t="str", <v></v>) as no result at all.
    expect(reread.getWorksheet(MAIN)!.getCell('A4').result).toBeUndefined();

    expect(workbookScopedCellNames(readFileSync(file)).map((n) => n.name)).toEqual([
      'WHICH',
      'ERR',
      'EMPTY_RESULT',
      'NO_RESULT',
      'REL',
    ]);
    expect(Object.fromEntries(await readNamedValues(file))).toEqual({
      WHICH: 'workbook',
      ERR: '#DIV/0!',
      EMPTY_RESULT: '',
      NO_RESULT: null,
      REL: 'sheet',
    });
  });
});
