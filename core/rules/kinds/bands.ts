/**
 * `bands`: a number → the score of the band it falls in. Ordered bands with explicit
 * inclusive/exclusive bounds (score-bands.ts) that cover the number line once; their edges and
 * scores are cells on the rules sheet, which the formula's nested IFs read.
 */
import { z } from 'zod';
import { issue, type Issue, type PathSegment } from '../../issues.ts';
import { formulaNumber } from '../../sheet/sheet-model.ts';
import { unitLabel } from '../../sheet/sheet-labels.ts';
import type { Lang } from '../../text.ts';
import { ruleDecision } from '../../template/schema-parts.ts';
import { formatValue, num } from '../format-value.ts';
import { bandScore, checkBands, lowerBound, upperBound } from '../score-bands.ts';
import {
  FIGURE_DOMAIN_COLUMNS,
  checkFigureDomain,
  figureDomainFromColumns,
  figureDomainToColumns,
  figureDomain,
  figureDomainFields,
  figureValidation,
  numberGuard,
  plausibleScoredFigure,
  randomFigure,
  readNumber,
} from './number-input.ts';
import {
  checkPer,
  describePer,
  perField,
  PER_COLUMNS,
  perFromColumns,
  perToColumns,
} from './per-figure.ts';
import { DECISION_COLUMNS, decisionFromColumns, decisionToColumns } from './decision-columns.ts';
import type { RuleKindModule } from './rule-kind.ts';
import { column, type RuleCells } from './rule-columns.ts';
import { formatBandText, parseBandText } from '../band-text.ts';

import { band, type Band } from '../band-schema.ts';

export type { Band } from '../band-schema.ts';

export const bandsRule = z
  .object({
    kind: z.literal('bands'),
    direction: z.enum(['ascending', 'descending']).optional(),
    bands: z.array(band).min(2),
    decision: ruleDecision,
    ...figureDomainFields,
    ...perField,
  })
  .strict();
export type BandsRule = z.infer<typeof bandsRule>;

/** 85 % is stored as 0.85: an edge of a % indicator outside 0..1 is surely written on 100. */
function checkPercentEdges(bands: readonly Band[], path: PathSegment[]): Issue[] {
  const errors: Issue[] = [];
  bands.forEach((b, i) => {
    for (const bound of [lowerBound(b), upperBound(b)]) {
      if (bound && (bound.value < 0 || bound.value > 1)) {
        errors.push(issue('bands.percent-scale', [...path, 'bands', i], { value: bound.value }));
        break;
      }
    }
  });
  return errors;
}

function describeBand(b: Band, unit: string | undefined): string {
  const lo = lowerBound(b);
  const hi = upperBound(b);
  const l = lo ? `${formatValue(lo.value, unit)} ${lo.inclusive ? '≤' : '<'} ` : '';
  const h = hi ? ` ${hi.inclusive ? '≤' : '<'} ${formatValue(hi.value, unit)}` : '';
  if (lo && !hi) return `x ${lo.inclusive ? '≥' : '>'} ${formatValue(lo.value, unit)}`;
  return `${l}x${h}`;
}

function describe(rule: BandsRule, unit: string | undefined, lang: Lang): string {
  const bands = rule.bands
    .map((b) => `${describeBand(b, unit)} → ${num(b.score)}`)
    .join(lang === 'zh-CN' ? '；' : '; ');
  return describePer(rule.per, lang, bands);
}

const DIRECTIONS = [
  { value: 'ascending', label: { 'zh-CN': '升序', en: 'ascending' } },
  { value: 'descending', label: { 'zh-CN': '降序', en: 'descending' } },
] as const;

const BAND_COLUMNS = [
  column(
    'direction',
    { 'zh-CN': '方向', en: 'Direction' },
    {
      'zh-CN': 'bands：升序（数值越大得分越高）或降序（越小越高）；可不填。',
      en: 'bands: ascending (higher values score higher) or descending; may be left empty.',
    },
    10,
    { choices: DIRECTIONS },
  ),
  column(
    'bands',
    { 'zh-CN': '分档', en: 'Bands' },
    {
      'zh-CN':
        'bands：每行一档，写明区间和得分，如“x ≤ 30% → 0”“30% < x ≤ 60% → 0.5”“x ≥ 85% → 1”；第一档无下限，最后一档无上限，相邻两档在同一数值相接。',
      en: 'bands: one band per line, its range and score, e.g. "x ≤ 30% → 0", "30% < x ≤ 60% → 0.5", "x ≥ 85% → 1"; the first has no lower bound, the last no upper one, and each begins where the previous ends.',
    },
    24,
    { multiline: true },
  ),
];

function fromColumns(cells: RuleCells): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'bands' };
  cells.locate(['direction'], 'direction');
  const direction = cells.choice('direction');
  if (direction) out.direction = direction;
  cells.locate(['bands'], 'bands');
  const text = cells.text('bands');
  if (text === undefined) {
    cells.problem('definition.rule-needs', { kind: 'bands', column: 'bands' });
    // The schema's "bands is required" is the same problem: said once, at the rule.
    cells.locate(['bands'], 'rule');
  } else {
    const lines = parseBandText(text);
    const bad = lines.find((l) => 'error' in l);
    if (bad && 'error' in bad) cells.problem('definition.band-text', { text: bad.error }, 'bands');
    else out.bands = lines.map((l) => ('band' in l ? l.band : undefined));
  }
  return {
    ...out,
    ...decisionFromColumns(cells),
    ...perFromColumns(cells),
    ...figureDomainFromColumns(cells),
  };
}

export const bands = {
  schema: bandsRule,
  entry: 'figure',
  scored: true,
  check: (rule, unit, path) => [
    ...checkBands(rule.bands, rule.direction, path),
    ...(unit === '%' ? checkPercentEdges(rule.bands, path) : []),
    ...checkFigureDomain(rule, path),
    ...checkPer(rule.per, unit, path),
  ],
  domain: figureDomain,
  read: (rule, unit, raw) => readNumber(raw, unit, figureDomain(rule, unit), 'figure'),
  score: (rule, value) => bandScore(rule.bands, value),
  cellValue: (_rule, value) => value,
  constants: (rule) => ({
    rows: rule.bands.map((b, i) => {
      const lo = lowerBound(b);
      const hi = upperBound(b);
      return {
        band: { value: i + 1, style: 'number' },
        lower: {
          value: lo ? `${lo.inclusive ? '≥' : '>'} ${formulaNumber(lo.value)}` : '',
          style: 'text',
        },
        ...(hi ? { upper: { value: hi.value, style: 'number' } } : {}),
        score: { value: b.score, style: 'number' },
      };
    }),
  }),
  formula(rule, { input: x, value: v, unit, constants: c }) {
    // The bands cover the line once, so the upper bounds alone find a value's band.
    const last = rule.bands.length - 1;
    let nested = c.cell(last, 'score');
    for (let i = last - 1; i >= 0; i--) {
      const hi = upperBound(rule.bands[i]!)!;
      nested = `IF(${v}${hi.inclusive ? '<=' : '<'}${c.cell(i, 'upper')},${c.cell(i, 'score')},${nested})`;
    }
    return `IF(${numberGuard(x, figureDomain(rule, unit))},${nested},0)`;
  },
  describe,
  validation: (rule, unit, lang) =>
    figureValidation(
      figureDomain(rule, unit),
      unit,
      lang,
      describe(rule, unitLabel(unit, lang), lang),
    ),
  plausibleAnswer(rule, unit, draw) {
    // From the first band's top to the last band's bottom, the way the scores run.
    const low = upperBound(rule.bands[0]!)!.value;
    const high = lowerBound(rule.bands[rule.bands.length - 1]!)!.value;
    const rising = rule.bands[rule.bands.length - 1]!.score >= rule.bands[0]!.score;
    return plausibleScoredFigure(unit, draw, {
      zero: rising ? low : high,
      full: rising ? high : low,
      per: rule.per !== undefined,
      domain: figureDomain(rule, unit),
    });
  },
  randomAnswer: (rule, unit, { random }) =>
    randomFigure(
      figureDomain(rule, unit),
      rule.bands.map((b) => lowerBound(b)?.value).filter((x): x is number => x !== undefined),
      random,
    ),
  columns: [...BAND_COLUMNS, ...DECISION_COLUMNS, ...PER_COLUMNS, ...FIGURE_DOMAIN_COLUMNS],
  toColumns: (rule, unit) => ({
    direction: rule.direction ?? null,
    bands: formatBandText(rule.bands, unit),
    ...decisionToColumns(rule.decision),
    ...perToColumns(rule.per),
    ...figureDomainToColumns(rule),
  }),
  fromColumns,
} satisfies RuleKindModule<BandsRule>;
