import { formulaString } from './sheet-model.ts';

/**
 * `expr` equals one of the tokens, as one comparison with an array constant: OR takes the array
 * of results, in Excel (no array entry needed) and LibreOffice alike, and the formula stays short
 * (a sheet of 1,000 indicators carries it 1,000 times). Unlike MATCH, = knows no wildcards.
 */
export function tokenList(tokens: readonly string[]): string {
  return `{${tokens.map(formulaString).join(',')}}`;
}
