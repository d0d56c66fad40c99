/** The database the commands use when not told another: apart from the store, so that naming it in the help loads no DuckDB. */
export const DEFAULT_DB = './scorebook.duckdb';
