/** A rule said in words, for the sheet's rule column and the CLI's tree: "≥85 % → 1; …". */
import type { Band, Rule } from '../template/schema.ts';
import type { Lang } from '../text.ts';
import { lowerBound, upperBound } from './score-bands.ts';

function num(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/**
 * A figure as a person reads it: percentages are stored as fractions (85 % is 0.85, as an Excel
 * percentage cell holds them) and shown on 100. `digits` rounds what is shown, not what is stored.
 */
export function formatValue(value: number, unit: string | undefined, digits?: number): string {
  const shown = (x: number) =>
    num(digits === undefined ? x : Math.round(x * 10 ** digits) / 10 ** digits);
  if (unit === '%') return `${shown(value * 100)}%`;
  return unit ? `${shown(value)} ${unit}` : shown(value);
}

function describeBand(b: Band, unit: string | undefined): string {
  const lo = lowerBound(b);
  const hi = upperBound(b);
  const l = lo ? `${formatValue(lo.value, unit)} ${lo.inclusive ? '≤' : '<'} ` : '';
  const h = hi ? ` ${hi.inclusive ? '≤' : '<'} ${formatValue(hi.value, unit)}` : '';
  if (lo && !hi) return `x ${lo.inclusive ? '≥' : '>'} ${formatValue(lo.value, unit)}`;
  return `${l}x${h}`;
}

export function describeRule(rule: Rule, unit: string | undefined, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (rule.kind) {
    case 'binary':
      return zh ? '符合 → 1；不符合 → 0' : 'conforms → 1; does not → 0';
    case 'bands':
      return rule.bands
        .map((b) => `${describeBand(b, unit)} → ${num(b.score)}`)
        .join(zh ? '；' : '; ');
    case 'linear':
      return zh
        ? `${formatValue(rule.from, unit)} 得 0，${formatValue(rule.to, unit)} 得 1，其间按线性插值`
        : `0 at ${formatValue(rule.from, unit)}, 1 at ${formatValue(rule.to, unit)}, linear between`;
    case 'scale': {
      const n = rule.levels.length;
      return rule.levels
        .map(
          (l, i) =>
            `${i + 1} ${zh ? l['zh-CN'] : l.en} → ${num(Math.round((i / (n - 1)) * 100) / 100)}`,
        )
        .join(zh ? '；' : '; ');
    }
    case 'manual':
      return zh ? '评价人直接填写 0–1 的得分' : 'the evaluator enters the score, 0–1';
    case 'record':
      return zh ? '仅记录数值，不计分' : 'recorded for benchmarking, not scored';
  }
}
