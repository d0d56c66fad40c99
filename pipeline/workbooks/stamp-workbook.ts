/**
 * One workbook per member, fast: the exceljs writer renders the plan once with placeholder
 * organization details, and each member's copy is that package with the placeholders in the
 * shared strings replaced (XML-escaped) and the zip rebuilt. Only strings differ between
 * members, so the copies are the exceljs output cell for cell (a test compares them). The
 * printed header (organization and period) is in the sheets' own XML, not the shared strings:
 * its placeholders are replaced there, escaped as header text too ("&" doubled).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  headerFooterText,
  type Lang,
  type OrgDetails,
  type RowAnswer,
  type ScoringPlan,
} from '../../core/index.ts';
import { workbookModel } from './make-workbook.ts';
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
  return { entries, sharedStrings, sheetParts };
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

export function stampWorkbook(stamp: Stamp, values: StampValues): Uint8Array {
  const shared = stamp.sharedStrings.replace(/⟦([a-z_]+)⟧/g, (m, f: string) => {
    const v = stampText(values, f);
    return v === undefined ? m : xmlEscape(xmlSafe(v));
  });
  const sheets = Object.fromEntries(
    Object.entries(stamp.sheetParts).map(([name, xml]) => [
      name,
      strToU8(
        xml.replace(/⟦([a-z_]+)⟧/g, (m, f: string) => {
          const v = stampText(values, f);
          return v === undefined ? m : xmlEscape(headerFooterText(xmlSafe(v)));
        }),
      ),
    ]),
  );
  return zipSync(
    { ...stamp.entries, ...sheets, 'xl/sharedStrings.xml': strToU8(shared) },
    { level: 6 },
  );
}
