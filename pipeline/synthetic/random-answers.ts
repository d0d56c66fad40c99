/**
 * Seeded random answers of every kind a person gives: list items, typed variants ("是", "YES",
 * "1"), numbers on and between band edges (each rule kind draws its own, core/rules/kinds/),
 * N/A, blanks, and edited weights.
 */
import {
  pick,
  ruleKind,
  sheetLabels,
  type Lang,
  type RowAnswer,
  type ScoringPlan,
} from '../../core/index.ts';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomAnswers(
  plan: ScoringPlan,
  lang: Lang,
  random: () => number,
): Map<string, RowAnswer> {
  const L = sheetLabels(lang);
  const answers = new Map<string, RowAnswer>();
  for (const ind of plan.indicators) {
    const roll = random();
    if (roll < 0.08) continue; // blank
    if (roll < 0.16) {
      answers.set(ind.id, { na: true, input: random() < 0.5 ? null : L.yes });
      continue;
    }
    const input = ruleKind(ind.rule).randomAnswer(ind.rule, ind.unit, { random, lang });
    answers.set(ind.id, {
      input,
      ...(random() < 0.3 ? { mode: pick(random, L.modes) } : {}),
      ...(random() < 0.2 ? { evidence: '=SUM(1,2) 证据' } : {}),
    });
  }
  return answers;
}

export function randomWeights(
  plan: ScoringPlan,
  random: () => number,
): Record<string, number> | undefined {
  const roll = random();
  if (roll < 0.6) return undefined;
  const w = Object.fromEntries(plan.dimensions.map((d) => [d.id, Math.round(random() * 50) / 10]));
  if (roll > 0.9 && plan.dimensions.length > 1) w[plan.dimensions[0]!.id] = 0;
  if (Object.values(w).every((x) => x === 0)) w[plan.dimensions[0]!.id] = 1;
  return w;
}
