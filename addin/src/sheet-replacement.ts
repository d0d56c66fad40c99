/**
 * Which sheets a new generation replaces, host-neutral: only a workbook scorebook generated (it
 * has `_scorebook`) gives its own sheets up; a sheet of a wanted name that scorebook did not
 * make stops the generation before anything is written. The old sheets step aside under
 * temporary names first, so the new ones can take theirs, and are deleted once those exist.
 */
import { LANGS, METADATA_SHEET, sheetLabels, type WorkbookModel } from '../../core/index.ts';

/** A sheet in the way that scorebook did not make: nothing is written, the person decides. */
export class SheetConflictError extends Error {
  constructor(readonly sheet: string) {
    super(`The workbook already has a sheet named "${sheet}" that scorebook did not make.`);
    this.name = 'SheetConflictError';
  }
}

/** Every sheet name scorebook writes, in every language. */
export function scorebookSheetNames(): Set<string> {
  const names = new Set<string>([METADATA_SHEET]);
  for (const lang of LANGS) {
    const L = sheetLabels(lang);
    [L.scoringSheet, L.summarySheet, L.rulesSheet].forEach((n) => names.add(n));
  }
  return names;
}

/**
 * The existing sheets the model replaces, each with the temporary name it takes while the new
 * sheets are written. Throws SheetConflictError for a sheet in the way.
 */
export function sheetsToReplace<S extends { name: string }>(
  existing: readonly S[],
  model: WorkbookModel,
): { sheet: S; temp: string }[] {
  const hasMeta = existing.some((s) => s.name === METADATA_SHEET);
  const ours = scorebookSheetNames();
  const wanted = new Set(model.sheets.map((s) => s.name.toLowerCase()));
  const old = existing.filter((s) => hasMeta && ours.has(s.name));
  for (const s of existing) {
    if (wanted.has(s.name.toLowerCase()) && !old.includes(s)) throw new SheetConflictError(s.name);
  }
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  return old.map((sheet, i) => {
    let temp = `~old${i} ${sheet.name}`.slice(0, 31);
    while (taken.has(temp.toLowerCase())) temp = `~${temp}`.slice(0, 31);
    taken.add(temp.toLowerCase());
    return { sheet, temp };
  });
}
