/**
 * A table declared once: its columns' names, DuckDB types and constraints, and where each
 * column's value comes from. CREATE TABLE and the appender's rows are both made from the
 * declaration, so that the two cannot drift apart (an appender writes by position).
 */
import type { DuckDBAppender, DuckDBTimestampTZValue } from '@duckdb/node-api';

export type ColumnType = 'VARCHAR' | 'JSON' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMPTZ';

/** What a column's value may be; null or undefined is SQL NULL. */
type Value<T extends ColumnType> =
  | (T extends 'VARCHAR' | 'JSON'
      ? string
      : T extends 'BOOLEAN'
        ? boolean
        : T extends 'TIMESTAMPTZ'
          ? DuckDBTimestampTZValue
          : number)
  | null
  | undefined;

/**
 * One column. `get` reads row `k` of a source `S` (a batch of records, one record's columns …):
 * declared once per table, not made per row, so the hot loop allocates nothing per value.
 */
export interface Column<S, T extends ColumnType = ColumnType> {
  name: string;
  type: T;
  notNull?: boolean;
  primaryKey?: boolean;
  get: (source: S, k: number) => Value<T>;
}

export interface Table<S> {
  name: string;
  columns: readonly Column<S>[];
  /** how many rows a source holds */
  rows: (source: S) => number;
}

/** A column, with its value type checked against its DuckDB type. */
export function column<S, T extends ColumnType>(
  name: string,
  type: T,
  get: (source: S, k: number) => Value<T>,
  constraints: { notNull?: boolean; primaryKey?: boolean } = {},
): Column<S> {
  return { name, type, get, ...constraints } as Column<S>;
}

export function createTableSql(
  table: Table<never>,
  opts: { temp?: boolean; ifNotExists?: boolean; name?: string; constraints?: boolean } = {},
): string {
  const constraints = opts.constraints ?? true;
  const cols = table.columns.map((c) =>
    [
      c.name,
      c.type,
      constraints && c.primaryKey ? 'PRIMARY KEY' : '',
      constraints && c.notNull ? 'NOT NULL' : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  const create = `CREATE ${opts.temp ? 'TEMP ' : ''}TABLE${opts.ifNotExists ? ' IF NOT EXISTS' : ''}`;
  return `${create} ${opts.name ?? table.name} (${cols.join(', ')})`;
}

/** Appends every row of `source`, column by column as the table declares them. */
export function appendRows<S>(a: DuckDBAppender, table: Table<S>, source: S): void {
  const cols = table.columns;
  const n = table.rows(source);
  for (let k = 0; k < n; k++) {
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const v = col.get(source, k);
      if (v === null || v === undefined) a.appendNull();
      else
        switch (col.type) {
          case 'VARCHAR':
          case 'JSON':
            a.appendVarchar(v as string);
            break;
          case 'DOUBLE':
            a.appendDouble(v as number);
            break;
          case 'INTEGER':
            a.appendInteger(v as number);
            break;
          case 'BOOLEAN':
            a.appendBoolean(v as boolean);
            break;
          case 'TIMESTAMPTZ':
            a.appendTimestampTZ(v as DuckDBTimestampTZValue);
            break;
        }
    }
    a.endRow();
  }
}
