/**
 * Versions of a template. Indicator ids are the standard's positional codes, so a revision that
 * inserts or deletes an indicator renumbers the ones after it: a new version names the version
 * it revises (`previous`) and, on an indicator whose code changed, the code it continues
 * (`was: "1.1.4"`, or `was: "new"`). An indicator without `was` continues the same code, unless
 * another indicator of the new version claims that code: a bare id that now means something
 * else is never followed. Answers, diffs and trends follow this succession.
 */
import { issue, type Issue } from '../issues.ts';
import { compareVersions, indicatorsOf } from '../template/check-template.ts';
import type { Template } from '../template/schema.ts';

export { compareVersions, indicatorsOf };

/** The new version's `was` codes against the previous version itself: each must be one of its indicators. */
export function checkSuccession(t: Template, previous: Template): Issue[] {
  const old = new Set(indicatorsOf(previous).map((x) => x.ind.id));
  const errors: Issue[] = [];
  for (const { ind, path } of indicatorsOf(t)) {
    if (ind.was === undefined || ind.was === 'new' || old.has(ind.was)) continue;
    errors.push(
      issue('version.was-unknown', [...path, 'was'], {
        id: ind.id,
        was: ind.was,
        template: previous.id,
        previous: previous.version,
      }),
    );
  }
  return errors;
}

/**
 * Old code → new code for every indicator of `previous` that `next` continues (next.previous is
 * previous.version): by `was` where declared, else by the same code when no other claims it.
 * `previous` may be given as its codes alone (a workbook's metadata lists them).
 */
export function successionStep(
  previous: Template | Iterable<string>,
  next: Template,
): Map<string, string> {
  const old = new Set(
    'dimensions' in previous ? indicatorsOf(previous).map((x) => x.ind.id) : previous,
  );
  const claimed = new Set(
    indicatorsOf(next)
      .map((x) => x.ind.was)
      .filter((w): w is string => w !== undefined && w !== 'new'),
  );
  const map = new Map<string, string>();
  for (const { ind } of indicatorsOf(next)) {
    if (ind.was === 'new') continue;
    if (ind.was !== undefined) {
      if (old.has(ind.was)) map.set(ind.was, ind.id);
    } else if (old.has(ind.id) && !claimed.has(ind.id)) map.set(ind.id, ind.id);
  }
  return map;
}

export type Succession =
  | {
      ok: true;
      map: Map<string, string>;
      /** by `was` (declared), or by bare ids (none declared) */ by: 'was' | 'ids';
    }
  | { ok: false; missing: string };

/**
 * How the indicators of version `from` continue in version `to` of the same template, through
 * every version between them (each found by `lookup`). Versions that declare no `previous` are
 * taken to keep their codes (by: 'ids'); a chain broken by a version that cannot be found gives
 * `missing` (that version), never a guess.
 */
export function succession(
  from: Template,
  to: Template,
  lookup: (id: string, version: string) => Template | undefined,
): Succession {
  const ids = indicatorsOf(from).map((x) => x.ind.id);
  const identity = (keep: ReadonlySet<string>) =>
    new Map(ids.filter((id) => keep.has(id)).map((id) => [id, id]));
  if (from.version === to.version) return { ok: true, map: identity(new Set(ids)), by: 'ids' };
  if (to.previous === undefined || compareVersions(from.version, to.version) > 0)
    return {
      ok: true,
      map: identity(new Set(indicatorsOf(to).map((x) => x.ind.id))),
      by: 'ids',
    };
  // Walk back from `to` to `from`, then compose the steps forward.
  const steps: [Template, Template][] = [];
  let cur = to;
  while (cur.version !== from.version) {
    if (cur.previous === undefined) return { ok: false, missing: from.version };
    const found = cur.previous === from.version ? from : lookup(cur.id, cur.previous);
    const prev = found?.version === cur.previous ? found : undefined;
    if (!prev) return { ok: false, missing: cur.previous };
    steps.unshift([prev, cur]);
    if (compareVersions(prev.version, from.version) < 0)
      return { ok: false, missing: from.version };
    cur = prev;
  }
  let map = identity(new Set(ids));
  for (const [a, b] of steps) {
    const step = successionStep(a, b);
    const next = new Map<string, string>();
    for (const [o, mid] of map) {
      const n = step.get(mid);
      if (n !== undefined) next.set(o, n);
    }
    map = next;
  }
  return { ok: true, map, by: 'was' };
}
