/**
 * One scale for one kind of number: wherever a person reads a first- or second-level score (the
 * summary sheet, the task pane, the CLI's tables, the reports) it is on the total's scale, 0–100,
 * with one decimal; third-level scores stay as the standard gives them (0–1). The method's own
 * first-level score (DIM_, the store's dimension_scores.score) is unchanged: under `sum` it is
 * weight × Σ scores, which is no score on 100, so the points of a first-level indicator are then
 * 100 × the mean of its third-level scores. Under every method, points × its share as it stands
 * is its contribution to the total.
 */
import type { Method } from '../template/methods.ts';
import { weighsFirstLevelScores } from '../template/methods.ts';
import { formatNumber, type NumberStyle } from '../format-number.ts';

/** Decimals of a score on 100 as a person reads it. */
export const POINT_DIGITS = 1;

/** A first-level indicator's score on 100; null when nothing of it applies. */
export function firstLevelPoints(
  method: Method,
  d: { score: number | null; mean: number | null },
): number | null {
  const s = weighsFirstLevelScores(method) ? d.score : d.mean;
  return s === null ? null : 100 * s;
}

/** A second-level (or first-level, mean or levels) score of 0..1 on 100. */
export function toPoints(score: number | null | undefined): number | null {
  return score === null || score === undefined ? null : 100 * score;
}

/** A score on 100 as read: "82.5", "—" when there is none, never "-0.0". */
export function formatPoints(points: number | null | undefined, style: NumberStyle = {}): string {
  return formatNumber(points, POINT_DIGITS, style);
}
