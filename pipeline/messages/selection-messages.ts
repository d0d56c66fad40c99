/**
 * The words of choosing what to compare (pipeline/benchmark/choose-selection.ts): the
 * selections that fit, listed with their organizations, and the option that tells them apart.
 */
import { registerMessages } from '../../core/messages.ts';
import type { Lang } from '../../core/text.ts';
import { selectionName, type SelectionNames } from '../benchmark/selection-label.ts';

interface Choice extends SelectionNames {
  period: string;
  periods: string[];
  organizations: number;
}

const choicesOf = (p: Record<string, unknown>): Choice[] => JSON.parse(String(p.choices ?? '[]'));

/** Each choice named (with its hash where two would read alike) and its organizations. */
function list(p: Record<string, unknown>, lang: Lang, withPeriod: boolean): string {
  const choices = choicesOf(p);
  const plain = choices.map((c) => selectionName(c, lang));
  return choices
    .map((c, i) => {
      const twin = plain.filter((x) => x === plain[i]).length > 1;
      const name = selectionName(c, lang, twin);
      if (lang === 'zh-CN')
        return `${name}（${withPeriod ? `${c.period}：` : ''}${c.organizations} 个机构）`;
      return `${name} (${withPeriod ? `${c.period}: ` : ''}${c.organizations} organization${c.organizations === 1 ? '' : 's'})`;
    })
    .join(lang === 'zh-CN' ? '；' : '; ');
}

registerMessages({
  'selection.several': {
    'zh-CN': (p) => {
      const n = choicesOf(p).length;
      const who = p.org ? `机构 ${p.org} ` : '数据库中';
      const when = p.period ? `周期 ${p.period} ` : '';
      return `${who}${when}有 ${n} 种指标选择，不能相互比较：${list(p, 'zh-CN', !p.period)}。请用 ${p.option} 选择其一（--profile 可写方案名、none（不用方案），或括号中的散列值前几位）。`;
    },
    en: (p) => {
      const n = choicesOf(p).length;
      const who = p.org ? `Organization ${p.org} was scored on` : 'The database holds';
      const when = p.period ? ` for period ${p.period}` : '';
      return `${who} ${n} selections${when}, which are not comparable: ${list(p, 'en', !p.period)}. Choose one with ${p.option} (--profile takes a profile id, none for no profile, or the first digits of the hash in brackets).`;
    },
  },
  'selection.no-profile': {
    'zh-CN': (p) =>
      `没有与 --profile ${p.profile} 相符的指标选择（方案名，或散列值前至少 4 位）。现有：${list(p, 'zh-CN', true)}。`,
    en: (p) =>
      `No selection matches --profile ${p.profile} (a profile id, or at least the first 4 digits of its hash). The database holds: ${list(p, 'en', true)}.`,
  },
  'selection.org-none': {
    'zh-CN': (p) =>
      `机构 ${p.org} 在所选的模板或方案下没有已评分的提交。它的提交：${list(p, 'zh-CN', true)}。`,
    en: (p) =>
      `Organization ${p.org} has no scored return for the template or profile asked. Its returns: ${list(p, 'en', true)}.`,
  },
});
