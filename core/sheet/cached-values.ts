/**
 * The engine's evaluation → the cached value of every formula the layout writes, by what the
 * formula computes (its FormulaKey), so a fresh workbook shows the right numbers before any
 * spreadsheet calculates it.
 */
import type { Evaluation } from '../engine/evaluate.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import { weighsFirstLevelScores } from '../template/methods.ts';
import { text, type Lang } from '../text.ts';
import type { CellValue } from '../workbook/contract-cells.ts';
import { firstLevelPoints, toPoints } from './score-points.ts';
import type { FormulaKey } from './sheet-model.ts';

/** The engine's number for each formula key: the cached values a fresh workbook carries. */
export function cachedValue(
  plan: ScoringPlan,
  ev: Evaluation,
  rawWeights: Record<string, number>,
  lang: Lang,
) {
  const scores = new Map(ev.indicators.map((r) => [r.id, r.score]));
  const groups = new Map(ev.groups.map((g) => [g.id, g.score]));
  const dims = new Map(ev.dimensions.map((d) => [d.id, d]));
  // The applicable indicators left blank, counted per first-level indicator as the sheet counts them.
  const dimOf = new Map(plan.indicators.map((i) => [i.id, i.dimensionId]));
  const unanswered = new Map<string, number>();
  for (const id of ev.unanswered) {
    const d = dimOf.get(id)!;
    unanswered.set(d, (unanswered.get(d) ?? 0) + 1);
  }
  // What a first-level indicator brings to the total's denominator: the sheet's applicable
  // weight (mean) or weighted count (sum). Its share as it stands is this over their sum.
  const byScore = weighsFirstLevelScores(plan.method);
  const part = (d: Evaluation['dimensions'][number]) =>
    byScore ? (d.count > 0 ? d.weight : 0) : d.weight * d.count;
  const den = ev.dimensions.reduce((a, d) => a + part(d), 0);
  const blankIfNull = (x: number | null | undefined): CellValue =>
    x === null || x === undefined ? '' : x;
  return (key: FormulaKey): CellValue => {
    switch (key.k) {
      case 'score':
        return blankIfNull(scores.get(key.id));
      case 'group':
        // Shown on 100, as the scoring sheet's formula computes it.
        return blankIfNull(toPoints(groups.get(key.id)));
      case 'dim': {
        const d = dims.get(key.id)!;
        const weighted =
          d.count > 0 ? (byScore ? d.weight * (d.score as number) : d.weight * d.sum) : 0;
        switch (key.part) {
          case 'count':
            return d.count;
          case 'sum':
            return d.sum;
          case 'score':
            return blankIfNull(d.score);
          case 'points':
            return blankIfNull(firstLevelPoints(plan.method, d));
          case 'norm':
            return den === 0 ? '' : part(d) / den;
          case 'share':
            return d.weight;
          case 'applicable':
            return d.count > 0 ? d.weight : 0;
          case 'weighted':
            return weighted;
          case 'weightedCount':
            return d.weight * d.count;
          case 'contribution':
            return den === 0 ? '' : (100 * weighted) / den;
          case 'unanswered':
            return unanswered.get(key.id) ?? 0;
        }
        return '';
      }
      case 'weightSum':
        return Object.values(rawWeights).reduce((a, b) => a + b, 0);
      case 'normSum':
        // The shares as they stand add up to 1, or to nothing when no first-level indicator counts.
        return den === 0 ? 0 : ev.dimensions.reduce((a, d) => a + part(d) / den, 0);
      case 'total':
        return blankIfNull(ev.total);
      case 'grade':
        return ev.grade ? text(ev.grade.label, lang) : '';
      case 'unanswered':
        return ev.unanswered.length;
    }
  };
}
