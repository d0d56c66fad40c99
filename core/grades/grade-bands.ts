/** Grades as data: bands with inclusive lower bounds, highest first once sorted. */
import { round9 } from '../round9.ts';
import type { GradeBand } from '../template/schema.ts';

export { round9 };

export function sortGrades(bands: readonly GradeBand[]): GradeBand[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

/**
 * The band `value` reaches. The value is rounded to 1e-9 first so that a total computed as
 * 89.99999999999999 by floating point earns the grade of 90, in the engine and in the
 * workbook's ROUND(…, 9) alike.
 */
export function gradeFor(value: number | null, bands: readonly GradeBand[]): GradeBand | null {
  if (value === null || !Number.isFinite(value)) return null;
  const v = round9(value);
  for (const band of sortGrades(bands)) if (v >= band.min) return band;
  return null;
}
