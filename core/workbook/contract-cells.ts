/**
 * The workbook contract's words that writers and readers share: the value a cell holds, and the
 * defined names by which readers find an indicator's cells (never by position).
 */
export type CellValue = string | number | boolean | null;

export type NamePrefix = 'IN' | 'SC' | 'NA' | 'MD' | 'EV' | 'DIM' | 'WT';

export function idToName(prefix: NamePrefix, id: string): string {
  return `${prefix}_${id.replace(/\./g, '_')}`;
}
