/** Where things are on the scoring sheet: its columns and its header row. */
// Scoring sheet columns.
export const COL = {
  code: 0,
  name: 1,
  description: 2,
  unit: 3,
  rule: 4,
  input: 5,
  na: 6,
  score: 7,
  mode: 8,
  evidence: 9,
} as const;
export const SCORING_HEADER_ROW = 2;
/** The row (0-based) under the title that names who and what is evaluated. */
export const SCORING_SUBTITLE_ROW = 1;
/**
 * Nine characters. Not 9 itself: exceljs takes a width of exactly 9 for its default and leaves
 * the column out of the file, so Excel would show its own default (8.43) while the add-in sets
 * 9. 9.01 is the same 63 pixels in Excel and is written.
 */
export const NINE = 9.01;
