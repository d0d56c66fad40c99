/**
 * ECharts options for every chart of the reports and the summary, as plain data (no ECharts
 * import, no rendering): what is drawn, from the view models. Series carry stable names so a
 * reader of the SVG (and the browser test) can tell which is which. No organization's name is
 * ever put into a chart. The one kind of function in them is a label formatter: ECharts prints
 * a number as it is (80, but 80.5), and a figure on a chart reads like the tables (80.0, 80.5).
 */
import { roundTo } from '../../core/index.ts';
import { fmt1 } from './page-shell.ts';
import type { ReportModel } from './report-model.ts';
import type { ReportWords } from './report-words.ts';
import type { SummaryModel } from './summary-model.ts';

export type ChartOption = Record<string, unknown>;

export const FONT =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
export const COLORS = { org: '#1d4ed8', median: '#374151', band: '#f59e0b', suppressed: '#d1d5db' };

const base = (): ChartOption => ({
  animation: false,
  textStyle: { fontFamily: FONT },
  color: [COLORS.org, COLORS.median, COLORS.band],
});
/** A chart's figure rounded as its label and the tables print it. */
const round1 = (x: number) => roundTo(x, 1);

/** A label's figure with one decimal, as every table prints it: 80.0, not 80 (a heat map cell's value is [x, y, v]). */
function oneDecimal(p: { value?: unknown }): string {
  const v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
  return typeof v === 'number' ? fmt1(v) : String(v ?? '');
}

/**
 * The radar of first-level scores (0..100). With peer statistics: the quartile band (the area
 * up to Q3 with the area up to Q1 cut out in white), the peer median, then the organization.
 */
export function radarOption(m: ReportModel, w: ReportWords): ChartOption {
  const dims = m.dimensions.filter((d) => d.score !== null);
  const withPeers = dims.length > 0 && dims.every((d) => d.peer !== null);
  const series: Record<string, unknown>[] = [];
  if (withPeers) {
    series.push(
      {
        name: w.peerBand,
        type: 'radar',
        symbol: 'none',
        z: 1,
        lineStyle: { width: 0 },
        areaStyle: { color: COLORS.band, opacity: 0.35 },
        itemStyle: { color: COLORS.band },
        data: [{ name: w.peerBand, value: dims.map((d) => round1(d.peer!.q3)) }],
      },
      {
        name: 'q1-cutout',
        type: 'radar',
        symbol: 'none',
        z: 2,
        silent: true,
        lineStyle: { width: 0 },
        areaStyle: { color: '#ffffff', opacity: 1 },
        data: [{ name: 'q1-cutout', value: dims.map((d) => round1(d.peer!.q1)) }],
      },
      {
        name: w.peerMedian,
        type: 'radar',
        symbol: 'none',
        z: 3,
        lineStyle: { type: 'dashed', color: COLORS.median, width: 1.5 },
        itemStyle: { color: COLORS.median },
        data: [{ name: w.peerMedian, value: dims.map((d) => round1(d.peer!.median)) }],
      },
    );
  }
  series.push({
    name: w.thisOrg,
    type: 'radar',
    z: 4,
    symbolSize: 5,
    lineStyle: { color: COLORS.org, width: 2.5 },
    itemStyle: { color: COLORS.org },
    areaStyle: { color: COLORS.org, opacity: 0.08 },
    data: [{ name: w.thisOrg, value: dims.map((d) => round1(d.score!)) }],
  });
  return {
    ...base(),
    legend: { bottom: 0, data: withPeers ? [w.thisOrg, w.peerMedian, w.peerBand] : [w.thisOrg] },
    radar: {
      center: ['50%', '50%'],
      radius: '66%',
      splitNumber: 4,
      splitArea: { show: false },
      axisName: { color: '#111827', fontSize: 12, fontFamily: FONT },
      indicator: dims.map((d) => ({ name: wrap(`${d.id} ${d.name}`, 10), max: 100, min: 0 })),
    },
    series,
  };
}

/** The organization's total per period, with its peer group's median where that group had at least k members. */
export function trendOption(m: ReportModel, w: ReportWords): ChartOption {
  const series: Record<string, unknown>[] = [
    {
      name: w.thisOrg,
      type: 'line',
      symbolSize: 7,
      lineStyle: { width: 2.5 },
      label: { show: true, formatter: oneDecimal, position: 'top' },
      data: m.trend.map((t) => round1(t.total)),
    },
  ];
  if (m.trend.some((t) => t.peerMedian !== null)) {
    series.push({
      name: w.peerMedian,
      type: 'line',
      symbol: 'emptyCircle',
      lineStyle: { type: 'dashed' },
      connectNulls: false,
      data: m.trend.map((t) => (t.peerMedian === null ? '-' : round1(t.peerMedian))),
    });
  }
  return {
    ...base(),
    legend: { bottom: 0, data: series.map((s) => s.name) },
    grid: { left: 48, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: m.trend.map((t) => t.period), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, name: w.total },
    series,
  };
}

/** Totals in bands of ten points, over all organizations (the caller shows it only when there are at least k). */
export function histogramOption(s: SummaryModel, w: ReportWords): ChartOption {
  return {
    ...base(),
    grid: { left: 48, right: 16, top: 24, bottom: 40 },
    xAxis: {
      type: 'category',
      data: s.histogram.map((b) => b.label),
      name: w.total,
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { interval: 0, fontSize: 10 },
    },
    yAxis: { type: 'value', minInterval: 1, name: w.count },
    series: [
      {
        name: w.count,
        type: 'bar',
        data: s.histogram.map((b) => b.count),
        label: { show: true, position: 'top' },
        itemStyle: { color: COLORS.org },
      },
    ],
  };
}

export function gradesOption(s: SummaryModel, w: ReportWords): ChartOption {
  return {
    ...base(),
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: s.grades.map((g) => g.grade) },
    yAxis: { type: 'value', minInterval: 1, name: w.count },
    series: [
      {
        name: w.gradesTitle,
        type: 'bar',
        data: s.grades.map((g) => g.count),
        label: { show: true, position: 'top' },
        itemStyle: { color: COLORS.band },
      },
    ],
  };
}

/**
 * First-level medians by peer group. Groups under k are a separate grey series whose cells say
 * "< k": the value is not there to be hidden, it was never computed.
 */
export function heatmapOption(s: SummaryModel, w: ReportWords): ChartOption {
  const shown: (number | string)[][] = [];
  const hidden: (number | string)[][] = [];
  s.heatmap.rows.forEach((row, y) =>
    row.cells.forEach((c, x) => {
      if (c === null) hidden.push([x, y, 0]);
      else shown.push([x, y, round1(c)]);
    }),
  );
  return {
    ...base(),
    grid: { left: 180, right: 16, top: 8, bottom: 96 },
    xAxis: {
      type: 'category',
      data: s.heatmap.dimensions.map((d) => wrap(`${d.id} ${d.name}`, 8)),
      axisLabel: { interval: 0, fontSize: 11 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: s.heatmap.rows.map((r) => r.label),
      axisLabel: { fontSize: 11 },
    },
    visualMap: [
      {
        min: 0,
        max: 100,
        seriesIndex: 0,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        text: ['100', '0'],
        inRange: { color: ['#fee2e2', '#fef9c3', '#bbf7d0', '#15803d'] },
      },
      // ECharts colours heat maps only through a visual map: the suppressed cells get one that knows a single grey.
      {
        show: false,
        min: 0,
        max: 1,
        seriesIndex: 1,
        inRange: { color: [COLORS.suppressed, COLORS.suppressed] },
      },
    ],
    series: [
      {
        name: w.median,
        type: 'heatmap',
        data: shown,
        label: { show: true, fontSize: 11, formatter: oneDecimal },
      },
      {
        name: w.fewerThan(s.k),
        type: 'heatmap',
        data: hidden,
        label: { show: true, fontSize: 10, color: '#4b5563', formatter: `< ${s.k}` },
      },
    ],
  };
}

/** Break a long axis name into at most three lines: CJK every `n` characters, other text at spaces (about 2n wide). */
export function wrap(s: string, n: number): string {
  const lines: string[] = [];
  if (/[\u3400-\u9fff]/u.test(s)) {
    for (let i = 0; i < s.length; i += n) lines.push(s.slice(i, i + n));
  } else {
    let line = '';
    for (const word of s.split(/\s+/)) {
      if (line && line.length + 1 + word.length > 2 * n) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.length > 3 ? `${lines.slice(0, 3).join('\n')}…` : lines.join('\n');
}
