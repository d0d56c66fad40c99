/**
 * Returned workbooks as they arrive from members: filled honestly, edited by hand in the ways
 * people edit them, damaged, or not ours at all. Built with the real writer, then altered
 * at the zip level where a person's tool would have altered them.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  METADATA_KEYS,
  resolvePlan,
  type Lang,
  type OrgDetails,
  type RowAnswer,
  type ScoringPlan,
} from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { workbookBytes } from '../../pipeline/workbooks/make-workbook.ts';
import { prepareStamp, stampWorkbook } from '../../pipeline/workbooks/stamp-workbook.ts';
import { randomAnswers, rng } from './random-answers.ts';

export { editParts } from '../../pipeline/xlsx/edit-parts.ts';

export function org(i: number, over: Partial<OrgDetails> = {}): OrgDetails {
  return {
    org_id: `M${String(i).padStart(4, '0')}`,
    org_name: `第${i}志愿服务协会`,
    region: ['深圳', '武汉', '北京'][i % 3]!,
    org_type: ['社会团体', '基金会'][i % 2]!,
    period: '2025',
    evaluator: '秘书处',
    ...over,
  };
}

export async function filledWorkbook(opts: {
  template?: string;
  profile?: string;
  org: OrgDetails;
  seed: number;
  lang?: Lang;
  workbookId?: string;
  answers?: Map<string, RowAnswer>;
}): Promise<Buffer> {
  const template = shippedTemplates().get(opts.template ?? 'gbt-40143-2021')!;
  const plan = resolvePlan(template, opts.profile ? { profile: opts.profile } : {}).value!;
  const lang = opts.lang ?? 'zh-CN';
  const answers = opts.answers ?? randomAnswers(plan, lang, rng(opts.seed));
  return (
    await workbookBytes(plan, opts.org, lang, {
      answers,
      ...(opts.workbookId ? { workbookId: opts.workbookId } : {}),
    })
  ).bytes;
}

/**
 * A workbook issued with `issued`'s weights whose weight cells the member set to `raw` and whose
 * program recalculated (Excel does): the metadata is the issued one's, every cached value the
 * edited weights' (`edited` is the plan with the raw weights).
 */
export async function reweightedWorkbook(
  issued: ScoringPlan,
  edited: ScoringPlan,
  raw: Record<string, number>,
  who: OrgDetails,
  answers: ReadonlyMap<string, RowAnswer>,
  lang: Lang = 'zh-CN',
): Promise<Buffer> {
  return (await workbookBytes(edited, who, lang, { answers, rawWeights: raw, issued })).bytes;
}

export async function foreignWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = '别人的表格';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first bytes of an OLE compound file; with EncryptionInfo it is a password-protected OOXML package. */
export function compoundFile(encrypted: boolean): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096);
  if (encrypted) Buffer.from('EncryptionInfo', 'utf16le').copy(body, 1024);
  else Buffer.from('Workbook', 'utf16le').copy(body, 1024);
  return Buffer.concat([header, body]);
}

/** A zip whose one entry inflates to `mb` megabytes of zeros. */
export function zipBomb(mb: number): Buffer {
  return Buffer.from(
    zipSync({ 'xl/workbook.xml': new Uint8Array(mb * 1024 * 1024) }, { level: 9 }),
  );
}

/**
 * The `_scorebook` sheet edited by hand, as a person who unhides it would: each key's value
 * replaced by `xml` (markup of an inline string's text, so `&#27;` and the like can be written).
 */
export function editMetadata(
  bytes: Uint8Array,
  values: Partial<Record<(typeof METADATA_KEYS)[number], string>>,
): Buffer {
  const files = unzipSync(bytes);
  const part = sheetPart(files, '_scorebook');
  let xml = strFromU8(files[part]!);
  for (const [key, value] of Object.entries(values)) {
    const row = METADATA_KEYS.indexOf(key as (typeof METADATA_KEYS)[number]) + 1;
    const cell = new RegExp(`<c r="B${row}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
    if (!cell.test(xml)) throw new Error(`no cell B${row} for ${key}`);
    xml = xml.replace(
      cell,
      `<c r="B${row}" t="inlineStr"><is><t xml:space="preserve">${value}</t></is></c>`,
    );
  }
  files[part] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

/** The part of the sheet named `sheet` in an unzipped package. */
function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const book = strFromU8(files['xl/workbook.xml']!);
  const escaped = sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(book)![1]!;
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * Numbers typed into named cells at the zip level, as a tool that does not recalculate would
 * leave them (the formulas' cached values stay as they were).
 */
export function typeNumbers(bytes: Uint8Array, values: Record<string, number>): Buffer {
  const files = unzipSync(bytes);
  const book = strFromU8(files['xl/workbook.xml']!);
  for (const [name, value] of Object.entries(values)) {
    const ref = new RegExp(
      `<definedName name="${name}"[^>]*>(?:'|&apos;)?([^'!<&]+)(?:'|&apos;)?!\\$([A-Z]+)\\$(\\d+)</definedName>`,
    ).exec(book);
    if (!ref) throw new Error(`no defined name ${name}`);
    const part = sheetPart(files, ref[1]!);
    const cell = `${ref[2]}${ref[3]}`;
    const xml = strFromU8(files[part]!);
    const at = new RegExp(`<c r="${cell}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    if (!at.test(xml)) throw new Error(`no cell ${cell} for ${name}`);
    files[part] = strToU8(
      xml.replace(
        at,
        (_m, attrs: string) =>
          `<c r="${cell}"${attrs.replace(/ t="[^"]*"/, '')}><v>${value}</v></c>`,
      ),
    );
  }
  return Buffer.from(zipSync(files));
}

/**
 * `count` returns of one GB/T 40143 Annex B workbook filled alike (a blank return would be
 * rejected empty), stamped for members 0 … count − 1 as a roster's copies are, written into `dir`
 * as S0000.xlsx …: their paths, in order. Many real returns made in milliseconds each.
 */
export async function stampedReturns(dir: string, count: number, seed = 1): Promise<string[]> {
  const plan = resolvePlan(shippedTemplates().get('gbt-40143-2021')!, {
    profile: 'annex-b-example',
  }).value!;
  const stamp = await prepareStamp(plan, 'zh-CN', randomAnswers(plan, 'zh-CN', rng(seed)));
  return Array.from({ length: count }, (_, i) =>
    write(
      join(dir, `S${String(i).padStart(4, '0')}.xlsx`),
      stampWorkbook(stamp, {
        ...org(i),
        contact: '',
        workbook_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        generated_at: '2025-01-01T00:00:00Z',
      }),
    ),
  );
}

export function write(file: string, bytes: Uint8Array | string): string {
  writeFileSync(file, bytes);
  return file;
}
