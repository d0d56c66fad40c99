/** Every word the task pane shows, in zh-CN and en: plain words for what is happening and what to do. */
import type { Lang } from '../../core/index.ts';

const TEXT = {
  'zh-CN': {
    title: 'scorebook 评价表',
    intro: '选择标准和指标，生成带公式的评分表；填写后点“检查”，用评分引擎复核得分。',
    standard: '评价标准',
    template: '模板',
    profile: '评价方案',
    noProfile: '不使用方案（全部指标）',
    method: '汇总方法',
    methodMean: 'mean：一级指标取平均',
    methodSum: 'sum：一级指标按权重求和',
    methodLevels: 'levels：逐级取平均（三级→二级→一级）',
    indicators: '三级指标',
    chosen: (n: number, of: number) => `已选 ${n} / ${of} 项`,
    all: '全选',
    none: '全不选',
    profileChoice: '恢复方案',
    indicatorsHint: 'GB/T 40143 A.2：可按组织实际增减指标。',
    weights: '一级指标权重',
    weightsSum: (sum: string) => `权重合计 ${sum}；按合计归一化为 100%。`,
    weightsZero: '权重合计为 0：请至少为一个一级指标填写大于 0 的权重。',
    noIndicatorsInDim: '（未选指标）',
    org: '被评价组织',
    orgId: '机构编号',
    orgName: '机构名称',
    region: '地区',
    orgType: '机构类型',
    period: '评价周期',
    evaluator: '评价人',
    contact: '联系方式',
    creditCode: '统一社会信用代码',
    evaluationMode: '评价形式',
    modeNone: '（未指定）',
    modeSelf: '自评',
    modeThirdParty: '第三方评价',
    modeSecretariat: '秘书处评价',
    generate: '生成评分表',
    check: '检查得分',
    reading: '正在读取工作簿…',
    writing: (sheets: number, n: number) => `正在写入 ${sheets} 张工作表（${n} 项指标）…`,
    generated: (n: number, steps: number) =>
      `评分表已生成：${n} 项指标，公式实时计算（${steps} 次与 Excel 同步）。`,
    keptAnswers: (n: number) => `保留了 ${n} 项指标已填写的内容。`,
    droppedAnswers: (list: string) => `以下指标已不再选用，其填写内容未保留：${list}。`,
    unreadable: (list: string) =>
      `以下指标的评分规则已改变，原填写值无法按新规则读取，已移入“证据 / 说明”列：${list}。`,
    confirmDrop: (n: number) => `重新生成将丢弃 ${n} 项不再选用指标的填写内容：`,
    confirmGo: '仍然生成',
    cancel: '取消',
    cancelled: '已取消，工作簿未改动。',
    found: (t: string, when: string) =>
      `此工作簿已有评分表（${t}，生成于 ${when}）。可直接“检查得分”，或修改选择后重新生成；已填写的内容会按指标编号保留。`,
    definedHere: (t: string) => `本工作簿中定义的模板：${t}`,
    definitionFound: (t: string) =>
      `此工作簿中定义了一个模板（${t}），已选用它：可直接生成评分表。`,
    definitionProblems: (n: number) =>
      `此工作簿中定义的模板有 ${n} 个问题，需先改正才能使用（前几个如下）：`,
    movedAnswers: (n: number) => `其中 ${n} 项随新版本的编号改变移到了新编号下。`,
    checking: '正在读取填写内容并复核…',
    total: '总分（百分制）',
    grade: '等级',
    dimScore: '一级指标得分（百分制）',
    weight: '权重',
    applicable: '适用项',
    unanswered: (n: number) => `未作答的适用指标 ${n} 项（计分指标按 0 分计）：`,
    allAnswered: '所有适用指标均已作答（未作答的适用指标：0）。',
    agree: (n: number) => `工作簿公式与评分引擎一致（${n} 项指标）。`,
    mismatch: (n: number) =>
      `注意：${n} 处工作簿结果与评分引擎不一致——公式可能被修改，或 Excel 尚未重新计算（可按 Ctrl+Alt+F9）。`,
    sheetSays: (name: string, cached: string, engine: string) =>
      `${name}：工作簿 ${cached}，引擎 ${engine}`,
    inputErrors: (n: number) => `${n} 个填写值无法识别（按 0 分计）：`,
    notApplicable: '不适用',
    blank: '（空）',
    needIndicator: '请至少选择一项指标。',
    conflict: (sheet: string) =>
      `工作簿中已有名为“${sheet}”的工作表，且不是 scorebook 生成的。请重命名或删除它，然后再点“生成评分表”。工作簿未改动。`,
    excelRefused: (code: string, message: string) =>
      `Excel 拒绝了此操作（${code}）：${message}。如果正在编辑单元格，请先按 Enter 或 Esc，然后重试。`,
    failed: (message: string) =>
      `出错了：${message}。工作簿可能未完整写入；请重试，或把此信息告诉管理员。`,
    noHost:
      '请在 Excel 中打开此页面：在 Excel 中点“开始”选项卡上的 scorebook 按钮，打开此任务窗格。',
    noOfficeJs: (url: string) =>
      `未能加载 Office.js（${url}），因此无法连接 Excel。请确认这台电脑能访问该地址，然后重新打开此任务窗格。`,
  },
  en: {
    title: 'scorebook scoring sheet',
    intro:
      'Choose a standard and its indicators, generate a scoring sheet with live formulas; once filled in, press Check to recompute the scores with the engine.',
    standard: 'Standard',
    template: 'Template',
    profile: 'Profile',
    noProfile: 'No profile (all indicators)',
    method: 'Aggregation',
    methodMean: 'mean: first-level score is the mean',
    methodSum: 'sum: weighted sum of scores',
    methodLevels: 'levels: mean level by level (third → second → first)',
    indicators: 'Third-level indicators',
    chosen: (n: number, of: number) => `${n} of ${of} chosen`,
    all: 'All',
    none: 'None',
    profileChoice: 'Profile’s',
    indicatorsHint: 'GB/T 40143 A.2: add or remove indicators to fit the organization.',
    weights: 'First-level weights',
    weightsSum: (sum: string) => `Weights add up to ${sum}; they are renormalized to 100 %.`,
    weightsZero:
      'The weights add up to 0: give at least one first-level indicator a weight above 0.',
    noIndicatorsInDim: '(no indicator chosen)',
    org: 'Organization evaluated',
    orgId: 'Organization id',
    orgName: 'Name',
    region: 'Region',
    orgType: 'Type',
    period: 'Period',
    evaluator: 'Evaluator',
    contact: 'Contact',
    creditCode: 'Unified social credit code',
    evaluationMode: 'Evaluation',
    modeNone: '(not given)',
    modeSelf: 'Self-assessment',
    modeThirdParty: 'Third-party evaluation',
    modeSecretariat: 'Secretariat evaluation',
    generate: 'Generate',
    check: 'Check',
    reading: 'Reading the workbook…',
    writing: (sheets: number, n: number) => `Writing ${sheets} sheets (${n} indicators)…`,
    generated: (n: number, steps: number) =>
      `Scoring sheet generated: ${n} indicators with live formulas (${steps} round trips to Excel).`,
    keptAnswers: (n: number) => `Kept what was filled in for ${n} indicators.`,
    droppedAnswers: (list: string) =>
      `These indicators are no longer chosen; what was filled in for them was not kept: ${list}.`,
    unreadable: (list: string) =>
      `These indicators have a new scoring rule that cannot read the old value; it was moved to the evidence column: ${list}.`,
    confirmDrop: (n: number) =>
      `Generating again drops what was filled in for ${n} indicators that are no longer chosen:`,
    confirmGo: 'Generate anyway',
    cancel: 'Cancel',
    cancelled: 'Cancelled; the workbook was not changed.',
    found: (t: string, when: string) =>
      `This workbook has a scoring sheet (${t}, generated ${when}). Check it, or change the choices and generate again; answers are kept by indicator id.`,
    definedHere: (t: string) => `A template defined in this workbook: ${t}`,
    definitionFound: (t: string) =>
      `This workbook defines a template (${t}); it is chosen: generate its scoring sheet when ready.`,
    definitionProblems: (n: number) =>
      `The template defined in this workbook has ${n} problem(s) to fix before it can be used (the first ones):`,
    movedAnswers: (n: number) => `${n} of them moved to the new codes of the new version.`,
    checking: 'Reading the answers and recomputing…',
    total: 'Total (out of 100)',
    grade: 'Grade',
    dimScore: 'First-level score (of 100)',
    weight: 'Weight',
    applicable: 'Applicable',
    unanswered: (n: number) => `${n} applicable indicators unanswered (scored ones count 0):`,
    allAnswered: 'Every applicable indicator is answered (applicable indicators unanswered: 0).',
    agree: (n: number) => `The workbook’s formulas agree with the engine (${n} indicators).`,
    mismatch: (n: number) =>
      `Warning: ${n} results in the workbook differ from the engine — a formula may have been edited, or Excel has not recalculated (Ctrl+Alt+F9).`,
    sheetSays: (name: string, cached: string, engine: string) =>
      `${name}: workbook ${cached}, engine ${engine}`,
    inputErrors: (n: number) => `${n} entries could not be read (they count 0):`,
    notApplicable: 'N/A',
    blank: '(blank)',
    needIndicator: 'Choose at least one indicator.',
    conflict: (sheet: string) =>
      `The workbook already has a sheet named “${sheet}” that scorebook did not make. Rename or delete it, then press Generate again. Nothing was changed.`,
    excelRefused: (code: string, message: string) =>
      `Excel refused the change (${code}): ${message}. If a cell is being edited, press Enter or Esc first, then try again.`,
    failed: (message: string) =>
      `Something went wrong: ${message}. The sheet may be incomplete; try again, or pass this message on to whoever supports you.`,
    noHost:
      'Open this page inside Excel: in Excel, press the scorebook button on the Home tab to open this pane.',
    noOfficeJs: (url: string) =>
      `Office.js (${url}) did not load, so Excel cannot be reached. Check that this computer can reach that address, then open the pane again.`,
  },
};

export type PaneText = (typeof TEXT)['en'];

export function paneText(lang: Lang): PaneText {
  return TEXT[lang] as PaneText;
}
