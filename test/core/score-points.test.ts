/** First- and second-level scores as people read them: on 100, one decimal, never "-0.0". */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  firstLevelPoints,
  formatPoints,
  resolvePlan,
  toPoints,
  weighsFirstLevelScores,
} from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';

describe('scores on 100', () => {
  it('mean and levels: 100 × the first-level score; sum: 100 × the mean, never weight × Σ', () => {
    expect(firstLevelPoints('mean', { score: 0.825, mean: 0.825 })).toBeCloseTo(82.5, 12);
    expect(firstLevelPoints('levels', { score: 0.7, mean: 0.75 })).toBeCloseTo(70, 12);
    // Under sum DIM_ is weight × Σ scores (here 0.2 × 9): the points are the mean's, 0..100.
    expect(firstLevelPoints('sum', { score: 1.8, mean: 0.9 })).toBeCloseTo(90, 12);
    expect(firstLevelPoints('sum', { score: null, mean: null })).toBeNull();
    expect(toPoints(0.5)).toBe(50);
    expect(toPoints(null)).toBeNull();
  });

  it('under every method, points × share as it stands add up to the total', () => {
    const template = shippedTemplates().get('gbt-40143-2021')!;
    for (const method of ['mean', 'sum', 'levels'] as const) {
      const plan = resolvePlan(template, { method }).value!;
      const inputs = new Map(
        plan.indicators.map((ind, k) => [ind.id, k % 3 === 0 ? '否' : k % 3 === 1 ? '是' : 'N/A']),
      );
      const ev = evaluate(plan, inputs);
      const byScore = weighsFirstLevelScores(method);
      const part = (d: (typeof ev.dimensions)[number]) =>
        byScore ? (d.count > 0 ? d.weight : 0) : d.weight * d.count;
      const den = ev.dimensions.reduce((a, d) => a + part(d), 0);
      const total = ev.dimensions.reduce(
        (a, d) => a + (part(d) / den) * (firstLevelPoints(method, d) ?? 0),
        0,
      );
      // To 1e-6: the engine keeps each first-level score to 9 decimals.
      expect({ method, total }).toEqual({ method, total: expect.closeTo(ev.total!, 6) });
    }
  });

  it('reads with one decimal, and no negative zero', () => {
    expect(formatPoints(82.449)).toBe('82.4');
    expect(formatPoints(100)).toBe('100.0');
    expect(formatPoints(-0.00001)).toBe('0.0');
    expect(formatPoints(-1e-13)).toBe('0.0');
    expect(formatPoints(null)).toBe('—');
  });
});
