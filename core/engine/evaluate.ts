/**
 * The engine: inputs → every score, as DESIGN.md defines the aggregation. It is the truth the
 * workbook's formulas must agree with (to 1e-9), so each step here has a formula twin in the
 * sheet layout. Numbers are plain IEEE doubles, never rounded inside: rounding happens where
 * they are shown.
 */
import type { Issue } from '../issues.ts';
import { issue } from '../issues.ts';
import { gradeFor, round9 } from '../grades/grade-bands.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { divisorOf, perOf, perRatio } from '../rules/kinds/per-figure.ts';
import { readInput, type RawInput, type ReadInput } from '../rules/read-input.ts';
import { isScored, scoreRule } from '../rules/score-rule.ts';
import type { GradeBand, Method } from '../template/schema.ts';

export type InputState = 'value' | 'blank' | 'na' | 'invalid';

export interface IndicatorResult {
  id: string;
  input: RawInput;
  state: InputState;
  /** The input as understood: 1/0 for binary, the level for scales, a fraction for %. */
  value: number | null;
  /** 0..1; null when N/A or when the rule only records a figure. */
  score: number | null;
  scored: boolean;
}

export interface GroupResult {
  id: string;
  score: number | null;
  count: number;
}

export interface DimensionResult {
  id: string;
  weight: number;
  /**
   * mean: the mean score (0..1); sum: weight × Σ scores; levels: the mean of its second-level
   * scores (0..1). null when nothing applies.
   */
  score: number | null;
  /** The mean of its applicable third-level scores, whatever the method (peers compare it). */
  mean: number | null;
  sum: number;
  count: number;
}

export interface Evaluation {
  method: Method;
  total: number | null;
  grade: GradeBand | null;
  dimensions: DimensionResult[];
  groups: GroupResult[];
  indicators: IndicatorResult[];
  /**
   * Completeness, over the chosen indicators, scored or recorded (a recorded figure is asked
   * for too): applicable = not N/A; answered = applicable and not blank (an invalid input is
   * not blank, it is an error); unanswered = the applicable ones left blank, in plan order.
   */
  applicable: number;
  answered: number;
  unanswered: string[];
  errors: Issue[];
}

export type Inputs = ReadonlyMap<string, RawInput> | Readonly<Record<string, RawInput>>;

function lookup(inputs: Inputs, id: string): RawInput {
  return inputs instanceof Map ? inputs.get(id) : (inputs as Record<string, RawInput>)[id];
}

export function evaluate(
  plan: ScoringPlan,
  inputs: Inputs,
  method: Method = plan.method,
): Evaluation {
  const errors: Issue[] = [];
  const unanswered: string[] = [];
  let applicable = 0;
  const indicators: IndicatorResult[] = [];
  const groups: GroupResult[] = [];
  const dimensions: DimensionResult[] = [];

  // Read first: a `per` rule divides by another indicator's figure, wherever that one is.
  const reads = new Map(
    plan.indicators.map((ind) => [ind.id, readInput(ind.rule, ind.unit, lookup(inputs, ind.id))]),
  );
  // Each first-level score as the total weighs it, before rounding: the total is exact.
  const weighed: (number | null)[] = [];
  for (const d of plan.dimensions) {
    let sum = 0;
    let count = 0;
    let levelSum = 0;
    let levelCount = 0;
    for (const g of d.groups) {
      let gSum = 0;
      let gCount = 0;
      for (const ind of g.indicators) {
        const raw = lookup(inputs, ind.id);
        const per = perOf(ind.rule);
        const divisor = per ? divisorOf(reads.get(per.indicator)) : undefined;
        const read: ReadInput = divisor === 'na' ? { state: 'na' } : reads.get(ind.id)!;
        const scored = isScored(ind.rule);
        let value: number | null = null;
        let score: number | null = null;
        if (read.state === 'invalid') {
          errors.push(issue(read.code, ['inputs', ind.id], { id: ind.id, ...read.params }));
        }
        if (read.state === 'value') {
          value = read.value;
          score =
            divisor === undefined
              ? scoreRule(ind.rule, read.value)
              : typeof divisor === 'number'
                ? scoreRule(ind.rule, perRatio(read.value, divisor))
                : 0;
        } else if (read.state !== 'na' && scored) {
          // Unanswered (or unreadable) counts as 0: a requirement not evidenced is not met.
          score = 0;
        }
        if (read.state !== 'na') applicable++;
        if (read.state === 'blank') unanswered.push(ind.id);
        if (scored && score !== null) {
          gSum += score;
          gCount += 1;
        }
        indicators.push({
          id: ind.id,
          input: raw ?? null,
          state: read.state,
          value,
          score,
          scored,
        });
      }
      groups.push({ id: g.id, score: gCount ? round9(gSum / gCount) : null, count: gCount });
      if (gCount) {
        // A second-level indicator with nothing applicable leaves the levels mean.
        levelSum += gSum / gCount;
        levelCount += 1;
      }
      sum += gSum;
      count += gCount;
    }
    const mean = count ? sum / count : null;
    const exact =
      count === 0
        ? null
        : method === 'sum'
          ? d.weight * sum
          : method === 'levels'
            ? levelSum / levelCount
            : mean!;
    weighed.push(exact);
    const score = exact === null ? null : round9(exact);
    dimensions.push({ id: d.id, weight: d.weight, score, mean, sum, count });
  }

  let num = 0;
  let den = 0;
  dimensions.forEach((d, k) => {
    if (d.count === 0) return;
    if (method === 'sum') {
      num += d.weight * d.sum;
      den += d.weight * d.count;
    } else {
      num += d.weight * weighed[k]!;
      den += d.weight;
    }
  });
  // To 1e-9, as DESIGN.md says: 455/9 reached by two paths is one total (50.555555556), not
  // 50.55555555555555 and …556 ranked apart by floating-point noise. The sheet's formulas
  // agree with it to 1e-9 all the same.
  const total = den > 0 ? round9((100 * num) / den) : null;
  return {
    method,
    total,
    grade: gradeFor(total, plan.grades),
    dimensions,
    groups,
    indicators,
    applicable,
    answered: applicable - unanswered.length,
    unanswered,
    errors,
  };
}
