/**
 * LibreOffice headless as an independent spreadsheet engine for tests: recalculates .xlsx
 * workbooks in as few soffice runs as possible, and reads back the values of defined names.
 *
 * Recalculation is forced in a fresh, private profile (OOXMLRecalcMode = ODFRecalcMode = 0,
 * "always recalculate"). It is not left to the file: LibreOffice 7.4 headless keeps the cached
 * values of an xlsx even when calcPr says fullCalcOnLoad="1" (checked: a formula A1*3 saved
 * with the cached result 999 comes back as 999 with a default profile, as 6 with this one).
 */
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, posix, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { WorkbookModel } from '../../core/index.ts';

export const SOFFICE = 'soffice';

/** A cached value no formula of ours gives: a value LibreOffice did not recompute shows. */
export const POISON = -424242;

/** Overwrites every formula's cached value with POISON, so only a recalculation can pass. */
export function poisonCachedValues(model: WorkbookModel): WorkbookModel {
  for (const sheet of model.sheets)
    for (const row of sheet.rows)
      for (const c of row ?? []) if (c?.formula !== undefined) c.cached = POISON;
  return model;
}
const DEFAULT_BATCH = 200;

/** 0 = always recalculate on load, for xlsx (OOXML) and ods (ODF) alike. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const MISSING = `LibreOffice (${SOFFICE}) is not on PATH; the spreadsheet-engine checks need it: apt-get install -y libreoffice-calc-nogui (.ci/run does this).`;

/** soffice is an executable somewhere on PATH (nothing is started). */
export function libreOfficeAvailable(): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, SOFFICE), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

export interface RecalculateOptions {
  /** Files per soffice run (default 200). */
  batchSize?: number;
  /** Per run; default 60 s plus 3 s a file. */
  timeoutMs?: number;
  /** Called after each soffice run, e.g. to count runs or time them. */
  onRun?: (run: { files: readonly string[]; ms: number }) => void;
}

interface RunOutput {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function runSoffice(args: string[], timeoutMs: number): Promise<RunOutput> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group: the soffice script starts oosplash and soffice.bin, and a timeout
    // must end all of them, not just the script.
    const child = spawn(SOFFICE, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${SOFFICE}: ${e.message}. ${MISSING}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Converts every file to xlsx in outDir with LibreOffice, which recalculates all formulas on
 * load; returns input path → output path. Up to `batchSize` files share one soffice run, each
 * run with a fresh private profile, so parallel callers and stale profiles cannot block it.
 * Throws, with soffice's stdout and stderr, on a timeout or a missing output file.
 */
export async function recalculateWithLibreOffice(
  files: readonly string[],
  outDir: string,
  opts: RecalculateOptions = {},
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (files.length === 0) return result;
  if (!libreOfficeAvailable()) throw new Error(MISSING);
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });

  // soffice names each output after its input's stem: two stems alike would overwrite each other.
  const targets = new Map<string, string>();
  const byTarget = new Map<string, string>();
  for (const f of files) {
    const input = resolve(f);
    if (!existsSync(input)) throw new Error(`recalculateWithLibreOffice: no such file ${f}`);
    const target = join(out, basename(input, extname(input)) + '.xlsx');
    if (target === input)
      throw new Error(
        `recalculateWithLibreOffice: ${f} is in the output folder ${outDir}; it would be overwritten`,
      );
    const other = byTarget.get(target);
    if (other !== undefined && other !== input)
      throw new Error(
        `recalculateWithLibreOffice: ${other} and ${f} would both be written to ${target}`,
      );
    byTarget.set(target, input);
    targets.set(f, target);
  }
  // A copy left by an earlier run must not pass for this run's.
  for (const t of byTarget.keys()) rmSync(t, { force: true });

  const unique = [...byTarget.values()];
  const size = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  for (let i = 0; i < unique.length; i += size) {
    const batch = unique.slice(i, i + size);
    const timeoutMs = opts.timeoutMs ?? 60_000 + 3_000 * batch.length;
    const profile = mkdtempSync(join(tmpdir(), 'scorebook-lo-profile-'));
    const started = Date.now();
    let run: RunOutput;
    try {
      mkdirSync(join(profile, 'user'), { recursive: true });
      writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), REGISTRY);
      run = await runSoffice(
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--invisible',
          '--nologo',
          '--nodefault',
          '--nolockcheck',
          '--norestore',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          out,
          ...batch,
        ],
        timeoutMs,
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const where = `soffice run ${Math.floor(i / size) + 1} of ${Math.ceil(unique.length / size)} (${batch.length} files, first ${batch[0]})`;
    const output = `--- stdout ---\n${run.stdout.trim()}\n--- stderr ---\n${run.stderr.trim()}`;
    if (run.timedOut)
      throw new Error(
        `LibreOffice timed out after ${timeoutMs / 1000} s and was killed: ${where}\n${output}`,
      );
    opts.onRun?.({ files: batch, ms: Date.now() - started });
    const missing = batch.filter((f) => !existsSync(join(out, basename(f, extname(f)) + '.xlsx')));
    if (missing.length > 0) {
      throw new Error(
        `LibreOffice wrote no output for ${missing.length} of ${batch.length} files (exit ${run.code ?? run.signal}), e.g. ${missing.slice(0, 5).join(', ')}: ${where}\n${output}`,
      );
    }
  }
  for (const [f, t] of targets) result.set(f, t);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reading defined names back.
//
// exceljs 4 exposes names on read as `workbook.definedNames.model`:
// [{ name, ranges: ["'评分表'!$F$6"] }], but it is lossy: the scope (localSheetId) is dropped,
// so a sheet-scoped name and a workbook-scoped name of the same name overwrite each other (the
// later one in the file wins); ranges that are not fully absolute ($F$6) are dropped silently;
// the ranges are rebuilt from a cell matrix, with every sheet name that is not [A-Za-z0-9]*
// quoted ('评分表'!, even though LibreOffice writes 评分表!$F$6 unquoted). So the names and
// their scope are read here from xl/workbook.xml itself, and only the cells through exceljs.
// ---------------------------------------------------------------------------------------------

export type NamedValue = string | number | boolean | null;

export interface NamedCell {
  name: string;
  sheet: string;
  /** 1-based, as exceljs counts. */
  row: number;
  col: number;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * "'评分表'!$F$6", "评分表!F6", "'it''s'!$A$1" → { sheet, row, col } (1-based); undefined for
 * ranges, several areas, formulas, constants and #REF!.
 */
export function parseSingleCellRef(
  ref: string,
): { sheet: string; row: number; col: number } | undefined {
  const m = /^\s*(?:'((?:[^']|'')+)'|([^'!:\s]+))!\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})\s*$/.exec(
    ref,
  );
  if (!m) return undefined;
  const col = columnNumber(m[3]!);
  const row = Number(m[4]);
  if (col > 16384 || row > 1048576) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, row, col };
}

interface Package {
  parts: Record<string, Uint8Array>;
  workbookXml: string;
}

function openPackage(xlsx: Uint8Array): Package {
  const parts = unzipSync(xlsx, {
    filter: (f) =>
      f.name === 'xl/workbook.xml' ||
      f.name === 'xl/_rels/workbook.xml.rels' ||
      f.name.startsWith('xl/worksheets/'),
  });
  const wbXml = parts['xl/workbook.xml'];
  if (!wbXml) throw new Error('not an xlsx workbook: no xl/workbook.xml');
  return { parts, workbookXml: Buffer.from(wbXml).toString('utf8') };
}

function attrValue(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

function namesIn(workbookXml: string): NamedCell[] {
  const names: NamedCell[] = [];
  const re = /<(?:[\w.-]+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g;
  for (const m of workbookXml.matchAll(re)) {
    const attrs = m[1] ?? '';
    if (attrValue(attrs, 'localSheetId') !== undefined) continue;
    const name = attrValue(attrs, 'name');
    if (!name || name.toLowerCase().startsWith('_xlnm.')) continue;
    const at = parseSingleCellRef(decodeXml(m[2] ?? '').replace(/^=/, ''));
    if (at) names.push({ name, ...at });
  }
  return names;
}

/** Workbook-scoped defined names (no localSheetId, not _xlnm.*) that point at one cell. */
export function workbookScopedCellNames(xlsx: Uint8Array): NamedCell[] {
  return namesIn(openPackage(xlsx).workbookXml);
}

/** The XML of the worksheet called `sheet`, through workbook.xml and its relationships. */
function sheetXml(pkg: Package, sheet: string): string | undefined {
  let rid: string | undefined;
  for (const m of pkg.workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    if (attrValue(m[1]!, 'name')?.toLowerCase() === sheet.toLowerCase())
      rid = attrValue(m[1]!, 'r:id');
  }
  const rels = pkg.parts['xl/_rels/workbook.xml.rels'];
  if (!rid || !rels) return undefined;
  for (const m of Buffer.from(rels)
    .toString('utf8')
    .matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    if (attrValue(m[1]!, 'Id') !== rid) continue;
    const target = attrValue(m[1]!, 'Target') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
    const bytes = pkg.parts[path];
    return bytes ? Buffer.from(bytes).toString('utf8') : undefined;
  }
  return undefined;
}

/**
 * A formula's cached string result read from the sheet XML: exceljs drops an empty one
 * (<c t="str"><f>…</f><v></v></c>, as LibreOffice writes ""), leaving no `result` at all, the
 * same as a formula that has no cached value. '' for the former, null for the latter.
 */
function emptyStringResult(xml: string | undefined, address: string): '' | null {
  if (!xml) return null;
  const open = new RegExp(
    `<(?:[\\w.-]+:)?c\\b([^>]*?\\br\\s*=\\s*["']${address}["'][^>]*?)(/?)>`,
  ).exec(xml);
  if (!open || open[2] === '/' || attrValue(open[1]!, 't') !== 'str') return null;
  const rest = xml.slice(open.index + open[0].length);
  const body = rest.slice(0, Math.max(0, rest.search(/<\/(?:[\w.-]+:)?c>/)));
  const v = /<(?:[\w.-]+:)?v\s*\/>|<(?:[\w.-]+:)?v\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(body);
  return v && decodeXml(v[1] ?? '') === '' ? '' : null;
}

function excelSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

/** A cell value (or a formula's cached result) as a plain value. */
function plain(v: unknown): NamedValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('text' in o) return plain(o.text);
  }
  return String(v);
}

/**
 * name → value for every workbook-scoped defined name that points at a single cell: a formula
 * cell's cached result ('' for an empty-string result, '#DIV/0!' for an error), a constant's
 * value, rich text flattened, dates as Excel serial numbers, null for an empty cell. Names on
 * hidden and veryHidden sheets are included; names on sheets that do not exist are not.
 */
export async function readNamedValues(file: string): Promise<Map<string, NamedValue>> {
  const bytes = readFileSync(file);
  const pkg = openPackage(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, ExcelJS.Worksheet>();
  // Sheet references in formulas are case-insensitive, as in Excel.
  for (const ws of wb.worksheets) sheets.set(ws.name.toLowerCase(), ws);
  const xmlBySheet = new Map<string, string | undefined>();
  const values = new Map<string, NamedValue>();
  for (const n of namesIn(pkg.workbookXml)) {
    const ws = sheets.get(n.sheet.toLowerCase());
    if (!ws) continue;
    const cell = ws.getCell(n.row, n.col);
    if (cell.type !== ExcelJS.ValueType.Formula) {
      values.set(n.name, plain(cell.value));
      continue;
    }
    let value = plain(cell.result);
    if (value === null) {
      const key = ws.name.toLowerCase();
      if (!xmlBySheet.has(key)) xmlBySheet.set(key, sheetXml(pkg, ws.name));
      value = emptyStringResult(xmlBySheet.get(key), cell.address);
    }
    values.set(n.name, value);
  }
  return values;
}
