/**
 * A kept ECharts instance that only merges in the next chart's data draws exactly the SVG a
 * fresh instance draws, across charts of several shapes in any order (with and without peers,
 * trends over two and three periods, suppressed points).
 */
import { describe, expect, it } from 'vitest';
import { heatmapOption, radarOption, trendOption } from '../../pipeline/report/chart-options.ts';
import type { OrgDetail, OrgRow } from '../../pipeline/report/load-report-data.ts';
import { chartShape, renderChartSvg } from '../../pipeline/report/render-chart.ts';
import {
  buildReportModel,
  indexPeers,
  type ReportModel,
} from '../../pipeline/report/report-model.ts';
import { reportWords } from '../../pipeline/report/report-words.ts';
import { buildSummaryModel } from '../../pipeline/report/summary-model.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { dimensionRow, groupRow, orgRow, scopeOf } from '../support/report-rows.ts';

const template = shippedTemplates().get('tssof-0001-2024-basic')!;
const indicators = template.dimensions.flatMap((d) => d.groups.flatMap((g) => g.indicators));
const w = reportWords('zh-CN');

function model(i: number, opts: { peers: boolean; periods: string[] }): ReportModel {
  const org: OrgRow = orgRow({
    org_id: `M${i}`,
    org_name: `第${i}协会`,
    total: 30 + 7 * i,
    n_compared: 6,
    n_group: 6,
    n_all: 6,
    percentile_in_group: 50,
    percentile_overall: 50,
  });
  const detail: OrgDetail = {
    dimensions: template.dimensions.flatMap((d, k) =>
      opts.periods.map((p, j) => ({
        org_id: org.org_id,
        period: p,
        dimension_id: d.id,
        score: ((i + k + j) % 5) / 4,
      })),
    ),
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
    trend: opts.periods.map((p, j) => ({
      org_id: org.org_id,
      period: p,
      total: 20 + 9 * i + 5 * j,
    })),
    raterSpread: [],
  };
  const n = opts.peers ? 6 : 3;
  const period = opts.periods[opts.periods.length - 1]!;
  const scope = scopeOf(template, period);
  // The peers' median each period (none the first period for odd i: under k then).
  const earlier = opts.periods
    .slice(0, -1)
    .map((p, j) =>
      groupRow(
        j === 0 && i % 2 ? 3 : 6,
        { min: 20, q1: 30, median: 40 + i + j, q3: 60, max: 80, mean: 45 },
        { period: p },
      ),
    );
  const peers = indexPeers({
    scope,
    groups: [
      ...earlier,
      groupRow(
        n,
        { min: 20, q1: 35 + i, median: 45 + i, q3: 60 + i, max: 80, mean: 47 },
        { period },
      ),
    ],
    groupDimensions: template.dimensions.map((d, k) =>
      dimensionRow(d.id, n, { q1: 0.2 + 0.01 * k, median: 0.5 - 0.02 * i, q3: 0.7 + 0.01 * i }),
    ),
  });
  return buildReportModel(template, scope, org, detail, peers, {
    lang: 'zh-CN',
    k: 5,
    generatedAt: 't',
  });
}

/** ECharts numbers its instances (CSS classes, clip paths): the only difference allowed. */
const same = (svg: string) => svg.replace(/zr\d+-cls-\d+/g, 'zr-cls').replace(/zr\d+-/g, 'zr-');

describe('chart labels', () => {
  it('print every figure with one decimal, as the tables do: 80.0, never 80 beside 66.7', () => {
    const medians = [0.8, 2 / 3, 0.5, 0.9, 1];
    const summary = buildSummaryModel({
      data: {
        scope: scopeOf(template),
        orgs: [],
        groups: [
          groupRow(5, { min: 20, q1: 35, median: 45, q3: 60, max: 80, mean: 47 }),
          groupRow(3, null, { by: { region: '武汉', org_type: '基金会' } }),
        ],
        groupDimensions: template.dimensions.map((d, i) =>
          dimensionRow(d.id, 5, { q1: 0, median: medians[i]!, q3: 1 }),
        ),
      },
      template,
      lang: 'zh-CN',
      generatedAt: 't',
      files: new Map(),
      grades: new Map(),
      flagged: [],
      rejected: 0,
    });
    expect(template.dimensions).toHaveLength(medians.length);
    const heat = renderChartSvg(heatmapOption(summary, w), 900, 240);
    const labels = [...heat.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(labels).toEqual(expect.arrayContaining(['80.0', '66.7', '50.0', '90.0', '100.0']));
    for (const bare of ['80', '50', '90']) expect(labels).not.toContain(bare);
    expect(labels.filter((l) => l === '&lt; 5')).toHaveLength(medians.length);

    const m = model(1, { peers: true, periods: ['2024', '2025'] }); // totals 29 and 34
    const trend = renderChartSvg(trendOption(m, w), 640, 280);
    const trendLabels = [...trend.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((x) => x[1]!);
    expect(m.trend.map((t) => t.total)).toEqual([29, 34]);
    expect(trendLabels).toEqual(expect.arrayContaining(['29.0', '34.0']));
    expect(trendLabels).not.toContain('29');
  });
});

describe('renderChartSvg', () => {
  it('draws on a kept instance exactly what a fresh instance draws, whatever came before', () => {
    const models = Array.from({ length: 12 }, (_, i) =>
      model(i, {
        peers: i % 3 !== 1,
        periods: i % 4 === 2 ? ['2023', '2024', '2025'] : ['2024', '2025'],
      }),
    );
    const charts = models.flatMap((m) => [
      { option: radarOption(m, w), width: 600, height: 440 },
      { option: trendOption(m, w), width: 640, height: 280 },
    ]);
    // Several shapes, each met more than once: the kept instances are really reused.
    const shapes = new Set(charts.map((c) => chartShape(c.option, c.width, c.height))).size;
    expect(shapes).toBeGreaterThanOrEqual(4);
    expect(shapes).toBeLessThanOrEqual(charts.length / 3);
    for (const c of [...charts, ...charts.reverse()]) {
      const kept = renderChartSvg(c.option, c.width, c.height);
      const fresh = renderChartSvg(c.option, c.width, c.height, { reuse: false });
      expect(kept).toMatch(/^<svg/);
      expect(same(kept)).toBe(same(fresh));
    }
  });
});
