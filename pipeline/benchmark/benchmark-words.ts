/**
 * Every word `scorebook benchmark` prints as a table, in zh-CN and en. zh-CN takes full-width
 * punctuation around its words; numbers, ids, ranges and the column names (region=…, q1, median)
 * keep ASCII.
 */
import { formatNumber, type Lang } from '../../core/index.ts';
import type { ConsolidateMethod } from './consolidate.ts';

export interface BenchmarkWords {
  period: string;
  by: string;
  total: string;
  colon: string;
  semicolon: string;
  /** a first-level indicator: its id and name */
  dimension: (id: string, name: string) => string;
  /** a statistic not shown because fewer than k organizations have the figure */
  few: (k: number) => string;
  changeTitle: string;
  /** a group's change: the median of its organizations' own changes, over the n scored in both periods */
  groupChange: (median: string, n: number) => string;
  groupChangeFew: (k: number, n: number) => string;
  ratersTitle: (m: ConsolidateMethod) => string;
  /** an organization scored by several evaluators: the evaluators, the consolidated total, the range of their totals */
  raters: (org: string, n: number, total: string, range: string) => string;
  /** the indicators of least agreement, all of those at the largest spread */
  leastAgreement: (range: string, ids: string[]) => string;
  /** more indicators share the largest spread than are listed */
  leastAgreementTied: (n: number, range: string, opposite: boolean, ids: string[]) => string;
  allAgree: string;
  orgHeader: string;
  fallback: string;
  /** the group of all ranked organizations of the selection and period */
  all: string;
  /** a partial return, not ranked */
  notRanked: (unanswered: number, applicable: number) => string;
  /** no grouping, not even all, has k ranked organizations */
  comparedWithNobody: (k: number) => string;
  /** "(partial returns ranked too)" after the header, with --include-partial */
  partialIncluded: string;
  /** a figure of the tables (a total, a quartile, a range): two decimals, "—" when missing, never "-0.00" */
  figure: (x: number | null) => string;
  /** a change since the previous period: "+1.25", "-0.40", and "0.00" for one that rounds to nothing */
  change: (x: number) => string;
}

/** Figures read the same in both languages (ASCII minus: a terminal's text is often read back by a program). */
const FIGURES: Pick<BenchmarkWords, 'figure' | 'change'> = {
  figure: (x) => formatNumber(x, 2),
  change: (x) => formatNumber(x, 2, { signed: true }),
};

const METHOD = {
  mean: ['平均值', 'mean'],
  median: ['中位数', 'median'],
  min: ['最低分', 'lowest'],
  max: ['最高分', 'highest'],
} as const;

const zh: BenchmarkWords = {
  period: '周期',
  by: '分组',
  total: '总分',
  colon: '：',
  semicolon: '；',
  dimension: (id, name) => `一级指标 ${id} ${name}`.trimEnd(),
  few: (k) => `少于 ${k} 个同类机构，不显示统计`,
  changeTitle: '变化（相对上一周期）',
  groupChange: (median, n) => `机构自身变化的中位数 ${median}（两个周期均有评分的机构 ${n} 个）`,
  groupChangeFew: (k, n) => `两个周期均有评分的机构少于 ${k} 个（${n} 个），不显示统计`,
  ratersTitle: (m) => `多位评价人（取${METHOD[m][0]}）`,
  raters: (org, n, total, range) => `${org}：${n} 位评价人，总分 ${total}（极差 ${range}）`,
  leastAgreement: (range, ids) => `分歧最大（分差 ${range}）：${ids.join('、')}`,
  leastAgreementTied: (n, range, opposite, ids) =>
    `分歧最大：${n} 项指标${opposite ? '评价人员意见相反' : '的分差同为最大'}（分差 ${range}），以下列出其中 ${ids.length} 项：${ids.join('、')}`,
  allAgree: '各评价人在所有指标上的评分一致',
  orgHeader: '机构  总分  组内百分位  全体百分位  比较对象',
  fallback: '不足时依次改为',
  all: '全部',
  notRanked: (u, a) => `不参与排名：${a} 项适用指标中有 ${u} 项未作答`,
  comparedWithNobody: (k) => `无比较对象：已排名的机构少于 ${k} 个`,
  partialIncluded: '（未完成的回报也参与排名）',
  ...FIGURES,
};

const en: BenchmarkWords = {
  period: 'period',
  by: 'by',
  total: 'total',
  colon: ': ',
  semicolon: '; ',
  dimension: (id, name) => `dimension ${id} ${name}`.trimEnd(),
  few: (k) => `fewer than ${k} peers: not shown`,
  changeTitle: 'Change since the previous period',
  groupChange: (median, n) =>
    `median of the organizations' own changes ${median} (n=${n} scored in both periods)`,
  groupChangeFew: (k, n) => `fewer than ${k} peers scored in both periods (${n}): not shown`,
  ratersTitle: (m) => `Several evaluators (${METHOD[m][1]})`,
  raters: (org, n, total, range) => `${org}: ${n} evaluators, total ${total} (range ${range})`,
  leastAgreement: (range, ids) => `least agreement (range ${range}): ${ids.join(', ')}`,
  leastAgreementTied: (n, range, opposite, ids) =>
    `least agreement: ${n} indicators ${opposite ? 'with opposite scores' : 'share the largest range'} (range ${range}), the first ${ids.length} of them: ${ids.join(', ')}`,
  allAgree: 'the evaluators agree on every indicator',
  orgHeader: 'org  total  percentile in group  percentile overall  compared with',
  fallback: 'falling back to',
  all: 'all',
  notRanked: (u, a) => `not ranked: ${u} of ${a} applicable indicators unanswered`,
  comparedWithNobody: (k) => `compared with nobody: fewer than ${k} ranked organizations`,
  partialIncluded: '(partial returns ranked too)',
  ...FIGURES,
};

export function benchmarkWords(lang: Lang): BenchmarkWords {
  return lang === 'zh-CN' ? zh : en;
}
