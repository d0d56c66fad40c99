/** The words of `scorebook status`: its columns, the states, what each member still owes, the summary. */
import { registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const COLUMNS: Record<string, [zh: string, en: string]> = {
  org_id: ['机构编号', 'org_id'],
  org_name: ['机构名称', 'org_name'],
  contact: ['联系方式', 'contact'],
  state: ['状态', 'state'],
  detail: ['说明', 'detail'],
  missing: ['待补充', 'missing'],
};

const STATES: Record<string, [zh: string, en: string]> = {
  accepted: ['已接收', 'accepted'],
  partial: ['未完成', 'partial'],
  'weights-changed': ['权重被修改', 'weights-changed'],
  flagged: ['已标记', 'flagged'],
  rejected: ['被拒收', 'rejected'],
  missing: ['未回收', 'missing'],
};

registerMessages({
  'status.column': {
    'zh-CN': (p) => COLUMNS[s(p.column)]?.[0] ?? s(p.column),
    en: (p) => COLUMNS[s(p.column)]?.[1] ?? s(p.column),
  },
  'status.state': {
    'zh-CN': (p) => STATES[s(p.state)]?.[0] ?? s(p.state),
    en: (p) => STATES[s(p.state)]?.[1] ?? s(p.state),
  },
  'status.detail.partial': {
    'zh-CN': (p) => `${s(p.applicable)} 项适用指标中有 ${s(p.unanswered)} 项未作答：${s(p.ids)}`,
    en: (p) =>
      `${s(p.unanswered)} of ${s(p.applicable)} applicable indicators unanswered: ${s(p.ids)}`,
  },
  'status.detail.weights-changed': {
    'zh-CN': () => '汇总表中的一级指标权重与下发时不同；比较按下发的权重计算',
    en: () =>
      'the first-level weights on the summary sheet differ from the issued ones; compared with the issued weights',
  },
  'status.detail.flagged': {
    'zh-CN': (p) => `${s(p.mismatches)} 个单元格的缓存结果与引擎重算不一致；采用引擎的分数`,
    en: (p) =>
      `${s(p.mismatches)} cell(s) whose cached result disagrees with the engine; the engine's scores are used`,
  },
  'status.detail.rejected': {
    'zh-CN': (p) => `${s(p.file)} 被拒收（${s(p.reason)}）：${s(p.words)}`,
    en: (p) => `${s(p.file)} rejected (${s(p.reason)}): ${s(p.words)}`,
  },
  'status.detail.missing': {
    'zh-CN': () => '未回收',
    en: () => 'not returned',
  },
  'status.detail.not-calculated': {
    'zh-CN': () => '文件保存时未计算公式（未与缓存结果核对）',
    en: () => 'saved without calculating its formulas (nothing to check against)',
  },
  'status.scope': {
    'zh-CN': (p) => `${s(p.selection)}${p.period ? `，周期 ${s(p.period)}` : ''}`,
    en: (p) => `${s(p.selection)}${p.period ? `, period ${s(p.period)}` : ''}`,
  },
  'status.summary': {
    'zh-CN': (p) => {
      const c = JSON.parse(s(p.counts)) as Record<string, number>;
      const parts = Object.entries(c).map(([k, n]) => `${STATES[k]![0]} ${n}`);
      return `名册共 ${s(p.total)} 个成员：${parts.join('，')}。`;
    },
    en: (p) => {
      const c = JSON.parse(s(p.counts)) as Record<string, number>;
      const parts = Object.entries(c).map(([k, n]) => `${n} ${STATES[k]![1]}`);
      return `${s(p.total)} members on the roster: ${parts.join(', ')}.`;
    },
  },
  'status.no-template': {
    'zh-CN': (p) => `没有模板 ${s(p.template)}。可用的模板：${s(p.templates)}。`,
    en: (p) => `There is no template ${s(p.template)}. Templates: ${s(p.templates)}.`,
  },
  'status.no-profile': {
    'zh-CN': (p) =>
      `${s(p.template)} 没有方案 ${s(p.profile)}，数据库中也没有与之相符的指标选择。它的方案：${s(p.profiles) || '无'}。`,
    en: (p) =>
      `${s(p.template)} has no profile ${s(p.profile)}, and no selection in the database matches it. Its profiles: ${s(p.profiles) || 'none'}.`,
  },
  'status.no-period': {
    'zh-CN': (p) =>
      `周期 ${s(p.period)} 既没有提交也没有被拒收的文件。现有周期：${s(p.periods) || '无'}。`,
    en: (p) =>
      `No return and no rejected file for period ${s(p.period)}. Periods present: ${s(p.periods) || 'none'}.`,
  },
});
