/** An inputs file (CSV `id,value` or JSON) → rows for collectInputs, with problems as issues. */
import Papa from 'papaparse';
import { issue, type InputRow, type Issue, type RawInput } from '../../core/index.ts';
import { readRegularFile, USER_FILE_LIMITS } from '../files/regular-file.ts';
import { decodeTable } from './decode-text.ts';

const ID_HEADERS = ['id', 'indicator_id', 'indicator', '指标编号', '编号'];
const VALUE_HEADERS = ['value', 'input', '值', '取值', '输入'];

export interface ReadRows {
  rows: InputRow[];
  errors: Issue[];
}

export function readInputsFile(file: string): ReadRows {
  const got = readRegularFile(file, { maxBytes: USER_FILE_LIMITS.table });
  if ('issue' in got) return { rows: [], errors: [got.issue] };
  const decoded = decodeTable(got.bytes);
  if ('issue' in decoded) return { rows: [], errors: [{ ...decoded.issue, file }] };
  const { text } = decoded;
  const trimmed = text.trimStart();
  const looksJson = /\.json$/i.test(file) || trimmed.startsWith('{') || trimmed.startsWith('[');
  const result = looksJson ? parseJsonInputs(text) : parseCsvInputs(text);
  for (const e of result.errors) e.file = file;
  return result;
}

export function parseCsvInputs(text: string): ReadRows {
  // Papaparse would say "Unable to auto-detect delimiting character" of a file with no text.
  if (text.replace(/^\uFEFF/, '').trim() === '')
    return { rows: [], errors: [issue('input.empty', [])] };
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const errors: Issue[] = [];
  for (const e of parsed.errors) {
    // A one-column file has no delimiter to find: the missing column below says it better.
    if (e.type === 'Delimiter') continue;
    const err = issue('input.csv', [], { message: e.message });
    if (e.row !== undefined) err.row = e.row + 1;
    errors.push(err);
  }
  const [header, ...body] = parsed.data;
  if (!header)
    return { rows: [], errors: [...errors, issue('input.missing-column', [], { column: 'id' })] };
  const names = header.map((h) => h.normalize('NFKC').trim().toLowerCase());
  const idCol = names.findIndex((h) => ID_HEADERS.includes(h));
  const valueCol = names.findIndex((h) => VALUE_HEADERS.includes(h));
  if (idCol < 0) errors.push(issue('input.missing-column', [], { column: 'id' }));
  if (valueCol < 0) errors.push(issue('input.missing-column', [], { column: 'value' }));
  if (idCol < 0 || valueCol < 0) return { rows: [], errors };
  const rows: InputRow[] = body.map((cells, i) => ({
    id: cells[idCol] ?? '',
    value: cells[valueCol] ?? '',
    row: i + 2,
  }));
  return { rows, errors };
}

export function parseJsonInputs(text: string): ReadRows {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { rows: [], errors: [issue('input.json', [], { message: (e as Error).message })] };
  }
  const scalar = (v: unknown): v is RawInput =>
    v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (Array.isArray(data)) {
    const rows: InputRow[] = [];
    const errors: Issue[] = [];
    data.forEach((item, i) => {
      const o = item as { id?: unknown; value?: unknown } | null;
      if (!o || typeof o !== 'object' || typeof o.id !== 'string' || !scalar(o.value ?? null)) {
        errors.push(
          issue('input.json', [i], { message: `item ${i} is not {"id": "…", "value": …}` }),
        );
      } else rows.push({ id: o.id, value: (o.value ?? null) as RawInput, row: i + 1 });
    });
    return { rows, errors };
  }
  if (data && typeof data === 'object') {
    const rows: InputRow[] = [];
    const errors: Issue[] = [];
    for (const [id, value] of Object.entries(data)) {
      if (scalar(value)) rows.push({ id, value });
      else
        errors.push(
          issue('input.json', [id], {
            message: `the value of "${id}" is not a string, number or boolean`,
          }),
        );
    }
    return { rows, errors };
  }
  return { rows: [], errors: [issue('input.json', [], { message: 'not an object or array' })] };
}
