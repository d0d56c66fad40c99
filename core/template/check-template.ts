/**
 * The checks a schema cannot state: ids that match their place in the standard's table,
 * weights that sum to 1, bands that cover every value exactly once, profiles that name what
 * exists. Each problem is an Issue with the path to the offending node.
 */
import { issue, type Issue, type PathSegment } from '../issues.ts';
import { ruleKind } from '../rules/kinds/index.ts';
import { perOf } from '../rules/kinds/per-figure.ts';
import type { GradeBand, Indicator, Profile, Rule, Template, TemplateSize } from './schema.ts';

const WEIGHT_TOLERANCE = 1e-6;

export function checkTemplate(t: Template): Issue[] {
  const errors: Issue[] = [];
  const seen = new Map<string, PathSegment[]>();
  const indicators = new Map<string, { ind: Indicator; dim: string; path: PathSegment[] }>();
  /** each records figure → the indicator that takes it */
  const recordsTaken = new Map<string, string>();

  const claim = (id: string, path: PathSegment[]) => {
    const first = seen.get(id);
    if (first) errors.push(issue('id.duplicate', [...path, 'id'], { id, first: pathText(first) }));
    else seen.set(id, path);
  };

  t.dimensions.forEach((d, i) => {
    const dPath: PathSegment[] = ['dimensions', i];
    claim(d.id, dPath);
    // Expected ids come from positions, not from the parents' ids: a group misnumbered "1.2"
    // must not make its correct "1.1.1" look wrong too.
    expectId(errors, d.id, String(i + 1), dPath);
    d.groups.forEach((g, j) => {
      const gPath: PathSegment[] = [...dPath, 'groups', j];
      claim(g.id, gPath);
      expectId(errors, g.id, `${i + 1}.${j + 1}`, gPath);
      g.indicators.forEach((ind, k) => {
        const iPath: PathSegment[] = [...gPath, 'indicators', k];
        claim(ind.id, iPath);
        expectId(errors, ind.id, `${i + 1}.${j + 1}.${k + 1}`, iPath);
        if (!indicators.has(ind.id)) indicators.set(ind.id, { ind, dim: d.id, path: iPath });
        if (ind.records) {
          const first = recordsTaken.get(ind.records);
          if (first)
            errors.push(
              issue('records.measure-twice', [...iPath, 'records'], {
                measure: ind.records,
                id: ind.id,
                first,
              }),
            );
          else recordsTaken.set(ind.records, ind.id);
        }
        errors.push(...checkRule(ind.rule, ind.unit, [...iPath, 'rule']));
      });
    });
  });
  for (const [id, { ind, path }] of indicators)
    errors.push(...checkPerTarget(id, ind.rule, [...path, 'rule'], (t) => indicators.get(t)?.ind));

  const weighted = t.dimensions.filter((d) => d.weight !== undefined);
  if (weighted.length > 0 && weighted.length < t.dimensions.length) {
    const missing = t.dimensions.findIndex((d) => d.weight === undefined);
    errors.push(
      issue('weights.partial', ['dimensions', missing, 'weight'], {
        id: t.dimensions[missing]!.id,
      }),
    );
  } else if (weighted.length > 0) {
    errors.push(
      ...checkWeightSum(
        weighted.map((d) => d.weight!),
        ['dimensions'],
      ),
    );
  }

  if (t.grades) errors.push(...checkGrades(t.grades, ['grades']));
  if (t.size) errors.push(...checkSize(t.size, indicators, ['size']));

  const profileIds = new Map<string, number>();
  (t.profiles ?? []).forEach((p, pi) => {
    const pPath: PathSegment[] = ['profiles', pi];
    const dup = profileIds.get(p.id);
    if (dup !== undefined)
      errors.push(issue('profile.duplicate', [...pPath, 'id'], { id: p.id, first: dup }));
    else profileIds.set(p.id, pi);

    const chosen = new Set<string>();
    const chosenDims = new Set<string>();
    const order = [...indicators.keys()];
    const placeOf = new Map(order.map((id, i) => [id, i]));
    let previous = -1;
    (p.indicators ?? order).forEach((id, k) => {
      const at: PathSegment[] = [...pPath, 'indicators', k];
      const found = indicators.get(id);
      if (!found) errors.push(issue('profile.unknown-indicator', at, { id, profile: p.id }));
      else if (chosen.has(id)) errors.push(issue('profile.duplicate-indicator', at, { id }));
      else {
        // The sheet lists them in the template's order; a list in another order would read as if it mattered.
        const place = placeOf.get(id)!;
        if (place < previous)
          errors.push(issue('profile.indicator-order', at, { id, after: order[previous]! }));
        previous = Math.max(previous, place);
        chosen.add(id);
        chosenDims.add(found.dim);
      }
    });

    if (p.weights) {
      const wPath: PathSegment[] = [...pPath, 'weights'];
      for (const key of Object.keys(p.weights)) {
        if (!t.dimensions.some((d) => d.id === key)) {
          errors.push(issue('profile.unknown-dimension', [...wPath, key], { id: key }));
        } else if (!chosenDims.has(key)) {
          errors.push(issue('profile.weight-unused', [...wPath, key], { id: key }));
        }
      }
      for (const dim of chosenDims) {
        if (p.weights[dim] === undefined)
          errors.push(issue('profile.missing-weight', wPath, { id: dim }));
      }
      errors.push(...checkWeightSum(Object.values(p.weights), wPath));
    }

    for (const [id, r] of Object.entries(p.rules ?? {})) {
      const at: PathSegment[] = [...pPath, 'rules', id];
      const found = indicators.get(id);
      if (!found) errors.push(issue('profile.unknown-indicator', at, { id, profile: p.id }));
      else if (!chosen.has(id))
        errors.push(issue('profile.rule-not-chosen', at, { id, profile: p.id }));
      else errors.push(...checkRule(r, found.ind.unit, at));
    }
    errors.push(...checkProfilePers(p, chosen, indicators, pPath));
    if (p.grades) errors.push(...checkGrades(p.grades, [...pPath, 'grades']));
  });

  errors.push(...checkVersionFields(t));
  return errors;
}

/** -1, 0, 1 for versions "x.y.z". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export interface PlacedIndicator {
  ind: Indicator;
  path: PathSegment[];
}

export function indicatorsOf(t: Template): PlacedIndicator[] {
  return t.dimensions.flatMap((d, i) =>
    d.groups.flatMap((g, j) =>
      g.indicators.map((ind, k) => ({
        ind,
        path: ['dimensions', i, 'groups', j, 'indicators', k] as PathSegment[],
      })),
    ),
  );
}

/**
 * What a version can say of its predecessor without it at hand: `previous` is older, and `was`
 * is declared only with a `previous` and names each old code once. That each `was` code exists
 * in the previous version is checked where both are at hand (core/definition/template-versions.ts).
 */
function checkVersionFields(t: Template): Issue[] {
  const errors: Issue[] = [];
  if (t.previous !== undefined && compareVersions(t.previous, t.version) >= 0)
    errors.push(
      issue('version.previous-not-older', ['previous'], {
        previous: t.previous,
        version: t.version,
      }),
    );
  const claimed = new Map<string, string>();
  for (const { ind, path } of indicatorsOf(t)) {
    if (ind.was === undefined) continue;
    if (t.previous === undefined) {
      errors.push(issue('version.was-without-previous', [...path, 'was'], { id: ind.id }));
      continue;
    }
    if (ind.was === 'new') continue;
    const first = claimed.get(ind.was);
    if (first !== undefined)
      errors.push(
        issue('version.was-twice', [...path, 'was'], { was: ind.was, first, id: ind.id }),
      );
    else claimed.set(ind.was, ind.id);
  }
  return errors;
}

function pathText(path: PathSegment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
}

function expectId(errors: Issue[], actual: string, expected: string, path: PathSegment[]) {
  if (actual !== expected)
    errors.push(issue('id.position', [...path, 'id'], { id: actual, expected }));
}

function checkWeightSum(weights: number[], path: PathSegment[]): Issue[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    return [issue('weights.sum', path, { sum: Number(sum.toFixed(6)) })];
  }
  return [];
}

/** What a schema cannot say about a rule: the kind's own checks (core/rules/kinds/). */
export function checkRule(r: Rule, unit: string | undefined, path: PathSegment[]): Issue[] {
  return ruleKind(r).check(r, unit, path);
}

type FindIndicator = (id: string) => { rule: Rule; unit?: string | undefined } | undefined;

/** A `per` names another indicator of the template whose figure can divide (per-figure.ts). */
function checkPerTarget(
  id: string,
  r: Rule,
  rulePath: PathSegment[],
  find: FindIndicator,
): Issue[] {
  const per = perOf(r);
  if (!per) return [];
  const at = [...rulePath, 'per', 'indicator'];
  const target = find(per.indicator);
  if (per.indicator === id) return [issue('per.self', at, { id })];
  if (!target) return [issue('per.unknown-indicator', at, { id, per: per.indicator })];
  if (ruleKind(target.rule).entry !== 'figure')
    return [issue('per.not-figure', at, { id, per: per.indicator, kind: target.rule.kind })];
  return [];
}

/**
 * In a profile, with its own rules: each chosen indicator's `per` names a chosen indicator that
 * is still a figure. A template's rule was checked with the template; only what the profile
 * changes is checked again.
 */
function checkProfilePers(
  p: Profile,
  chosen: ReadonlySet<string>,
  indicators: ReadonlyMap<string, { ind: Indicator }>,
  pPath: PathSegment[],
): Issue[] {
  const errors: Issue[] = [];
  const find: FindIndicator = (id) => {
    const found = indicators.get(id);
    return found && { rule: p.rules?.[id] ?? found.ind.rule, unit: found.ind.unit };
  };
  for (const id of chosen) {
    const own = p.rules?.[id];
    const r = find(id)!.rule;
    const per = perOf(r);
    if (!per) continue;
    const divisor = p.rules?.[per.indicator];
    if (own) errors.push(...checkPerTarget(id, own, [...pPath, 'rules', id], find));
    else if (divisor && ruleKind(divisor).entry !== 'figure')
      // The profile's own rule for the divisor is what makes it unusable: say so there.
      errors.push(
        issue('per.not-figure', [...pPath, 'rules', per.indicator], {
          id,
          per: per.indicator,
          kind: divisor.kind,
        }),
      );
    if (indicators.has(per.indicator) && !chosen.has(per.indicator))
      errors.push(
        issue('per.not-chosen', [...pPath, 'indicators'], {
          id,
          per: per.indicator,
          profile: p.id,
        }),
      );
  }
  return errors;
}

function checkGrades(grades: GradeBand[], path: PathSegment[]): Issue[] {
  const errors: Issue[] = [];
  const ids = new Set<string>();
  const mins = new Set<number>();
  grades.forEach((g, i) => {
    if (ids.has(g.id)) errors.push(issue('grades.duplicate', [...path, i, 'id'], { id: g.id }));
    if (mins.has(g.min))
      errors.push(issue('grades.duplicate-min', [...path, i, 'min'], { value: g.min }));
    if (g.min < 0 || g.min > 100)
      errors.push(issue('grades.range', [...path, i, 'min'], { value: g.min }));
    ids.add(g.id);
    mins.add(g.min);
  });
  return errors;
}

/** The size's indicator exists; its bands run smallest first, each ending above the last, and only the last is open. */
function checkSize(
  size: TemplateSize,
  indicators: ReadonlyMap<string, unknown>,
  path: PathSegment[],
): Issue[] {
  const errors: Issue[] = [];
  if (!indicators.has(size.indicator))
    errors.push(issue('size.unknown-indicator', [...path, 'indicator'], { id: size.indicator }));
  const ids = new Set<string>();
  let previous: number | undefined;
  size.bands.forEach((b, i) => {
    const at: PathSegment[] = [...path, 'bands', i];
    if (ids.has(b.id)) errors.push(issue('size.duplicate-band', [...at, 'id'], { id: b.id }));
    ids.add(b.id);
    const last = i === size.bands.length - 1;
    if (b.below === undefined) {
      if (!last) errors.push(issue('size.open-band', at, { id: b.id }));
      return;
    }
    if (last)
      errors.push(issue('size.closed-last-band', [...at, 'below'], { id: b.id, below: b.below }));
    if (previous !== undefined && b.below <= previous)
      errors.push(
        issue('size.band-order', [...at, 'below'], { id: b.id, below: b.below, previous }),
      );
    previous = b.below;
  });
  return errors;
}
