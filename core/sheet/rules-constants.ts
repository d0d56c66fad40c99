/**
 * The rules sheet's constants, kind by kind: each rule's block of rows (core/rules/kinds/) under
 * the header, its code and kind first. Blocks of one indicator come first, in the plan's order;
 * shared blocks (a scale's spellings) after them, each once, named after the first indicator
 * that uses it. Says where each indicator's block landed, for its score formula.
 */
import {
  ruleKind,
  RULES_COL,
  type Rule,
  type RulesBlock,
  type RulesBlockAt,
} from '../rules/kinds/index.ts';
import { a1, quoteSheet, sheetRef, type CellSpec } from './sheet-model.ts';

export interface PlacedConstants {
  at: Map<string, RulesBlockAt>;
  /** the first row below the blocks */
  next: number;
}

export function placeRuleConstants(
  indicators: readonly { id: string; rule: Rule }[],
  sheet: string,
  firstRow: number,
  set: (row: number, col: number, cell: CellSpec) => void,
): PlacedConstants {
  let row = firstRow;
  const place = (id: string, rule: Rule, block: RulesBlock): RulesBlockAt => {
    const first = row;
    for (const cells of block.rows) {
      set(row, RULES_COL.code, { value: id, style: 'code' });
      set(row, RULES_COL.kind, { value: rule.kind, style: 'muted' });
      for (const [col, cell] of Object.entries(cells) as [keyof typeof cells, CellSpec][])
        set(row, RULES_COL[col], cell);
      row++;
    }
    const last = row - 1;
    return {
      cell: (i, col) => sheetRef(sheet, first + i, RULES_COL[col]),
      column: (col) =>
        `${quoteSheet(sheet)}!${a1(first, RULES_COL[col], true)}:${a1(last, RULES_COL[col], true)}`,
    };
  };
  const blocks = indicators.map((ind) => ({ ind, block: ruleKind(ind.rule).constants(ind.rule) }));
  const at = new Map<string, RulesBlockAt>();
  for (const { ind, block } of blocks)
    if (block.shareKey === undefined) at.set(ind.id, place(ind.id, ind.rule, block));
  const shared = new Map<string, RulesBlockAt>();
  for (const { ind, block } of blocks) {
    if (block.shareKey === undefined) continue;
    let placed = shared.get(block.shareKey);
    if (!placed) {
      placed = place(ind.id, ind.rule, block);
      shared.set(block.shareKey, placed);
    }
    at.set(ind.id, placed);
  }
  return { at, next: row };
}
