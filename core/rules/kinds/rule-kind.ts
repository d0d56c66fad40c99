/**
 * What a rule kind is: everything the product does with a rule of that kind, in one module per
 * kind (binary.ts, bands.ts …), gathered in RULE_KINDS_MODULES (index.ts). Pure: no files, no
 * network, no Office.js; randomness comes in as a function.
 */
import type { z } from 'zod';
import type { Issue, PathSegment } from '../../issues.ts';
import type { CellSpec, ValidationSpec } from '../../sheet/sheet-model.ts';
import type { CellValue } from '../../workbook/contract-cells.ts';
import type { Lang } from '../../text.ts';
import type { InputDomain, RawInput, ReadInput } from '../input-types.ts';
import type { PlainCell, RuleCells, RuleColumn } from './rule-columns.ts';

/**
 * How the evaluator answers: `choice` picks an item of a list (the input cell holds text),
 * `figure` types a number in the indicator's unit (a % as a fraction, 85 % is 0.85), `score`
 * types the score itself, 0..1, whatever the unit.
 */
export type Entry = 'choice' | 'figure' | 'score';

/** The rules sheet's columns: the layout writes code and kind, a kind's block the others. */
export const RULES_COL = { code: 0, kind: 1, band: 2, lower: 3, upper: 4, score: 5 } as const;
export type RulesColumn = Exclude<keyof typeof RULES_COL, 'code' | 'kind'>;

/** One row of constants on the rules sheet, by column. */
export type RulesRow = Partial<Record<RulesColumn, CellSpec>>;

/**
 * The constants a rule keeps on the rules sheet, one row each; its formula reads them back, so
 * a constant is changed in one cell. Rules whose blocks have the same `shareKey` share the first
 * one's rows (a sheet of 1,000 indicators on one scale lists its spellings once).
 */
export interface RulesBlock {
  rows: RulesRow[];
  shareKey?: string;
}

/** Where a rule's block landed on the rules sheet, as absolute references. */
export interface RulesBlockAt {
  /** 'Rules'!$E$5: the block's `row`-th row (0-based), column `col` */
  cell(row: number, col: RulesColumn): string;
  /** 'Rules'!$D$5:$D$19: column `col` over the block's rows */
  column(col: RulesColumn): string;
}

export interface FormulaContext {
  /** the input cell as the formula names it (F12): what the domain's guard tests */
  input: string;
  /**
   * the value the rule scores: the input, or the input divided by another indicator's figure
   * (`ROUND(F12/F9,9)`, per-figure.ts), which the formula around it has made sure is a number above 0
   */
  value: string;
  unit: string | undefined;
  constants: RulesBlockAt;
}

/** An input cell's data validation (list or numeric range) and its texts, placed by the layout. */
export type InputValidation = Omit<ValidationSpec, 'row' | 'col'>;

/** What a made-up organization brings to a plausible answer (the demo, the bench). */
export interface PlausibleDraw {
  random: () => number;
  lang: Lang;
  /** how well run the organization is on this indicator, around N(0, 1) */
  strength: number;
  /** its registered volunteers: head counts and money grow with them */
  volunteers: number;
}

/** What a random answer needs: every spelling a person might type, edges and all (tests). */
export interface RandomDraw {
  random: () => number;
  lang: Lang;
}

/** What a typed cell holds once blanks and N/A marks are set aside. */
export type TypedInput = Exclude<RawInput, null | undefined>;

/**
 * Everything about one rule kind. Methods (not function-valued properties) on purpose: a
 * module for one kind then serves where any kind is expected, called with its own rule.
 */
export interface RuleKindModule<R extends { kind: string }> {
  /** What a template may say (the JSON Schema for editors is generated from it). */
  readonly schema: z.ZodType<R>;
  readonly entry: Entry;
  /** false: the value is recorded for benchmarking, never scored. */
  readonly scored: boolean;
  /** What a schema cannot state (bands that cover every value once …); paths start at `path`. */
  check(rule: R, unit: string | undefined, path: PathSegment[]): Issue[];
  /** The values an input may take; the formulas refuse the same ones the reader does. */
  domain(rule: R, unit: string | undefined): InputDomain;
  read(rule: R, unit: string | undefined, raw: TypedInput): ReadInput;
  /** A read value's score in 0..1, or null for a kind that is not scored. */
  score(rule: R, value: number): number | null;
  /** A read value as the generated sheet's input cell holds it (the list item for a choice). */
  cellValue(rule: R, value: number, lang: Lang): CellValue;
  /** The constants the score formula reads from the rules sheet (none: no rows). */
  constants(rule: R): RulesBlock;
  /**
   * The score as a portable formula of an applicable input (the N/A test wraps it), the twin of
   * `read` and `score`: what the reader refuses scores 0. null: the cell stays empty.
   */
  formula(rule: R, ctx: FormulaContext): string | null;
  /** The rule in words ("≥85% → 1; …"); `unit` as the reader sees it (unitLabel). */
  describe(rule: R, unit: string | undefined, lang: Lang): string;
  validation(rule: R, unit: string | undefined, lang: Lang): InputValidation;
  /** An answer a real organization of this strength might give. */
  plausibleAnswer(rule: R, unit: string | undefined, draw: PlausibleDraw): CellValue;
  /** Any answer a person might type, valid spellings of every sort, edges included. */
  randomAnswer(rule: R, unit: string | undefined, draw: RandomDraw): CellValue;
  /** The columns of a definition sheet the rule's parameters take (rule-columns.ts); none: []. */
  readonly columns: readonly RuleColumn[];
  /** The rule's parameters as the cells of those columns, by column key. */
  toColumns(rule: R, unit: string | undefined): Record<string, PlainCell>;
  /** The rule read back from those cells, as it stands (the schema and `check` judge it next). */
  fromColumns(cells: RuleCells, unit: string | undefined): Record<string, unknown>;
}
