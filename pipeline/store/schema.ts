/**
 * The DuckDB schema, created on first use and migrated forward: each migration moves the file
 * from one schema_version to the next, so a later scorebook opens an older database. Analysts
 * query these tables and views directly (docs/database.md).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../user-error.ts';

export const SCHEMA_VERSION = 1;

const MIGRATIONS: Record<number, string[]> = {
  1: [
    `CREATE TABLE organizations (
       org_id VARCHAR PRIMARY KEY, org_name VARCHAR, region VARCHAR, org_type VARCHAR, updated_at TIMESTAMPTZ)`,
    `CREATE TABLE submissions (
       content_hash VARCHAR PRIMARY KEY,          -- sha256 of the file: the same file twice is one submission
       workbook_id VARCHAR NOT NULL,
       version INTEGER NOT NULL,                  -- 1 for the first return of a workbook id, then 2, 3 …
       is_current BOOLEAN NOT NULL,               -- the latest version of its workbook id
       org_id VARCHAR NOT NULL, template_id VARCHAR NOT NULL, template_version VARCHAR NOT NULL,
       profile VARCHAR, profile_hash VARCHAR, method VARCHAR, lang VARCHAR, period VARCHAR, evaluator VARCHAR,
       source VARCHAR NOT NULL,                   -- xlsx | csv
       file_name VARCHAR, ingested_at TIMESTAMPTZ NOT NULL, generated_at VARCHAR,
       weights JSON,                              -- first-level weights as used, normalized
       total DOUBLE, grade VARCHAR, answered INTEGER, unanswered INTEGER,
       flagged BOOLEAN NOT NULL, mismatches JSON)`,
    `CREATE TABLE indicator_scores (
       content_hash VARCHAR NOT NULL, indicator_id VARCHAR NOT NULL, dimension_id VARCHAR, group_id VARCHAR,
       rule VARCHAR, input_raw VARCHAR, input_value DOUBLE, state VARCHAR, score DOUBLE, na BOOLEAN,
       mode VARCHAR, evidence VARCHAR)`,
    `CREATE TABLE dimension_scores (
       content_hash VARCHAR NOT NULL, dimension_id VARCHAR NOT NULL, weight DOUBLE, score DOUBLE,
       mean DOUBLE, sum DOUBLE, applicable INTEGER)`,
    `CREATE TABLE group_scores (content_hash VARCHAR NOT NULL, group_id VARCHAR NOT NULL, score DOUBLE, applicable INTEGER)`,
    `CREATE TABLE rejections (
       file VARCHAR NOT NULL, content_hash VARCHAR, reason VARCHAR NOT NULL, message VARCHAR NOT NULL, rejected_at TIMESTAMPTZ NOT NULL)`,
    `CREATE VIEW submission_scores AS
       SELECT s.workbook_id, s.org_id, o.org_name, o.region, o.org_type, s.period, s.evaluator,
              s.template_id, s.template_version, s.total, s.grade, s.flagged,
              s.profile, s.method, s.version, s.content_hash, s.ingested_at, s.source
       FROM submissions s LEFT JOIN organizations o USING (org_id)
       WHERE s.is_current`,
  ],
};

export async function migrate(con: DuckDBConnection): Promise<number> {
  await con.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const rows = (await con.runAndReadAll('SELECT max(version) AS v FROM schema_version')).getRowObjects();
  let current = Number(rows[0]?.v ?? 0);
  if (current > SCHEMA_VERSION) {
    throw new UserError(`This database has schema version ${current}, newer than this scorebook understands (${SCHEMA_VERSION}). Upgrade scorebook.`);
  }
  while (current < SCHEMA_VERSION) {
    const next = current + 1;
    await con.run('BEGIN TRANSACTION');
    try {
      for (const sql of MIGRATIONS[next]!) await con.run(sql);
      await con.run(`INSERT INTO schema_version VALUES (${next})`);
      await con.run('COMMIT');
    } catch (e) {
      await con.run('ROLLBACK');
      throw e;
    }
    current = next;
  }
  return current;
}
