/**
 * One sheet of a definition workbook, read by its headings: finds the heading row, maps the
 * headings to columns (in either language), reads merged cells as meant (a range merged down a
 * column gives its value to each row; one merged across columns is refused at its cell), and
 * hands out the data rows. Every problem is an issue at its cell: sheet, row, column heading.
 */
import { issue, type CellLocation, type Issue, type PathSegment } from '../issues.ts';
import { cellLines } from '../rules/band-text.ts';
import type { RuleCells } from '../rules/kinds/rule-columns.ts';
import type { Lang, LocalizedText } from '../text.ts';
import {
  BAD,
  dropNumbering,
  isEmpty,
  readChoice,
  readCode,
  readNumberCell,
  readText,
  readYesNo,
} from './cell-values.ts';
import { columnLetter } from '../sheet/sheet-model.ts';
import { cellIndex, type PlainCell, type SheetGrid } from './definition-book.ts';
import {
  columnOfHeading,
  profileOfHeading,
  type DefColumn,
  type DefinitionSheetSpec,
} from './definition-sheets.ts';
import type { Locator } from './locator.ts';

/** Problems found while reading, and where each template path was read from. */
export interface ReadContext {
  problems: Issue[];
  locator: Locator;
  /** the language the workbook's headings are in, for columns it lacks */
  lang: Lang;
  /** cells (sheet, row, column, as cellKey) whose problems are already said for them */
  quiet: Set<string>;
}

/** A cell as one key: sheet, spreadsheet row, column heading. */
export const cellKey = (at: CellLocation) => `${at.sheet}\u0000${at.row}\u0000${at.column}`;

export interface ProfileColumn {
  id: string;
  col: number;
  header: string;
}

const HEADING_SEARCH_ROWS = 10;

export class SheetReader {
  readonly headerRow: number;
  readonly columns = new Map<string, { col: number; header: string }>();
  readonly profileColumns: ProfileColumn[] = [];
  private readonly rows: PlainCell[][];

  constructor(
    readonly grid: SheetGrid,
    readonly spec: DefinitionSheetSpec,
    readonly ctx: ReadContext,
  ) {
    this.rows = grid.rows.map((r) => [...r]);
    this.headerRow = this.findHeaderRow();
    const heading = this.rows[this.headerRow] ?? [];
    heading.forEach((h, col) => {
      const text = readText(h);
      if (text === undefined) return;
      const c = columnOfHeading(spec, text);
      if (c) {
        if (this.columns.has(c.key))
          this.problem('definition.duplicate-column', { column: text }, this.headerRow, text);
        else this.columns.set(c.key, { col, header: text });
        return;
      }
      const profile = spec.key === 'indicators' ? profileOfHeading(text) : undefined;
      if (profile !== undefined) this.profileColumns.push({ id: profile, col, header: text });
    });
    for (const key of spec.required) {
      if (!this.columns.has(key))
        this.problem(
          'definition.missing-column',
          { column: this.expectedHeader(key) },
          this.headerRow,
          this.expectedHeader(key),
        );
    }
    this.spreadMerges();
  }

  get name(): string {
    return this.grid.name;
  }

  /** The first of the top rows that names at least two of the sheet's columns (a title may sit above). */
  private findHeaderRow(): number {
    for (let r = 0; r < Math.min(HEADING_SEARCH_ROWS, this.rows.length); r++) {
      const known = (this.rows[r] ?? []).filter((h) => {
        const t = readText(h);
        return t !== undefined && columnOfHeading(this.spec, t) !== undefined;
      }).length;
      if (known >= 2) return r;
    }
    return 0;
  }

  private spreadMerges(): void {
    for (const range of this.grid.merges ?? []) {
      const [a, b] = range.split(':');
      const from = a && cellIndex(a);
      const to = b ? cellIndex(b) : from;
      if (!from || !to || to.row <= this.headerRow) continue;
      const top = Math.max(from.row, this.headerRow + 1);
      if (to.col > from.col) {
        // Said once, at the range: what its cells lack is the same problem.
        for (let r = top; r <= to.row; r++)
          for (let c = from.col; c <= to.col; c++)
            this.ctx.quiet.add(cellKey(this.at(r, this.headerOf(c) ?? columnLetter(c))));
        this.problem(
          'definition.merged-across',
          { range },
          top,
          this.headerOf(from.col) ?? columnLetter(from.col),
        );
        continue;
      }
      const value = this.rows[from.row]?.[from.col] ?? null;
      for (let r = top; r <= to.row; r++) {
        const row = (this.rows[r] ??= []);
        row[from.col] = value;
      }
    }
  }

  headerOf(col: number): string | undefined {
    for (const c of this.columns.values()) if (c.col === col) return c.header;
    return this.profileColumns.find((p) => p.col === col)?.header;
  }

  /** A column's heading as the sheet has it, or as it would have it in the workbook's language. */
  header(key: string): string {
    return this.columns.get(key)?.header ?? this.expectedHeader(key);
  }

  private expectedHeader(key: string): string {
    const c = this.spec.columns.find((x) => x.key === key);
    return c ? c.header[this.ctx.lang] : key;
  }

  spec_(key: string): DefColumn | undefined {
    return this.spec.columns.find((c) => c.key === key);
  }

  /** A problem at (row, column heading); `row` 0-based as in the grid. */
  problem(code: string, params: Issue['params'], row: number, column: string): void {
    if (code !== 'definition.merged-across' && this.ctx.quiet.has(cellKey(this.at(row, column))))
      return;
    this.ctx.problems.push({
      ...issue(code, [], params),
      cell: { sheet: this.name, row: row + 1, column },
    });
  }

  at(row: number, column: string): CellLocation {
    return { sheet: this.name, row: row + 1, column };
  }

  /** The data rows below the headings that hold anything in a column the sheet knows. */
  dataRows(): RowReader[] {
    const out: RowReader[] = [];
    const known = [
      ...[...this.columns.values()].map((c) => c.col),
      ...this.profileColumns.map((p) => p.col),
    ];
    for (let r = this.headerRow + 1; r < this.rows.length; r++) {
      const row = this.rows[r] ?? [];
      if (known.some((c) => !isEmpty(row[c]))) out.push(new RowReader(this, r, row));
    }
    return out;
  }
}

/** One data row: its cells read by column key, each problem at its cell. */
export class RowReader {
  constructor(
    readonly sheet: SheetReader,
    /** 0-based, as in the grid */
    readonly index: number,
    private readonly cells: readonly PlainCell[],
  ) {}

  get ctx(): ReadContext {
    return this.sheet.ctx;
  }

  raw(key: string): PlainCell | undefined {
    const c = this.sheet.columns.get(key);
    return c === undefined ? undefined : this.cells[c.col];
  }

  rawAt(col: number): PlainCell | undefined {
    return this.cells[col];
  }

  has(key: string): boolean {
    return !isEmpty(this.raw(key));
  }

  at(key: string): CellLocation {
    return this.sheet.at(this.index, this.sheet.header(key));
  }

  problem(code: string, params: Issue['params'], key: string): void {
    this.sheet.problem(code, params, this.index, this.sheet.header(key));
  }

  /** The template's `path` was read from column `key` of this row. */
  locate(path: PathSegment[], key: string): void {
    this.ctx.locator.set(path, this.at(key));
  }

  text(key: string): string | undefined {
    return readText(this.raw(key));
  }

  code(key: string): string | undefined {
    const v = readCode(this.raw(key));
    if (v === BAD) {
      this.problem('definition.code', { value: String(this.raw(key)) }, key);
      return undefined;
    }
    return v;
  }

  number(key: string): number | undefined {
    const v = readNumberCell(this.raw(key));
    if (v === BAD) {
      this.problem('definition.number', { value: String(this.raw(key)) }, key);
      return undefined;
    }
    return v;
  }

  yesNo(key: string): boolean | undefined {
    const v = readYesNo(this.raw(key));
    if (v === BAD) {
      this.problem('definition.yes-no', { value: String(this.raw(key)) }, key);
      return undefined;
    }
    return v;
  }

  choice(
    key: string,
    choices = this.sheet.spec_(key)?.choices ?? [],
    code = 'definition.choice',
  ): string | undefined {
    const v = readChoice(this.raw(key), choices);
    if (v === BAD) {
      const allowed = choices.map((c) => c.label[this.ctx.lang]).join(', ');
      this.problem(code, { value: String(this.raw(key)), allowed }, key);
      return undefined;
    }
    return v;
  }

  lines(key: string): string[] | undefined {
    const t = this.text(key);
    return t === undefined ? undefined : dropNumbering(cellLines(t));
  }

  /** Both languages or neither: one alone is a problem at the empty one. */
  localized(zhKey: string, enKey: string): LocalizedText | undefined {
    const zh = this.text(zhKey);
    const en = this.text(enKey);
    if (zh === undefined && en === undefined) return undefined;
    if (zh === undefined || en === undefined) {
      const [filled, empty] = zh === undefined ? [enKey, zhKey] : [zhKey, enKey];
      this.problem(
        'definition.one-language',
        { filled: this.sheet.header(filled), empty: this.sheet.header(empty) },
        empty,
      );
      return zh === undefined ? ({ en: en! } as LocalizedText) : ({ 'zh-CN': zh } as LocalizedText);
    }
    return { 'zh-CN': zh, en };
  }

  /** This row's rule columns as a kind reads them, its paths under `rulePath`. */
  ruleCells(rulePath: PathSegment[], kindKey = 'rule'): RuleCells {
    return {
      text: (k) => this.text(k),
      number: (k) => this.number(k),
      lines: (k) => this.lines(k),
      choice: (k) => this.choice(k),
      localized: (zh, en) => this.localized(zh, en),
      locate: (path, k) => this.locate([...rulePath, ...path], k),
      problem: (code, params, k) =>
        this.problem(
          code,
          params && typeof params.column === 'string'
            ? { ...params, column: this.sheet.header(params.column) }
            : params,
          k ?? kindKey,
        ),
    };
  }
}
