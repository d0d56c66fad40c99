/** `scorebook score`'s words: what it refuses, and the lines of a scored workbook or inputs file. */
import { registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

registerMessages({
  'cli.score.workbook-and-inputs': {
    'zh-CN': () =>
      '请只给出工作簿文件，或只给出 --template 和 --inputs：工作簿自带模板和填写内容。',
    en: () =>
      'Give either a workbook, or --template with --inputs, not both: a workbook carries its own template and answers.',
  },
  'cli.score.nothing-to-score': {
    'zh-CN': () => '请给出工作簿文件，或同时给出 --template 和 --inputs。',
    en: () => 'Give a workbook file, or both --template and --inputs.',
  },
  'cli.score.profile-line': {
    'zh-CN': (p) => `方案: ${p.profile ? s(p.profile) : '(全部指标)'}   汇总方法: ${s(p.method)}`,
    en: (p) => `Profile: ${p.profile ? s(p.profile) : '(all indicators)'}   Method: ${s(p.method)}`,
  },
  'cli.score.dimension-line': {
    'zh-CN': (p) =>
      `${s(p.id)} ${s(p.name)}   权重 ${s(p.weight)}   得分 ${s(p.score)}${p.per100 ? ' /100' : ''}`,
    en: (p) =>
      `${s(p.id)} ${s(p.name)}   weight ${s(p.weight)}   score ${s(p.score)}${p.per100 ? ' /100' : ''}`,
  },
  /** An indicator without a value to show: not applicable, left blank, or not readable. */
  'cli.score.state': {
    'zh-CN': (p) => (p.state === 'na' ? '不适用' : p.state === 'blank' ? '（未填）' : '（无效）'),
    en: (p) => (p.state === 'na' ? 'N/A' : p.state === 'blank' ? '(blank)' : '(invalid)'),
  },
  'cli.score.recorded': {
    'zh-CN': () => '记录',
    en: () => 'recorded',
  },
  'cli.score.total': {
    'zh-CN': (p) => `总分: ${s(p.total)} / 100${p.grade ? `   等级: ${s(p.grade)}` : ''}`,
    en: (p) => `TOTAL: ${s(p.total)} / 100${p.grade ? `   grade: ${s(p.grade)}` : ''}`,
  },
  'cli.score.unanswered': {
    'zh-CN': (p) => `未作答的适用指标(计分指标按 0 分计): ${s(p.ids)}`,
    en: (p) => `Applicable indicators unanswered (scored ones count 0): ${s(p.ids)}`,
  },
  'cli.score.workbook-head': {
    'zh-CN': (p) =>
      `机构: ${s(p.org_name)} (${s(p.org_id)})  周期: ${s(p.period)}  评价人: ${s(p.evaluator)}`,
    en: (p) =>
      `Organization: ${s(p.org_name)} (${s(p.org_id)})  period: ${s(p.period)}  evaluator: ${s(p.evaluator)}`,
  },
  'cli.score.cached-total': {
    'zh-CN': (p) => `工作簿缓存的总分: ${s(p.total)}`,
    en: (p) => `Workbook's cached total: ${s(p.total)}`,
  },
  'cli.score.weights-changed': {
    'zh-CN': (p) =>
      `权重与下发时不同：按下发的权重总分为 ${s(p.issued)}（对标比较用此分），按工作簿中的权重为 ${s(p.own)}。`,
    en: (p) =>
      `The weights differ from the issued ones: the total with the issued weights is ${s(p.issued)} (what comparisons use), with the workbook's own ${s(p.own)}.`,
  },
  'cli.score.not-calculated': {
    'zh-CN': () =>
      '文件中没有公式的缓存结果（由不计算公式的程序保存），无从比对；以上为引擎的计算结果。',
    en: () =>
      "The file holds no cached results for its formulas (saved by a program that does not calculate): nothing to compare; the figures above are the engine's.",
  },
  'cli.score.mismatches': {
    'zh-CN': (p) =>
      `工作簿中 ${s(p.count)} 处缓存结果与引擎不一致（公式被改动，或文件未重新计算）：`,
    en: (p) =>
      `${s(p.count)} cached result(s) disagree with the engine (an edited formula, or a file saved without recalculation):`,
  },
  'cli.score.mismatch': {
    'zh-CN': (p) =>
      `${s(p.name)}: 工作簿 ${s(p.cached)}  引擎 ${s(p.engine)}${p.text === undefined || p.text === null ? '' : `（输入单元格中的 "${s(p.text)}" 是文本，表格公式无法计算；请按数字重新输入）`}`,
    en: (p) =>
      `${s(p.name)}: workbook ${s(p.cached)}  engine ${s(p.engine)}${p.text === undefined || p.text === null ? '' : ` (the input cell holds the text "${s(p.text)}", which the sheet's formula cannot compute; type it again as a number)`}`,
  },
  'cli.score.agree': {
    'zh-CN': () => '工作簿缓存结果与引擎一致。',
    en: () => 'The cached results agree with the engine.',
  },
});
