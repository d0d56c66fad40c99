/** Figures rounded for people: never a negative zero, changes signed, halves away from zero. */
import { describe, expect, it } from 'vitest';
import { formatNumber, MINUS, roundTo } from '../../core/index.ts';

/** "-0", "−0.0", "-0.00", "+0.0" …: a sign before a zero. */
const SIGNED_ZERO = /^[-+\u2212]0(\.0+)?$/;

describe('formatNumber', () => {
  it.each([
    [80, 1, '80.0'],
    [80.25, 1, '80.3'],
    [66.66666666666667, 1, '66.7'],
    [-3.45, 1, '-3.5'],
    [0.05, 1, '0.1'],
    [-0.05, 1, '-0.1'],
    [12.5, 0, '13'],
    [-12.5, 0, '-13'],
    [1 / 3, 2, '0.33'],
  ])('%d to %d decimals reads %s', (x, digits, shown) =>
    expect(formatNumber(x, digits)).toBe(shown),
  );

  it('writes anything that rounds to zero as a bare zero, where toFixed writes "-0.0"', () => {
    expect((-0.04).toFixed(1)).toBe('-0.0'); // what the reports printed through toFixed
    for (const digits of [0, 1, 2])
      for (const x of [-0, -0.4 / 10 ** digits, -0.49 / 10 ** digits, -1e-13]) {
        const shown = formatNumber(x, digits);
        expect(shown, `${x} to ${digits}`).toBe((0).toFixed(digits));
        for (const style of [{ signed: true }, { minus: MINUS }, { signed: true, minus: MINUS }])
          expect(formatNumber(x, digits, style)).not.toMatch(SIGNED_ZERO);
      }
  });

  it('signs a change: + above zero, the minus asked for below, nothing on zero', () => {
    const change = { signed: true, minus: MINUS };
    expect(formatNumber(2.34, 1, change)).toBe('+2.3');
    expect(formatNumber(-2.34, 1, change)).toBe('\u22122.3');
    expect(formatNumber(-0.0397, 1, change)).toBe('0.0');
    expect(formatNumber(0, 1, change)).toBe('0.0');
    expect(formatNumber(0.04, 1, change)).toBe('0.0');
    expect(formatNumber(-0.0397, 2, { signed: true })).toBe('-0.04');
  });

  it('says a missing or non-finite value as a dash, or as asked', () => {
    for (const x of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
      expect(formatNumber(x, 1)).toBe('—');
    expect(formatNumber(null, 2, { missing: '' })).toBe('');
  });
});

describe('roundTo', () => {
  it('rounds halves away from zero and gives +0 for anything that rounds to zero', () => {
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
    expect(roundTo(66.66666666666667, 1)).toBe(66.7);
  });
});
