/**
 * A `bands` rule's bands as a person writes them in one cell, one band per line:
 *
 *     x ≤ 30% → 0
 *     30% < x ≤ 60% → 0.5
 *     60% < x < 85% → 0.8
 *     x ≥ 85% → 1
 *
 * Read leniently (<= and >=, full-width ＜ ≦ ％, ： or -> for the arrow, "；" between bands, the
 * x left out: "≤ 30%: 0"); written in the form above, exactly (decimal-text.ts).
 */
import type { Band } from './band-schema.ts';
import { formatDecimal, parseDecimal } from './decimal-text.ts';
import { normalize } from './typed-text.ts';

const NUM = String.raw`([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?)`;
const LT = '(<|≤)';
const GT = '(>|≥)';
const X = '[xX]';
const FORMS: { re: RegExp; band: (m: string[]) => Band | undefined }[] = [
  // a < x ≤ b
  {
    re: new RegExp(`^${NUM}${LT}${X}${LT}${NUM}$`),
    band: (m) => between(m[1]!, m[2] === '<', m[4]!, m[3] === '≤'),
  },
  // b ≥ x > a
  {
    re: new RegExp(`^${NUM}${GT}${X}${GT}${NUM}$`),
    band: (m) => between(m[4]!, m[3] === '>', m[1]!, m[2] === '≥'),
  },
  { re: new RegExp(`^(?:${X})?${LT}${NUM}$`), band: (m) => upper(m[2]!, m[1] === '≤') },
  { re: new RegExp(`^(?:${X})?${GT}${NUM}$`), band: (m) => lower(m[2]!, m[1] === '>') },
  { re: new RegExp(`^${NUM}${GT}${X}$`), band: (m) => upper(m[1]!, m[2] === '≥') },
  { re: new RegExp(`^${NUM}${LT}${X}$`), band: (m) => lower(m[1]!, m[2] === '<') },
  { re: new RegExp(`^${X}$`), band: () => ({ score: 0 }) },
];

function num(s: string): number | undefined {
  return parseDecimal(s);
}

function lower(a: string, exclusive: boolean): Band | undefined {
  const v = num(a);
  if (v === undefined) return undefined;
  return exclusive ? { above: v, score: 0 } : { atLeast: v, score: 0 };
}

function upper(b: string, inclusive: boolean): Band | undefined {
  const v = num(b);
  if (v === undefined) return undefined;
  return inclusive ? { atMost: v, score: 0 } : { below: v, score: 0 };
}

function between(a: string, exclusive: boolean, b: string, inclusive: boolean): Band | undefined {
  const lo = lower(a, exclusive);
  const hi = upper(b, inclusive);
  return lo && hi ? { ...lo, ...hi } : undefined;
}

/** The lines of a cell: one band (or level) per line, or per ；/; when it is one line. */
export function cellLines(raw: string): string[] {
  const lines = raw.split(/\r?\n/);
  const parts = lines.length > 1 ? lines : raw.split(/[；;]/);
  return parts.map((l) => l.trim()).filter((l) => l !== '');
}

export type BandLine = { band: Band } | { error: string };

/** Each line of the cell as a band, or the line that cannot be read. */
export function parseBandText(raw: string): BandLine[] {
  return cellLines(raw).map((line) => {
    const s = normalize(line)
      .replace(/\s+/g, '')
      .replace(/<=|=<|≦|⩽/g, '≤')
      .replace(/>=|≧|⩾/g, '≥');
    const m = /^(.*?)(?:→|->|=>|:|得)([+-]?(?:\d+(?:\.\d*)?|\.\d+))分?$/.exec(s);
    if (!m) return { error: line };
    const score = Number(m[2]);
    for (const form of FORMS) {
      const found = form.re.exec(m[1]!);
      if (!found) continue;
      const band = form.band(found);
      return band ? { band: { ...band, score } } : { error: line };
    }
    return { error: line };
  });
}

function bound(n: number, percent: boolean): string {
  return formatDecimal(n, percent);
}

/** The bands as the cell holds them, one per line; % indicators' bounds as percentages. */
export function formatBandText(bands: readonly Band[], unit: string | undefined): string {
  const pc = unit === '%';
  return bands
    .map((b) => {
      const lo =
        b.above !== undefined
          ? `${bound(b.above, pc)} < `
          : b.atLeast !== undefined
            ? `${bound(b.atLeast, pc)} ≤ `
            : '';
      const hi =
        b.below !== undefined
          ? ` < ${bound(b.below, pc)}`
          : b.atMost !== undefined
            ? ` ≤ ${bound(b.atMost, pc)}`
            : '';
      // A lower bound alone reads better as "x ≥ 85%".
      const range =
        lo && !hi
          ? `x ${b.above !== undefined ? '>' : '≥'} ${bound((b.above ?? b.atLeast)!, pc)}`
          : `${lo}x${hi}`;
      return `${range} → ${String(b.score)}`;
    })
    .join('\n');
}
