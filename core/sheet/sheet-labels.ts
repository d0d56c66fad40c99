/** Every word the generated workbook shows, in zh-CN and en. */
import type { Lang } from '../text.ts';
import type { HeaderFooterPart } from './sheet-model.ts';

const PAGE: HeaderFooterPart = { field: 'page' };
const PAGES: HeaderFooterPart = { field: 'pages' };

const LABELS = {
  'zh-CN': {
    scoringSheet: '评分表',
    summarySheet: '汇总',
    rulesSheet: '规则',
    code: '编号',
    indicator: '指标',
    description: '内容描述 / 备注',
    unit: '单位',
    rule: '评分规则',
    input: '填写',
    na: '不适用',
    score: '得分',
    mode: '评价方式',
    evidence: '证据 / 说明',
    naToken: '不适用',
    yes: '符合',
    no: '不符合',
    modes: ['文件审核', '人员访谈', '现场审核'],
    org: '机构',
    orgId: '机构编号',
    orgName: '机构名称',
    region: '地区',
    orgType: '机构类型',
    period: '评价周期',
    creditCode: '统一社会信用代码',
    evaluationMode: '评价形式',
    colon: '：',
    evaluator: '评价人',
    template: '评价模板',
    profile: '评价方案',
    method: '汇总方法',
    methodMean:
      'mean：一级指标得分 = 适用三级指标得分的平均值；总分 = 100 × Σ(权重 × 得分) / Σ 权重',
    methodSum:
      'sum：一级指标得分 = 权重 × 三级指标得分之和；总分 = 100 × Σ 一级指标得分 / Σ(权重 × 适用指标数)',
    methodLevels:
      'levels：二级指标得分 = 适用三级指标得分的平均值，一级指标得分 = 二级指标得分的平均值；总分 = 100 × Σ(权重 × 得分) / Σ 权重',
    summaryTitle: '评价汇总',
    dimension: '一级指标',
    weight: '权重',
    normWeight: '归一化权重',
    share: '名义权重份额',
    count: '适用指标数',
    sum: '得分合计',
    dimScore: '一级指标得分（按汇总方法）',
    dimPoints: '一级指标得分（百分制）',
    points: '得分（百分制）',
    contribution: '加权贡献（百分制）',
    applicable: '适用权重',
    weighted: '加权得分',
    weightedCount: '加权指标数',
    totalRow: '合计',
    total: '总分（百分制）',
    grade: '等级',
    unansweredTotal: '未作答的适用指标',
    unansweredCount: '未作答数',
    groups: '二级指标得分',
    group: '二级指标',
    pageOf: ['第 ', PAGE, ' 页，共 ', PAGES, ' 页'] as HeaderFooterPart[],
    rulesTitle: '评分规则常量（分档边界、线性区间、量表的写法、等级下限）；修改请在模板中进行',
    band: '档 / 级',
    lower: '下界 / 写法',
    upper: '上界',
    from: '0 分对应值',
    to: '1 分对应值',
    gradeMin: '等级下限（含）',
    inputPromptTitle: '请填写',
    naPrompt: '如该指标不适用于本机构，请选择“不适用”；该指标将不计入得分。',
    modePrompt: '选择评价方式（GB/T 40143 A.3.2）。',
    weightPrompt: '一级指标权重，可修改；各权重按其合计归一化。',
    invalidTitle: '输入无效',
    binaryPrompt: '请选择“符合”或“不符合”。',
    scalePrompt: (n: number) => `请选择等级 1–${n}。`,
    percentPrompt: (min: string, max: string) => `请填写百分比（${min}–${max}），如 85%。`,
    numberPrompt: (min: string, max: string) =>
      max ? `请填写 ${min} 至 ${max} 之间的数值。` : `请填写不小于 ${min} 的数值。`,
    manualPrompt: '请直接填写本指标得分（0–1）。',
    unanswered: '未作答',
  },
  en: {
    scoringSheet: 'Scoring',
    summarySheet: 'Summary',
    rulesSheet: 'Rules',
    code: 'Code',
    indicator: 'Indicator',
    description: 'Description / note',
    unit: 'Unit',
    rule: 'Scoring rule',
    input: 'Input',
    na: 'N/A',
    score: 'Score',
    mode: 'Evaluation mode',
    evidence: 'Evidence / remarks',
    naToken: 'N/A',
    yes: 'Yes',
    no: 'No',
    modes: ['Document review', 'Interview', 'On-site review'],
    org: 'Organization',
    orgId: 'Organization id',
    orgName: 'Organization name',
    region: 'Region',
    orgType: 'Organization type',
    period: 'Period',
    creditCode: 'Unified social credit code',
    evaluationMode: 'Evaluation mode',
    colon: ': ',
    evaluator: 'Evaluator',
    template: 'Template',
    profile: 'Profile',
    method: 'Aggregation',
    methodMean:
      'mean: first-level score = mean of the applicable third-level scores; total = 100 × Σ(weight × score) / Σ weight',
    methodSum:
      'sum: first-level score = weight × sum of third-level scores; total = 100 × Σ first-level scores / Σ(weight × applicable count)',
    methodLevels:
      'levels: second-level score = mean of the applicable third-level scores, first-level score = mean of the second-level scores; total = 100 × Σ(weight × score) / Σ weight',
    summaryTitle: 'Evaluation summary',
    dimension: 'First-level indicator',
    weight: 'Weight',
    normWeight: 'Normalized weight',
    share: 'Nominal share',
    count: 'Applicable',
    sum: 'Sum of scores',
    dimScore: 'First-level score (by method)',
    dimPoints: 'First-level score (of 100)',
    points: 'Score (of 100)',
    contribution: 'Contribution (of 100)',
    applicable: 'Applicable weight',
    weighted: 'Weighted score',
    weightedCount: 'Weighted count',
    totalRow: 'Total',
    total: 'Total (of 100)',
    grade: 'Grade',
    unansweredTotal: 'Applicable indicators unanswered',
    unansweredCount: 'Unanswered',
    groups: 'Second-level scores',
    group: 'Second-level indicator',
    pageOf: ['Page ', PAGE, ' of ', PAGES] as HeaderFooterPart[],
    rulesTitle:
      'Scoring constants (band edges, linear ranges, how scale levels may be written, grade floors); change them in the template',
    band: 'Band / level',
    lower: 'Lower / text',
    upper: 'Upper',
    from: 'Value scoring 0',
    to: 'Value scoring 1',
    gradeMin: 'Grade floor (inclusive)',
    inputPromptTitle: 'Enter',
    naPrompt:
      'Choose "N/A" if this indicator does not apply to the organization; it then leaves the score.',
    modePrompt: 'Choose the evaluation mode (GB/T 40143 A.3.2).',
    weightPrompt: 'First-level weight, editable; weights are normalized by their sum.',
    invalidTitle: 'Invalid input',
    binaryPrompt: 'Choose "Yes" or "No".',
    scalePrompt: (n: number) => `Choose a level from 1 to ${n}.`,
    percentPrompt: (min: string, max: string) => `Enter a percentage (${min}–${max}), e.g. 85%.`,
    numberPrompt: (min: string, max: string) =>
      max ? `Enter a number from ${min} to ${max}.` : `Enter a number of at least ${min}.`,
    manualPrompt: 'Enter the score of this indicator directly (0–1).',
    unanswered: 'unanswered',
  },
};

export type SheetLabels = (typeof LABELS)['en'];

export function sheetLabels(lang: Lang): SheetLabels {
  return LABELS[lang];
}

/**
 * The units the templates use (单位), in English. Templates write units in Chinese, the
 * standards' own words; zh-CN shows them as written, en through this table. A unit not in it is
 * shown as written.
 */
export const UNITS_EN: Readonly<Record<string, string>> = {
  名: 'people',
  人: 'people',
  万元: '10k CNY',
  元: 'CNY',
  个: 'items',
  项: 'items',
  次: 'times',
  人次: 'person-times',
  小时: 'h',
  h: 'h',
  'h/人': 'h per person',
  '小时/人': 'h per person',
  '%': '%',
};

/** A unit as the sheet (and anything else showing one) writes it in `lang`. */
export function unitLabel(unit: string, lang: Lang): string;
export function unitLabel(unit: string | undefined, lang: Lang): string | undefined;
export function unitLabel(unit: string | undefined, lang: Lang): string | undefined {
  if (unit === undefined || lang === 'zh-CN') return unit;
  return UNITS_EN[unit] ?? unit;
}
