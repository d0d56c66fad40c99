/** Every word the reports, the index and the summary print, in zh-CN and en. */
import type { Lang } from '../../core/index.ts';
import type { ConsolidateMethod } from '../benchmark/consolidate.ts';
import type { GroupColumn } from '../benchmark/group-columns.ts';

export interface ReportWords {
  reportTitle: string;
  summaryTitle: string;
  indexTitle: string;
  template: string;
  period: string;
  region: string;
  orgType: string;
  size: string;
  orgId: string;
  orgName: string;
  total: string;
  grade: string;
  noGrade: string;
  peerGroup: string;
  fewerThan: (k: number) => string;
  percentileInGroup: string;
  /** the group compared with, by its values: 深圳 × 社会团体 */
  groupName: (values: (string | null)[]) => string;
  /** the group of every ranked organization of the selection and period */
  allMembers: string;
  /** a grouping's columns in words: 地区和类型; region and type */
  groupColumns: (g: GroupColumn[]) => string;
  /** "2025, annex-b-example": what the comparison is of */
  context: (period: string, selection: string) => string;
  comparedWithGroup: (n: number, group: string, context: string) => string;
  comparedWithAll: (n: number, context: string) => string;
  /** why a coarser group: each finer grouping tried had fewer than k ranked organizations */
  fewerShare: (k: number, skipped: GroupColumn[][]) => string;
  comparedWithNobody: (k: number, n: number, context: string) => string;
  /** no grouping tried had k ranked organizations, all not among them (a --fallback without it) */
  comparedWithNone: (context: string) => string;
  /** a partial return: its banner, whether it is ranked all the same (--include-partial) */
  partialBanner: (unanswered: number, applicable: number, ranked: boolean) => string;
  partialNote: (ranked: boolean) => string;
  unansweredList: string;
  /** the return's weights differ from the issued ones: the total with the issued, the one with its own */
  weightsChanged: (total: string, own: string) => string;
  ownWeights: (own: string) => string;
  rankedCount: string;
  /** partial returns: how many, and whether --include-partial ranked them all the same */
  partialCount: (n: number, ranked: boolean) => string;
  peerGroupsNote: (groupings: string, k: number) => string;
  comparedWithColumn: string;
  partialTitle: (ranked: boolean) => string;
  partialNone: string;
  unanswered: string;
  notRanked: string;
  percentileHint: string;
  peerMedian: string;
  peerQuartiles: string;
  peerBand: string;
  thisOrg: string;
  dimensionsTitle: string;
  radarCaption: string;
  dimension: string;
  score: string;
  scoreScale: string;
  percentile: string;
  indicatorsTitle: string;
  indicator: string;
  notApplicable: string;
  recorded: string;
  notScored: string;
  listSeparator: string;
  notChartedRecorded: (list: string) => string;
  notChartedNa: (list: string) => string;
  notInHeatmap: (list: string) => string;
  strengthsTitle: string;
  strengthsNone: string;
  weakestTitle: string;
  weakestNone: string;
  improvement: string;
  improvementIntro: (clause: string | null) => string;
  fromName: string;
  trendTitle: string;
  trendOnePeriod: string;
  trendChange: (from: string, to: string) => string;
  ratersTitle: string;
  raters: (n: number) => string;
  /** a consolidation method in a word: mean, median, lowest, highest */
  methodName: (m: ConsolidateMethod) => string;
  /** how the figures of several evaluators were made one, e.g. "the median of 3 evaluators' figures" */
  consolidated: (m: ConsolidateMethod, n: number) => string;
  totalRange: string;
  leastAgreement: string;
  /**
   * Over `named` indicators share the largest spread: how many do, the spread (as printed),
   * whether it is the whole scale (one evaluator gave 0, another full marks), how many are listed.
   */
  leastAgreementTied: (n: number, spread: string, opposite: boolean, listed: number) => string;
  spread: string;
  allAgree: string;
  flagged: string;
  generated: string;
  privacyNote: (k: number) => string;
  summaryPrivacy: (k: number) => string;
  // summary and index
  organizations: string;
  distributionTitle: string;
  histogramCaption: string;
  gradesTitle: string;
  count: string;
  noGrades: string;
  heatmapTitle: string;
  heatmapCaption: (k: number) => string;
  groupsTitle: string;
  n: string;
  returnsTitle: string;
  returnsNone: string;
  roster: string;
  returned: string;
  notReturned: string;
  returnRate: string;
  notOnRoster: string;
  flaggedTitle: string;
  flaggedNone: string;
  file: string;
  evaluator: string;
  mismatches: string;
  rejectedFiles: (n: number) => string;
  openReport: string;
  summaryLink: string;
  indexLink: string;
  min: string;
  q1: string;
  median: string;
  q3: string;
  max: string;
  mean: string;
  yes: string;
  no: string;
  /** the foot of a printed page: `page` of `pages` */
  pageOf: (page: string, pages: string) => string;
  /** punctuation around words, full width in zh-CN (numbers, ids and ranges keep ASCII) */
  colon: string;
  comma: string;
  fullStop: string;
  /** an aside after a word: zh-CN "（…）", en " (…)" */
  paren: (s: string) => string;
}

const zh: ReportWords = {
  reportTitle: '评价报告',
  summaryTitle: '秘书处汇总',
  indexTitle: '评价报告目录',
  template: '评价标准',
  period: '评价周期',
  region: '地区',
  orgType: '机构类型',
  size: '规模（注册志愿者）',
  orgId: '机构编号',
  orgName: '机构名称',
  total: '总分',
  grade: '等级',
  noGrade: '本标准未设等级',
  peerGroup: '同类机构',
  fewerThan: (k) => `少于 ${k} 个同类机构`,
  percentileInGroup: '同类机构中的百分位',
  groupName: (values) => values.map((v) => v ?? '—').join(' × '),
  allMembers: '全部成员',
  groupColumns: (g) => zhColumns(g),
  context: (period, selection) => `${period}，${selection}`,
  comparedWithGroup: (n, group, context) => `与${group}的 ${n} 个成员比较（${context}）`,
  comparedWithAll: (n, context) => `与全部 ${n} 个成员比较（${context}）`,
  fewerShare: (k, skipped) =>
    `与本机构${skipped.map((g) => `${zhColumns(g)}相同的`).join('、')}${skipped.length > 1 ? '均' : ''}少于 ${k} 个`,
  comparedWithNobody: (k, n, context) =>
    `无比较对象（${context}）：参与排名的成员只有 ${n} 个，少于 ${k} 个`,
  comparedWithNone: (context) => `无比较对象（${context}）`,
  partialBanner: (u, a, ranked) =>
    ranked
      ? `${a} 项适用指标中有 ${u} 项未作答：仍按 --include-partial 参与排名，未作答的指标按 0 分计。`
      : `${a} 项适用指标中有 ${u} 项未作答：不参与排名。`,
  partialNote: (ranked) =>
    ranked
      ? '未作答的指标按 0 分计入以下得分，不列为薄弱指标。'
      : '未作答的指标按 0 分计入以下得分，不列为薄弱指标；本回报不计入任何同类统计和排名。',
  unansweredList: '未作答的适用指标',
  weightsChanged: (total, own) =>
    `本回报汇总表中的一级指标权重与下发时不同。总分 ${total} 及所有比较均按下发的权重计算；按本回报自行修改的权重，总分为 ${own}。`,
  ownWeights: (own) => `按自改权重：${own}`,
  rankedCount: '参与排名',
  partialCount: (n, ranked) =>
    ranked
      ? `其中 ${n} 份未完成的回报（按 --include-partial 参与排名）`
      : `另有 ${n} 份未完成的回报不参与排名`,
  peerGroupsNote: (g, k) =>
    `每个机构与下列分组中第一个有不少于 ${k} 个参与排名成员的分组比较：${g}。`,
  comparedWithColumn: '本组机构的比较对象',
  partialTitle: (ranked) => (ranked ? '未完成的回报（仍参与排名）' : '未完成的回报（不参与排名）'),
  partialNone: '没有未完成的回报。',
  unanswered: '未作答',
  notRanked: '不参与排名',
  percentileHint: '百分位 0–100，越高越好：低于本机构的机构数加同分机构数的一半，除以机构总数。',
  peerMedian: '同类机构中位数',
  peerQuartiles: '同类机构四分位数（25%–75%）',
  peerBand: '同类机构 25%–75% 区间',
  thisOrg: '本机构',
  dimensionsTitle: '一级指标',
  radarCaption:
    '一级指标得分（0–100，各一级指标下三级指标得分的平均）与同类机构的中位数和四分位区间',
  dimension: '一级指标',
  score: '得分',
  scoreScale: '得分（0–100）',
  percentile: '同类百分位',
  indicatorsTitle: '二级、三级指标得分',
  indicator: '指标',
  notApplicable: '不适用',
  recorded: '记录值',
  notScored: '仅记录，不计分',
  listSeparator: '、',
  notChartedRecorded: (list) =>
    `${list}：其下指标均为记录值，不计分，因此不在图中，也不与同类机构比较。`,
  notChartedNa: (list) => `${list}：其下指标均不适用，不在图中。`,
  notInHeatmap: (list) => `${list}：其下指标均为记录值，不计分，因此不在热力图中。`,
  strengthsTitle: '优势指标',
  strengthsNone: '暂无得分高于 0 的指标。',
  weakestTitle: '最薄弱的指标与改进方向',
  weakestNone: '所有计分指标均已得满分。',
  improvement: '改进方向',
  improvementIntro: (clause) =>
    `以下为得分最低的指标；改进方向摘自标准的内容描述${clause ? `（${clause}要求根据评价结果持续改进）` : ''}。`,
  fromName: '（标准未给出内容描述，以指标要求本身为改进方向）',
  trendTitle: '历次评价趋势',
  trendOnePeriod: '目前只有一个评价周期，积累两个周期以上后显示趋势。',
  trendChange: (from, to) => `${from} → ${to} 变化`,
  ratersTitle: '多位评价人的一致程度',
  raters: (n) => `${n} 位评价人`,
  methodName: (m) => ({ mean: '平均值', median: '中位数', min: '最低分', max: '最高分' })[m],
  consolidated: (m, n) =>
    `本报告各项得分取 ${n} 位评价人的${{ mean: '平均值', median: '中位数', min: '最低分', max: '最高分' }[m]}。`,
  totalRange: '总分极差',
  leastAgreement: '分歧最大的指标',
  leastAgreementTied: (n, spread, opposite, listed) =>
    `${n} 项指标${opposite ? '评价人员意见相反' : '的分差同为最大'}（分差 ${spread}），以下列出其中 ${listed} 项。`,
  spread: '分差',
  allAgree: '各评价人在所有指标上的评分一致。',
  flagged:
    '注意：本机构提交的工作簿中缓存的结果与引擎重算不一致（公式被修改或未重算），报告采用引擎重算的分数。',
  generated: '生成时间',
  privacyNote: (k) =>
    `为保护同类机构，任何少于 ${k} 个机构的统计均不显示；本报告不列出任何其他机构。`,
  summaryPrivacy: (k) =>
    `任何少于 ${k} 个机构的统计均不显示。本汇总供秘书处内部使用，列有机构名称，请勿转发给成员机构。`,
  organizations: '机构数',
  distributionTitle: '总分分布',
  histogramCaption: '总分分布（每 10 分一档）',
  gradesTitle: '等级分布',
  count: '机构数',
  noGrades: '本标准未设等级。',
  heatmapTitle: '各类机构一级指标中位数热力图',
  heatmapCaption: (k) =>
    `每格为该地区、类型机构一级指标得分的中位数（0–100）；少于 ${k} 个机构的格子不显示。`,
  groupsTitle: '各类机构总分',
  n: '机构数',
  returnsTitle: '回收情况',
  returnsNone: '未提供名册（--roster），不计算回收率。',
  roster: '名册',
  returned: '已回收',
  notReturned: '未回收',
  returnRate: '回收率',
  notOnRoster: '已提交但不在名册中',
  flaggedTitle: '导入时标记的机构',
  flaggedNone: '没有被标记的提交。',
  file: '文件',
  evaluator: '评价人',
  mismatches: '不一致的单元格',
  rejectedFiles: (n) => `导入时被拒收的文件（所有批次）：${n} 个，详见 rejections 表。`,
  openReport: '打开报告',
  summaryLink: '秘书处汇总',
  indexLink: '报告目录',
  min: '最小值',
  q1: '下四分位',
  median: '中位数',
  q3: '上四分位',
  max: '最大值',
  mean: '平均值',
  yes: '是',
  no: '否',
  pageOf: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
  colon: '：',
  comma: '，',
  fullStop: '。',
  paren: (s) => `（${s}）`,
};

const en: ReportWords = {
  reportTitle: 'Evaluation report',
  summaryTitle: 'Secretariat summary',
  indexTitle: 'Evaluation reports',
  template: 'Standard',
  period: 'Period',
  region: 'Region',
  orgType: 'Type',
  size: 'Size (registered volunteers)',
  orgId: 'Id',
  orgName: 'Organization',
  total: 'Total',
  grade: 'Grade',
  noGrade: 'this standard has no grades',
  peerGroup: 'Peer group',
  fewerThan: (k) => `fewer than ${k} peers`,
  percentileInGroup: 'Percentile in the peer group',
  groupName: (values) => values.map((v) => v ?? '—').join(' × '),
  allMembers: 'all members',
  groupColumns: (g) => enColumns(g),
  context: (period, selection) => `${period}, ${selection}`,
  comparedWithGroup: (n, group, context) =>
    `Compared with the ${n} members of ${group} (${context})`,
  comparedWithAll: (n, context) => `Compared with all ${n} members (${context})`,
  fewerShare: (k, skipped) =>
    `fewer than ${k} share your ${skipped.map(enColumns).join(', or your ')}`,
  comparedWithNobody: (k, n, context) =>
    `Compared with nobody (${context}): only ${n} members are ranked, fewer than ${k}`,
  comparedWithNone: (context) => `Compared with nobody (${context})`,
  partialBanner: (u, a, ranked) =>
    ranked
      ? `${u} of ${a} applicable indicators unanswered: ranked all the same (--include-partial), with them counted as 0.`
      : `${u} of ${a} applicable indicators unanswered: not ranked.`,
  partialNote: (ranked) =>
    ranked
      ? 'Unanswered indicators count 0 in the scores below and are not listed as weak.'
      : 'Unanswered indicators count 0 in the scores below and are not listed as weak; this return is in no peer statistic or ranking.',
  unansweredList: 'Applicable indicators unanswered',
  weightsChanged: (total, own) =>
    `The first-level weights on this return's summary sheet differ from the issued ones. The total ${total} and every comparison use the issued weights; with the return's own weights the total is ${own}.`,
  ownWeights: (own) => `with its own weights: ${own}`,
  rankedCount: 'Ranked',
  partialCount: (n, ranked) =>
    `${n} partial return${n === 1 ? '' : 's'} ${ranked ? 'ranked all the same (--include-partial)' : 'not ranked'}`,
  peerGroupsNote: (g, k) =>
    `Each organization is compared with the first of these groups that has at least ${k} ranked members: ${g}.`,
  comparedWithColumn: 'Its members compared with',
  partialTitle: (ranked) =>
    ranked ? 'Partial returns (ranked all the same)' : 'Partial returns (not ranked)',
  partialNone: 'No partial return.',
  unanswered: 'unanswered',
  notRanked: 'not ranked',
  percentileHint:
    'Percentiles run 0–100, higher is better: organizations below plus half of those level, divided by the number of organizations.',
  peerMedian: 'Peer median',
  peerQuartiles: 'Peer quartiles (25%–75%)',
  peerBand: 'Peers 25%–75%',
  thisOrg: 'This organization',
  dimensionsTitle: 'First-level indicators',
  radarCaption:
    'First-level scores (0–100, the mean of their third-level scores) against the peer median and quartile band',
  dimension: 'First-level indicator',
  score: 'Score',
  scoreScale: 'Score (0–100)',
  percentile: 'Peer percentile',
  indicatorsTitle: 'Second- and third-level indicators',
  indicator: 'Indicator',
  notApplicable: 'N/A',
  recorded: 'recorded',
  notScored: 'recorded, not scored',
  listSeparator: ', ',
  notChartedRecorded: (list) =>
    `${list}: every indicator under it records a figure and none is scored, so it is not on the chart and not compared with peers.`,
  notChartedNa: (list) => `${list}: nothing under it applies, so it is not on the chart.`,
  notInHeatmap: (list) =>
    `${list}: every indicator under it records a figure and none is scored, so it is not in the heat map.`,
  strengthsTitle: 'Strengths',
  strengthsNone: 'No indicator scored above 0 yet.',
  weakestTitle: 'Weakest indicators and what to improve',
  weakestNone: 'Every scored indicator has the full score.',
  improvement: 'What to improve',
  improvementIntro: (clause) =>
    `The lowest-scoring indicators; what to improve is the standard's own content description${clause ? ` (${clause} asks for improvement from the evaluation's results)` : ''}.`,
  fromName:
    "(the standard gives no content description; the indicator's requirement itself is what to meet)",
  trendTitle: 'Trend over periods',
  trendOnePeriod: 'Only one period so far; the trend appears from the second.',
  trendChange: (from, to) => `Change ${from} → ${to}`,
  ratersTitle: 'Agreement between evaluators',
  raters: (n) => `${n} evaluators`,
  methodName: (m) => ({ mean: 'mean', median: 'median', min: 'lowest', max: 'highest' })[m],
  consolidated: (m, n) =>
    `Every score here is the ${{ mean: 'mean', median: 'median', min: 'lowest', max: 'highest' }[m]} of ${n} evaluators' scores.`,
  totalRange: 'Range of totals',
  leastAgreement: 'Indicators of least agreement',
  leastAgreementTied: (n, spread, opposite, listed) =>
    opposite
      ? `On ${n} indicators the evaluators gave opposite scores (range ${spread}); the first ${listed} are listed.`
      : `${n} indicators share the largest range (${spread}); the first ${listed} are listed.`,
  spread: 'Range',
  allAgree: 'The evaluators agree on every indicator.',
  flagged:
    "Note: a workbook this organization returned had cached results that disagree with the engine (an edited formula, or saved without recalculation); this report uses the engine's scores.",
  generated: 'Generated',
  privacyNote: (k) =>
    `To protect peers, no statistic over fewer than ${k} organizations is shown, and this report names no other organization.`,
  summaryPrivacy: (k) =>
    `No statistic over fewer than ${k} organizations is shown. This summary is for the secretariat: it names organizations; do not pass it on to members.`,
  organizations: 'Organizations',
  distributionTitle: 'Distribution of totals',
  histogramCaption: 'Totals in bands of 10 points',
  gradesTitle: 'Grades',
  count: 'Organizations',
  noGrades: 'This standard has no grades.',
  heatmapTitle: 'First-level medians by peer group',
  heatmapCaption: (k) =>
    `Each cell is the median first-level score (0–100) of a region and type; cells of fewer than ${k} organizations are not shown.`,
  groupsTitle: 'Totals by peer group',
  n: 'n',
  returnsTitle: 'Returns',
  returnsNone: 'No roster given (--roster): no return rates.',
  roster: 'Roster',
  returned: 'Returned',
  notReturned: 'Not returned',
  returnRate: 'Return rate',
  notOnRoster: 'Returned but not on the roster',
  flaggedTitle: 'Organizations flagged at ingest',
  flaggedNone: 'No submission was flagged.',
  file: 'File',
  evaluator: 'Evaluator',
  mismatches: 'Cells that disagree',
  rejectedFiles: (n) => `Files rejected at ingest (all runs): ${n}; see the rejections table.`,
  openReport: 'Open',
  summaryLink: 'Secretariat summary',
  indexLink: 'All reports',
  min: 'Min',
  q1: 'Q1',
  median: 'Median',
  q3: 'Q3',
  max: 'Max',
  mean: 'Mean',
  yes: 'yes',
  no: 'no',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  colon: ': ',
  comma: ', ',
  fullStop: '.',
  paren: (s) => ` (${s})`,
};

const COLUMNS: Record<GroupColumn, [zh: string, en: string]> = {
  region: ['地区', 'region'],
  org_type: ['类型', 'type'],
  size: ['规模', 'size'],
};

/** Columns a group shares, in words: 地区和类型; region and type; region, type and size. */
function joined(words: string[], and: string, comma: string): string {
  return words.length > 1
    ? `${words.slice(0, -1).join(comma)}${and}${words.at(-1)}`
    : (words[0] ?? '');
}
const zhColumns = (g: GroupColumn[]) =>
  joined(
    g.map((c) => COLUMNS[c][0]),
    '和',
    '、',
  );
const enColumns = (g: GroupColumn[]) =>
  joined(
    g.map((c) => COLUMNS[c][1]),
    g.length > 2 ? ', and ' : ' and ',
    ', ',
  );

export function reportWords(lang: Lang): ReportWords {
  return lang === 'zh-CN' ? zh : en;
}

/** The clause that asks for the improvement loop, by standard. */
export function improvementClause(standard: string, lang: Lang): string | null {
  if (/40143/.test(standard))
    return lang === 'zh-CN' ? 'GB/T 40143-2021 第 8 章' : 'GB/T 40143-2021 clause 8';
  if (/SSOF\s*0001/i.test(standard))
    return lang === 'zh-CN' ? 'T/SSOF 0001-2024 第 7 章' : 'T/SSOF 0001-2024 clause 7';
  return null;
}
