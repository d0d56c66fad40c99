/** How a run compares, as the manifest records it: the flags that say it, the defaults left out. */
import { describe, expect, it } from 'vitest';
import { peerGroupings } from '../../pipeline/benchmark/peer-groupings.ts';
import { comparisonFlags } from '../../pipeline/report/report-manifest.ts';

const flags = (
  by?: string,
  fallback?: string,
  more: Partial<Parameters<typeof comparisonFlags>[0]> = {},
) =>
  comparisonFlags({
    peers: peerGroupings(by, fallback),
    includePartial: false,
    k: 5,
    consolidate: 'mean',
    ...more,
  });

describe('comparisonFlags', () => {
  it('is empty for the defaults, however they are written', () => {
    expect(flags()).toBe('');
    expect(flags('region,org_type')).toBe('');
    expect(flags('region, org_type', 'region;all')).toBe('');
  });

  it('names every way of comparing that differs from the defaults', () => {
    expect(flags('org_type')).toBe('--by org_type');
    expect(flags(undefined, 'none')).toBe('--fallback none');
    expect(flags(undefined, 'org_type;all')).toBe('--fallback org_type;all');
    expect(flags('region', undefined, { includePartial: true, k: 3, consolidate: 'median' })).toBe(
      '--by region --include-partial --min-group 3 --consolidate median',
    );
  });
});
