/** Test access to the shipped templates and a compact way to score with them. */
import {
  evaluate,
  resolvePlan,
  type Evaluation,
  type Inputs,
  type Method,
  type PlanChoice,
  type ScoringPlan,
  type Template,
} from '../../core/index.ts';
import { findTemplate } from '../../pipeline/templates/registry.ts';

export function template(id: string): Template {
  const { value, errors } = findTemplate(id);
  if (!value) throw new Error(JSON.stringify(errors));
  return value;
}

export function plan(id: string, choice: PlanChoice = {}): ScoringPlan {
  const { value, errors } = resolvePlan(template(id), choice);
  if (!value) throw new Error(JSON.stringify(errors));
  return value;
}

export function score(
  id: string,
  inputs: Inputs,
  choice: PlanChoice = {},
  method?: Method,
): Evaluation {
  const p = plan(id, choice);
  return evaluate(p, inputs, method ?? p.method);
}
