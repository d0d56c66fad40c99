/** The words of ingest: the command's summary, and the rejections of CSV returns. */
import { registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

registerMessages({
  'cli.ingest.not-found': {
    'zh-CN': (p) => `找不到：${s(p.path)}`,
    en: (p) => `Not found: ${s(p.path)}`,
  },
  'cli.ingest.no-files': {
    'zh-CN': () => '没有可导入的文件（.xlsx、.xlsm、.csv）。',
    en: () => 'No files to ingest (.xlsx, .xlsm, .csv).',
  },
  'cli.ingest.progress': {
    'zh-CN': () => '导入',
    en: () => 'Ingesting',
  },
  /** A path given on the command line that names nothing, listed with the rejections. */
  'cli.ingest.missing-path': {
    'zh-CN': (p) =>
      `找不到这个文件或文件夹：${s(p.path)}。请检查路径的拼写，或通配符是否匹配到文件。`,
    en: (p) =>
      `No such file or folder: ${s(p.path)}. Check the path's spelling, or whether the glob matches any file.`,
  },
  'cli.ingest.database': {
    'zh-CN': (p) => `数据库：${s(p.db)}`,
    en: (p) => `Database: ${s(p.db)}`,
  },
  'cli.ingest.counts': {
    'zh-CN': (p) =>
      `新导入: ${s(p.ingested)}   未变(已存在): ${s(p.unchanged)}   替换旧版: ${s(p.replaced)}   已标记(缓存结果与引擎不一致): ${s(p.flagged)}   拒收: ${s(p.rejected)}`,
    en: (p) =>
      `ingested: ${s(p.ingested)}   unchanged: ${s(p.unchanged)}   replaced: ${s(p.replaced)}   flagged: ${s(p.flagged)}   rejected: ${s(p.rejected)}`,
  },
  /** What the stored returns of the run are: said only when one of them is not 0. */
  'cli.ingest.notes': {
    'zh-CN': (p) =>
      `其中 部分作答(有适用指标未作答，不参与排名): ${s(p.partial)}   权重被改动(按下发权重计分): ${s(p.weights_changed)}   未计算(文件无缓存结果，未比对): ${s(p.not_calculated)}`,
    en: (p) =>
      `of which partial (applicable indicators unanswered, not ranked): ${s(p.partial)}   weights changed (scored with the issued weights): ${s(p.weights_changed)}   not calculated (no cached results, not compared): ${s(p.not_calculated)}`,
  },
  /** Returns of a workbook generated again: they replace the earlier workbook's, they are not a second evaluator. */
  'cli.ingest.regenerated': {
    'zh-CN': (p) =>
      `${s(p.count)} 份回报来自为同一机构、周期、评价方案和评价人重新生成的工作簿：以生成时间较晚的一份为准（不算作另一位评价人）。`,
    en: (p) =>
      `${s(p.count)} return(s) came from a workbook generated again for the same organization, period, selection and evaluator: the one generated last counts (not as a second evaluator).`,
  },
  'cli.ingest.more-rejected': {
    'zh-CN': (p) => `…另有 ${s(p.count)} 个，见数据库 rejections 表`,
    en: (p) => `… ${s(p.count)} more in the rejections table`,
  },

  'return.csv-columns': {
    'zh-CN': (p) =>
      `CSV 回报缺少列：${s(p.missing)}。表头应为 ${s(p.required)}（可选 ${s(p.optional)}）。`,
    en: (p) =>
      `The CSV return lacks the column(s) ${s(p.missing)}. The header must be ${s(p.required)} (optional: ${s(p.optional)}).`,
  },
  'return.csv-no-rows': {
    'zh-CN': () => 'CSV 回报中没有数据行。',
    en: () => 'The CSV return has no data rows.',
  },
  /** A return with nothing answered and nothing marked N/A. */
  'return.empty': {
    'zh-CN': (p) =>
      `这份回报是空的：${s(p.count)} 项适用指标都没有作答，也没有标记“不适用”。请填写后重新提交。`,
    en: (p) =>
      `The return is empty: none of its ${s(p.count)} applicable indicators is answered or marked N/A. Fill it in and send it again.`,
  },
  /** One problem of a CSV return, at the row a spreadsheet shows. */
  'return.at-row': {
    'zh-CN': (p) => `第 ${s(p.row)} 行：${s(p.message)}`,
    en: (p) => `row ${s(p.row)}: ${s(p.message)}`,
  },
});
