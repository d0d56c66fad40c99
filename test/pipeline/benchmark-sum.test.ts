/**
 * One scale under `sum` too: the method's own first-level score (weight × Σ scores) is no score
 * on 100, so the benchmark's first-level figures are the mean of the third-level scores there,
 * as the sheet's and the reports' points are (core/sheet/score-points.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../../core/index.ts';
import { rng, randomAnswers } from '../../pipeline/synthetic/random-answers.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { workbookBytes } from '../../pipeline/workbooks/make-workbook.ts';
import { queryDb } from '../support/query-db.ts';
import { org, write } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

describe('benchmark of returns scored by sum', () => {
  it('compares first-level scores on the points basis, not weight × Σ scores', async () => {
    const dir = scratchDir();
    const plan = resolvePlan(shippedTemplates().get('gbt-40143-2021')!, {
      profile: 'annex-b-example',
      method: 'sum',
    }).value!;
    for (let i = 1; i <= 3; i++) {
      const answers = randomAnswers(plan, 'zh-CN', rng(i));
      const { bytes } = await workbookBytes(plan, org(i), 'zh-CN', { answers });
      write(join(dir, `r${i}.xlsx`), bytes);
    }
    const db = join(dir, 'db.duckdb');
    expect(runCli(['ingest', dir, '--db', db]).code).toBeLessThan(2);
    const rows = await queryDb(
      db,
      `SELECT d.dimension_id, d.score AS method_score, d.mean, b.score AS compared
       FROM submissions s JOIN dimension_scores d USING (content_hash)
       JOIN bench_org_dimension b ON b.org_id = s.org_id AND b.dimension_id = d.dimension_id
       WHERE s.method = 'sum' AND d.mean IS NOT NULL`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r.compared)).toBeCloseTo(Number(r.mean), 9);
    // The method's own score differs from it (w × Σ), so the test could fail.
    expect(rows.some((r) => Math.abs(Number(r.method_score) - Number(r.mean)) > 1e-6)).toBe(true);
  });
});
