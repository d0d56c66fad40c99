/**
 * The words of a report's identity and star levels (issue 11): the credit code, the evaluation
 * mode, and the volunteers by star level of GB/T 40143 6.6.2, in zh-CN and en.
 */
import { EVALUATION_MODE_LABELS, type EvaluationMode, type Lang } from '../../core/index.ts';

const STAR_NAMES: Record<Lang, readonly string[]> = {
  'zh-CN': ['未达星级', '一星级', '二星级', '三星级', '四星级', '五星级'],
  en: ['No star yet', 'One star', 'Two stars', 'Three stars', 'Four stars', 'Five stars'],
};
const MIN_HOURS = [0, 100, 300, 600, 1000, 1500];

export interface IdentityWords {
  creditCode: string;
  mode: string;
  /** a stored mode's name; the stored text itself when this scorebook does not know it */
  modeName: (mode: string) => string;
  starsTitle: string;
  starLevel: (level: number) => string;
  /** the cumulative service hours a level asks for */
  starHours: (level: number) => string;
  volunteers: string;
  share: string;
  starsTotal: string;
  starsNote: string;
  /** the secretariat summary's distribution */
  starsMembers: (members: number) => string;
  starsSharesFew: (k: number) => string;
  starsNone: string;
}

export function identityWords(lang: Lang): IdentityWords {
  const zh = lang === 'zh-CN';
  return {
    creditCode: zh ? '统一社会信用代码' : 'Unified social credit code',
    mode: zh ? '评价形式' : 'Evaluation',
    modeName: (m) => EVALUATION_MODE_LABELS[m as EvaluationMode]?.[lang] ?? m,
    starsTitle: zh ? '志愿者星级' : 'Volunteers by star level',
    starLevel: (level) => STAR_NAMES[lang][level] ?? String(level),
    starHours: (level) =>
      level === 0
        ? zh
          ? '不足 100 小时'
          : 'under 100 h'
        : zh
          ? `累计服务 ${MIN_HOURS[level]} 小时以上`
          : `${MIN_HOURS[level]} h or more`,
    volunteers: zh ? '人数' : 'Volunteers',
    share: zh ? '占比' : 'Share',
    starsTotal: zh ? '合计' : 'Total',
    starsNote: zh
      ? '按志愿服务记录统计的注册志愿者累计服务时长（至评价周期末，不含培训），星级按 GB/T 40143—2021 6.6.2 划分（100/300/600/1000/1500 小时）。'
      : "Registered volunteers by cumulative service hours up to the period's end (training not counted), from the volunteer service records, in the star levels of GB/T 40143-2021 6.6.2 (100/300/600/1000/1500 h).",
    starsMembers: (n) =>
      zh
        ? `${n} 家机构的回报按志愿服务记录填写，下表为其志愿者人数之和。`
        : `${n} member(s) filled their returns from volunteer service records; the table sums their volunteers.`,
    starsSharesFew: (k) =>
      zh
        ? `按记录填写的机构少于 ${k} 家，不显示占比。`
        : `Fewer than ${k} members filled from records: no shares are shown.`,
    starsNone: zh
      ? '没有机构的回报按志愿服务记录填写。'
      : 'No member filled its return from volunteer service records.',
  };
}
