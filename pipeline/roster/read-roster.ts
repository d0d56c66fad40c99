/**
 * The hub association's roster CSV → one member per row, with problems as issues.
 *
 * Rows are numbered the way a person sees them in Excel: the header is row 1 and every CSV
 * record (a blank one included, a quoted cell spanning lines counted once) is one row.
 * A bad row is reported and skipped; the others still go through.
 */
import Papa from 'papaparse';
import { issue, type Issue } from '../../core/issues.ts';
import { textKey } from '../../core/text-keys.ts';
import {
  creditCodeProblem,
  EVALUATION_MODE_CHOICES,
  normalizeCreditCode,
  parseEvaluationMode,
  type EvaluationMode,
} from '../../core/workbook/identity.ts';
import { decodeTable } from '../inputs/decode-text.ts';
import { readRegularFile, USER_FILE_LIMITS } from '../files/regular-file.ts';

export interface RosterMember {
  /** CSV row (1-based, header = row 1). */
  row: number;
  org_id: string;
  org_name: string;
  region: string;
  org_type: string;
  contact?: string;
  period?: string;
  evaluator?: string;
  /** 统一社会信用代码, checked (GB 32100-2015) and normalized. */
  credit_code?: string;
  evaluation_mode?: EvaluationMode;
}

export interface ReadRoster {
  members: RosterMember[];
  errors: Issue[];
  /** What does not stop a member but may surprise: a blank region or type forms its own peer group. */
  warnings: Issue[];
}

type Column =
  | 'org_id'
  | 'org_name'
  | 'region'
  | 'org_type'
  | 'contact'
  | 'period'
  | 'evaluator'
  | 'credit_code'
  | 'mode';

export const ROSTER_REQUIRED_COLUMNS = [
  'org_id',
  'org_name',
  'region',
  'org_type',
] as const satisfies readonly Column[];
export const ROSTER_OPTIONAL_COLUMNS = [
  'contact',
  'period',
  'evaluator',
  'credit_code',
  'mode',
] as const satisfies readonly Column[];

/** Accepted header names per column, compared after headerKey(). */
const HEADERS: Record<Column, readonly string[]> = {
  org_id: ['org_id', '机构编号', '组织编号'],
  org_name: ['org_name', '机构名称', '组织名称'],
  region: ['region', '地区', '区域'],
  org_type: ['org_type', '机构类型', '组织类型'],
  contact: ['contact', '联系人', '联系方式'],
  period: ['period', '评价周期', '周期'],
  evaluator: ['evaluator', '评价人'],
  credit_code: ['credit_code', '统一社会信用代码', '信用代码', 'uscc'],
  mode: ['mode', 'evaluation_mode', '评价方式', '评价形式', '评价类型'],
};

/** Trimmed, case-folded, full-width folded; `Org ID` and `org-id` read as org_id. */
function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** A cell as a key (core/text-keys.ts): ids, names, regions and types group and match in one form. */
const cell = (cells: readonly string[], col: number | undefined): string =>
  col === undefined ? '' : textKey(cells[col] ?? '');

/** The headers found, as a message shows them: plain, and not a page long. */
function foundHeaders(header: readonly string[]): string {
  const found = header
    .map((h) => textKey(h))
    .filter((h) => h !== '')
    .join(', ');
  return found.length > 200 ? `${found.slice(0, 200)}…` : found;
}

export function readRosterFile(file: string): ReadRoster & { encoding: string } {
  const got = readRegularFile(file, { maxBytes: USER_FILE_LIMITS.table });
  if ('issue' in got) return { members: [], errors: [got.issue], warnings: [], encoding: '' };
  const decoded = decodeTable(got.bytes);
  if ('issue' in decoded)
    return { members: [], errors: [{ ...decoded.issue, file }], warnings: [], encoding: '' };
  const result = parseRoster(decoded.text);
  for (const e of [...result.errors, ...result.warnings]) e.file = file;
  return { ...result, encoding: decoded.encoding };
}

export function parseRoster(text: string): ReadRoster {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // No skipEmptyLines: blank records must keep their place so row numbers match Excel's.
  const parsed = Papa.parse<string[]>(source, { skipEmptyLines: false });
  const errors: Issue[] = [];
  const at = (code: string, row: number, params?: Issue['params']): Issue => ({
    ...issue(code, ['roster', row], params),
    row,
  });

  // An unpaired quote swallows the rows after it into one cell: members would come out with
  // shifted columns and later rows would vanish without a word. Refuse the roster instead.
  const quotes = parsed.errors.find((e) => e.type === 'Quotes');
  if (quotes)
    return {
      members: [],
      warnings: [],
      errors: [
        quotes.row === undefined
          ? issue('roster.quotes', ['roster'])
          : at('roster.quotes', quotes.row + 1),
      ],
    };

  for (const e of parsed.errors) {
    if (e.type === 'Delimiter') continue; // one-column file: reported below as missing columns
    if (e.row === undefined) errors.push(issue('roster.csv', ['roster'], { message: e.message }));
    else errors.push(at('roster.csv', e.row + 1, { message: e.message }));
  }

  const records = parsed.data;
  const blank = (cells: readonly string[]) => cells.every((c) => (c ?? '').trim() === '');
  const headerIndex = records.findIndex((cells) => !blank(cells));
  const header = records[headerIndex];
  if (headerIndex < 0 || !header)
    return { members: [], errors: [...errors, issue('roster.empty', ['roster'])], warnings: [] };

  const headerRow = headerIndex + 1;
  const keys = header.map(headerKey);
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
    const i = keys.findIndex((k) => names.includes(k));
    if (i >= 0) columns[column] = i;
  }
  const found = foundHeaders(header);
  const missing = ROSTER_REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length) {
    for (const column of missing)
      errors.push(at('roster.missing-column', headerRow, { column, found }));
    return { members: [], errors, warnings: [] };
  }

  const members: RosterMember[] = [];
  const firstRow = new Map<string, number>();
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] ?? [];
    if (blank(cells)) continue;
    const row = i + 1;
    const org_id = cell(cells, columns.org_id);
    const org_name = cell(cells, columns.org_name);
    if (!org_id) {
      errors.push(at('roster.missing-id', row, { name: org_name }));
      continue;
    }
    const first = firstRow.get(org_id);
    if (first !== undefined) {
      errors.push(at('roster.duplicate-id', row, { id: org_id, first }));
      continue;
    }
    firstRow.set(org_id, row);
    if (!org_name) {
      errors.push(at('roster.missing-name', row, { id: org_id }));
      continue;
    }
    const member: RosterMember = {
      row,
      org_id,
      org_name,
      region: cell(cells, columns.region),
      org_type: cell(cells, columns.org_type),
    };
    for (const column of ['contact', 'period', 'evaluator'] as const) {
      const value = cell(cells, columns[column]);
      if (value) member[column] = value;
    }
    // A wrong code or mode stops the member (its workbook would be refused at ingest).
    const code = normalizeCreditCode(cell(cells, columns.credit_code));
    const codeProblem = code ? creditCodeProblem(code) : undefined;
    if (codeProblem) {
      errors.push(at('roster.credit-code', row, { id: org_id, value: code, ...codeProblem }));
      continue;
    }
    if (code) member.credit_code = code;
    const modeText = cell(cells, columns.mode);
    const mode = modeText ? parseEvaluationMode(modeText) : undefined;
    if (modeText && !mode) {
      errors.push(
        at('roster.mode', row, { id: org_id, value: modeText, allowed: EVALUATION_MODE_CHOICES }),
      );
      continue;
    }
    if (mode) member.evaluation_mode = mode;
    members.push(member);
  }
  return { members, errors, warnings: blankGroups(members) };
}

/**
 * One warning per grouping column left blank somewhere: those members are peers of one another
 * only (a group named ""), which is rarely meant, yet not wrong enough to skip them.
 */
function blankGroups(members: readonly RosterMember[]): Issue[] {
  const out: Issue[] = [];
  for (const column of ['region', 'org_type'] as const) {
    const rows = members.filter((m) => m[column] === '').map((m) => m.row);
    if (!rows.length) continue;
    out.push({
      ...issue('roster.blank-group', ['roster', rows[0]!], {
        column,
        count: rows.length,
        rows: rows.slice(0, 5).join(', ') + (rows.length > 5 ? ', …' : ''),
      }),
      row: rows[0]!,
    });
  }
  return out;
}
