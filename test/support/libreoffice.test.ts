/** The harness really recalculates: a formula saved with a wrong cached result comes back right. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { libreOfficeAvailable, recalculateWithLibreOffice } from './libreoffice.ts';
import { scratchDir } from './run-cli.ts';

describe('recalculateWithLibreOffice', () => {
  it('is installed', () => expect(libreOfficeAvailable()).toBe(true));

  it('recomputes formulas whose cached results are wrong, in one batch of several files', async () => {
    const dir = scratchDir('scorebook-lo-');
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('评分表');
      ws.getCell('A1').value = i;
      ws.getCell('B1').value = { formula: 'A1*3', result: 999 };
      ws.getCell('C1').value = { formula: 'IF(A1>1,"多","")', result: 'stale' };
      wb.definedNames.add("'评分表'!$B$1", 'TRIPLE');
      const file = join(dir, `w${i}.xlsx`);
      await wb.xlsx.writeFile(file);
      files.push(file);
    }
    const out = await recalculateWithLibreOffice(files, join(dir, 'out'));
    files.forEach((f, k) => {
      const wb = readWorkbookBytes(readFileSync(out.get(f)!), { extraSheets: ['评分表'] }).value!;
      expect(wb.cells.get('评分表')!.get('0,1')!.value).toBe(3 * (k + 1));
      expect(wb.cells.get('评分表')!.get('0,2')!.value).toBe(k === 0 ? '' : '多');
      expect(wb.names.get('TRIPLE')).toEqual({ sheet: '评分表', row: 0, col: 1 });
    });
  });
});
