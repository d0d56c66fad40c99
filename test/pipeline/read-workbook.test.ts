/**
 * The direct OOXML reader against exceljs on every fixture kind: shared and inline strings,
 * rich text, booleans, errors, dates, formulas with cached results, LibreOffice-resaved files
 * and namespace-prefixed markup. Where exceljs drops a formula's cached 0 or "" (it does), the
 * reader keeps it; everywhere else the two agree cell for cell.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookBytes, type RawCell } from '../../pipeline/xlsx/read-workbook.ts';
import { rootCloses } from '../../pipeline/xlsx/scan-xml.ts';
import { DamagedPart, openZip, TooBig } from '../../pipeline/xlsx/zip-parts.ts';
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
  fixtures.inline = editParts(fixtures.types, (name, xml) =>
    name === 'xl/worksheets/sheet1.xml'
      ? xml.replace(
          /<c r="A10"([^>]*?) t="s"><v>\d+<\/v><\/c>/,
          '<c r="A10"$1 t="inlineStr"><is><t xml:space="preserve">  inline &amp; kept</t></is></c>',
        )
      : xml,
  );
  fixtures.prefixed = editParts(fixtures.types, (name, xml) =>
    name === 'xl/worksheets/sheet1.xml'
      ? xml
          .replace(/<(\/?)(row|c|v|f)\b/g, '<$1x:$2')
          .replace(
            '<worksheet ',
            '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
          )
      : xml,
  );
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
  if (v && typeof v === 'object' && 'richText' in (v as object))
    return {
      value: (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''),
      hasResult,
    };
  if (v && typeof v === 'object' && 'error' in (v as object))
    return { value: null, error: (v as ExcelJS.CellErrorValue).error, hasResult };
  return { value: v ?? null, hasResult };
}

describe('readWorkbookBytes agrees with exceljs', () => {
  it.each(['types', 'inline', 'ours', 'oursResaved', 'typesResaved'])(
    'on the %s fixture, cell for cell',
    async (name) => {
      const bytes = fixtures[name]!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(bytes).buffer);
      const sheets = wb.worksheets.map((w) => w.name);
      const ours = readWorkbookBytes(bytes, { extraSheets: sheets }).value!;
      let compared = 0;
      for (const ws of wb.worksheets) {
        const cells = ours.cells.get(ws.name)!;
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            // exceljs shows a merged cell's master value in every cell of the merge; the file has it once.
            if (cell.isMerged && cell.master !== cell) return;
            const theirs = fromExcelJs(cell);
            const mine: RawCell = cells.get(`${Number(cell.row) - 1},${Number(cell.col) - 1}`) ?? {
              value: null,
            };
            if (!theirs.hasResult) {
              // exceljs loses a cached 0, "" or FALSE: ours must then hold exactly that.
              expect([0, '', false], `${name} ${ws.name}!${cell.address}`).toContain(mine.value);
              return;
            }
            const v =
              typeof theirs.value === 'number' && typeof mine.value === 'number'
                ? Math.abs(theirs.value - mine.value) < 1e-9
                : theirs.value === mine.value;
            expect(
              v,
              `${name} ${ws.name}!${cell.address}: exceljs ${JSON.stringify(theirs.value)}, ours ${JSON.stringify(mine.value)}`,
            ).toBe(true);
            expect(mine.error, `${name} ${ws.name}!${cell.address}`).toBe(theirs.error);
            compared++;
          }),
        );
      }
      expect(compared).toBeGreaterThan(10);
    },
  );

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
    expect(inline.cells.get('类型 Types')!.get('0,0')!.value).toBe(
      '共享字符串 & <escaped> "quotes"',
    );
    expect(inline.cells.get('类型 Types')!.get('99,26')!.value).toBe('far away');
  });
});

describe('the zip layer and the tag scanner', () => {
  const all = () => true;

  it('inflates exactly the parts fflate does, deflated or stored, and only what it is asked for', () => {
    for (const level of [0, 6, 9] as const) {
      const bytes = zipSync(unzipSync(fixtures.ours!), { level });
      const theirs = unzipSync(bytes);
      const zip = openZip(bytes, all, 50 * 1048576);
      for (const [name, data] of Object.entries(theirs))
        expect(
          Buffer.from(zip.get(name)!).equals(Buffer.from(data)),
          `${name} at level ${level}`,
        ).toBe(true);
      expect(zip.get('xl/no-such-part.xml')).toBeUndefined();
      const only = openZip(bytes, (n) => n === 'xl/workbook.xml', 50 * 1048576);
      expect(only.get('xl/styles.xml')).toBeUndefined();
      expect(only.get('xl/workbook.xml')).toBeDefined();
    }
  });

  it('holds parts to the size limit, by declared size and by what they really inflate to', () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(3 * 1048576) }, { level: 9 });
    expect(() => openZip(bomb, all, 2 * 1048576)).toThrow(TooBig);
    expect(readWorkbookBytes(bomb, { maxBytes: 2 * 1048576 }).errors[0]!.code).toBe(
      'workbook.too-big',
    );
    // The same entry claiming to be small in the central directory: caught while inflating.
    const lying = Buffer.from(bomb);
    const cd = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, cd + 24);
    expect(() => openZip(lying, all, 2 * 1048576).get('xl/workbook.xml')).toThrow(TooBig);
    expect(readWorkbookBytes(lying, { maxBytes: 2 * 1048576 }).errors[0]!.code).toBe(
      'workbook.too-big',
    );
  });

  it('reports a truncated or damaged package as corrupt, never throws', () => {
    const bytes = fixtures.ours!;
    expect(readWorkbookBytes(bytes.subarray(0, bytes.length - 100)).errors[0]!.code).toBe(
      'workbook.corrupt',
    );
    const damaged = Buffer.from(bytes);
    // Overwrite the middle of the compressed data of every entry: inflating fails or the text is garbage.
    for (let i = 200; i < damaged.length - 2000; i += 97) damaged[i] = 0xff;
    // Every entry fails its size or checksum now: the package is never read as if it were whole.
    const r = readWorkbookBytes(damaged);
    expect(r.value).toBeUndefined();
    expect(r.errors[0]!.code).toMatch(/^workbook\.(corrupt|damaged-part|not-xlsx)$/);
  });

  const damage = (bytes: Uint8Array) => {
    const r = readWorkbookBytes(bytes, { extraSheets: ['_scorebook'] });
    expect(r.value, 'read as if whole').toBeUndefined();
    return { code: r.errors[0]!.code, ...r.errors[0]!.params };
  };
  const cut = (part: string) =>
    editParts(fixtures.ours!, (name, xml) =>
      name === part ? xml.slice(0, Math.floor(xml.length / 2)) : xml,
    );
  const without = (part: string) =>
    Buffer.from(
      zipSync(
        Object.fromEntries(
          Object.entries(unzipSync(fixtures.ours!)).filter(([name]) => name !== part),
        ),
      ),
    );

  it('refuses a part cut off in the middle (re-zipped, so its CRC is right): the sheet, the shared strings, workbook.xml, the relationships', () => {
    for (const part of [
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet4.xml',
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
    ]) {
      expect(damage(cut(part)), part).toMatchObject({
        code: 'workbook.damaged-part',
        part,
        problem: 'truncated',
      });
    }
  });

  it('refuses a workbook whose listed sheet has no part, or whose cells refer to shared strings it lacks', () => {
    expect(damage(without('xl/worksheets/sheet1.xml'))).toMatchObject({
      code: 'workbook.damaged-part',
      part: 'xl/worksheets/sheet1.xml',
      problem: 'missing',
    });
    expect(damage(without('xl/_rels/workbook.xml.rels'))).toMatchObject({
      code: 'workbook.damaged-part',
      problem: 'sheet-missing',
    });
    expect(damage(without('xl/sharedStrings.xml'))).toMatchObject({
      code: 'workbook.damaged-part',
      part: 'xl/sharedStrings.xml',
      problem: 'missing',
    });
    // The table closed after its first item: the cells' later indices point at nothing.
    const short = editParts(fixtures.ours!, (name, xml) =>
      name === 'xl/sharedStrings.xml'
        ? xml.replace(/(<si>[\s\S]*?<\/si>)[\s\S]*<\/sst>/, '$1</sst>')
        : xml,
    );
    expect(damage(short)).toMatchObject({
      code: 'workbook.damaged-part',
      part: 'xl/sharedStrings.xml',
      problem: 'shared-string',
    });
  });

  it('checks each inflated part against the zip directory: CRC-32, size, a cut deflate stream', () => {
    const stored = Buffer.from(zipSync(unzipSync(fixtures.ours!), { level: 0 }));
    // One byte of the sheet's text changed in place: same size, wrong CRC.
    const at = stored.indexOf(Buffer.from('<sheetData>')) + 3;
    const flipped = Buffer.from(stored);
    flipped[at] = flipped[at]! ^ 0x20;
    expect(damage(flipped)).toMatchObject({ code: 'workbook.damaged-part', problem: 'checksum' });
    // The directory says the part is larger than the bytes it has.
    const entry = (zip: Buffer, name: string) => {
      for (
        let p = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        p >= 0;
        p = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)
      ) {
        if (zip.toString('latin1', p + 46, p + 46 + zip.readUInt16LE(p + 28)) === name) return p;
      }
      throw new Error(name);
    };
    const bigger = Buffer.from(stored);
    const e = entry(bigger, 'xl/worksheets/sheet1.xml');
    bigger.writeUInt32LE(bigger.readUInt32LE(e + 24) + 10, e + 24);
    expect(damage(bigger)).toMatchObject({
      code: 'workbook.damaged-part',
      part: 'xl/worksheets/sheet1.xml',
      problem: 'size',
    });
    // A deflated entry whose compressed bytes stop half-way.
    const deflated = Buffer.from(zipSync(unzipSync(fixtures.ours!), { level: 6 }));
    const d = entry(deflated, 'xl/worksheets/sheet1.xml');
    deflated.writeUInt32LE(Math.floor(deflated.readUInt32LE(d + 20) / 2), d + 20);
    expect(damage(deflated)).toMatchObject({
      code: 'workbook.damaged-part',
      part: 'xl/worksheets/sheet1.xml',
      problem: 'inflate',
    });
    expect(() =>
      openZip(deflated, () => true, 50 * 1048576).get('xl/worksheets/sheet1.xml'),
    ).toThrow(DamagedPart);
  });

  it('tells an OpenDocument spreadsheet (.ods) from a zip that is no workbook', () => {
    const ods = zipSync({
      mimetype: [
        new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet'),
        { level: 0 },
      ],
      'content.xml': new TextEncoder().encode('<office:document-content/>'),
    });
    expect(readWorkbookBytes(ods).errors.map((e) => e.code)).toEqual(['workbook.ods']);
    expect(
      readWorkbookBytes(zipSync({ 'a.txt': new Uint8Array(3) })).errors.map((e) => e.code),
    ).toEqual(['workbook.not-xlsx']);
  });

  it('rootCloses: the root element ends the part (after a prolog and comments, with any prefix, or empty)', () => {
    expect(
      rootCloses(
        '<?xml version="1.0"?>\n<!-- a > b --><x:sst xmlns:x="u"><x:si/></x:sst>\r\n<!-- end -->\n',
      ),
    ).toBe(true);
    expect(rootCloses('<Relationships xmlns="u"/>')).toBe(true);
    expect(rootCloses('<?xml version="1.0"?><worksheet a=">"></worksheet >')).toBe(true);
    expect(rootCloses('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>')).toBe(false);
    expect(rootCloses('<worksheet><sheetData/></sheetData>')).toBe(false);
    expect(rootCloses('<worksheet><sheetData/></x:worksheet>')).toBe(false);
    expect(rootCloses('<worksheet><sheetData/></worksheetx>')).toBe(false);
    expect(rootCloses('<worksheet/><extra/>')).toBe(false);
    expect(rootCloses('')).toBe(false);
  });

  it('reads markup written differently (single quotes, attribute order, spaces, no r, comments) as the plain file', () => {
    const plain = readWorkbookBytes(fixtures.types!, { extraSheets: ['类型 Types'] }).value!;
    const rewrite = (f: (xml: string) => string) =>
      readWorkbookBytes(
        editParts(fixtures.types!, (name, xml) =>
          name === 'xl/worksheets/sheet1.xml' ? f(xml) : xml,
        ),
        { extraSheets: ['类型 Types'] },
      ).value!;
    const quoted = rewrite((xml) =>
      xml.replace(
        /<(c|row) ([^>]*)>/g,
        (_, tag: string, attrs: string) =>
          `<${tag} ${attrs.replace(/(\w+)="([^"]*)"/g, "$1='$2'")}>`,
      ),
    );
    expect(quoted.cells).toEqual(plain.cells);
    const reordered = rewrite((xml) =>
      xml.replace(/<c r="([A-Z]+\d+)"([^>]*?)(\/?)>/g, '<c$2 r = "$1" $3>'),
    );
    expect(reordered.cells).toEqual(plain.cells);
    // Cells without r follow the previous cell of their row; rows without r follow the previous row.
    const sparse = rewrite((xml) => xml.replace('<c r="B1"', '<c').replace('<row r="2"', '<row'));
    expect(sparse.cells).toEqual(plain.cells);
    const commented = rewrite((xml) =>
      xml.replace(
        '<sheetData>',
        '<sheetData><!-- <row r="1"><c r="A1" t="s"><v>3</v></c></row> -->',
      ),
    );
    expect(commented.cells).toEqual(plain.cells);
    const gt = rewrite((xml) => xml.replace(/<c r="A1"/, '<c foo="a>b" r="A1"'));
    expect(gt.cells).toEqual(plain.cells);
    // Shared strings with a prefix (read by the general pattern) and without (read by indexOf) agree.
    const prefixedStrings = readWorkbookBytes(
      editParts(fixtures.types!, (name, xml) =>
        name === 'xl/sharedStrings.xml'
          ? xml
              .replace(/<(\/?)(si|t|r|rPr|sst)\b/g, '<$1x:$2')
              .replace(
                '<x:sst ',
                '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
              )
          : xml,
      ),
      { extraSheets: ['类型 Types'] },
    ).value!;
    expect(prefixedStrings.cells).toEqual(plain.cells);
  });

  it('reads the common shapes directly as the general patterns read them, and no cell after sheetData', () => {
    const plain = readWorkbookBytes(fixtures.types!, { extraSheets: ['类型 Types'] }).value!;
    const edited = (part: string, f: (xml: string) => string) =>
      readWorkbookBytes(
        editParts(fixtures.types!, (name, xml) => {
          if (name !== part) return xml;
          const out = f(xml);
          expect(out, `${part} edited`).not.toBe(xml);
          return out;
        }),
        { extraSheets: ['类型 Types'] },
      ).value!;
    const sheet = 'xl/worksheets/sheet1.xml';
    // <v > and a rich-text run are not the shapes read directly: the patterns read them.
    expect(edited(sheet, (xml) => xml.replace(/<v>/g, '<v >')).cells).toEqual(plain.cells);
    const runs = edited('xl/sharedStrings.xml', (xml) =>
      xml.replace(/<si>(<t\b[^>]*>[^<]*<\/t>)<\/si>/g, '<si><r>$1</r></si>'),
    );
    expect(runs.cells).toEqual(plain.cells);
    // What follows the cells' container (here a cell-shaped element in an extension) is no cell.
    const after = edited(sheet, (xml) =>
      xml.replace(
        '</sheetData>',
        '</sheetData><extLst><ext><c r="A1" t="inlineStr"><is><t>not a cell</t></is></c></ext></extLst>',
      ),
    );
    expect(after.cells).toEqual(plain.cells);
  });

  it('reads the same cells from a workbook whose workbook.xml it has seen before (the parsed parts are reused)', () => {
    const once = readWorkbookBytes(fixtures.ours!, { extraSheets: ['_scorebook'] }).value!;
    const again = readWorkbookBytes(fixtures.ours!, { extraSheets: ['_scorebook'] }).value!;
    expect(again.cells).toEqual(once.cells);
    expect([...again.names]).toEqual([...once.names]);
    // A different workbook.xml (a renamed sheet) is not taken for the cached one.
    const renamed = readWorkbookBytes(
      editParts(fixtures.ours!, (name, xml) =>
        name === 'xl/workbook.xml' ? xml.replaceAll('评分表', '我的评分表') : xml,
      ),
      { extraSheets: ['_scorebook'] },
    ).value!;
    expect(renamed.sheets.map((x) => x.name)).toContain('我的评分表');
    expect(renamed.names.get('IN_1_1_1')!.sheet).toBe('我的评分表');
    expect(renamed.cells.get('我的评分表')).toEqual(once.cells.get('评分表'));
  });
});
