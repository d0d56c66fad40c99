/**
 * One workbook per member, fast: the exceljs writer renders the plan once with placeholder
 * organization details, and each member's copy is that package with the placeholders in the
 * shared strings replaced (XML-escaped) and the zip rebuilt. Only strings differ between
 * members, so the copies are the exceljs output cell for cell (a test compares them). The
 * printed header (organization and period) is in the sheets' own XML, not the shared strings:
 * its placeholders are replaced there, escaped as header text too ("&" doubled). The subtitle
 * wraps to as many lines as the member's own details take, so its row gets the member's height.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  headerFooterText,
  identitySegment,
  linePointsFor,
  SCORING_SUBTITLE_ROW,
  rowHeight,
  SUBTITLE_GAP,
  type CellSpec,
  type IdentityField,
  type Lang,
  type SheetSpec,
  type OrgDetails,
  type RowAnswer,
  type ScoringPlan,
} from '../../core/index.ts';
import { workbookModel } from './make-workbook.ts';
import type { WorkbookModel } from '../../core/index.ts';
import { writeWorkbookBuffer } from '../xlsx/write-workbook.ts';

const FIELDS = [
  'org_id',
  'org_name',
  'region',
  'org_type',
  'period',
  'evaluator',
  'contact',
  'workbook_id',
  'generated_at',
  'credit_code',
  'evaluation_mode',
] as const;
export type StampField = (typeof FIELDS)[number];
/** Identity fields came later (issue 11): a member without them gets them blank. */
type OptionalField = 'credit_code' | 'evaluation_mode';
export type StampValues = Record<Exclude<StampField, OptionalField>, string> &
  Partial<Record<OptionalField, string>>;

/** A field's text for a placeholder: its value, blank for an optional one not given. */
const stampText = (values: StampValues, f: string): string | undefined =>
  (values as Record<string, string | undefined>)[f] ??
  (f === 'credit_code' || f === 'evaluation_mode' ? '' : undefined);

const token = (f: StampField) => `⟦${f}⟧`;

export interface Stamp {
  /** The package's parts, decompressed; sharedStrings.xml holds the placeholders. */
  entries: Record<string, Uint8Array>;
  sharedStrings: string;
  /** The worksheet parts that hold placeholders (in their printed header), as text. */
  sheetParts: Record<string, string>;
  /** the workbook's language: the subtitle's identity segments are in its words */
  lang: Lang;
  /** the scoring sheet's subtitle (row 2), with placeholders, to give each copy its height */
  subtitle?: {
    part: string;
    cell: CellSpec;
    sheet: Pick<SheetSpec, 'columns' | 'merges'>;
    styles: WorkbookModel['styles'];
  };
}

/** `answers` pre-fill every copy alike (the benchmark's returns); members get blank sheets. */
export async function prepareStamp(
  plan: ScoringPlan,
  lang: Lang,
  answers?: ReadonlyMap<string, RowAnswer>,
  opts: { editableWeights?: boolean } = {},
): Promise<Stamp> {
  const org = Object.fromEntries(FIELDS.map((f) => [f, token(f)])) as unknown as OrgDetails;
  const model = workbookModel(plan, org, lang, {
    workbookId: token('workbook_id'),
    generatedAt: token('generated_at'),
    ...(answers ? { answers } : {}),
    ...(opts.editableWeights ? { editableWeights: true } : {}),
  });
  const bytes = await writeWorkbookBuffer(model);
  const entries = unzipSync(bytes);
  const sharedStrings = strFromU8(entries['xl/sharedStrings.xml']!);
  for (const f of ['org_name', 'workbook_id'] as const) {
    if (!sharedStrings.includes(token(f)))
      throw new Error(`stamp: placeholder ${token(f)} not found in the shared strings`);
  }
  const sheetParts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(bytes);
    if (xml.includes('⟦')) sheetParts[name] = xml;
  }
  // The scoring sheet is the model's first, which the writer names sheet1.xml.
  const scoring = model.sheets[0]!;
  const cell = scoring.rows[SCORING_SUBTITLE_ROW]?.[0];
  const subtitle = cell && {
    part: 'xl/worksheets/sheet1.xml',
    cell,
    sheet: { columns: scoring.columns, merges: scoring.merges },
    styles: model.styles,
  };
  return { entries, sharedStrings, sheetParts, lang, ...(subtitle ? { subtitle } : {}) };
}

function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Characters XML 1.0 cannot carry at all; a roster cell with one is cleaned, not fatal. */
function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/**
 * `text` with the member's details in place of the placeholders, each escaped by `esc`: the
 * subtitle's credit code and evaluation mode (core/sheet/identity-segments.ts) as the layout
 * makes them for this member, the segment with its value or no segment at all without one;
 * then every other placeholder.
 */
function fillIn(text: string, values: StampValues, lang: Lang, esc: (s: string) => string) {
  let out = text;
  for (const f of ['credit_code', 'evaluation_mode'] as const satisfies IdentityField[]) {
    const placeholder = esc(SUBTITLE_GAP + identitySegment(f, token(f), lang));
    const v = xmlSafe(stampText(values, f) ?? '');
    out = out.split(placeholder).join(v ? esc(SUBTITLE_GAP + identitySegment(f, v, lang)) : '');
  }
  return out.replace(/⟦([a-z_]+)⟧/g, (m, f: string) => {
    const v = stampText(values, f);
    return v === undefined ? m : esc(xmlSafe(v));
  });
}

/** Row `r`'s start tag with the height given (none: the default height), as the writer puts it. */
function withRowHeight(xml: string, r: number, points: number | undefined): string {
  return xml.replace(new RegExp(`<row r="${r}"([^>]*)>`), (_, attrs: string) => {
    const rest = attrs.replace(/ ht="[^"]*"/, '').replace(/ customHeight="1"/, '');
    return `<row r="${r}"${points === undefined ? '' : ` ht="${points}" customHeight="1"`}${rest}>`;
  });
}

export function stampWorkbook(stamp: Stamp, values: StampValues): Uint8Array {
  const shared = fillIn(stamp.sharedStrings, values, stamp.lang, xmlEscape);
  const sheets: Record<string, string> = Object.fromEntries(
    Object.entries(stamp.sheetParts).map(([name, xml]) => [
      name,
      fillIn(xml, values, stamp.lang, (s) => xmlEscape(headerFooterText(s))),
    ]),
  );
  const sub = stamp.subtitle;
  if (sub) {
    const text = fillIn(String(sub.cell.value ?? ''), values, stamp.lang, (s) => s);
    const rows = [[], [{ ...sub.cell, value: text }]];
    const points = rowHeight(
      { ...sub.sheet, rows },
      SCORING_SUBTITLE_ROW,
      sub.styles,
      linePointsFor(stamp.lang),
    );
    const xml = sheets[sub.part] ?? strFromU8(stamp.entries[sub.part]!);
    sheets[sub.part] = withRowHeight(xml, SCORING_SUBTITLE_ROW + 1, points);
  }
  return zipSync(
    {
      ...stamp.entries,
      ...Object.fromEntries(Object.entries(sheets).map(([n, xml]) => [n, strToU8(xml)])),
      'xl/sharedStrings.xml': strToU8(shared),
    },
    { level: 6 },
  );
}
