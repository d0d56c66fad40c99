/**
 * Ordered bands with explicit inclusive/exclusive bounds. A valid band list covers the number
 * line exactly once, so a value's band can be found from the upper bounds alone: the workbook
 * writer relies on that to emit one nested IF per band.
 */
import type { Band } from './band-schema.ts';
import { issue, type Issue, type PathSegment } from '../issues.ts';

export interface Bound {
  value: number;
  inclusive: boolean;
}

export function lowerBound(b: Band): Bound | undefined {
  if (b.atLeast !== undefined) return { value: b.atLeast, inclusive: true };
  if (b.above !== undefined) return { value: b.above, inclusive: false };
  return undefined;
}

export function upperBound(b: Band): Bound | undefined {
  if (b.atMost !== undefined) return { value: b.atMost, inclusive: true };
  if (b.below !== undefined) return { value: b.below, inclusive: false };
  return undefined;
}

export function checkBands(
  bands: readonly Band[],
  direction: 'ascending' | 'descending' | undefined,
  path: PathSegment[],
): Issue[] {
  const errors: Issue[] = [];
  const last = bands.length - 1;
  bands.forEach((b, i) => {
    const at = [...path, 'bands', i];
    if (b.above !== undefined && b.atLeast !== undefined) errors.push(issue('bands.two-lower', at));
    if (b.below !== undefined && b.atMost !== undefined) errors.push(issue('bands.two-upper', at));
    const lo = lowerBound(b);
    const hi = upperBound(b);
    if (i === 0 && lo) errors.push(issue('bands.first-bounded', at, { value: lo.value }));
    if (i > 0 && !lo) errors.push(issue('bands.missing-lower', at));
    if (i === last && hi) errors.push(issue('bands.last-bounded', at, { value: hi.value }));
    if (i < last && !hi) errors.push(issue('bands.missing-upper', at));
    if (
      lo &&
      hi &&
      (lo.value > hi.value || (lo.value === hi.value && !(lo.inclusive && hi.inclusive)))
    ) {
      errors.push(issue('bands.empty', at, { lower: lo.value, upper: hi.value }));
    }
    if (i > 0) {
      const prevHi = upperBound(bands[i - 1]!);
      if (prevHi && lo) {
        const params = { previous: i - 1, band: i, value: lo.value, prevValue: prevHi.value };
        if (
          lo.value < prevHi.value ||
          (lo.value === prevHi.value && lo.inclusive && prevHi.inclusive)
        ) {
          errors.push(issue('bands.overlap', at, params));
        } else if (lo.value > prevHi.value || (!lo.inclusive && !prevHi.inclusive)) {
          errors.push(issue('bands.gap', at, params));
        }
      }
      const prev = bands[i - 1]!.score;
      if (direction === 'ascending' && b.score < prev)
        errors.push(issue('bands.direction', at, { direction }));
      if (direction === 'descending' && b.score > prev)
        errors.push(issue('bands.direction', at, { direction }));
    }
  });
  return errors;
}

function satisfiesUpper(value: number, hi: Bound | undefined): boolean {
  return !hi || (hi.inclusive ? value <= hi.value : value < hi.value);
}

/** The score of the band `value` falls in; the bands must have passed checkBands. */
export function bandScore(bands: readonly Band[], value: number): number {
  for (const b of bands) if (satisfiesUpper(value, upperBound(b))) return b.score;
  return bands[bands.length - 1]!.score;
}
