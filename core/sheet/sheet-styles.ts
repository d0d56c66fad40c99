/** The look of a generated workbook: few styles, readable in print, inputs visibly editable. */
import type { StyleName, StyleSpec } from './sheet-model.ts';

const INPUT_FILL = 'FFFFF7D6'; // pale yellow: "write here"
const HEADER_FILL = 'FF1F4E79';
const DIM_FILL = 'FFD9E2F3';
const GROUP_FILL = 'FFF2F2F2';

export const SHEET_STYLES: Record<StyleName, StyleSpec> = {
  // Titles wrap: a long one would otherwise run past the printed page and shrink it.
  title: { bold: true, size: 14, wrap: true, locked: true },
  subtitle: { color: 'FF595959', wrap: true, locked: true },
  header: {
    bold: true,
    color: 'FFFFFFFF',
    fill: HEADER_FILL,
    horizontal: 'center',
    wrap: true,
    border: true,
    locked: true,
  },
  dimension: { bold: true, fill: DIM_FILL, border: true, locked: true },
  dimensionScore: {
    bold: true,
    fill: DIM_FILL,
    border: true,
    numFmt: '0.0',
    horizontal: 'right',
    locked: true,
  },
  group: { bold: true, fill: GROUP_FILL, border: true, locked: true },
  groupScore: {
    bold: true,
    fill: GROUP_FILL,
    border: true,
    numFmt: '0.0',
    horizontal: 'right',
    locked: true,
  },
  text: { border: true, locked: true },
  textWrap: { border: true, wrap: true, locked: true },
  code: { border: true, horizontal: 'left', color: 'FF404040', locked: true },
  muted: { color: 'FF808080', locked: true },
  input: { fill: INPUT_FILL, border: true, locked: false },
  inputPercent: { fill: INPUT_FILL, border: true, numFmt: '0.0%', locked: false },
  inputText: { fill: INPUT_FILL, border: true, wrap: true, locked: false },
  score: { border: true, numFmt: '0.00', horizontal: 'right', locked: true },
  // First- and second-level scores and contributions, on the total's scale (0–100).
  points: { border: true, numFmt: '0.0', horizontal: 'right', locked: true },
  number: { border: true, numFmt: 'General', locked: true },
  weight: { fill: INPUT_FILL, border: true, numFmt: '0.00', locked: false },
  // The issued weights of a workbook made for a roster: shown, not to be changed.
  weightIssued: { border: true, numFmt: '0.00', locked: true },
  percent: { border: true, numFmt: '0.0%', locked: true },
  total: { bold: true, size: 13, border: true, numFmt: '0.00', horizontal: 'right', locked: true },
  label: { bold: true, locked: true },
};
