/**
 * How a sheet prints, as both writers write it: the exceljs writer (pageSetup, in inches) and
 * the add-in (Worksheet.pageLayout, in points) take these same values, so a workbook made in
 * Excel prints like one made by the CLI. docs/printing.md says why each choice was made.
 */
import { a1, type SheetSpec } from './sheet-model.ts';

/**
 * Margins in inches. Narrow at the sides (the columns get the width, which is what keeps the
 * text large at fit-to-width), room above and below for the printed header and footer.
 */
export const PRINT_MARGINS = {
  left: 0.3,
  right: 0.3,
  top: 0.6,
  bottom: 0.6,
  header: 0.25,
  footer: 0.25,
} as const;

export interface PageSetup {
  orientation: 'landscape' | 'portrait';
  /** Every printed sheet is A4 (paper size 9 in the file, "A4" in Office.js). */
  paper: 'A4';
  /** As wide as one page, as many pages tall as it takes. */
  fitToWidth: 1;
  fitToHeight: 0;
  /** The rows repeated at the top of every page, "$3:$3"; absent when none. */
  titleRows?: string;
  /** "A1:J120": the columns that matter on paper, every row the sheet has. */
  printArea?: string;
  margins: typeof PRINT_MARGINS;
}

/** The page setup of a sheet that prints; undefined for one that does not (the metadata). */
export function pageSetup(sheet: Pick<SheetSpec, 'print' | 'rows'>): PageSetup | undefined {
  const p = sheet.print;
  if (!p) return undefined;
  return {
    orientation: p.landscape ? 'landscape' : 'portrait',
    paper: 'A4',
    fitToWidth: 1,
    fitToHeight: 0,
    ...(p.titleRows ? { titleRows: `$${p.titleRows.from + 1}:$${p.titleRows.to + 1}` } : {}),
    ...(p.columns && sheet.rows.length
      ? { printArea: `${a1(0, 0)}:${a1(sheet.rows.length - 1, p.columns - 1)}` }
      : {}),
    margins: PRINT_MARGINS,
  };
}

/** Inches in points, as Office.js takes margins (to the thousandth: no 21.599999999999998). */
export function inchesToPoints(inches: number): number {
  return Math.round(inches * 72 * 1000) / 1000;
}
