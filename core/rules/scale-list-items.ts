/** A scale rule's levels as the items of its input list ("1 差", "2 较差" …). */
import type { LocalizedText } from '../text.ts';

/** The items a scale's input list offers, and the ones its formula also understands. */
export function scaleListItems(levels: readonly LocalizedText[], lang: 'zh-CN' | 'en'): string[] {
  return levels.map((l, i) => `${i + 1} ${l[lang]}`);
}
