/**
 * The words of identity and evaluation mode (issue 11): a roster row's or an option's credit
 * code or mode refused, and the mode's name where it is shown.
 */
import { creditCodeWords, registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

registerMessages({
  'roster.credit-code': {
    'zh-CN': (p) => `机构 ${s(p.id)} 的${creditCodeWords(p, 'zh-CN')}该行已跳过。`,
    en: (p) => `Member ${s(p.id)}: ${creditCodeWords(p, 'en')} The row was skipped.`,
  },
  'roster.mode': {
    'zh-CN': (p) =>
      `机构 ${s(p.id)} 的评价方式 "${s(p.value)}" 无法识别，应为 ${s(p.allowed)} 之一（可留空）。该行已跳过。`,
    en: (p) =>
      `Member ${s(p.id)}: the evaluation mode "${s(p.value)}" is not one of ${s(p.allowed)} (or blank). The row was skipped.`,
  },
  'cli.generate.credit-code': {
    'zh-CN': (p) => `--credit-code：${creditCodeWords(p, 'zh-CN')}未生成工作簿。`,
    en: (p) => `--credit-code: ${creditCodeWords(p, 'en')} No workbook was written.`,
  },
});
