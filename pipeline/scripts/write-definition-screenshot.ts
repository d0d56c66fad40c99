/**
 * `npm run docs:definition-screenshot`: the picture of a definition workbook in
 * docs/template-format.md, made from the real export of GB/T 40143 (its Indicators sheet, the
 * first columns and rows, with the Annex B profile's column) and printed by LibreOffice, as the
 * project makes its other pictures (pipeline/scripts/write-screenshots.ts). Needs LibreOffice and
 * poppler-utils (pdftoppm).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fitRowHeights, layDefinition, type LaidSheet } from '../../core/index.ts';
import { definitionToExcelJs } from '../definition/write-definition-xlsx.ts';
import { compileShippedTemplates } from '../templates/registry.ts';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const IMAGE = join(ROOT, 'docs', 'images', 'definition-zh');

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}

const t = compileShippedTemplates().templates['gbt-40143-2021.yaml']!;
const sheet = layDefinition(t, 'zh-CN').sheets.find((s) => s.key === 'indicators')!;
// What fits a page: level … rule, the bands, and the profile's column; the first rows.
const keep = [
  '层级',
  '编号',
  '名称',
  '名称（英文）',
  '单位',
  '权重',
  '规则',
  '来源条款',
  '方案：annex-b-example',
];
const cols = keep.map((h) => sheet.columns.findIndex((c) => c.header === h));
const picked: LaidSheet = {
  ...sheet,
  columns: cols.map((c) => ({
    ...sheet.columns[c]!,
    width: Math.min(sheet.columns[c]!.width, 30),
  })),
  rows: [...sheet.rows.slice(0, 8), ...sheet.rows.filter((r) => /^5\.3/.test(String(r[1])))].map(
    (r) => cols.map((c) => r[c] ?? null),
  ),
  spareRows: 0,
};
const wb = definitionToExcelJs({ lang: 'zh-CN', sheets: [fitRowHeights(picked, 'zh-CN')] });
wb.worksheets[0]!.pageSetup = {
  ...wb.worksheets[0]!.pageSetup,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  paperSize: 9,
};
const work = mkdtempSync(join(tmpdir(), 'scorebook-definition-shot-'));
try {
  const xlsx = join(work, 'definition.xlsx');
  writeFileSync(xlsx, Buffer.from(await wb.xlsx.writeBuffer()));
  run('soffice', [
    '--headless',
    `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    xlsx,
  ]);
  // The printed table, without the page's margins and empty lower part.
  const crop = ['-x', '70', '-y', '80', '-W', '1150', '-H', '590'];
  const pdf = join(work, 'definition.pdf');
  run('pdftoppm', ['-png', '-singlefile', '-r', '110', '-f', '1', '-l', '1', ...crop, pdf, IMAGE]);
  process.stdout.write(
    `the Indicators sheet printed by LibreOffice → docs/images/definition-zh.png\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
