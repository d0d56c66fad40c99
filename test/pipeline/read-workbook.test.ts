/**
 * The direct OOXML reader against exceljs on every fixture kind: shared and inline strings,
 * rich text, booleans, errors, dates, formulas with cached results, LibreOffice-resaved files
 * and namespace-prefixed markup. Where exceljs drops a formula's cached 0 or "" (it does), the
 * reader keeps it; everywhere else the two agree cell for cell.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookBytes, type RawCell } from '../../pipeline/xlsx/read-workbook.ts';
import { recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { editParts, filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-reader-');
const fixtures: Record<string, Buffer> = {};

async function typesWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('类型 Types');
  ws.getCell('A1').value = '共享字符串 & <escaped> "quotes"';
  ws.getCell('A2').value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] };
  ws.getCell('A3').value = true;
  ws.getCell('A4').value = false;
  ws.getCell('A5').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('A6').value = 0.85;
  ws.getCell('A6').numFmt = '0%';
  ws.getCell('A7').value = 45678;
  ws.getCell('A7').numFmt = 'yyyy-mm-dd';
  ws.getCell('A8').value = { formula: 'A6*2', result: 1.7 };
  ws.getCell('A9').value = { formula: 'IF(A3,"是","否")', result: '是' };
  ws.getCell('A10').value = '  leading spaces kept';
  ws.getCell('B1').value = -12.5e-3;
  ws.getCell('AA100').value = 'far away';
  wb.definedNames.add("'类型 Types'!$A$1", 'FIRST');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  fixtures.types = await typesWorkbook();
  // A cell rewritten as an inline string, as some tools write them, and markup with an x: prefix.
  fixtures.inline = editParts(fixtures.types, (name, xml) => (name === 'xl/worksheets/sheet1.xml' ? xml.replace(/<c r="A10"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="A10"$1 t="inlineStr"><is><t xml:space="preserve">  inline &amp; kept</t></is></c>') : xml));
  fixtures.prefixed = editParts(fixtures.types, (name, xml) => (name === 'xl/worksheets/sheet1.xml' ? xml.replace(/<(\/?)(row|c|v|f)\b/g, '<$1x:$2').replace('<worksheet ', '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ') : xml));
  fixtures.ours = await filledWorkbook({ profile: 'annex-b-example', org: org(7), seed: 7 });
  const a = write(join(dir, 'ours.xlsx'), fixtures.ours);
  const b = write(join(dir, 'types.xlsx'), fixtures.types);
  const out = await recalculateWithLibreOffice([a, b], join(dir, 'lo'));
  fixtures.oursResaved = readFileSync(out.get(a)!);
  fixtures.typesResaved = readFileSync(out.get(b)!);
}, 300_000);

function excelSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** exceljs's value of a cell in the reader's terms. */
function fromExcelJs(cell: ExcelJS.Cell): { value: unknown; error?: string; hasResult: boolean } {
  let v = cell.value as unknown;
  let hasResult = true;
  if (v && typeof v === 'object' && 'formula' in (v as object)) {
    const f = v as ExcelJS.CellFormulaValue;
    hasResult = f.result !== undefined;
    v = f.result ?? null;
  }
  if (v instanceof Date) return { value: excelSerial(v), hasResult };
  if (v && typeof v === 'object' && 'richText' in (v as object)) return { value: (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''), hasResult };
  if (v && typeof v === 'object' && 'error' in (v as object)) return { value: null, error: (v as ExcelJS.CellErrorValue).error, hasResult };
  return { value: v ?? null, hasResult };
}

describe('readWorkbookBytes agrees with exceljs', () => {
  it.each(['types', 'inline', 'ours', 'oursResaved', 'typesResaved'])('on the %s fixture, cell for cell', async (name) => {
    const bytes = fixtures[name]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    const sheets = wb.worksheets.map((w) => w.name);
    const ours = readWorkbookBytes(bytes, { extraSheets: sheets }).value!;
    let compared = 0;
    for (const ws of wb.worksheets) {
      const cells = ours.cells.get(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
        // exceljs shows a merged cell's master value in every cell of the merge; the file has it once.
        if (cell.isMerged && cell.master !== cell) return;
        const theirs = fromExcelJs(cell);
        const mine: RawCell = cells.get(`${Number(cell.row) - 1},${Number(cell.col) - 1}`) ?? { value: null };
        if (!theirs.hasResult) {
          // exceljs loses a cached 0, "" or FALSE: ours must then hold exactly that.
          expect([0, '', false], `${name} ${ws.name}!${cell.address}`).toContain(mine.value);
          return;
        }
        const v = typeof theirs.value === 'number' && typeof mine.value === 'number' ? Math.abs(theirs.value - mine.value) < 1e-9 : theirs.value === mine.value;
        expect(v, `${name} ${ws.name}!${cell.address}: exceljs ${JSON.stringify(theirs.value)}, ours ${JSON.stringify(mine.value)}`).toBe(true);
        expect(mine.error, `${name} ${ws.name}!${cell.address}`).toBe(theirs.error);
        compared++;
      }));
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('reads namespace-prefixed markup (x:c, x:v) as the plain file, which exceljs cannot', () => {
    const plain = readWorkbookBytes(fixtures.types!, { extraSheets: ['类型 Types'] }).value!;
    const prefixed = readWorkbookBytes(fixtures.prefixed!, { extraSheets: ['类型 Types'] }).value!;
    expect(prefixed.cells.get('类型 Types')!.size).toBe(plain.cells.get('类型 Types')!.size);
    expect(prefixed.cells).toEqual(plain.cells);
  });

  it('reads the inline string and the defined name on a quoted sheet name', () => {
    const inline = readWorkbookBytes(fixtures.inline!, { extraSheets: ['类型 Types'] }).value!;
    expect(inline.cells.get('类型 Types')!.get('9,0')).toEqual({ value: '  inline & kept' });
    expect(inline.names.get('FIRST')).toEqual({ sheet: '类型 Types', row: 0, col: 0 });
    expect(inline.cells.get('类型 Types')!.get('0,0')!.value).toBe('共享字符串 & <escaped> "quotes"');
    expect(inline.cells.get('类型 Types')!.get('99,26')!.value).toBe('far away');
  });
});
