/** One report model → its charts (ECharts SVG) and its HTML page, written to `file`. Runs on the main thread or in a worker. */
import { writeWholeSync } from '../files/write-whole.ts';
import { radarOption, trendOption } from './chart-options.ts';
import { renderChartSvg } from './render-chart.ts';
import { renderReportHtml } from './render-report-html.ts';
import type { ReportModel } from './report-model.ts';
import { reportWords } from './report-words.ts';

export interface PageJob {
  model: ReportModel;
  /** absolute path of the HTML file to write */
  file: string;
}

export function reportCharts(m: ReportModel): { radar: string; trend: string | null } {
  const w = reportWords(m.lang);
  return {
    radar: renderChartSvg(radarOption(m, w), 600, 440),
    trend: m.trend.length >= 2 ? renderChartSvg(trendOption(m, w), 640, 280) : null,
  };
}

export function reportPage(m: ReportModel): string {
  return renderReportHtml(m, reportWords(m.lang), reportCharts(m));
}

export function writeReportPage(job: PageJob): void {
  writeWholeSync(job.file, reportPage(job.model));
}
