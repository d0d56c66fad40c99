/** The demo's synthetic records exports: seeded, readable, plausible, and wrong only as planted. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectReason } from '../../core/index.ts';
import { loadRecords } from '../../pipeline/records/load-records.ts';
import { syntheticRecords } from '../../pipeline/records/synthetic-records.ts';
import { rng } from '../../pipeline/synthetic/random-answers.ts';
import { scratchDir } from '../support/run-cli.ts';
import { figureOf } from './support/gbt-figures.ts';

const dir = scratchDir('scorebook-records-synthetic-');

function counted(csv: string, name: string, today = '2026-12-03') {
  const file = join(dir, name);
  writeFileSync(file, csv);
  const r = loadRecords(file, { period: '2025', today });
  expect(r.errors).toEqual([]);
  return r.value!;
}

describe('synthetic records', () => {
  const org = { strength: 0.5, volunteers: 120 };

  it('are the same for the same seed, and differ for another', () => {
    const a = syntheticRecords(org, rng(11), { year: 2025 });
    expect(syntheticRecords(org, rng(11), { year: 2025 })).toBe(a);
    expect(syntheticRecords(org, rng(12), { year: 2025 })).not.toBe(a);
  });

  it('read back with every volunteer registered and only the planted rows rejected', () => {
    let planted = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const r = counted(syntheticRecords(org, rng(seed), { year: 2025 }), `s${seed}.csv`);
      expect(r.derived.figures.find((i) => i.id === figureOf('2.1.3'))?.value).toBe(120);
      expect(r.rejected.length).toBeLessThanOrEqual(2);
      for (const e of r.rejected)
        expect(['duplicate', 'negative-hours', 'no-volunteer']).toContain(rejectReason(e));
      planted += r.rejected.length;
    }
    expect(planted).toBeGreaterThan(0);
    const clean = counted(syntheticRecords(org, rng(3), { year: 2025, flaws: false }), 'clean.csv');
    expect(clean.rejected).toEqual([]);
  });

  it('look like an organization at work: most volunteers active, a few with stars', () => {
    const r = counted(syntheticRecords(org, rng(5), { year: 2025 }), 'plausible.csv');
    const value = (id: string) => r.derived.figures.find((i) => i.id === figureOf(id))!.value!;
    expect(value('2.1.4')).toBeGreaterThan(0.3);
    expect(value('2.1.4')).toBeLessThanOrEqual(1);
    expect(value('3.1.2')).toBeGreaterThan(5);
    expect(value('3.1.6')).toBeGreaterThan(2);
    expect(value('3.2.1')).toBeGreaterThan(0);
    expect(r.derived.counts.beforePeriod).toBeGreaterThan(0);
    const starred = r.derived.stars.reduce((a, s) => a + s.volunteers, 0);
    expect(starred).toBeGreaterThan(0);
    expect(starred).toBeLessThan(60);
  });

  it('hold no session after the day given as today', () => {
    const r = counted(
      syntheticRecords(org, rng(8), { year: 2025, today: '2025-06-30', flaws: false }),
      'half-year.csv',
      '2025-06-30',
    );
    expect(r.rejected).toEqual([]);
    expect(r.derived.counts.afterPeriod).toBe(0);
  });
});
