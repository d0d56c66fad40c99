/**
 * Excel's calculation for the fake: the fake's workbook is saved as .xlsx, LibreOffice
 * recalculates it, and each formula cell's result is put back as the fake's computed value —
 * what a real Excel would show after the person typed their answers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookBytes } from '../../../pipeline/xlsx/read-workbook.ts';
import type { Scalar, WorkbookState } from '../../../addin/fake/workbook-state.ts';
import { recalculateWithLibreOffice } from '../../support/libreoffice.ts';
import { stateToXlsx } from './state-to-xlsx.ts';

export type Computed = Record<string, Record<string, Scalar>>;

export async function computeWithLibreOffice(
  state: WorkbookState,
  dir: string,
  label: string,
): Promise<Computed> {
  const file = join(dir, `${label}.xlsx`);
  writeFileSync(file, await stateToXlsx(state));
  const out = (await recalculateWithLibreOffice([file], join(dir, `${label}-recalculated`))).get(
    file,
  )!;
  const wb = readWorkbookBytes(readFileSync(out), {
    extraSheets: state.sheets.map((s) => s.name),
  }).value!;
  const computed: Computed = {};
  for (const s of state.sheets) {
    const cells = wb.cells.get(s.name);
    if (!cells) continue;
    const values: Record<string, Scalar> = {};
    for (const [k, c] of Object.entries(s.cells)) {
      if (c.formula === undefined) continue;
      const got = cells.get(k);
      values[k] = got?.error ?? got?.value ?? '';
    }
    computed[s.name] = values;
  }
  return computed;
}

/** Puts computed values into a fake's state (in the page: pass this function's body the data). */
export function applyComputed(state: WorkbookState, computed: Computed): void {
  for (const s of state.sheets)
    for (const [k, v] of Object.entries(computed[s.name] ?? {}))
      if (s.cells[k]) s.cells[k]!.computed = v;
}
