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
  /** One problem of a CSV return, at the row a spreadsheet shows. */
  'return.at-row': {
    'zh-CN': (p) => `第 ${s(p.row)} 行：${s(p.message)}`,
    en: (p) => `row ${s(p.row)}: ${s(p.message)}`,
  },
});
