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
  checkFigureDomain,
  figureDomain,
  figureDomainFields,
  figureValidation,
  numberGuard,
  plausibleScoredFigure,
  randomFigure,
  readNumber,
} from './number-input.ts';
import { checkPer, describePer, perField } from './per-figure.ts';
import type { RuleKindModule } from './rule-kind.ts';

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
} satisfies RuleKindModule<BandsRule>;
