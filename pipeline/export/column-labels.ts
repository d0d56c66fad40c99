/**
 * Every column the database exports, labelled in words once: the zh-CN headers of `export
 * --format csv|xlsx --lang zh-CN` (Excel in China shows them to people who do not read SQL
 * names), and the words of the column table in docs/database.md (written from here). In
 * English the headers stay the column names, which BI tools and scripts key on. A test holds
 * every exported column labelled in both languages.
 */
import type { Lang } from '../../core/index.ts';

export const COLUMN_LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  org_id: { 'zh-CN': '机构编号', en: 'organization id' },
  org_name: { 'zh-CN': '机构名称', en: 'organization name' },
  region: { 'zh-CN': '地区', en: 'region' },
  org_type: { 'zh-CN': '机构类型', en: 'organization type' },
  updated_at: { 'zh-CN': '更新时间', en: 'updated at' },
  content_hash: { 'zh-CN': '文件散列值', en: 'file hash (SHA-256)' },
  workbook_id: { 'zh-CN': '工作簿编号', en: 'workbook id' },
  version: { 'zh-CN': '版本', en: 'version of the workbook id' },
  is_current: { 'zh-CN': '是否当前版本', en: 'current' },
  template_id: { 'zh-CN': '模板', en: 'template' },
  template_version: { 'zh-CN': '模板版本', en: 'template version' },
  profile: { 'zh-CN': '评价方案', en: 'profile' },
  profile_hash: { 'zh-CN': '方案散列值', en: 'selection hash' },
  label: { 'zh-CN': '评价方案名称', en: 'selection' },
  method: { 'zh-CN': '汇总方法', en: 'method' },
  lang: { 'zh-CN': '工作簿语言', en: 'workbook language' },
  period: { 'zh-CN': '评价周期', en: 'period' },
  evaluator: { 'zh-CN': '评价人', en: 'evaluator' },
  source: { 'zh-CN': '来源', en: 'source (xlsx/csv)' },
  file_name: { 'zh-CN': '文件名', en: 'file name' },
  ingested_at: { 'zh-CN': '导入时间', en: 'ingested at' },
  generated_at: { 'zh-CN': '生成时间', en: 'generated at' },
  weights: { 'zh-CN': '回报中的权重', en: 'weights as returned' },
  total: { 'zh-CN': '总分', en: 'total' },
  grade: { 'zh-CN': '等级', en: 'grade' },
  answered: { 'zh-CN': '已作答的适用指标数', en: 'applicable indicators answered' },
  unanswered: { 'zh-CN': '未作答的适用指标数', en: 'applicable indicators unanswered' },
  flagged: { 'zh-CN': '已标记（缓存结果与引擎不一致）', en: 'flagged' },
  mismatches: { 'zh-CN': '不一致之处', en: 'mismatches' },
  applicable: { 'zh-CN': '适用指标数', en: 'applicable indicators' },
  complete: { 'zh-CN': '是否完整作答', en: 'complete' },
  issued_weights: { 'zh-CN': '下发的权重', en: 'issued weights' },
  weights_changed: { 'zh-CN': '权重是否被改动', en: 'weights changed' },
  own_total: { 'zh-CN': '按回报权重的总分', en: 'total with its own weights' },
  calculated: { 'zh-CN': '文件是否已计算', en: 'calculated' },
  credit_code: { 'zh-CN': '统一社会信用代码', en: 'unified social credit code' },
  // Not 评价方式, which A.3.2 (and the mode column) use for 文件审核 / 人员访谈 / 现场审核.
  evaluation_mode: { 'zh-CN': '评价形式（自评/第三方/秘书处）', en: 'evaluation type' },
  star_level: { 'zh-CN': '星级', en: 'star level' },
  volunteers: { 'zh-CN': '志愿者人数', en: 'volunteers' },
  indicator_id: { 'zh-CN': '三级指标', en: 'third-level indicator' },
  dimension_id: { 'zh-CN': '一级指标', en: 'first-level indicator' },
  group_id: { 'zh-CN': '二级指标', en: 'second-level indicator' },
  rule: { 'zh-CN': '评分规则', en: 'rule' },
  input_raw: { 'zh-CN': '填写内容', en: 'input as entered' },
  input_value: { 'zh-CN': '填写值', en: 'input as understood' },
  state: { 'zh-CN': '填写状态', en: 'input state' },
  score: { 'zh-CN': '得分', en: 'score' },
  na: { 'zh-CN': '不适用', en: 'N/A' },
  mode: { 'zh-CN': '评价方式', en: 'evaluation mode' },
  evidence: { 'zh-CN': '证据 / 说明', en: 'evidence' },
  weight: { 'zh-CN': '权重', en: 'weight' },
  mean: { 'zh-CN': '平均值', en: 'mean' },
  sum: { 'zh-CN': '得分合计', en: 'sum of scores' },
  file: { 'zh-CN': '文件', en: 'file' },
  reason: { 'zh-CN': '拒收原因', en: 'reason' },
  message: { 'zh-CN': '说明', en: 'message' },
  rejected_at: { 'zh-CN': '拒收时间', en: 'rejected at' },
  code: { 'zh-CN': '问题代码', en: 'problem code' },
  params: { 'zh-CN': '问题参数', en: 'problem parameters' },
  position: { 'zh-CN': '顺序', en: 'position' },
  band: { 'zh-CN': '规模档', en: 'band' },
  below: { 'zh-CN': '上限（不含）', en: 'upper bound (exclusive)' },
  size: { 'zh-CN': '规模', en: 'size' },
  raters: { 'zh-CN': '评价人数', en: 'evaluators' },
  total_range: { 'zh-CN': '评价人总分极差', en: "range of the evaluators' totals" },
  spread: { 'zh-CN': '评价人得分极差', en: "range of the evaluators' scores" },
  mean_score: { 'zh-CN': '平均得分', en: 'mean score' },
  n: { 'zh-CN': '机构数', en: 'organizations' },
  organizations: { 'zh-CN': '机构数', en: 'organizations' },
  submissions: { 'zh-CN': '回报数', en: 'submissions' },
  suppressed: { 'zh-CN': '是否隐去（不足 k 个）', en: 'suppressed (fewer than k)' },
  min: { 'zh-CN': '最小值', en: 'minimum' },
  q1: { 'zh-CN': '下四分位数', en: 'first quartile' },
  median: { 'zh-CN': '中位数', en: 'median' },
  q3: { 'zh-CN': '上四分位数', en: 'third quartile' },
  max: { 'zh-CN': '最大值', en: 'maximum' },
  n_group: { 'zh-CN': '同组机构数', en: 'organizations in the peer group' },
  n_all: { 'zh-CN': '全部机构数', en: 'organizations in all' },
  percentile_in_group: { 'zh-CN': '组内百分位', en: 'percentile in the peer group' },
  percentile_overall: { 'zh-CN': '总体百分位', en: 'percentile overall' },
  previous_period: { 'zh-CN': '上一周期', en: 'previous period' },
  change: { 'zh-CN': '变化', en: 'change' },
  ranked: { 'zh-CN': '是否参与排名', en: 'ranked' },
  indicators: { 'zh-CN': '所选指标数', en: 'indicators chosen' },
  level: { 'zh-CN': '分组方式', en: 'grouping' },
  compared_level: { 'zh-CN': '比较所用的分组', en: 'grouping compared with' },
  n_compared: { 'zh-CN': '比较组机构数', en: 'organizations compared with' },
};

/**
 * A column's header in an export: its name in English (what tools key on), its label in zh-CN.
 * A column not in the table (a view of a later scorebook) keeps its name rather than fail.
 */
export function columnHeader(name: string, lang: Lang): string {
  return lang === 'en' ? name : (COLUMN_LABELS[name]?.[lang] ?? name);
}

const BEGIN = '<!-- column-labels:begin (written by npm run docs:columns) -->';
const END = '<!-- column-labels:end -->';

/** The labels as docs/database.md shows them: a table of column, zh-CN header, English words. */
export function columnLabelsMarkdown(): string {
  const rows = Object.entries(COLUMN_LABELS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, l]) => `| \`${name}\` | ${l['zh-CN']} | ${l.en} |`);
  return [BEGIN, '| column | zh-CN header | in English |', '|---|---|---|', ...rows, END].join(
    '\n',
  );
}

/** `doc` with its column-labels block replaced by the labels; null when it has no markers. */
export function embedColumnLabels(doc: string): string | null {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) return null;
  return doc.slice(0, a) + columnLabelsMarkdown() + doc.slice(b + END.length);
}
