/** A definition workbook (core's laid-out sheets) as the fake Excel holds it: values only, as typed. */
import { layDefinition, type Lang, type Template } from '../../../core/index.ts';
import {
  emptySheet,
  newWorkbookState,
  type WorkbookState,
} from '../../../addin/fake/workbook-state.ts';

export function definitionState(t: Template, lang: Lang): WorkbookState {
  const state = newWorkbookState();
  state.sheets = [];
  for (const sheet of layDefinition(t, lang).sheets) {
    const s = emptySheet(state.nextUid++, sheet.name);
    [sheet.columns.map((c) => c.header), ...sheet.rows].forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') s.cells[`${r},${c}`] = { value: v };
      }),
    );
    state.sheets.push(s);
  }
  state.activeUid = state.sheets[0]!.uid;
  return state;
}
