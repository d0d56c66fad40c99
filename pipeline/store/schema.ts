/**
 * The tables of a database, made at once for a new file (from tables.ts) and brought forward
 * for an older one: each upgrade moves a file from one schema_version to the next, so that a
 * later scorebook opens an older database. Upgrades are frozen once shipped; a test holds an
 * upgraded file's tables equal to a new one's. Views are no business of a migration: they are
 * recreated on open (ensure-views.ts). Analysts query the tables directly (docs/database.md).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../user-error.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { inTransaction } from './in-transaction.ts';
import { syncSizeBands } from './size-bands.ts';
import { createTableSql } from './table-declaration.ts';
import { TABLES } from './tables.ts';

export const SCHEMA_VERSION = 7;

/** The view definitions last written (ensure-views.ts): bookkeeping, not data. */
const CREATE_VIEW_DEFINITIONS =
  'CREATE TABLE view_definitions (position INTEGER NOT NULL, name VARCHAR NOT NULL, sql VARCHAR NOT NULL)';

/** A step of an upgrade: a statement, or a function for what SQL alone cannot know. */
export type UpgradeStep = string | ((con: DuckDBConnection) => Promise<unknown>);

/** The views that schema versions 1 to 4 created in their migrations. */
const VIEWS_OF_VERSION_4 = [
  'bench_rater_spread',
  'bench_trends',
  'bench_percentiles',
  'bench_groups',
  'bench_org_indicator',
  'bench_org_dimension',
  'bench_org_period',
  'bench_org_size',
  'submission_scores',
];

/** UPGRADES[n] brings a file of version n − 1 to version n. */
export const UPGRADES: Record<number, readonly UpgradeStep[]> = {
  // Versions 2 to 4 changed views only, which are now recreated on open.
  2: [],
  3: [],
  4: [],
  // Views leave the migrations; each template's size (bands of one indicator's figure) comes
  // from the template, not from a view's literals, and is stored for the submissions there are.
  5: [
    ...VIEWS_OF_VERSION_4.map((v) => `DROP VIEW IF EXISTS ${v}`),
    CREATE_VIEW_DEFINITIONS,
    `CREATE TABLE size_bands (template_id VARCHAR NOT NULL, template_version VARCHAR NOT NULL, indicator_id VARCHAR NOT NULL,
       position INTEGER NOT NULL, band VARCHAR NOT NULL, below DOUBLE)`,
    (con) => syncSizeBands(con, shippedTemplates().values()),
  ],
  // Issue 10: completeness, issued weights and whether a file was calculated; a rejection says
  // whom it names and its first problem as a code. What an older file cannot know is inferred:
  // its weights were the issued ones, and a file not flagged had cached values that agreed (a
  // flagged one may have had none: unknown, NULL, as for every CSV return).
  6: [
    'ALTER TABLE submissions ADD COLUMN applicable INTEGER',
    'ALTER TABLE submissions ADD COLUMN complete BOOLEAN',
    'ALTER TABLE submissions ADD COLUMN issued_weights JSON',
    'ALTER TABLE submissions ADD COLUMN weights_changed BOOLEAN',
    'ALTER TABLE submissions ADD COLUMN own_total DOUBLE',
    'ALTER TABLE submissions ADD COLUMN calculated BOOLEAN',
    `UPDATE submissions SET applicable = answered + unanswered, complete = (unanswered = 0),
       issued_weights = weights, weights_changed = false, own_total = total,
       calculated = CASE WHEN source = 'csv' OR flagged THEN NULL ELSE true END`,
    'ALTER TABLE rejections ADD COLUMN org_id VARCHAR',
    'ALTER TABLE rejections ADD COLUMN period VARCHAR',
    'ALTER TABLE rejections ADD COLUMN template_id VARCHAR',
    'ALTER TABLE rejections ADD COLUMN code VARCHAR',
    'ALTER TABLE rejections ADD COLUMN params JSON',
  ],
  // Issue 11: identity and evaluation mode per submission (unknown for older returns: NULL),
  // and the volunteers by star level of returns filled from volunteer service records.
  7: [
    'ALTER TABLE submissions ADD COLUMN credit_code VARCHAR',
    'ALTER TABLE submissions ADD COLUMN evaluation_mode VARCHAR',
    'CREATE TABLE volunteer_stars (content_hash VARCHAR NOT NULL, star_level INTEGER NOT NULL, volunteers INTEGER NOT NULL)',
  ],
};

export async function migrate(con: DuckDBConnection): Promise<number> {
  await con.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const rows = (
    await con.runAndReadAll('SELECT max(version) AS v FROM schema_version')
  ).getRowObjects();
  let current = Number(rows[0]?.v ?? 0);
  if (current > SCHEMA_VERSION) {
    throw UserError.of('store.newer-schema', { version: current, supported: SCHEMA_VERSION });
  }
  if (current === 0) {
    await inTransaction(con, async () => {
      for (const t of TABLES) await con.run(createTableSql(t));
      await con.run(CREATE_VIEW_DEFINITIONS);
      await con.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION})`);
    });
    return SCHEMA_VERSION;
  }
  while (current < SCHEMA_VERSION) {
    const next = current + 1;
    await inTransaction(con, async () => {
      for (const step of UPGRADES[next]!)
        if (typeof step === 'string') await con.run(step);
        else await step(con);
      await con.run(`INSERT INTO schema_version VALUES (${next})`);
    });
    current = next;
  }
  return current;
}
