/**
 * ECharts' server-side SVG rendering: an option → an SVG string to inline in the page. No DOM,
 * no browser, no hand-drawn SVG. ECharts escapes the text it writes into the SVG.
 */
import * as echarts from 'echarts';
import type { ChartOption } from './chart-options.ts';

export function renderChartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
