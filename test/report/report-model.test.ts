/**
 * The pure parts, without a database: the view model from rows written inline (suppression
 * carried through, weakest and strongest chosen, the improvement text from the standard), the
 * summary's suppressed cells, and the escaping template.
 */
import { describe, expect, it } from 'vitest';
import { text } from '../../core/index.ts';
import { cssString, escapeHtml, html, trusted } from '../../pipeline/report/html.ts';
import type {
  IndicatorRow,
  OrgDetail,
  OrgRow,
  ScopeData,
} from '../../pipeline/report/load-report-data.ts';
import { buildReportModel, indexPeers } from '../../pipeline/report/report-model.ts';
import { comparedWith } from '../../pipeline/report/render-report-html.ts';
import { buildSummaryModel } from '../../pipeline/report/summary-model.ts';
import { reportWords } from '../../pipeline/report/report-words.ts';
import { benchmarkWords } from '../../pipeline/benchmark/benchmark-words.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { dimensionRow, groupRow, orgRow, scopeOf } from '../support/report-rows.ts';

const gbt = shippedTemplates().get('gbt-40143-2021')!;
const scope = scopeOf(gbt);
const org = (over: Partial<OrgRow> = {}): OrgRow => orgRow(over);

/** Indicators of dimension 1 as rows: id → [score, percentile, peers with a score]. */
function detail(
  scores: Record<string, [number | null, number | null, number]>,
  extra: Partial<IndicatorRow>[] = [],
): OrgDetail {
  return {
    dimensions: [{ org_id: 'M1', period: '2025', dimension_id: '1', score: 0.5 }],
    groups: [{ org_id: 'M1', id: '1.1', score: 0.5, n_peers: 5, percentile: 40 }],
    indicators: [
      ...Object.entries(scores).map(([id, [score, percentile, n]]) => ({
        org_id: 'M1',
        id,
        rule: 'binary',
        score,
        n_peers: n,
        percentile,
        na: false,
        value: null,
        unanswered: false,
      })),
      ...extra.map((e) => ({
        org_id: 'M1',
        id: '?',
        rule: 'record',
        score: null,
        n_peers: 0,
        percentile: null,
        na: false,
        value: null,
        unanswered: false,
        ...e,
      })),
    ],
    trend: [{ org_id: 'M1', period: '2025', total: 60 }],
    raterSpread: [],
  };
}

/** The group 深圳 × 社会团体 of n ranked organizations (level 0), or another level's group. */
const peers = (n: number, level = 0) =>
  indexPeers({
    scope,
    groups: [groupRow(n, { min: 10, q1: 40, median: 55, q3: 70, max: 90, mean: 54 }, { level })],
    groupDimensions: [dimensionRow('1', n, { q1: 0.4, median: 0.5, q3: 0.6 }, { level })],
  });

describe('buildReportModel', () => {
  const scores: Record<string, [number | null, number | null, number]> = {
    '1.1.1': [1, 60, 5],
    '1.1.2': [0, 20, 5],
    '1.1.3': [0, 10, 5],
    '1.1.4': [1, 80, 5],
    '1.1.5': [0, 10, 4],
  };

  it("lists the weakest first (lowest score, then where peers do better), each with the standard's words as the improvement", () => {
    const m = buildReportModel(gbt, scope, org(), detail(scores), peers(5), {
      lang: 'zh-CN',
      k: 5,
      generatedAt: 't',
      top: 3,
    });
    expect(m.weakest.map((w) => w.id)).toEqual(['1.1.3', '1.1.2', '1.1.5']);
    const name = (id: string) =>
      text(gbt.dimensions[0]!.groups[0]!.indicators.find((i) => i.id === id)!.name, 'zh-CN');
    // GB/T 40143's qualitative indicators have no 内容描述: the requirement itself is what to meet.
    expect(m.weakest[0]).toMatchObject({ improvement: name('1.1.3'), fromDescription: false });
    expect(m.strengths.map((s) => s.id)).toEqual(['1.1.4', '1.1.1']);
  });

  it('uses the content description where the standard gives one', () => {
    const tssof = shippedTemplates().get('tssof-0001-2024-basic')!;
    const withDescription = tssof.dimensions[0]!.groups[0]!.indicators[0]!;
    expect(withDescription.description).toBeDefined();
    const m = buildReportModel(
      tssof,
      { ...scope, template: tssof.id },
      org(),
      detail({ [withDescription.id]: [0.2, 50, 5] }),
      peers(5),
      { lang: 'en', k: 5, generatedAt: 't' },
    );
    expect(m.weakest).toHaveLength(1);
    expect(m.weakest[0]).toMatchObject({
      id: withDescription.id,
      improvement: text(withDescription.description, 'en'),
      fromDescription: true,
    });
  });

  it('carries no peer statistic for a group under k, and none for an indicator fewer than k peers scored', () => {
    const five = buildReportModel(gbt, scope, org(), detail(scores), peers(5), {
      lang: 'en',
      k: 5,
      generatedAt: 't',
    });
    expect(five.peer).toMatchObject({ n: 5, total: { median: 55 }, percentileInGroup: 70 });
    expect(five.dimensions[0]!.peer).toEqual({ q1: 40, median: 50, q3: 60 });
    const ind = (m: typeof five, id: string) =>
      m.groups.flatMap((g) => g.indicators).find((i) => i.id === id)!;
    expect(ind(five, '1.1.1')).toMatchObject({ percentile: 60, peerSuppressed: false });
    expect(ind(five, '1.1.5')).toMatchObject({ percentile: null, peerSuppressed: true }); // 4 peers scored it

    // No grouping, not even all, with k ranked: compared with nobody, no statistic at all.
    const nobody = buildReportModel(
      gbt,
      scope,
      org({ n_group: 4, n_all: 4, level: null, n_compared: null, percentile_in_group: null }),
      detail(scores),
      peers(4),
      { lang: 'en', k: 5, generatedAt: 't' },
    );
    expect(nobody.peer).toMatchObject({ by: null, n: 4, total: null, percentileInGroup: null });
    expect(nobody.peer.skipped).toEqual([['region', 'org_type'], ['region'], []]);
    expect(nobody.dimensions[0]!.peer).toBeNull();
    expect(
      nobody.groups.flatMap((g) => [g, ...g.indicators]).every((s) => s.percentile === null),
    ).toBe(true);
  });

  it('takes every statistic from the one group it falls back to, and says which finer ones were too small', () => {
    const m = buildReportModel(
      gbt,
      scope,
      org({ n_group: 3, level: 1, n_compared: 9, percentile_in_group: 40 }),
      detail(scores),
      peers(9, 1),
      { lang: 'en', k: 5, generatedAt: 't', selection: 'annex-b-example' },
    );
    expect(m.peer).toMatchObject({
      by: { region: '深圳' },
      n: 9,
      total: { q1: 40, median: 55, q3: 70 },
      percentileInGroup: 40,
    });
    expect(m.peer.skipped).toEqual([['region', 'org_type']]);
    expect(m.dimensions[0]!.peer).toEqual({ q1: 40, median: 50, q3: 60 });
    expect(comparedWith(m, reportWords('en'))).toBe(
      'Compared with the 9 members of 深圳 (2025, annex-b-example): fewer than 5 share your region and type.',
    );
    const zh = buildReportModel(
      gbt,
      scope,
      org({ n_group: 3, level: 2, n_compared: 30 }),
      detail(scores),
      indexPeers({
        scope,
        groups: [groupRow(30, { min: 1, q1: 2, median: 3, q3: 4, max: 5, mean: 3 }, { level: 2 })],
        groupDimensions: [],
      }),
      { lang: 'zh-CN', k: 5, generatedAt: 't', selection: 'annex-b-example' },
    );
    expect(comparedWith(zh, reportWords('zh-CN'))).toBe(
      '与全部 30 个成员比较（2025，annex-b-example）：与本机构地区和类型相同的、地区相同的均少于 5 个。',
    );
  });

  it('banners a partial return, ranks it nowhere, and lists its blanks as unanswered, never as weak', () => {
    const m = buildReportModel(
      gbt,
      scope,
      org({
        ranked: false,
        complete: false,
        unanswered: 2,
        applicable: 5,
        percentile_in_group: null,
      }),
      detail(
        scores,
        [
          { id: '1.1.2', rule: 'binary', score: 0, unanswered: true },
          { id: '1.1.3', rule: 'binary', score: 0, unanswered: true },
        ].map((e) => ({ ...e, n_peers: 5, percentile: 10 })),
      ),
      peers(5),
      { lang: 'en', k: 5, generatedAt: 't' },
    );
    expect(m.ranked).toBe(false);
    expect(m.partial).toEqual({ unanswered: 2, applicable: 5, ids: ['1.1.2', '1.1.3'] });
    expect(m.peer.percentileInGroup).toBeNull();
    // Its peers' figures for context, but no rank of its own anywhere.
    expect(m.peer.total).toMatchObject({ median: 55 });
    const all = m.groups.flatMap((g) => g.indicators);
    expect(all.filter((i) => i.state === 'unanswered').map((i) => i.id)).toEqual([
      '1.1.2',
      '1.1.3',
    ]);
    expect(all.every((i) => i.percentile === null)).toBe(true);
    expect(m.weakest.map((w) => w.id)).not.toContain('1.1.2');
    expect(m.weakest.map((w) => w.id)).not.toContain('1.1.3');
  });

  it('keeps the issued-weights total and shows the own one beside it when the weights were changed', () => {
    const m = buildReportModel(
      gbt,
      scope,
      org({ total: 29.67, own_total: 24.13, weights_changed: true }),
      detail(scores),
      peers(5),
      { lang: 'en', k: 5, generatedAt: 't' },
    );
    expect(m.total).toBe(29.67);
    expect(m.weightsChanged).toEqual({ ownTotal: 24.13 });
  });

  it('shows recorded figures and N/A without a score', () => {
    const m = buildReportModel(
      gbt,
      scope,
      org(),
      detail({}, [
        { id: '2.1.3', value: 320 },
        { id: '1.1.1', rule: 'binary', na: true },
      ]),
      peers(5),
      { lang: 'en', k: 5, generatedAt: 't' },
    );
    const all = m.groups.flatMap((g) => g.indicators);
    expect(all.find((i) => i.id === '2.1.3')).toMatchObject({
      state: 'recorded',
      value: 320,
      score: null,
      unit: 'people',
    }); // the en report says the unit in English
    expect(all.find((i) => i.id === '1.1.1')).toMatchObject({ state: 'na', score: null });
    expect(m.weakest).toEqual([]);
  });
});

describe('first-level indicators without a score', () => {
  it('marks one whose indicators are all recorded as "recorded" (no peer statistic), one with nothing applicable as "na", and keeps both off the trend', () => {
    const d: OrgDetail = {
      dimensions: [{ org_id: 'M1', period: '2025', dimension_id: '1', score: 0.5 }],
      groups: [],
      indicators: [
        {
          org_id: 'M1',
          id: '1.1.1',
          rule: 'binary',
          score: 0.5,
          n_peers: 5,
          percentile: 50,
          na: false,
          value: 1,
          unanswered: false,
        },
        {
          org_id: 'M1',
          id: '2.1.3',
          rule: 'record',
          score: null,
          n_peers: 0,
          percentile: null,
          na: false,
          value: 320,
          unanswered: false,
        },
        {
          org_id: 'M1',
          id: '6.1.1',
          rule: 'binary',
          score: null,
          n_peers: 5,
          percentile: null,
          na: true,
          value: null,
          unanswered: false,
        },
      ],
      trend: [{ org_id: 'M1', period: '2025', total: 60 }],
      raterSpread: [],
    };
    const p = indexPeers({
      scope,
      groups: [groupRow(5, { min: 10, q1: 40, median: 55, q3: 70, max: 90, mean: 54 })],
      groupDimensions: ['1', '6'].map((id) =>
        dimensionRow(id, 5, { q1: 0.4, median: 0.5, q3: 0.6 }),
      ),
    });
    const m = buildReportModel(gbt, scope, org(), d, p, { lang: 'en', k: 5, generatedAt: 't' });
    expect(m.dimensions.map((x) => [x.id, x.state, x.score, x.peer])).toEqual([
      ['1', 'scored', 50, { q1: 40, median: 50, q3: 60 }],
      ['2', 'recorded', null, null],
      ['6', 'na', null, null],
    ]);
    expect(m.trend[0]!.dimensions.map((x) => x.id)).toEqual(['1', '6']);
  });
});

describe('buildSummaryModel', () => {
  it('leaves the cells of a group under k empty and the distribution out when there are fewer than k organizations', () => {
    // Scored by the profile record-only, the strict reading: 服务资源's figures are recorded only.
    const orgs = [1, 2, 3, 4].map((i) =>
      org({ org_id: `M${i}`, total: 20 * i, profile: 'record-only' }),
    );
    const data: ScopeData = {
      scope,
      orgs,
      groups: [groupRow(4, null)],
      groupDimensions: [dimensionRow('1', 4, null)],
    };
    const s = buildSummaryModel({
      data,
      template: gbt,
      lang: 'en',
      generatedAt: 't',
      files: new Map(),
      grades: new Map(),
      flagged: [],
      rejected: 0,
    });
    expect(s.total).toBeNull();
    expect(s.histogram).toEqual([]);
    expect(s.heatmap.rows).toEqual([{ label: '深圳 × 社会团体 (< 5)', n: 4, cells: [null] }]);
    // Under record-only, GB/T 40143's 服务资源 has recorded figures only: named as such, not a
    // column of empty cells.
    expect(s.heatmap.recordedOnly).toEqual([{ id: '2', name: 'Service resources' }]);
    const five = buildSummaryModel({
      data: { ...data, orgs: [...orgs, org({ org_id: 'M5', total: 95 })] },
      template: gbt,
      lang: 'en',
      generatedAt: 't',
      files: new Map(),
      grades: new Map(),
      flagged: [],
      rejected: 0,
    });
    expect(five.total).toMatchObject({ min: 20, median: 60, max: 95 });
    // M5 was scored by the template's own defaults, which score 服务资源: it is not named.
    expect(five.heatmap.recordedOnly).toEqual([]);
    expect(five.histogram.map((b) => b.count)).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 1, 1]);
  });
});

describe("the summary's grades", () => {
  it('lists every grade of the template, highest first, one that no organization reached at 0', () => {
    // No shipped template has grades yet: GB/T 40143 with three bands of its own.
    const graded = {
      ...gbt,
      grades: [
        { id: 'C', min: 0, label: { 'zh-CN': '丙', en: 'C' } },
        { id: 'A', min: 80, label: { 'zh-CN': '甲', en: 'A' } },
        { id: 'B', min: 60, label: { 'zh-CN': '乙', en: 'B' } },
      ],
    };
    const orgs = [90, 85, 30, 20, 95].map((total, i) => org({ org_id: `M${i}`, total }));
    const data: ScopeData = {
      scope,
      orgs,
      groups: [groupRow(5, { min: 20, q1: 30, median: 85, q3: 90, max: 95, mean: 64 })],
      groupDimensions: [],
    };
    for (const lang of ['en', 'zh-CN'] as const) {
      // Each organization's grade as its report states it.
      const grades = new Map(
        orgs.map((o) => [
          o.org_id,
          buildReportModel(graded, scope, o, detail({}), peers(5), { lang, k: 5, generatedAt: 't' })
            .grade,
        ]),
      );
      expect([...grades.values()].filter((g) => g === (lang === 'en' ? 'B' : '乙'))).toEqual([]);
      const s = buildSummaryModel({
        data,
        template: graded,
        lang,
        generatedAt: 't',
        files: new Map(),
        grades,
        flagged: [],
        rejected: 0,
      });
      expect(s.grades).toEqual(
        lang === 'en'
          ? [
              { grade: 'A', count: 3 },
              { grade: 'B', count: 0 },
              { grade: 'C', count: 2 },
            ]
          : [
              { grade: '甲', count: 3 },
              { grade: '乙', count: 0 },
              { grade: '丙', count: 2 },
            ],
      );
    }
    // Under k organizations, no distribution at all.
    const four = buildSummaryModel({
      data: { ...data, orgs: orgs.slice(0, 4) },
      template: graded,
      lang: 'en',
      generatedAt: 't',
      files: new Map(),
      grades: new Map(),
      flagged: [],
      rejected: 0,
    });
    expect(four.grades).toEqual([]);
  });
});

describe('zh-CN words', () => {
  // ASCII , : ; ( ) . next to a Chinese character: zh-CN takes full-width punctuation around words.
  const halfWidth =
    /[\u3400-\u9fff\u3001\u3002\uff08\uff09\uff0c\uff1a\uff1b][,:;().]|[,:;()][\u3400-\u9fff]/;
  const samples: Record<string, unknown[]> = {
    fewerThan: [5],
    groupName: [['深圳', '社会团体']],
    context: ['2025', 'annex-b-example'],
    groupColumns: [['region', 'org_type']],
    comparedWithGroup: [7, '深圳 × 社会团体', '2025，annex-b-example'],
    comparedWithAll: [30, '2025，annex-b-example'],
    fewerShare: [5, [['region', 'org_type'], ['region']]],
    comparedWithNobody: [5, 3, '2025，annex-b-example'],
    comparedWithNone: ['2025，annex-b-example'],
    partialBanner: [5, 46, false],
    partialNote: [false],
    weightsChanged: ['29.7', '24.1'],
    ownWeights: ['24.1'],
    partialCount: [2, false],
    partialTitle: [false],
    peerGroupsNote: ['地区和类型 → 地区 → 全部成员', 5],
    notChartedRecorded: ['2 服务资源'],
    notChartedNa: ['6 信用与荣誉'],
    notInHeatmap: ['2 服务资源'],
    improvementIntro: ['GB/T 40143-2021 第 8 章'],
    trendChange: ['2024', '2025'],
    raters: [2],
    methodName: ['median'],
    consolidated: ['median', 3],
    leastAgreementTied: [25, '100.0', true, 5],
    privacyNote: [5],
    summaryPrivacy: [5],
    heatmapCaption: [5],
    rejectedFiles: [3],
    paren: ['5'],
    pageOf: ['3', '12'],
  };
  it('use full-width punctuation in every report and summary text', () => {
    const words = reportWords('zh-CN') as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(words)) {
      const out =
        typeof value === 'function'
          ? (value as (...a: unknown[]) => string)(
              ...(samples[key] ?? expect.fail(`no sample arguments for ${key}`)),
            )
          : String(value);
      expect(out, key).not.toMatch(halfWidth);
    }
    expect((words.leastAgreementTied as (...a: unknown[]) => string)(25, '100.0', true, 5)).toBe(
      '25 项指标评价人员意见相反\uff08分差 100.0\uff09\uff0c以下列出其中 5 项\u3002',
    );
  });

  it('use full-width punctuation in every benchmark text', () => {
    const words = benchmarkWords('zh-CN') as unknown as Record<string, unknown>;
    const args: Record<string, unknown[]> = {
      dimension: ['6', '信用与荣誉'],
      few: [5],
      groupChange: ['+1.25', 5],
      groupChangeFew: [5, 4],
      ratersTitle: ['median'],
      raters: ['A1', 2, '50.00', '3.20'],
      leastAgreement: ['1.00', ['1.1.1', '1.2.1']],
      leastAgreementTied: [25, '1.00', true, ['1.1.1', '1.1.2']],
      notRanked: [5, 46],
      comparedWithNobody: [5],
      figure: [-0.004],
      change: [-0.004],
    };
    for (const [key, value] of Object.entries(words)) {
      const out =
        typeof value === 'function'
          ? (value as (...a: unknown[]) => string)(
              ...(args[key] ?? expect.fail(`no sample arguments for ${key}`)),
            )
          : String(value);
      expect(out, key).not.toMatch(halfWidth);
    }
  });
});

describe('html', () => {
  it('escapes every interpolated value and only trusted markup passes', () => {
    const name = `<script>alert(1)</script>"'=cmd|`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;=cmd|">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;=cmd|</td>',
    );
    expect(html`<p>${[html`<b>${'<i>'}</b>`, 1, null, false]}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b>1</p>',
    );
    expect(html`${trusted('<svg></svg>')}`.value).toBe('<svg></svg>');
    expect(escapeHtml('`&')).toBe('&#96;&amp;');
  });

  it('writes text into a CSS string that reads back whole and cannot end the string or the <style>', () => {
    const name = `阳光 <\/style><script>alert(1)</script>"'\\\n=cmd| · 2025`;
    const css = cssString(name);
    expect(css).toMatch(/^"[^"<>'\n]*"$/);
    const unescaped = css
      .slice(1, -1)
      .replace(/\\([0-9a-f]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(unescaped).toBe(name);
  });
});

describe('benchmark figures', () => {
  it('print two decimals, a change signed, and never a negative zero', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = benchmarkWords(lang);
      expect([t.figure(51.236), t.figure(-0.004), t.figure(null)]).toEqual(['51.24', '0.00', '—']);
      expect([t.change(1.254), t.change(-0.4), t.change(-0.004), t.change(0)]).toEqual([
        '+1.25',
        '-0.40',
        '0.00',
        '0.00',
      ]);
    }
  });
});
