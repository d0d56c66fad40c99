/**
 * Answers a real organization might give, for the demo: organizations differ in strength, and
 * their strength shows across indicators (with noise per first-level indicator), so that the
 * benchmark has structure to show. Each rule kind draws its own answer (core/rules/kinds/).
 */
import {
  normal,
  ruleKind,
  sheetLabels,
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
    // A member answers what applies (the demo leaves some blank on purpose: partial returns).
    if (roll < 0.05) {
      answers.set(ind.id, { na: true });
      continue;
    }
    const s = org.strength + dimNoise.get(ind.dimensionId)! + 0.4 * normal(random);
    const input = ruleKind(ind.rule).plausibleAnswer(ind.rule, ind.unit, {
      random,
      lang,
      strength: s,
      volunteers: org.volunteers,
    });
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
