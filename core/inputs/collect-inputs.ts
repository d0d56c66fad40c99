/**
 * Rows of (id, value) from a CSV, JSON or workbook → the engine's inputs, refusing ids the
 * template does not have, ids the chosen profile leaves out, and ids given twice. Values are
 * judged by the engine, which knows each indicator's rule; `rows` lets callers point back to
 * the row a value came from.
 */
import { issue, type Issue } from '../issues.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';
import type { RawInput } from '../rules/read-input.ts';
import type { Template } from '../template/schema.ts';

export interface InputRow {
  id: string;
  value: RawInput;
  /** 1-based row in the source, header included, where the source has rows. */
  row?: number;
}

export interface CollectedInputs {
  inputs: Map<string, RawInput>;
  rows: Map<string, number>;
  errors: Issue[];
}

export function collectInputs(
  template: Template,
  plan: ScoringPlan,
  rows: readonly InputRow[],
): CollectedInputs {
  const inTemplate = new Set(
    template.dimensions.flatMap((d) => d.groups.flatMap((g) => g.indicators.map((i) => i.id))),
  );
  const inPlan = new Set(plan.indicators.map((i) => i.id));
  const inputs = new Map<string, RawInput>();
  const where = new Map<string, number>();
  const errors: Issue[] = [];
  rows.forEach((r, index) => {
    const id = r.id.normalize('NFKC').trim();
    const at = (code: string, params: Issue['params']): Issue => {
      const e = issue(code, ['inputs', id], params);
      if (r.row !== undefined) e.row = r.row;
      return e;
    };
    if (!inTemplate.has(id))
      return void errors.push(at('input.unknown-id', { id, template: template.id }));
    if (!inPlan.has(id))
      return void errors.push(at('input.not-in-profile', { id, profile: plan.profile?.id ?? '' }));
    if (inputs.has(id))
      return void errors.push(at('input.duplicate', { id, first: where.get(id) ?? index }));
    inputs.set(id, r.value);
    where.set(id, r.row ?? index + 1);
  });
  return { inputs, rows: where, errors };
}
