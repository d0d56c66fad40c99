/**
 * Rows of a report's data written inline, as the loaders would give them, for the pure parts
 * (models, charts, pages): a scope, an organization, its peer groups per period.
 */
import type { Template } from '../../core/index.ts';
import { peerGroupings } from '../../pipeline/benchmark/peer-groupings.ts';
import type {
  OrgRow,
  PeerDimensionRow,
  PeerGroupRow,
  ReportScope,
} from '../../pipeline/report/load-report-data.ts';

/** The scope of a comparison of `template` in `period`, grouped by region × type then region then all. */
export function scopeOf(
  template: Pick<Template, 'id' | 'version'>,
  period = '2025',
  over: Partial<ReportScope> = {},
): ReportScope {
  return {
    selection: {
      template_id: template.id,
      template_version: template.version,
      profile: null,
      profile_hash: 'ab12cd34'.padEnd(64, '0'),
      indicators: 0,
      whole: true,
      period,
    },
    template: template.id,
    period,
    k: 5,
    consolidate: 'mean',
    includePartial: false,
    peers: peerGroupings(),
    ...over,
  };
}

/** A complete, ranked organization of 深圳 × 社会团体, compared with that group. */
export function orgRow(over: Partial<OrgRow> = {}): OrgRow {
  return {
    org_id: 'M1',
    org_name: '甲协会',
    profile: null,
    region: '深圳',
    org_type: '社会团体',
    size: null,
    total: 60,
    raters: 1,
    total_range: 0,
    flagged: false,
    ranked: true,
    complete: true,
    unanswered: 0,
    applicable: 46,
    weights_changed: false,
    own_total: over.total ?? 60,
    group: { region: '深圳', org_type: '社会团体' },
    level: 0,
    n_compared: 5,
    n_group: 5,
    n_all: 12,
    percentile_in_group: 70,
    percentile_overall: 55,
    grades: [],
    ...over,
  };
}

const BY: Record<number, string[]> = { 0: ['region', 'org_type'], 1: ['region'], 2: [] };
const VALUES: Record<string, string> = { region: '深圳', org_type: '社会团体' };

/** A group of 深圳 × 社会团体 (level 0), 深圳 (1) or all (2) in `period`, suppressed under 5. */
export function groupRow(
  n: number,
  total: PeerGroupRow['total'] | null,
  opts: { period?: string; level?: number; by?: PeerGroupRow['by'] } = {},
): PeerGroupRow {
  const level = opts.level ?? 0;
  return {
    period: opts.period ?? '2025',
    level,
    by: opts.by ?? Object.fromEntries(BY[level]!.map((c) => [c, VALUES[c]!])),
    n,
    suppressed: n < 5,
    total: n < 5 ? null : total,
  };
}

/** A group's quartiles of one first-level indicator (level as groupRow's). */
export function dimensionRow(
  dimension_id: string,
  n: number,
  quartiles: PeerDimensionRow['quartiles'],
  opts: { level?: number; by?: PeerDimensionRow['by'] } = {},
): PeerDimensionRow {
  const level = opts.level ?? 0;
  return {
    level,
    by: opts.by ?? Object.fromEntries(BY[level]!.map((c) => [c, VALUES[c]!])),
    dimension_id,
    n,
    quartiles: n < 5 ? null : quartiles,
  };
}
