/** generate, fill and score FILE.xlsx as a user runs them, including the ugly cases. */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { editParts } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-cli-wb-');
const ORG_A = [
  'id,value',
  '1.1.1,是',
  '1.1.2,是',
  '1.1.3,是',
  '1.1.4,是',
  '1.1.5,否',
  '5.2.2,75%',
  '5.2.4,5%',
  '5.3.1,45%',
  '5.3.2,0.7',
  '5.3.3,92%',
  '5.4.1,0',
  '5.4.2,0',
  '5.4.4,0.3',
  '6.1.1,是',
  '6.1.2,是',
  '6.1.3,是',
  '6.1.4,是',
].join('\n');

function generate(name: string, extra: string[] = []): string {
  const out = join(dir, name);
  const r = runCli([
    'generate',
    'gbt-40143-2021',
    '--profile',
    'annex-b-example',
    '--org-id',
    'A',
    '--org-name',
    'A志愿服务组织',
    '--period',
    '2024',
    '--out',
    out,
    ...extra,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

function scoreJson(file: string) {
  const r = runCli(['score', file, '--json']);
  return { code: r.code, stderr: r.stderr, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

describe('generate, fill, score FILE.xlsx', () => {
  it('a fresh workbook scores 0 with every binary unanswered, and its cached values agree', () => {
    const file = generate('blank.xlsx');
    const { code, json } = scoreJson(file);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      template: 'gbt-40143-2021',
      profile: 'annex-b-example',
      org_id: 'A',
      total: 0,
      mismatches: [],
    });
    expect(json.unanswered).toHaveLength(17);
    expect(json.cached.total).toBe(0);
  });

  it("fill writes organization A from a CSV; score then gives Annex B's 69 (mean) and 64.24 (sum)", () => {
    const csv = join(dir, 'org-a.csv');
    writeFileSync(csv, ORG_A);
    for (const [method, total] of [
      ['mean', 69],
      ['sum', 424 / 6.6],
    ] as const) {
      const file = generate(`a-${method}.xlsx`, ['--method', method]);
      const out = join(dir, `a-${method}-filled.xlsx`);
      const r = runCli(['fill', file, '--inputs', csv, '--out', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Filled 17 indicator(s)');
      const { json } = scoreJson(out);
      expect(json.method).toBe(method);
      expect(json.total).toBeCloseTo(total, 9);
      expect(json.cached.total).toBeCloseTo(total, 9);
      expect(json.mismatches).toEqual([]);
      expect(json.indicators.find((i: { id: string }) => i.id === '5.2.2')).toMatchObject({
        input: 0.75,
        score: 0.8,
      });
      expect(json.indicators.find((i: { id: string }) => i.id === '1.1.1')).toMatchObject({
        // The template's language (zh-CN), not the machine's locale (en here).
        input: '符合',
        score: 1,
      });
    }
  });

  it("organization A's filled Annex B workbook gives 69 (mean) and 64.24 (sum) after LibreOffice recalculates it", async () => {
    const csv = join(dir, 'org-a-lo.csv');
    writeFileSync(csv, ORG_A);
    const filled: Record<string, string> = {};
    for (const method of ['mean', 'sum']) {
      const file = generate(`lo-${method}.xlsx`, ['--method', method, '--lang', 'zh-CN']);
      filled[method] = join(dir, `lo-${method}-filled.xlsx`);
      expect(runCli(['fill', file, '--inputs', csv, '--out', filled[method]!]).code).toBe(0);
      // Every cached formula result set to -1 first: only a real recalculation can give 69.
      writeFileSync(
        filled[method]!,
        editParts(readFileSync(filled[method]!), (name, xml) =>
          name.startsWith('xl/worksheets/')
            ? xml.replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1<v>-1</v>')
            : xml,
        ),
      );
      expect(
        cellByName(readWorkbookBytes(readFileSync(filled[method]!)).value!, 'TOTAL')!.value,
      ).toBe(-1);
    }
    const out = await recalculateWithLibreOffice(
      Object.values(filled),
      join(dir, 'lo-recalculated'),
    );
    const total = (method: string) =>
      cellByName(readWorkbookBytes(readFileSync(out.get(filled[method]!)!)).value!, 'TOTAL')!.value;
    expect(total('mean')).toBeCloseTo(69, 9);
    expect(total('sum')).toBeCloseTo(424 / 6.6, 9);
  });

  it("a weight left blank counts 0, as the sheet's formulas count it: LibreOffice and the engine agree", async () => {
    const csv = join(dir, 'org-a-wt.csv');
    writeFileSync(csv, ORG_A);
    const file = generate('blank-weight.xlsx', ['--lang', 'zh-CN']);
    const filled = join(dir, 'blank-weight-filled.xlsx');
    expect(runCli(['fill', file, '--inputs', csv, '--out', filled]).code).toBe(0);
    // Empty the cell WT_6 names, as a person deleting the weight would.
    let workbookXml = '';
    const bytes = readFileSync(filled);
    editParts(bytes, (name, xml) => (name === 'xl/workbook.xml' ? (workbookXml = xml) : xml));
    const [, sheetName, col, row] =
      /<definedName name="WT_6"[^>]*>(?:'|&apos;)?([^'&!<]+)(?:'|&apos;)?!\$([A-Z]+)\$(\d+)</.exec(
        workbookXml,
      )!;
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const part = `xl/worksheets/sheet${sheets.indexOf(sheetName!) + 1}.xml`;
    writeFileSync(
      filled,
      editParts(bytes, (name, xml) =>
        name === part
          ? xml.replace(
              new RegExp(`<c r="${col}${row}"([^>]*?)(?:/>|>.*?</c>)`),
              (_m, attrs: string) => `<c r="${col}${row}"${attrs.replace(/ t="[^"]*"/, '')}/>`,
            )
          : xml,
      ),
    );
    const out = (await recalculateWithLibreOffice([filled], join(dir, 'lo-blank-weight'))).get(
      filled,
    )!;
    const r = scoreJson(out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 100 × (0.2 × 0.8 + 0.6 × 0.55) / (0.2 + 0.6): credit and honours weigh nothing.
    expect(r.json.total).toBeCloseTo(61.25, 9);
    expect(r.json.mismatches).toEqual([]);
    expect(r.json.cached.total).toBeCloseTo(61.25, 9);
  });

  it("the summary's normalized weights are the shares as they stand: a first-level indicator of recorded figures only has none", async () => {
    // GB/T 40143 read strictly (record-only): 服务资源 (2) holds recorded figures only. Five first-level indicators
    // count, 20 % each, and score × share × 100 is each one's contribution (LibreOffice computes).
    const out = join(dir, 'shares.xlsx');
    expect(
      runCli([
        'generate',
        'gbt-40143-2021',
        '--profile',
        'record-only',
        '--lang',
        'en',
        '--org-id',
        'S',
        '--out',
        out,
      ]).code,
    ).toBe(0);
    const csv = join(dir, 'shares.csv');
    writeFileSync(csv, ['id,value', '1.1.1,yes', '1.1.2,yes', '3.1.1,12', '5.1.1,yes'].join('\n'));
    const filled = join(dir, 'shares-filled.xlsx');
    expect(runCli(['fill', out, '--inputs', csv, '--out', filled]).code).toBe(0);
    const lo = (await recalculateWithLibreOffice([filled], join(dir, 'lo-shares'))).get(filled)!;
    // DIM_n names each row's score cell; the other cells of the row are read from the sheet's XML
    // (exceljs drops a formula's cached 0, and our reader keeps only the named cells).
    const bytes = readFileSync(lo);
    const wb = readWorkbookBytes(bytes).value!;
    const parts = new Map<string, string>();
    editParts(bytes, (name, xml) => (parts.set(name, xml), xml));
    const part = `xl/worksheets/sheet${wb.sheets.findIndex((x) => x.name === wb.names.get('DIM_1')!.sheet) + 1}.xml`;
    const at = (id: string, col: number): number | undefined => {
      const ref = wb.names.get(`DIM_${id}`)!;
      const v = new RegExp(
        `<c r="${String.fromCharCode(65 + col)}${ref.row + 1}"[^>]*>(?:<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>`,
      ).exec(parts.get(part)!)?.[1];
      return v === undefined || v === '' ? undefined : Number(v);
    };
    // SCORE (DIM_, the method's, hidden) and POINTS (the same on 100, shown).
    const [NORM, SCORE, POINTS, CONTRIBUTION] = [3, 6, 7, 8];
    expect(wb.names.get('DIM_1')!.col).toBe(SCORE);
    expect(at('2', NORM)).toBe(0);
    for (const id of ['1', '3', '4', '5', '6']) expect(at(id, NORM) as number).toBeCloseTo(0.2, 12);
    let total = 0;
    for (const id of ['1', '2', '3', '4', '5', '6']) {
      const share = at(id, NORM) as number;
      const score = at(id, SCORE);
      const contribution = at(id, CONTRIBUTION) as number;
      if (typeof score === 'number') {
        expect(contribution).toBeCloseTo(100 * share * score, 9);
        // What a person reads: the score on 100, which × the share is the contribution.
        expect(at(id, POINTS) as number).toBeCloseTo(100 * score, 9);
        expect(contribution).toBeCloseTo(share * (at(id, POINTS) as number), 9);
      }
      total += contribution;
    }
    expect(total).toBeCloseTo(scoreJson(lo).json.total, 9);
  });

  it('fill refuses bad rows with their row numbers and writes nothing', () => {
    const file = generate('for-bad-fill.xlsx');
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, ['id,value', '1.1.1,是', '7.7.7,1', '5.3.1,120%', '1.1.2,maybe'].join('\n'));
    const out = join(dir, 'never.xlsx');
    const r = runCli(['fill', file, '--inputs', csv, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${csv} row 3  inputs["7.7.7"]  Unknown indicator id "7.7.7"`);
    expect(r.stderr).toContain(`${csv} row 4  inputs["5.3.1"]  "120%" is outside 0 %–100 %`);
    expect(r.stderr).toContain(`${csv} row 5  inputs["1.1.2"]  "maybe" is not a verdict`);
    expect(r.stderr).toContain('Nothing was written (3 problem(s)).');
    expect(existsSync(out)).toBe(false);
  });

  it('fill keeps the answers already there and marks N/A in its own cell', () => {
    const file = generate('keep.xlsx');
    const first = join(dir, 'first.csv');
    writeFileSync(first, 'id,value\n1.1.1,是\n1.1.2,否\n');
    const step1 = join(dir, 'keep-1.xlsx');
    expect(runCli(['fill', file, '--inputs', first, '--out', step1]).code).toBe(0);
    const second = join(dir, 'second.csv');
    writeFileSync(second, 'id,value\n1.1.2,不适用\n6.1.1,yes\n');
    const step2 = join(dir, 'keep-2.xlsx');
    expect(runCli(['fill', step1, '--inputs', second, '--out', step2]).code).toBe(0);
    const { json } = scoreJson(step2);
    const by = (id: string) => json.indicators.find((i: { id: string }) => i.id === id);
    expect(by('1.1.1')).toMatchObject({ input: '符合', score: 1 });
    expect(by('1.1.2')).toMatchObject({ state: 'na', score: null });
    expect(by('6.1.1')).toMatchObject({ input: '符合', score: 1 });
  });

  it('score flags cached results that disagree with the engine (an edited or stale file)', () => {
    const csv = join(dir, 'org-a2.csv');
    writeFileSync(csv, ORG_A);
    const file = generate('edit.xlsx');
    const filled = join(dir, 'edit-filled.xlsx');
    expect(runCli(['fill', file, '--inputs', csv, '--out', filled]).code).toBe(0);
    // Someone overwrote the formula of 5.3.1's score with a constant 1 and the total with 99.
    const files = unzipSync(readFileSync(filled));
    let sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const row = /<c r="A(\d+)"[^>]*t="s"><v>\d+<\/v><\/c>/.exec(sheet1)
      ? findRowOf(files, '5.3.1')
      : 0;
    sheet1 = sheet1.replace(
      new RegExp(`<c r="H${row}"([^>]*)><f>[^<]*</f><v>[^<]*</v></c>`),
      `<c r="H${row}"$1><v>1</v></c>`,
    );
    // The total's formula on the summary: its denominator adds up the applicable weights (column J, hidden).
    let sheet2 = strFromU8(files['xl/worksheets/sheet2.xml']!);
    sheet2 = sheet2.replace(
      /(<f>IF\(SUM\(\$J\$\d+:\$J\$\d+\)=0,&quot;&quot;,100\*SUM[^<]*<\/f><v>)[^<]*(<\/v>)/,
      '$199$2',
    );
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet1);
    files['xl/worksheets/sheet2.xml'] = strToU8(sheet2);
    const edited = join(dir, 'edited.xlsx');
    writeFileSync(edited, zipSync(files));
    const { code, json } = scoreJson(edited);
    expect(code).toBe(0);
    expect(json.total).toBe(69);
    expect(json.mismatches).toEqual(
      expect.arrayContaining([
        { name: 'SC_5_3_1', cached: 1, engine: 0.5 },
        { name: 'TOTAL', cached: 99, engine: 69 },
      ]),
    );
    const text = runCli(['score', edited, '--lang', 'zh-CN']);
    expect(text.stdout).toContain('处缓存结果与引擎不一致');
  });

  it('score refuses files that are not our workbooks, saying why', async () => {
    const notZip = join(dir, 'notes.xlsx');
    writeFileSync(notZip, 'just text');
    expect(runCli(['score', notZip]).stderr).toContain(
      'Not an Excel workbook (.xlsx): the file is not a zip package.',
    );
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = 1;
    const foreignFile = join(dir, 'foreign.xlsx');
    await foreign.xlsx.writeFile(foreignFile);
    const r = runCli(['score', foreignFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'This is not a scorebook scoring workbook (no _scorebook metadata sheet).',
    );
    const xls = join(dir, 'old.xls');
    writeFileSync(
      xls,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]),
    );
    expect(runCli(['score', xls]).stderr).toContain('legacy Excel 97-2003 file (.xls)');
    expect(runCli(['score', join(dir, 'missing.xlsx')]).stderr).toContain(
      'Cannot read the file: file not found',
    );
  });
});

/** The sheet row (1-based) whose code cell holds `id`, found through the shared strings. */
function findRowOf(files: Record<string, Uint8Array>, id: string): number {
  const strings = [
    ...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g),
  ].map((m) => m[1]);
  const index = strings.indexOf(id);
  const m = new RegExp(`<c r="A(\\d+)"[^>]*t="s"><v>${index}</v></c>`).exec(
    strFromU8(files['xl/worksheets/sheet1.xml']!),
  );
  return Number(m![1]);
}
