/**
 * ECharts' server-side SVG rendering: an option → an SVG string to inline in the page. No DOM,
 * no browser, no hand-drawn SVG. ECharts escapes the text it writes into the SVG.
 *
 * ECharts is loaded as its single-file CommonJS build (what `require('echarts')` gives): the
 * ES-module build is hundreds of files, which took over a second to load through the
 * TypeScript loader in every process and worker thread.
 *
 * A report run draws the same charts hundreds of times with other numbers. Building a chart
 * (its models, axes, legend, views) cost as much as drawing it, so charts of one shape (the
 * option without its series' data, and the size) keep their ECharts instance, and the next one
 * only merges in its data: the same SVG as a fresh instance draws (tested), in half the time.
 */
import { createRequire } from 'node:module';
import type { ChartOption } from './chart-options.ts';

const echarts = createRequire(import.meta.url)('echarts') as typeof import('echarts');
type Chart = ReturnType<typeof echarts.init>;

/** Chart shapes kept per thread; a report run has a handful (radar with or without peers, trends over n periods). */
const KEEP = 16;
const kept = new Map<string, Chart>();

function fresh(width: number, height: number): Chart {
  return echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
}

/** A series' data without its numbers: where points are missing ('-' or null) still shapes the chart. */
const dataMask = (data: unknown): unknown =>
  Array.isArray(data)
    ? data.map((d) =>
        d === '-' || d === null
          ? '-'
          : typeof d === 'object'
            ? { ...(d as object), value: dataMask((d as { value?: unknown }).value) }
            : 0,
      )
    : data;

/**
 * What stays the same between two charts that can share an instance: everything but the
 * numbers of the series' data. A point that appears where the last chart had none would be
 * added after the others, not in its place (the same picture, another SVG).
 */
export function chartShape(option: ChartOption, width: number, height: number): string {
  const series = Array.isArray(option.series)
    ? (option.series as Record<string, unknown>[]).map((s) => ({ ...s, data: dataMask(s.data) }))
    : option.series;
  return JSON.stringify([width, height, { ...option, series }]);
}

/** Draws `option` on a new instance, disposed afterwards (`reuse: false`), or on the kept instance of its shape. */
export function renderChartSvg(
  option: ChartOption,
  width: number,
  height: number,
  opts: { reuse?: boolean } = {},
): string {
  if (opts.reuse === false) {
    const chart = fresh(width, height);
    try {
      chart.setOption(option);
      return chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  }
  const key = chartShape(option, width, height);
  let chart = kept.get(key);
  if (chart)
    kept.delete(key); // re-inserted below: the map's order is the order of last use
  else {
    chart = fresh(width, height);
    if (kept.size >= KEEP) {
      const [oldest, c] = kept.entries().next().value as [string, Chart];
      kept.delete(oldest);
      c.dispose();
    }
  }
  try {
    // Same shape: merging replaces each series' data and leaves the rest as it was built.
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    // A live instance runs zrender's frame loop on timers, which would keep the process (and a
    // worker) from ever exiting: nothing animates here, so stop it (the next setOption restarts it).
    chart.getZr().animation.stop();
    kept.set(key, chart);
    return svg;
  } catch (e) {
    chart.dispose();
    throw e;
  }
}
