/**
 * A rule in plain columns of a definition workbook (core/definition/): each kind names the
 * columns its parameters take and converts a rule to their cells and back. The definition
 * sheet's rule columns are the union of the kinds', so a new kind brings its own columns in its
 * own module. Reading goes through RuleCells, which reads a cell as a person meant it (a number
 * typed as text, full-width digits, 85% for 0.85) and puts every problem at its cell.
 */
import type { Issue, PathSegment } from '../../issues.ts';
import type { LocalizedText } from '../../text.ts';

/** What a cell of a definition sheet holds. */
export type PlainCell = string | number | boolean | null;

export interface RuleColumn {
  /** what the reader and the messages call it, e.g. "bands" */
  key: string;
  /** the column's heading, in the workbook's language */
  header: LocalizedText;
  /** one line for the instructions sheet: what to write there */
  help: LocalizedText;
  /** in characters */
  width: number;
  /** the column offers a drop-down of these items, each written in the workbook's language */
  choices?: readonly { value: string; label: LocalizedText }[];
  /** the cells hold several lines (bands, levels) */
  multiline?: boolean;
}

/** A row's rule columns, read as a person meant them; what cannot be read is a problem at its cell. */
export interface RuleCells {
  /** trimmed text, or undefined for an empty cell */
  text(key: string): string | undefined;
  /** a number (typed as text, full-width, 85% → 0.85), or undefined (empty, or a problem said) */
  number(key: string): number | undefined;
  /** one item per line (or per ；), numbering such as "1 " dropped when every line has it */
  lines(key: string): string[] | undefined;
  /** the value of the item of the column's drop-down the cell names, in either language */
  choice(key: string): string | undefined;
  /** a text written in both languages, one column each; one without the other is a problem */
  localized(zhKey: string, enKey: string): LocalizedText | undefined;
  /** the rule's field at `path` (from the rule) was read from column `key`: its problems show there */
  locate(path: PathSegment[], key: string): void;
  /** a problem at column `key` (the rule's kind column when absent) */
  problem(code: string, params?: Issue['params'], key?: string): void;
}

/** The column of one of the kinds' columns, shared by several (min, max). */
export function column(
  key: string,
  header: LocalizedText,
  help: LocalizedText,
  width = 12,
  extra: Pick<RuleColumn, 'choices' | 'multiline'> = {},
): RuleColumn {
  return { key, header, help, width, ...extra };
}
