/**
 * Peer benchmarks of one selection and period (choose-selection.ts): per peer group the
 * distribution of totals and of each first-level score; each organization's peer group (the
 * first grouping, finest first, whose group holds at least k ranked organizations) and its
 * percentile rank there and overall. Only ranked organizations (complete returns, or all with
 * includePartial) enter a statistic; nothing is computed over fewer than k of them: such a
 * statistic is null and the group says `suppressed`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_MIN_GROUP, groupingName } from '../store/statistics.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { UserError } from '../user-error.ts';
import { chooseSelection, type Selection } from './choose-selection.ts';
import {
  compareOrganizations,
  keyOfOrg,
  peerDimensionStats,
  peerGroupStats,
  type Distribution,
} from './compare-peers.ts';
import { checkConsolidate, setConsolidate, type ConsolidateMethod } from './consolidate.ts';
import { GROUP_COLUMNS, type GroupColumn } from './group-columns.ts';
import { groupKey, peerGroupings, type PeerGroupings } from './peer-groupings.ts';
import { selectionLabel } from './selection-label.ts';
import { setIncludePartial } from './ranked-set.ts';
import { setEvaluationMode } from './evaluation-mode-filter.ts';
import type { EvaluationMode } from '../../core/index.ts';
import {
  raterAgreement,
  trends,
  type GroupTrend,
  type OrgTrend,
  type RaterAgreement,
} from './trends-and-raters.ts';

export { GROUP_COLUMNS, type GroupColumn } from './group-columns.ts';
export type { Distribution } from './compare-peers.ts';

export interface BenchmarkGroup {
  /** the grouping this group belongs to: its columns joined by commas, or `all` */
  level: string;
  by: Partial<Record<GroupColumn, string | null>>;
  /** ranked organizations of the group */
  n: number;
  suppressed: boolean;
  total: Distribution | null;
  /** per first-level indicator: n organizations of the group with a score there (N/A leaves it); quartiles null when n < k */
  dimensions: {
    id: string;
    n: number;
    median: number | null;
    q1: number | null;
    q3: number | null;
  }[];
}

export interface BenchmarkOrganization {
  org_id: string;
  /** its values of the finest grouping (--by) */
  group: Partial<Record<GroupColumn, string | null>>;
  total: number;
  answered: number;
  applicable: number;
  complete: boolean;
  /** in every statistic, percentile and ranking: complete, or any with --include-partial */
  ranked: boolean;
  weights_changed: boolean;
  /** the total with the return's own weights (equal to total unless weights_changed) */
  own_total: number;
  /** the one peer group its statistics are over; null when no grouping, not even all, has k */
  compared_with: {
    by: Partial<Record<GroupColumn, string | null>>;
    n: number;
    /** a coarser grouping than --by */
    fallback: boolean;
  } | null;
  /** in the group compared with; null when not ranked or compared with nobody */
  percentile_in_group: number | null;
  /** among all ranked organizations of the selection and period; null when not ranked or fewer than k */
  percentile_overall: number | null;
}

export interface BenchmarkResult {
  template: string;
  template_version: string;
  profile: string | null;
  profile_hash: string;
  /** the selection as people read it (its profile id, or how many indicators and its hash) */
  selection: string;
  /** the indicators the selection chose */
  indicators: number;
  period: string;
  min_group: number;
  /** how several evaluators of one organization in the period were consolidated */
  consolidate: ConsolidateMethod;
  include_partial: boolean;
  /** the evaluation mode compared within (--mode); null: returns of every mode */
  evaluation_mode: string | null;
  /** the groupings tried, finest first (by, then the fallback) */
  groupings: string[];
  /** the groups of the finest grouping, then each coarser group some organization is compared with */
  groups: BenchmarkGroup[];
  organizations: BenchmarkOrganization[];
  /** Changes between consecutive periods of the selection up to this one, per organization and per peer group. */
  trends: { organizations: OrgTrend[]; groups: GroupTrend[] };
  /** Organizations scored by several evaluators in this period: the consolidated total, the spread, where they disagree most. */
  raters: RaterAgreement[];
}

export interface BenchmarkOptions {
  template?: string;
  /** a profile id, or the first digits of a selection's hash */
  profile?: string;
  period?: string;
  by?: GroupColumn[] | string;
  /** coarser groupings to try, `;`-separated (`org_type;all`), or `none` (peer-groupings.ts) */
  fallback?: string;
  minGroup?: number;
  /** several evaluators of one organization: mean (default), median, min or max (see consolidate.ts) */
  consolidate?: ConsolidateMethod;
  /** rank partial returns too */
  includePartial?: boolean;
  /** only returns of this evaluation mode (evaluation-mode-filter.ts); every one when absent */
  mode?: EvaluationMode;
}

export async function runBenchmark(
  con: DuckDBConnection,
  opts: BenchmarkOptions = {},
): Promise<BenchmarkResult> {
  const pg = peerGroupings(opts.by, opts.fallback);
  const k = checkMinGroup(opts.minGroup ?? DEFAULT_MIN_GROUP);
  const consolidate = checkConsolidate(opts.consolidate);
  const includePartial = opts.includePartial ?? false;
  // The views read these from the connection: always set, so no earlier caller's choice lingers.
  await setConsolidate(con, consolidate);
  await setIncludePartial(con, includePartial);
  await setEvaluationMode(con, opts.mode);
  const sel = await chooseSelection(con, {
    ...(opts.template !== undefined ? { template: opts.template } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.period !== undefined ? { period: opts.period } : {}),
  });
  if (pg.by.includes('size')) checkSized(sel.template_id);

  const orgs = await compareOrganizations(con, sel, pg, k);
  const used = new Set(orgs.map((o) => keyOfOrg(pg, o)).filter((x) => x !== null));
  const stats = await peerGroupStats(con, sel, pg, k);
  const dims = new Map<string, BenchmarkGroup['dimensions']>();
  for (const d of await peerDimensionStats(con, sel, pg, k)) {
    const key = groupKey(pg.groupings, d.level, d.by);
    if (!dims.has(key)) dims.set(key, []);
    dims.get(key)!.push({
      id: d.dimension_id,
      n: d.n,
      median: d.quartiles?.median ?? null,
      q1: d.quartiles?.q1 ?? null,
      q3: d.quartiles?.q3 ?? null,
    });
  }
  const byId = (a: { id: string }, b: { id: string }) =>
    a.id.localeCompare(b.id, 'en', { numeric: true });
  const groups: BenchmarkGroup[] = stats
    .filter((g) => g.level === 0 || used.has(groupKey(pg.groupings, g.level, g.by)))
    .map((g) => ({
      level: groupingName(pg.groupings[g.level]!),
      by: g.by,
      n: g.n,
      suppressed: g.suppressed,
      total: g.total,
      dimensions: (dims.get(groupKey(pg.groupings, g.level, g.by)) ?? []).sort(byId),
    }));

  return {
    template: sel.template_id,
    template_version: sel.template_version,
    profile: sel.profile,
    profile_hash: sel.profile_hash,
    selection: selectionLabel(sel, 'en'),
    indicators: sel.indicators,
    period: sel.period,
    min_group: k,
    consolidate,
    include_partial: includePartial,
    evaluation_mode: opts.mode ?? null,
    groupings: pg.groupings.map(groupingName),
    trends: await trends(con, sel, pg.by, k),
    raters: await raterAgreement(con, sel, consolidate),
    groups,
    organizations: orgs.map((o) => ({
      org_id: o.org_id,
      group: o.group,
      total: o.total,
      answered: o.applicable - o.unanswered,
      applicable: o.applicable,
      complete: o.complete,
      ranked: o.ranked,
      weights_changed: o.weights_changed,
      own_total: o.own_total,
      compared_with:
        o.level === null
          ? null
          : {
              by: Object.fromEntries(
                pg.groupings[o.level]!.map((c) => [c, o[c as GroupColumn] ?? null]),
              ),
              n: o.n_compared!,
              fallback: o.level > 0,
            },
      percentile_in_group: o.percentile_in_group,
      percentile_overall: o.percentile_overall,
    })),
  };
}

export type { PeerGroupings, Selection };

/** k as a command line gives it: a whole number of at least 1. */
export function checkMinGroup(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw UserError.of('benchmark.min-group', { value: k });
  return k;
}

/**
 * Only a template that defines a size (its `size`) can be grouped by it: any other would put
 * every organization into one group "size=—" and look like an answer.
 */
export function checkSized(template: string): void {
  const templates = shippedTemplates();
  if (templates.get(template)?.size) return;
  const sized = [...templates.values()]
    .filter((t) => t.size)
    .map((t) => ({ id: t.id, indicator: t.size!.indicator, label: t.size!.label }));
  const others = GROUP_COLUMNS.filter((c) => c !== 'size');
  throw UserError.of('benchmark.no-size', {
    template,
    sized: JSON.stringify(sized),
    others: others.join(', '),
    example: others.join(','),
  });
}
