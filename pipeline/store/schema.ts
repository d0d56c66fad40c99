/**
 * The DuckDB schema, created on first use and migrated forward: each migration moves the file
 * from one schema_version to the next, so a later scorebook opens an older database. Analysts
 * query these tables and views directly (docs/database.md).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../user-error.ts';

export const SCHEMA_VERSION = 4;

/**
 * Several evaluators' figures consolidated by the connection's variable `consolidate`
 * (mean, median, min or max; mean when unset; anything else is an error, not a silent mean).
 * Written out in full here so that a migration, once shipped, never changes.
 */
const consolidated = (x: string) =>
  `CASE coalesce(getvariable('consolidate'), 'mean') WHEN 'mean' THEN avg(${x}) WHEN 'median' THEN median(${x}) WHEN 'min' THEN min(${x}) WHEN 'max' THEN max(${x})
   ELSE error('SET VARIABLE consolidate to mean, median, min or max, not ' || getvariable('consolidate')) END`;

export const MIGRATIONS: Record<number, string[]> = {
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
  // Benchmarks as views, so that analysts query exactly what the CLI and the reports show.
  // No statistic over fewer than k organizations: k is the connection's variable min_group
  // (SET VARIABLE min_group = 5), 5 when unset.
  2: [
    `CREATE VIEW bench_org_size AS
       SELECT s.template_id, s.period, s.org_id,
              CASE WHEN avg(i.input_value) IS NULL THEN NULL
                   WHEN avg(i.input_value) < 50 THEN '<50'
                   WHEN avg(i.input_value) < 200 THEN '50-199'
                   WHEN avg(i.input_value) < 1000 THEN '200-999'
                   ELSE '1000+' END AS size
       FROM submissions s JOIN indicator_scores i USING (content_hash)
       WHERE s.is_current AND s.template_id = 'gbt-40143-2021' AND i.indicator_id = '2.1.3'
       GROUP BY ALL`,
    `CREATE VIEW bench_org_period AS
       SELECT s.template_id, s.period, s.org_id, any_value(o.org_name) AS org_name, any_value(o.region) AS region,
              any_value(o.org_type) AS org_type, any_value(z.size) AS size,
              avg(s.total) AS total, count(*) AS raters, max(s.total) - min(s.total) AS total_range, bool_or(s.flagged) AS flagged
       FROM submissions s JOIN organizations o USING (org_id)
       LEFT JOIN bench_org_size z ON z.template_id = s.template_id AND z.period = s.period AND z.org_id = s.org_id
       WHERE s.is_current AND s.total IS NOT NULL
       GROUP BY s.template_id, s.period, s.org_id`,
    `CREATE VIEW bench_org_dimension AS
       SELECT s.template_id, s.period, s.org_id, d.dimension_id, avg(d.score) AS score
       FROM submissions s JOIN dimension_scores d USING (content_hash)
       WHERE s.is_current AND d.score IS NOT NULL
       GROUP BY ALL`,
    `CREATE VIEW bench_org_indicator AS
       SELECT s.template_id, s.period, s.org_id, i.indicator_id, avg(i.score) AS score, count(i.score) AS raters,
              max(i.score) - min(i.score) AS spread
       FROM submissions s JOIN indicator_scores i USING (content_hash)
       WHERE s.is_current AND i.score IS NOT NULL
       GROUP BY ALL`,
    `CREATE VIEW bench_groups AS
       SELECT template_id, period, region, org_type, count(*) AS n,
              count(*) < coalesce(getvariable('min_group'), 5) AS suppressed,
              CASE WHEN count(*) >= coalesce(getvariable('min_group'), 5) THEN min(total) END AS min,
              CASE WHEN count(*) >= coalesce(getvariable('min_group'), 5) THEN quantile_cont(total, 0.25) END AS q1,
              CASE WHEN count(*) >= coalesce(getvariable('min_group'), 5) THEN quantile_cont(total, 0.5) END AS median,
              CASE WHEN count(*) >= coalesce(getvariable('min_group'), 5) THEN quantile_cont(total, 0.75) END AS q3,
              CASE WHEN count(*) >= coalesce(getvariable('min_group'), 5) THEN max(total) END AS max,
              CASE WHEN count(*) >= coalesce(getvariable('min_group'), 5) THEN avg(total) END AS mean
       FROM bench_org_period GROUP BY ALL`,
    `CREATE VIEW bench_percentiles AS
       WITH g AS (
         SELECT *, count(*) OVER grp AS n_group, count(*) OVER every AS n_all,
                rank() OVER (PARTITION BY template_id, period, region, org_type ORDER BY total) - 1 AS below_group,
                count(*) OVER (PARTITION BY template_id, period, region, org_type, total) AS equal_group,
                rank() OVER (PARTITION BY template_id, period ORDER BY total) - 1 AS below_all,
                count(*) OVER (PARTITION BY template_id, period, total) AS equal_all
         FROM bench_org_period
         WINDOW grp AS (PARTITION BY template_id, period, region, org_type), every AS (PARTITION BY template_id, period))
       SELECT template_id, period, org_id, region, org_type, total, n_group, n_all,
              CASE WHEN n_group >= coalesce(getvariable('min_group'), 5) THEN 100.0 * (below_group + 0.5 * equal_group) / n_group END AS percentile_in_group,
              CASE WHEN n_all >= coalesce(getvariable('min_group'), 5) THEN 100.0 * (below_all + 0.5 * equal_all) / n_all END AS percentile_overall
       FROM g`,
    `CREATE VIEW bench_trends AS
       SELECT template_id, org_id, period, total,
              lag(period) OVER w AS previous_period, total - lag(total) OVER w AS change
       FROM bench_org_period WINDOW w AS (PARTITION BY template_id, org_id ORDER BY period)`,
    `CREATE VIEW bench_rater_spread AS
       SELECT template_id, period, org_id, indicator_id, raters, score AS mean_score, spread
       FROM bench_org_indicator WHERE raters > 1`,
  ],
  // Several evaluators consolidated by the method the connection asks for (the variable
  // consolidate), not always by the mean; bench_rater_spread keeps the mean and adds the
  // consolidated score.
  3: [
    `CREATE OR REPLACE VIEW bench_org_size AS
       SELECT template_id, period, org_id,
              CASE WHEN volunteers IS NULL THEN NULL WHEN volunteers < 50 THEN '<50' WHEN volunteers < 200 THEN '50-199'
                   WHEN volunteers < 1000 THEN '200-999' ELSE '1000+' END AS size
       FROM (SELECT s.template_id, s.period, s.org_id, ${consolidated('i.input_value')} AS volunteers
             FROM submissions s JOIN indicator_scores i USING (content_hash)
             WHERE s.is_current AND s.template_id = 'gbt-40143-2021' AND i.indicator_id = '2.1.3'
             GROUP BY ALL)`,
    `CREATE OR REPLACE VIEW bench_org_period AS
       SELECT s.template_id, s.period, s.org_id, any_value(o.org_name) AS org_name, any_value(o.region) AS region,
              any_value(o.org_type) AS org_type, any_value(z.size) AS size,
              ${consolidated('s.total')} AS total, count(*) AS raters, max(s.total) - min(s.total) AS total_range, bool_or(s.flagged) AS flagged
       FROM submissions s JOIN organizations o USING (org_id)
       LEFT JOIN bench_org_size z ON z.template_id = s.template_id AND z.period = s.period AND z.org_id = s.org_id
       WHERE s.is_current AND s.total IS NOT NULL
       GROUP BY s.template_id, s.period, s.org_id`,
    `CREATE OR REPLACE VIEW bench_org_dimension AS
       SELECT s.template_id, s.period, s.org_id, d.dimension_id, ${consolidated('d.score')} AS score
       FROM submissions s JOIN dimension_scores d USING (content_hash)
       WHERE s.is_current AND d.score IS NOT NULL
       GROUP BY ALL`,
    `CREATE OR REPLACE VIEW bench_org_indicator AS
       SELECT s.template_id, s.period, s.org_id, i.indicator_id, ${consolidated('i.score')} AS score, count(i.score) AS raters,
              max(i.score) - min(i.score) AS spread, avg(i.score) AS mean_score
       FROM submissions s JOIN indicator_scores i USING (content_hash)
       WHERE s.is_current AND i.score IS NOT NULL
       GROUP BY ALL`,
    `CREATE OR REPLACE VIEW bench_rater_spread AS
       SELECT template_id, period, org_id, indicator_id, raters, mean_score, spread, score
       FROM bench_org_indicator WHERE raters > 1`,
  ],
  // Ties are compared on totals rounded to 1e-9: the same total reached by two sums in another
  // order (455/9 as 50.55555555555555 and as 50.55555555555556) is one tie, with one percentile.
  // Totals stored before ingest rounded them keep their noise in the file, so the view rounds.
  4: [
    `CREATE OR REPLACE VIEW bench_percentiles AS
       WITH r AS (SELECT *, round(total, 9) AS level FROM bench_org_period),
       g AS (
         SELECT *, count(*) OVER grp AS n_group, count(*) OVER every AS n_all,
                rank() OVER (PARTITION BY template_id, period, region, org_type ORDER BY level) - 1 AS below_group,
                count(*) OVER (PARTITION BY template_id, period, region, org_type, level) AS equal_group,
                rank() OVER (PARTITION BY template_id, period ORDER BY level) - 1 AS below_all,
                count(*) OVER (PARTITION BY template_id, period, level) AS equal_all
         FROM r
         WINDOW grp AS (PARTITION BY template_id, period, region, org_type), every AS (PARTITION BY template_id, period))
       SELECT template_id, period, org_id, region, org_type, total, n_group, n_all,
              CASE WHEN n_group >= coalesce(getvariable('min_group'), 5) THEN 100.0 * (below_group + 0.5 * equal_group) / n_group END AS percentile_in_group,
              CASE WHEN n_all >= coalesce(getvariable('min_group'), 5) THEN 100.0 * (below_all + 0.5 * equal_all) / n_all END AS percentile_overall
       FROM g`,
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
