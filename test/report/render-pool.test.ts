/**
 * Pages drawn in a worker thread are the pages the main thread draws, and a failure in a worker
 * reaches the caller.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OrgDetail, OrgRow } from '../../pipeline/report/load-report-data.ts';
import { reportPage } from '../../pipeline/report/render-page.ts';
import { createPageWriter, workersFor } from '../../pipeline/report/render-pool.ts';
import { buildReportModel, indexPeers } from '../../pipeline/report/report-model.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { dimensionRow, groupRow, orgRow, scopeOf } from '../support/report-rows.ts';
import { scratchDir } from '../support/run-cli.ts';

const template = shippedTemplates().get('tssof-0001-2024-basic')!;
const indicators = template.dimensions.flatMap((d) => d.groups.flatMap((g) => g.indicators));

function model(i: number) {
  const org: OrgRow = orgRow({
    org_id: `M${i}`,
    org_name: `第${i}协会 <b>`,
    total: 40 + i,
    n_compared: 6,
    n_group: 6,
    n_all: 6,
    percentile_in_group: 50,
    percentile_overall: 50,
  });
  const detail: OrgDetail = {
    dimensions: template.dimensions.flatMap((d, k) => [
      { org_id: org.org_id, period: '2024', dimension_id: d.id, score: 0.3 },
      { org_id: org.org_id, period: '2025', dimension_id: d.id, score: ((i + k) % 4) / 3 },
    ]),
    groups: [],
    indicators: indicators.map((ind, k) => ({
      org_id: org.org_id,
      id: ind.id,
      rule: 'scale',
      score: ((i * 3 + k) % 4) / 3,
      n_peers: 6,
      percentile: 50,
      na: false,
      value: null,
      unanswered: false,
    })),
    trend: [
      { org_id: org.org_id, period: '2024', total: 35 },
      { org_id: org.org_id, period: '2025', total: 40 + i },
    ],
    raterSpread: [],
  };
  const scope = scopeOf(template);
  const peers = indexPeers({
    scope,
    groups: [
      groupRow(6, { min: 20, q1: 30, median: 40, q3: 50, max: 80, mean: 40 }, { period: '2024' }),
      groupRow(6, { min: 20, q1: 35, median: 45, q3: 60, max: 80, mean: 47 }),
    ],
    groupDimensions: template.dimensions.map((d) =>
      dimensionRow(d.id, 6, { q1: 0.3, median: 0.5, q3: 0.7 }),
    ),
  });
  return buildReportModel(template, scope, org, detail, peers, {
    lang: 'zh-CN',
    k: 5,
    generatedAt: '2025-01-01 00:00',
  });
}

/** ECharts numbers its instances (CSS classes, clip paths): the only difference allowed between two drawings. */
const same = (html: string) => html.replace(/zr\d+-cls-\d+/g, 'zr-cls').replace(/zr\d+-/g, 'zr-');

describe('createPageWriter', () => {
  it('writes in a worker exactly the page the main thread writes', async () => {
    const dir = scratchDir('scorebook-pool-');
    let ticks = 0;
    const writer = createPageWriter(1, () => ticks++);
    try {
      await writer.ready();
      const models = Array.from({ length: 8 }, (_, i) => model(i));
      for (const [i, m] of models.entries())
        await writer.write({ model: m, file: join(dir, `r${i}.html`) });
      await writer.written();
      expect(ticks).toBe(8);
      expect(writer.byWorkers).toBeGreaterThanOrEqual(4);
      for (const [i, m] of models.entries())
        expect(same(readFileSync(join(dir, `r${i}.html`), 'utf8'))).toBe(same(reportPage(m)));
    } finally {
      await writer.close();
    }
  });

  it("passes a worker's failure to the caller", async () => {
    const dir = scratchDir('scorebook-pool-');
    const writer = createPageWriter(1, () => {});
    try {
      await writer.ready();
      const bad = join(dir, 'no-such-folder', 'r.html');
      // Carried across the thread as what it is: a failed write, with its cause, in words.
      await expect(
        (async () => {
          await writer.write({ model: model(1), file: bad });
          await writer.written();
        })(),
      ).rejects.toMatchObject({
        issues: [{ code: 'write.failed', params: { reason: 'ENOENT' }, file: bad }],
      });
      expect(existsSync(bad)).toBe(false);
    } finally {
      await writer.close();
    }
  });

  it('starts workers only for large runs unless asked', () => {
    expect(workersFor(100, { cores: 4 })).toBe(0);
    expect(workersFor(1000, { cores: 4 })).toBe(3);
    expect(workersFor(1000, { cores: 1 })).toBe(0);
    expect(workersFor(10, { asked: 3, cores: 1 })).toBe(2);
    expect(workersFor(1, { asked: 3, cores: 8 })).toBe(0);
  });
});
