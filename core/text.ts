/** The two languages every text a person reads comes in. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export function text(t: LocalizedText | undefined, lang: Lang): string {
  if (!t) return '';
  return t[lang] || t['zh-CN'] || t.en;
}

/** Pick zh-CN for any Chinese locale tag (zh, zh_CN.UTF-8, zh-Hans …), en otherwise. */
export function langFromLocale(tag: string | undefined | null): Lang {
  return tag && /^zh/i.test(tag.trim()) ? 'zh-CN' : 'en';
}
