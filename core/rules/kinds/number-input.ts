/**
 * A typed number, for the kinds whose answer is one: a figure in the indicator's unit (bands,
 * linear, record) or the score itself (manual). Reading, the formula's guard, the input cell's
 * validation and synthetic figures, so that each says the same domain.
 */
import { z } from 'zod';
import { issue, type Issue, type PathSegment } from '../../issues.ts';
import { formulaNumber } from '../../sheet/sheet-model.ts';
import { sheetLabels } from '../../sheet/sheet-labels.ts';
import type { Lang } from '../../text.ts';
import type { InputDomain, ReadInput } from '../input-types.ts';
import { looksLikeDate, parseNumber } from '../typed-text.ts';
import { logistic, normal, pick } from './draws.ts';
import type { InputValidation, PlausibleDraw, TypedInput } from './rule-kind.ts';
import { column, type PlainCell, type RuleCells } from './rule-columns.ts';

/** The bounds a figure's rule may state. */
export const figureDomainFields = {
  min: z.number().optional().describe('smallest valid input (default 0)'),
  max: z.number().optional().describe('largest valid input (default none; 1 for % indicators)'),
  warnAbove: z
    .number()
    .optional()
    .describe(
      'a figure above this is implausible (a typo, a date): ingest stores it and warns, naming the file (e.g. 100000 registered volunteers); it does not change a score',
    ),
};

/** The bounds' columns on a definition sheet, shared by the kinds whose answer is a figure. */
export const FIGURE_DOMAIN_COLUMNS = [
  column(
    'min',
    { 'zh-CN': '最小值', en: 'Min' },
    {
      'zh-CN': '可填写的最小数值（默认 0）；百分比写作 85% 或 0.85。',
      en: 'The smallest valid input (default 0); a percentage as 85% or 0.85.',
    },
    10,
  ),
  column(
    'max',
    { 'zh-CN': '最大值', en: 'Max' },
    {
      'zh-CN': '可填写的最大数值（默认不限；百分比指标为 100%）。',
      en: 'The largest valid input (default none; 100% for % indicators).',
    },
    10,
  ),
  column(
    'warnAbove',
    { 'zh-CN': '警示上限', en: 'Warn above' },
    {
      'zh-CN': '高于此数的填写值不合常理（多半是笔误或被当成日期）：导入时照存并提示；不影响得分。',
      en: 'A figure above this is implausible (a typo, a date): ingest stores it and warns; it does not change a score.',
    },
    10,
  ),
];

export function figureDomainToColumns(rule: DomainFields): Record<string, PlainCell> {
  return { min: rule.min ?? null, max: rule.max ?? null, warnAbove: rule.warnAbove ?? null };
}

export function figureDomainFromColumns(cells: RuleCells): DomainFields {
  const out: DomainFields = {};
  for (const key of ['min', 'max', 'warnAbove'] as const) {
    cells.locate([key], key);
    const v = cells.number(key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

interface DomainFields {
  min?: number | undefined;
  max?: number | undefined;
  warnAbove?: number | undefined;
}

export function figureDomain(rule: DomainFields, unit: string | undefined): InputDomain {
  return { min: rule.min ?? 0, max: rule.max ?? (unit === '%' ? 1 : undefined) };
}

export function checkFigureDomain(rule: DomainFields, path: PathSegment[]): Issue[] {
  return rule.min !== undefined && rule.max !== undefined && rule.min >= rule.max
    ? [issue('rule.domain', path, { min: rule.min, max: rule.max })]
    : [];
}

/** A figure of a % indicator is a fraction; a score is 0..1 whatever the indicator's unit. */
export function readNumber(
  raw: TypedInput,
  unit: string | undefined,
  domain: InputDomain,
  entry: 'figure' | 'score',
): ReadInput {
  const isPercent = unit === '%';
  const figure = entry === 'figure';
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'boolean')
    return { state: 'invalid', code: 'input.number', params: { value: String(raw) } };
  else {
    const parsed = parseNumber(String(raw));
    if (!parsed && looksLikeDate(String(raw)))
      return { state: 'invalid', code: 'input.date', params: { value: String(raw) } };
    if (!parsed) return { state: 'invalid', code: 'input.number', params: { value: String(raw) } };
    if (parsed.percent && !isPercent && figure) {
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
  const { min, max } = domain;
  if (value < min || (max !== undefined && value > max)) {
    // A % indicator holds a fraction, as an Excel percentage cell does: 85 is almost surely 85 %.
    const code = isPercent && figure ? 'input.percent-range' : 'input.range';
    return { state: 'invalid', code, params: { value: String(raw), min, max: max ?? '∞' } };
  }
  return { state: 'value', value };
}

/** The formula's twin of readNumber: a number inside the domain (text, even "85%", is not). */
export function numberGuard(input: string, domain: InputDomain): string {
  const parts = [`ISNUMBER(${input})`, `${input}>=${formulaNumber(domain.min)}`];
  if (domain.max !== undefined) parts.push(`${input}<=${formulaNumber(domain.max)}`);
  return `AND(${parts.join(',')})`;
}

function shown(n: number, unit: string | undefined): string {
  return unit === '%' ? `${formulaNumber(n * 100)}%` : formulaNumber(n);
}

/** A decimal range with its prompt; `rule`, when given, follows the prompt (the bands in words). */
export function figureValidation(
  domain: InputDomain,
  unit: string | undefined,
  lang: Lang,
  rule?: string,
): InputValidation {
  const L = sheetLabels(lang);
  const { min, max } = domain;
  const t =
    unit === '%'
      ? L.percentPrompt(shown(min, unit), shown(max ?? 1, unit))
      : L.numberPrompt(shown(min, unit), max === undefined ? '' : shown(max, unit));
  const v: InputValidation = {
    type: 'decimal',
    min,
    prompt: { title: L.inputPromptTitle, text: rule === undefined ? t : `${t} ${rule}` },
    error: { title: L.invalidTitle, text: t, style: 'stop' },
  };
  if (max !== undefined) v.max = max;
  return v;
}

/** Rates sit around the organization's strength; head counts and money grow with its size. */
export function plausibleFigure(unit: string | undefined, draw: PlausibleDraw): number {
  const { random, strength: s, volunteers } = draw;
  if (unit === '%') return Math.round(Math.min(1, Math.max(0, logistic(1 + s))) * 1000) / 1000;
  if (unit === '名' || unit === '人次')
    return Math.max(
      0,
      Math.round(volunteers * Math.exp(0.5 * normal(random)) * (unit === '人次' ? 4 : 1)),
    );
  if (unit === '万元')
    return Math.round(volunteers * 0.05 * Math.exp(0.6 * normal(random) + 0.3 * s) * 10) / 10;
  return Math.max(0, Math.round(10 * Math.exp(0.5 * s + 0.5 * normal(random))));
}

/**
 * A figure for a scored rule: where it falls between `zero` (the figure that scores 0) and `full`
 * (the one that scores 1; below `zero` for a falling rule) follows the organization's strength,
 * with noise, now and then past either end. A figure taken per registered volunteer (`per`) is
 * that ratio times the organization's volunteers, as its records would add up.
 */
export function plausibleScoredFigure(
  unit: string | undefined,
  draw: PlausibleDraw,
  rule: { zero: number; full: number; per: boolean; domain: InputDomain },
): number {
  const u = Math.min(
    1.3,
    logistic(1.1 * draw.strength + 0.6) * Math.exp(0.35 * normal(draw.random)),
  );
  const { min, max } = rule.domain;
  const x = Math.max(min, Math.min(max ?? Infinity, rule.zero + (rule.full - rule.zero) * u));
  return roundFigure(rule.per ? x * draw.volunteers : x, unit);
}

/** Head counts and times are whole, money to 100 yuan, a % to 0.1 %, hours to 0.1 h. */
function roundFigure(x: number, unit: string | undefined): number {
  const digits =
    unit === '%'
      ? 3
      : unit === '万元'
        ? 2
        : ['名', '人次', '个', '次'].includes(unit ?? '')
          ? 0
          : 1;
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/** A number in the domain (up to 500 when it has no top), often one of `edges` exactly. */
export function randomFigure(
  domain: InputDomain,
  edges: readonly number[],
  random: () => number,
): number {
  const { min, max } = domain;
  const hi = max ?? 500;
  return edges.length && random() < 0.4
    ? pick(random, edges)
    : min + Math.round(random() * (hi - min) * 1000) / 1000;
}
