/**
 * Printed headers and footers in Excel's codes ("&L…&C…&R…", "&P" the page, "&N" the pages),
 * which the file format (exceljs's oddHeader) and Office.js (HeaderFooter.leftHeader …) both
 * take, so both writers print the same. Text is escaped: a "&" in an organization's name would
 * otherwise start a code.
 */
import type { HeaderFooter, HeaderFooterPart } from './sheet-model.ts';
import { clipText } from './validation-texts.ts';

/**
 * Excel refuses a header or footer of more than 255 characters (codes included); a long name is
 * clipped well within it, leaving room for the other sections.
 */
export const HEADER_TEXT_MAX = 80;

/** Text for a header section: clipped, and "&" doubled so that it prints as itself. */
export function headerFooterText(s: string, max = HEADER_TEXT_MAX): string {
  return clipText(s, max).replace(/&/g, '&&');
}

const FIELD = { page: '&P', pages: '&N' } as const;

/** One section's code: each text clipped and escaped (headerFooterText), each field its code. */
export function sectionCode(parts: readonly HeaderFooterPart[] | undefined): string {
  return (parts ?? [])
    .map((p) => (typeof p === 'string' ? headerFooterText(p) : FIELD[p.field]))
    .join('');
}

/** The whole header or footer as the file stores it: "&L…&C…&R…", empty sections left out. */
export function headerFooterCode(hf: HeaderFooter | undefined): string {
  if (!hf) return '';
  return (
    [
      ['&L', hf.left],
      ['&C', hf.center],
      ['&R', hf.right],
    ] as const
  )
    .map(([code, parts]) => {
      const s = sectionCode(parts);
      return s ? `${code}${s}` : '';
    })
    .join('');
}
