/**
 * Excel's limits on a data validation's texts. Longer texts make Excel refuse the validation
 * (Office.js: InvalidArgument) or repair the file on open, so the layout clips them here, once,
 * and both writers (exceljs and Office.js) write the same clipped texts.
 */
import type { ValidationSpec } from './sheet-model.ts';

export const VALIDATION_TEXT_LIMITS = {
  promptTitle: 32,
  prompt: 255,
  errorTitle: 32,
  error: 225,
} as const;

/** At most `max` characters (code points: a character outside the BMP is never split), "…" marking a cut. */
export function clipText(s: string, max: number): string {
  // Excel counts UTF-16 units; a character outside the BMP is two of them.
  if (s.length <= max) return s;
  let kept = Array.from(s).slice(0, max - 1);
  while (kept.join('').length > max - 1) kept = kept.slice(0, -1);
  return `${kept.join('')}…`;
}

export function withinValidationLimits(v: ValidationSpec): ValidationSpec {
  const L = VALIDATION_TEXT_LIMITS;
  return {
    ...v,
    prompt: {
      title: clipText(v.prompt.title, L.promptTitle),
      text: clipText(v.prompt.text, L.prompt),
    },
    error: {
      ...v.error,
      title: clipText(v.error.title, L.errorTitle),
      text: clipText(v.error.text, L.error),
    },
  };
}
