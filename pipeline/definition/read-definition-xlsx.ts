/**
 * A definition workbook file → its template: the sheets read whole by the project's own bounded,
 * synchronous reader (pipeline/xlsx/read-workbook.ts: the file may come from anyone, and the
 * template registry reads synchronously), merged ranges included, then core's readDefinition.
 */
import type { Issue } from '../../core/index.ts';
import {
  Locator,
  readDefinition,
  sheetOfName,
  type DefinitionReading,
  type PlainCell,
  type SheetGrid,
} from '../../core/definition/index.ts';
import { readRegularFile, USER_FILE_LIMITS } from '../files/regular-file.ts';
import { readWorkbookBytes, type RawWorkbook } from '../xlsx/read-workbook.ts';

/** Definition workbooks are .xlsx (or .xlsm) files; templates otherwise are YAML. */
export const isDefinitionFile = (file: string) => /\.xls[xm]$/i.test(file);

export function workbookGrids(wb: RawWorkbook): SheetGrid[] {
  return wb.sheets.map(({ name }) => {
    const rows: PlainCell[][] = [];
    for (const [key, cell] of wb.cells.get(name) ?? []) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      // A formula's cached result is what the person sees; an error value is shown as such.
      const v = cell.error ?? cell.value;
      (rows[r] ??= [])[c] =
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name, rows, merges: wb.merges?.get(name) ?? [] };
  });
}

/** Where each template read from a workbook came from, for issues found about it later. */
const locators = new WeakMap<object, Locator>();

/** Puts issues about a template read from a definition workbook at their cells; others unchanged. */
export function placeIssues(t: object, issues: Issue[]): Issue[] {
  return locators.get(t)?.place(issues) ?? issues;
}

const withFile = (issues: Issue[], file: string | undefined) =>
  file === undefined ? issues : issues.map((i) => ({ ...i, file }));

export function readDefinitionBytes(bytes: Uint8Array, file?: string): DefinitionReading {
  const raw = readWorkbookBytes(bytes, { allSheets: true, merges: true });
  if (!raw.value)
    return { value: undefined, errors: withFile(raw.errors, file), locator: new Locator() };
  const r = readDefinition(workbookGrids(raw.value));
  if (r.value) locators.set(r.value, r.locator);
  return { ...r, errors: withFile(r.errors, file) };
}

/**
 * Whether a workbook file has any sheet of a definition workbook: a folder of templates may also
 * hold other workbooks (scoring sheets made from them), which are not templates.
 */
export function holdsDefinition(file: string): boolean {
  const got = readRegularFile(file, { maxBytes: USER_FILE_LIMITS.template });
  if ('issue' in got) return true;
  try {
    const wb = readWorkbookBytes(got.bytes).value;
    return (
      wb !== undefined &&
      wb.sheets.some(
        (sh) => sheetOfName(sh.name) !== undefined && sheetOfName(sh.name)!.key !== 'instructions',
      )
    );
  } catch {
    return true;
  }
}

export function readDefinitionFile(file: string): DefinitionReading {
  // A definition workbook is a template: read as a regular file no larger than a template can be.
  const got = readRegularFile(file, { maxBytes: USER_FILE_LIMITS.template });
  if ('issue' in got) return { value: undefined, errors: [got.issue], locator: new Locator() };
  return readDefinitionBytes(got.bytes, file);
}
