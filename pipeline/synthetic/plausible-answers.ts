/**
 * Answers a real organization might give, for the demo: organizations differ in strength, and
 * their strength shows across indicators (with noise per first-level indicator), so that the
 * benchmark has structure to show. Sizes drive the counts; rates sit around the strength.
 */
import {
  scaleListItems,
  sheetLabels,
  type CellValue,
  type Lang,
  type RowAnswer,
  type ScoringPlan,
} from '../../core/index.ts';

export interface SyntheticOrg {
  /** roughly N(0, 1): how well run the organization is */
  strength: number;
  /** registered volunteers */
  volunteers: number;
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function syntheticOrg(random: () => number): SyntheticOrg {
  const strength = normal(random);
  const volunteers = Math.round(Math.exp(4 + 1.3 * normal(random) + 0.3 * strength));
  return { strength, volunteers };
}

export function plausibleAnswers(
  plan: ScoringPlan,
  org: SyntheticOrg,
  lang: Lang,
  random: () => number,
): Map<string, RowAnswer> {
  const L = sheetLabels(lang);
  const answers = new Map<string, RowAnswer>();
  const dimNoise = new Map(plan.dimensions.map((d) => [d.id, 0.6 * normal(random)]));
  for (const ind of plan.indicators) {
    const roll = random();
    if (roll < 0.02) continue; // left blank
    if (roll < 0.05) {
      answers.set(ind.id, { na: true });
      continue;
    }
    const s = org.strength + dimNoise.get(ind.dimensionId)! + 0.4 * normal(random);
    const r = ind.rule;
    let input: CellValue;
    switch (r.kind) {
      case 'binary':
        input = random() < logistic(0.9 + 1.3 * s) ? L.yes : L.no;
        break;
      case 'scale': {
        const n = r.levels.length;
        const level = Math.min(
          n,
          Math.max(1, Math.round(1 + (n - 1) * logistic(0.6 * s + 0.3) + 0.5 * normal(random))),
        );
        input = scaleListItems(r.levels, lang)[level - 1]!;
        break;
      }
      case 'manual':
        input = Math.round(logistic(s) * 10) / 10;
        break;
      default:
        if (ind.unit === '%')
          input = Math.round(Math.min(1, Math.max(0, logistic(1 + s))) * 1000) / 1000;
        else if (ind.unit === '名' || ind.unit === '人次')
          input = Math.max(
            0,
            Math.round(
              org.volunteers * Math.exp(0.5 * normal(random)) * (ind.unit === '人次' ? 4 : 1),
            ),
          );
        else if (ind.unit === '万元')
          input =
            Math.round(org.volunteers * 0.05 * Math.exp(0.6 * normal(random) + 0.3 * s) * 10) / 10;
        else input = Math.max(0, Math.round(10 * Math.exp(0.5 * s + 0.5 * normal(random))));
    }
    answers.set(ind.id, {
      input,
      ...(random() < 0.5 ? { mode: L.modes[Math.floor(random() * 3)]! } : {}),
    });
  }
  // Registered volunteers (GB/T 40143 2.1.3) tell the organization's size for the benchmark.
  if (answers.has('2.1.3') && !answers.get('2.1.3')!.na)
    answers.set('2.1.3', { input: org.volunteers });
  return answers;
}
