/**
 * Figures a template calls implausible (a rule's `warnAbove`: 100,000 registered volunteers for
 * one organization is a typo or a date's day count, not a fact). Such a figure is within the
 * rule's domain, so it is stored and scored as given; the run that reads it says so, naming the
 * indicator, the figure and the bound, so that a person can look at the return.
 */
import type { Evaluation } from '../engine/evaluate.ts';
import { issue, type Issue } from '../issues.ts';
import type { ScoringPlan } from '../profile/resolve-profile.ts';

export function implausibleFigures(plan: ScoringPlan, ev: Evaluation): Issue[] {
  const out: Issue[] = [];
  plan.indicators.forEach((ind, k) => {
    const above = (ind.rule as { warnAbove?: number }).warnAbove;
    if (above === undefined) return;
    const r =
      ev.indicators[k]?.id === ind.id
        ? ev.indicators[k]
        : ev.indicators.find((x) => x.id === ind.id);
    if (r?.state === 'value' && r.value !== null && r.value > above)
      out.push(
        issue('input.implausible', ['inputs', ind.id], { id: ind.id, value: r.value, above }),
      );
  });
  return out;
}

/** A rule as the profile hash sees it: without warnAbove, which changes no score (so workbooks issued before a bound was added still match). */
export function scoringRule<R extends object>(rule: R): R {
  if (!('warnAbove' in rule)) return rule;
  const { warnAbove: _, ...rest } = rule as R & { warnAbove?: number };
  return rest as R;
}
