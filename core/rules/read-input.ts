/**
 * What the evaluator typed, understood for one indicator's rule. The same reading serves the
 * CLI's CSV/JSON inputs, `fill`, the workbook reader and the task pane, so "85%", "是" and
 * "不适用" mean the same everywhere.
 */
import type { Rule } from '../template/schema.ts';

export type RawInput = string | number | boolean | null | undefined;

export type ReadInput =
  | { state: 'blank' }
  | { state: 'na' }
  | { state: 'value'; value: number }
  | { state: 'invalid'; code: string; params?: Record<string, string | number> };

const NA_TOKENS = new Set(['na', 'n/a', '不适用', '不適用']);
const YES = new Set(['1', 'yes', 'y', 'true', '是', '符合', '有', '√', '✓']);
const NO = new Set(['0', 'no', 'n', 'false', '否', '不符合', '无', '×', '✗']);

function normalize(raw: string): string {
  // NFKC folds full-width digits, ％ and letters typed with a Chinese IME into ASCII.
  return raw.normalize('NFKC').trim();
}

/** "1,234.5" → 1234.5; "85%" → { value: 0.85, percent: true }; anything else → undefined. */
export function parseNumber(raw: string): { value: number; percent: boolean } | undefined {
  let s = normalize(raw).replace(/\s+/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  return { value: percent ? n / 100 : n, percent };
}

export interface InputDomain {
  min: number;
  max: number | undefined;
}

export function numericDomain(rule: Rule, unit: string | undefined): InputDomain {
  if (rule.kind === 'manual') return { min: 0, max: 1 };
  if (rule.kind === 'bands' || rule.kind === 'linear' || rule.kind === 'record') {
    const isPercent = unit === '%';
    return { min: rule.min ?? 0, max: rule.max ?? (isPercent ? 1 : undefined) };
  }
  if (rule.kind === 'scale') return { min: 1, max: rule.levels.length };
  return { min: 0, max: 1 };
}

export function isBlank(raw: RawInput): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && normalize(raw) === '');
}

export function isNa(raw: RawInput): boolean {
  return typeof raw === 'string' && NA_TOKENS.has(normalize(raw).toLowerCase());
}

export function readInput(rule: Rule, unit: string | undefined, raw: RawInput): ReadInput {
  if (isBlank(raw)) return { state: 'blank' };
  if (isNa(raw)) return { state: 'na' };
  switch (rule.kind) {
    case 'binary':
      return readBinary(raw);
    case 'scale':
      return readScale(rule.levels, raw);
    default:
      return readNumber(rule, unit, raw);
  }
}

function readBinary(raw: RawInput): ReadInput {
  if (typeof raw === 'boolean') return { state: 'value', value: raw ? 1 : 0 };
  if (typeof raw === 'number') {
    return raw === 0 || raw === 1
      ? { state: 'value', value: raw }
      : { state: 'invalid', code: 'input.binary', params: { value: String(raw) } };
  }
  const s = normalize(String(raw)).toLowerCase();
  if (YES.has(s)) return { state: 'value', value: 1 };
  if (NO.has(s)) return { state: 'value', value: 0 };
  return { state: 'invalid', code: 'input.binary', params: { value: String(raw) } };
}

function readScale(levels: readonly { 'zh-CN': string; en: string }[], raw: RawInput): ReadInput {
  const n = levels.length;
  let level: number | undefined;
  if (typeof raw === 'number') level = raw;
  else if (typeof raw === 'string') {
    const s = normalize(raw);
    // "2", "2 初步开展", "2. Initial" and the bare label all name level 2; "2.5" names none.
    const lead = /^\d+[.,]\d/.test(s) ? null : /^(\d+)(?:[\s.、:：-]+.*)?$/.exec(s);
    if (lead) level = Number(lead[1]);
    else {
      const idx = levels.findIndex(
        (l) => l['zh-CN'] === s || l.en.toLowerCase() === s.toLowerCase(),
      );
      if (idx >= 0) level = idx + 1;
    }
  }
  if (level === undefined || !Number.isInteger(level) || level < 1 || level > n) {
    return { state: 'invalid', code: 'input.scale', params: { value: String(raw), max: n } };
  }
  return { state: 'value', value: level };
}

function readNumber(rule: Rule, unit: string | undefined, raw: RawInput): ReadInput {
  const isPercent = unit === '%';
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'boolean')
    return { state: 'invalid', code: 'input.number', params: { value: String(raw) } };
  else {
    const parsed = parseNumber(String(raw));
    if (!parsed) return { state: 'invalid', code: 'input.number', params: { value: String(raw) } };
    if (parsed.percent && !isPercent && rule.kind !== 'manual') {
      return {
        state: 'invalid',
        code: 'input.not-percent',
        params: { value: String(raw), unit: unit ?? '' },
      };
    }
    value = parsed.value;
  }
  if (!Number.isFinite(value))
    return { state: 'invalid', code: 'input.number', params: { value: String(raw) } };
  const { min, max } = numericDomain(rule, unit);
  if (value < min || (max !== undefined && value > max)) {
    // A % indicator holds a fraction, as an Excel percentage cell does: 85 is almost surely 85 %.
    const code = isPercent && rule.kind !== 'manual' ? 'input.percent-range' : 'input.range';
    return { state: 'invalid', code, params: { value: String(raw), min, max: max ?? '∞' } };
  }
  return { state: 'value', value };
}
