/**
 * The checks a schema cannot state: ids that match their place in the standard's table,
 * weights that sum to 1, bands that cover every value exactly once, profiles that name what
 * exists. Each problem is an Issue with the path to the offending node.
 */
import { issue, type Issue, type PathSegment } from '../issues.ts';
import { checkBands, lowerBound, upperBound } from '../rules/score-bands.ts';
import { scaleListItems } from '../rules/scale-list-items.ts';
import type { GradeBand, Indicator, Rule, Template } from './schema.ts';

const WEIGHT_TOLERANCE = 1e-6;
/** Excel's limit on an inline list ("1 a,2 b,…") of a data validation, in characters. */
export const LIST_SOURCE_MAX = 255;

export function checkTemplate(t: Template): Issue[] {
  const errors: Issue[] = [];
  const seen = new Map<string, PathSegment[]>();
  const indicators = new Map<string, { ind: Indicator; dim: string }>();

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
        if (!indicators.has(ind.id)) indicators.set(ind.id, { ind, dim: d.id });
        errors.push(...checkRule(ind.rule, ind.unit, [...iPath, 'rule']));
      });
    });
  });

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
    if (p.grades) errors.push(...checkGrades(p.grades, [...pPath, 'grades']));
  });

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

export function checkRule(r: Rule, unit: string | undefined, path: PathSegment[]): Issue[] {
  const errors: Issue[] = [];
  if (r.kind === 'bands') {
    errors.push(...checkBands(r.bands, r.direction, path));
    if (unit === '%') {
      r.bands.forEach((b, i) => {
        for (const bound of [lowerBound(b), upperBound(b)]) {
          if (bound && (bound.value < 0 || bound.value > 1)) {
            errors.push(
              issue('bands.percent-scale', [...path, 'bands', i], { value: bound.value }),
            );
            break;
          }
        }
      });
    }
  }
  if (r.kind === 'scale') errors.push(...checkScaleList(r.levels, path));
  if (r.kind === 'linear' && r.from === r.to)
    errors.push(issue('rule.linear-flat', path, { value: r.from }));
  if (r.kind === 'linear' && unit === '%') {
    // 85 % is stored as 0.85: a linear rule "to: 100" on a percentage could never reach 1.
    for (const key of ['from', 'to'] as const) {
      if (r[key] < 0 || r[key] > 1)
        errors.push(issue('linear.percent-scale', [...path, key], { value: r[key] }));
    }
  }
  if (
    (r.kind === 'bands' || r.kind === 'linear' || r.kind === 'record') &&
    r.min !== undefined &&
    r.max !== undefined &&
    r.min >= r.max
  ) {
    errors.push(issue('rule.domain', path, { min: r.min, max: r.max }));
  }
  return errors;
}

/**
 * A scale's levels become the input cell's drop-down, an inline list ("1 初步开展,2 …") in the
 * data validation of both writers: a comma would split an item in two, a double quote would end
 * the list's formula, and Excel refuses a list longer than 255 characters.
 */
function checkScaleList(
  levels: Extract<Rule, { kind: 'scale' }>['levels'],
  path: PathSegment[],
): Issue[] {
  const errors: Issue[] = [];
  // Two levels of one name: the input "初步开展" could not say which level it means.
  for (const lang of ['zh-CN', 'en'] as const) {
    const first = new Map<string, number>();
    levels.forEach((level, i) => {
      const key = level[lang].trim().toLowerCase();
      const was = first.get(key);
      if (was !== undefined)
        errors.push(
          issue('scale.duplicate-level', [...path, 'levels', i, lang], {
            text: level[lang],
            level: i + 1,
            first: was + 1,
          }),
        );
      else first.set(key, i);
    });
  }
  levels.forEach((level, i) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const bad = [',', '"'].find((ch) => level[lang].includes(ch));
      if (bad)
        errors.push(
          issue('scale.list-item', [...path, 'levels', i, lang], {
            level: i + 1,
            text: level[lang],
            char: bad,
          }),
        );
    }
  });
  for (const lang of ['zh-CN', 'en'] as const) {
    const length = scaleListItems(levels, lang).join(',').length;
    if (length > LIST_SOURCE_MAX)
      errors.push(
        issue('scale.list-too-long', [...path, 'levels'], { lang, length, max: LIST_SOURCE_MAX }),
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
