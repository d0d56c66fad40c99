/**
 * A selection (template, version, profile_hash) as people read it: its profile id, or for a
 * choice of indicators without a profile, how many and the first 8 hex digits of its hash.
 */
import type { Lang } from '../../core/index.ts';

export interface SelectionNames {
  template_id: string;
  template_version: string;
  profile: string | null;
  profile_hash: string;
  /** the indicators the selection chose */
  indicators: number;
  /** every indicator of the template, with no profile: the template as it stands */
  whole: boolean;
}

/** The first hex digits of a selection's hash that name it (`--profile` takes them). */
export const shortHash = (hash: string) => hash.slice(0, 8);

/** The selection without its template: `annex-b-example`, `custom selection of 17 indicators (ab12cd34)`. */
export function selectionLabel(s: SelectionNames, lang: Lang, withHash = false): string {
  const h = shortHash(s.profile_hash);
  if (s.profile)
    return withHash ? `${s.profile}${lang === 'zh-CN' ? `（${h}）` : ` (${h})`}` : s.profile;
  if (lang === 'zh-CN')
    return s.whole ? `全部 ${s.indicators} 项指标（${h}）` : `自选 ${s.indicators} 项指标（${h}）`;
  return s.whole
    ? `all ${s.indicators} indicators (${h})`
    : `custom selection of ${s.indicators} indicators (${h})`;
}

/** The selection with its template and version: `gbt-40143-2021 1.0.0 annex-b-example`. */
export function selectionName(s: SelectionNames, lang: Lang, withHash = false): string {
  return `${s.template_id} ${s.template_version} ${selectionLabel(s, lang, withHash)}`;
}
