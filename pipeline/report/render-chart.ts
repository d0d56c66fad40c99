/**
 * ECharts' server-side SVG rendering: an option → an SVG string to inline in the page. No DOM,
 * no browser, no hand-drawn SVG. ECharts escapes the text it writes into the SVG.
 *
 * ECharts is loaded as its single-file CommonJS build (what `require('echarts')` gives): the
 * ES-module build is hundreds of files, which took over a second to load through the
 * TypeScript loader in every process and worker thread.
 */
import { createRequire } from 'node:module';
import type { ChartOption } from './chart-options.ts';

const echarts = createRequire(import.meta.url)('echarts') as typeof import('echarts');

export function renderChartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
