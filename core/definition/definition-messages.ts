/**
 * The words of a definition workbook's problems, in zh-CN and en, joined to the catalogue
 * (core/messages.ts). Each says what is wrong with the cell and what to write instead; where the
 * cell is comes with the issue (formatIssue). Column names in the words are the sheet's headings.
 */
import { registerMessages, type MessageEntry } from '../messages.ts';
import type { Issue } from '../issues.ts';

type P = NonNullable<Issue['params']>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const levelZh = (p: P) => ['', '一级指标', '二级指标', '三级指标'][Number(p.level)] ?? s(p.level);
const levelEn = (p: P) =>
  ['', 'first-level', 'second-level', 'third-level'][Number(p.level)] ?? s(p.level);

export const DEFINITION_MESSAGES: Record<string, MessageEntry> = {
  'definition.missing-sheet': {
    'zh-CN': (p) =>
      `工作簿中没有“${s(p.sheet)}”工作表（现有：${s(p.found) || '无'}）。定义工作簿至少要有“设置”和“指标”两个工作表：可用 scorebook templates new --xlsx 生成空白工作簿，在其中填写。`,
    en: (p) =>
      `The workbook has no "${s(p.sheet)}" sheet (it has: ${s(p.found) || 'none'}). A definition workbook needs at least the Settings and Indicators sheets: start from a blank one (scorebook templates new --xlsx) and fill it in.`,
  },
  'definition.missing-column': {
    'zh-CN': (p) => `缺少“${s(p.column)}”列。请在标题行加上这一列（列名可用中文或英文）。`,
    en: (p) =>
      `The column "${s(p.column)}" is missing. Add it to the heading row (in Chinese or English).`,
  },
  'definition.duplicate-column': {
    'zh-CN': (p) => `“${s(p.column)}”列出现了两次，只读取第一列。请删除或改名其中一列。`,
    en: (p) =>
      `The column "${s(p.column)}" appears twice; only the first is read. Delete or rename one.`,
  },
  'definition.merged-across': {
    'zh-CN': (p) =>
      `单元格 ${s(p.range)} 跨列合并，无法判断内容属于哪一列。请取消合并，把内容写在对应的列中。`,
    en: (p) =>
      `The cells ${s(p.range)} are merged across columns, so it cannot be told which column the text belongs to. Unmerge them and write it in its own column.`,
  },
  'definition.code': {
    'zh-CN': (p) => `“${s(p.value)}”不是编号。请填写编号，如 1.2.3。`,
    en: (p) => `"${s(p.value)}" is not a code. Write a code such as 1.2.3.`,
  },
  'definition.number': {
    'zh-CN': (p) => `“${s(p.value)}”不是数字。请填写数字，如 0.2；百分比写作 85% 或 0.85。`,
    en: (p) =>
      `"${s(p.value)}" is not a number. Write a number such as 0.2; a percentage as 85% or 0.85.`,
  },
  'definition.yes-no': {
    'zh-CN': (p) => `“${s(p.value)}”不是“是”或“否”。请从下拉列表中选择 是 或 否。`,
    en: (p) => `"${s(p.value)}" is not yes or no. Choose yes or no from the drop-down list.`,
  },
  'definition.choice': {
    'zh-CN': (p) => `“${s(p.value)}”不是可选的值。请从下拉列表中选择：${s(p.allowed)}。`,
    en: (p) =>
      `"${s(p.value)}" is not one of the choices. Pick one from the list: ${s(p.allowed)}.`,
  },
  'definition.one-language': {
    'zh-CN': (p) =>
      `已填写“${s(p.filled)}”，但“${s(p.empty)}”为空。每段文字都要有中英文两种写法：请填写它（英文可为译文）。`,
    en: (p) =>
      `"${s(p.filled)}" is filled in but "${s(p.empty)}" is empty. Every text is written in both languages: fill it in (the English may be a translation).`,
  },
  'definition.rule-needs': {
    'zh-CN': (p) =>
      p.kind === 'bands'
        ? `“bands”至少需要两个分档：请在“${s(p.column)}”列每行写一档，如“x ≤ 30% → 0”“x > 30% → 1”。`
        : p.kind === 'scale'
          ? `“scale”需要各等级的名称：请在“${s(p.column)}”列每行写一级，如“未开展”“初步开展”“基本完善”。`
          : `“${s(p.kind)}”规则需要“${s(p.column)}”：请填写它。`,
    en: (p) =>
      p.kind === 'bands'
        ? `"bands" needs at least two bands: fill ${s(p.column)} with one band per line, e.g. "x ≤ 30% → 0" and "x > 30% → 1".`
        : p.kind === 'scale'
          ? `"scale" needs the names of its levels: fill ${s(p.column)} with one level per line, e.g. "Not in place", "Initial", "Established".`
          : `A "${s(p.kind)}" rule needs ${s(p.column)}: fill it in.`,
  },
  'definition.band-text': {
    'zh-CN': (p) =>
      `无法读出分档“${s(p.text)}”。每行写一档：区间、箭头、得分，如“x ≤ 30% → 0”“30% < x ≤ 60% → 0.5”“x ≥ 85% → 1”。`,
    en: (p) =>
      `The band "${s(p.text)}" cannot be read. Write one band per line: its range, an arrow, its score, e.g. "x ≤ 30% → 0", "30% < x ≤ 60% → 0.5", "x ≥ 85% → 1".`,
  },
  'definition.levels-count': {
    'zh-CN': (p) =>
      `中文等级有 ${s(p.zh)} 个，英文等级有 ${s(p.en)} 个。每一级都要有中英文名称，行数应相同。`,
    en: (p) =>
      `There are ${s(p.zh)} levels in Chinese and ${s(p.en)} in English. Each level needs both names: the same number of lines in each.`,
  },
  'definition.unknown-setting': {
    'zh-CN': (p) => `不认识的设置项“${s(p.item)}”。请检查拼写，或删除这一行。`,
    en: (p) => `Unknown setting "${s(p.item)}". Check the spelling or delete the row.`,
  },
  'definition.duplicate-setting': {
    'zh-CN': (p) => `设置项“${s(p.item)}”出现了两次（另见第 ${s(p.first)} 行）。请删除其中一行。`,
    en: (p) =>
      `The setting "${s(p.item)}" is given twice (see also row ${s(p.first)}). Delete one of the rows.`,
  },
  'definition.missing-setting': {
    'zh-CN': (p) => `缺少设置项“${s(p.item)}”。请加上这一行并填写其值。`,
    en: (p) => `The setting "${s(p.item)}" is missing. Add its row and fill in its value.`,
  },
  'definition.empty-setting': {
    'zh-CN': (p) => `设置项“${s(p.item)}”必须填写。`,
    en: (p) => `The setting "${s(p.item)}" must be filled in.`,
  },
  'definition.level': {
    'zh-CN': (p) => `层级“${s(p.value)}”无效。请填 1（一级指标）、2（二级指标）或 3（三级指标）。`,
    en: (p) =>
      `The level "${s(p.value)}" is not valid. Write 1 (first-level), 2 (second-level) or 3 (third-level).`,
  },
  'definition.no-id': {
    'zh-CN': () => '这一行没有编号。请填写它在标准表格中的位置编码，如 1、1.2 或 1.2.3。',
    en: () =>
      "This row has no id. Write its positional code in the standard's table, such as 1, 1.2 or 1.2.3.",
  },
  'definition.level-id': {
    'zh-CN': (p) =>
      `编号 "${s(p.id)}" 与层级 ${s(p.level)} 不符：${levelZh(p)}的编号有 ${s(p.level)} 段（如 ${['', '1', '1.2', '1.2.3'][Number(p.level)] ?? ''}）。请改正编号或层级。`,
    en: (p) =>
      `The id "${s(p.id)}" does not fit level ${s(p.level)}: a ${levelEn(p)} id has ${s(p.level)} part(s) (such as ${['', '1', '1.2', '1.2.3'][Number(p.level)] ?? ''}). Correct the id or the level.`,
  },
  'definition.not-for-level': {
    'zh-CN': (p) => `${levelZh(p)}的行不填“${s(p.column)}”。请清空该单元格，或把内容移到适用的行。`,
    en: (p) =>
      `A ${levelEn(p)} row has no ${s(p.column)}. Clear the cell, or move its content to a row it belongs to.`,
  },
  'definition.orphan': {
    'zh-CN': (p) =>
      `这一${levelZh(p)}行之前没有上一级指标。请在它上面加上其所属的${Number(p.level) === 3 ? '二级指标' : '一级指标'}行。`,
    en: (p) =>
      `This ${levelEn(p)} row has no ${Number(p.level) === 3 ? 'second' : 'first'}-level indicator above it. Add the row of the indicator it belongs to above it.`,
  },
  'definition.no-indicators': {
    'zh-CN': () =>
      '“指标”工作表中还没有指标。请每行填写一个指标：一级指标（层级 1）、其下的二级指标（层级 2）和三级指标（层级 3）。',
    en: () =>
      'The Indicators sheet has no indicators yet. Write one indicator per row: a first-level one (level 1), its second-level ones (level 2) and their third-level ones (level 3).',
  },
  'definition.no-rule': {
    'zh-CN': () =>
      '三级指标需要评分规则。请在“规则”列选择 binary、bands、linear、scale、manual 或 record。',
    en: () =>
      'A third-level indicator needs a scoring rule. Choose binary, bands, linear, scale, manual or record in the Rule column.',
  },
  'definition.column-not-for-kind': {
    'zh-CN': (p) =>
      `“${s(p.column)}”不是“${s(p.kind)}”规则的参数，不会被使用。请清空它，或改选用到它的规则。`,
    en: (p) =>
      `${s(p.column)} is not a parameter of a "${s(p.kind)}" rule and would be ignored. Clear it, or choose the rule that uses it.`,
  },
  'definition.unknown-profile': {
    'zh-CN': (p) => `“方案”工作表中没有方案 "${s(p.id)}"。请在“方案”工作表中加上它，或改正编号。`,
    en: (p) =>
      `There is no profile "${s(p.id)}" on the Profiles sheet. Add it there, or correct the id.`,
  },
  'definition.duplicate-profile': {
    'zh-CN': (p) => `方案 "${s(p.id)}" 出现了两次。每个方案需要不同的编号。`,
    en: (p) => `The profile "${s(p.id)}" is given twice. Each profile needs its own id.`,
  },
  'definition.duplicate-rule': {
    'zh-CN': (p) =>
      `方案 "${s(p.profile)}" 为指标 "${s(p.id)}" 设置了两条规则。每个指标只能有一条，请删除一行。`,
    en: (p) =>
      `Profile "${s(p.profile)}" sets two rules for "${s(p.id)}". One per indicator: delete a row.`,
  },
};

registerMessages(DEFINITION_MESSAGES);
