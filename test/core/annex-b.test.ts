/**
 * GB/T 40143-2021 Annex B, reproduced: organization A's raw inputs map through the B.2.3 rules
 * to the scores of table B.3, and the first-level scores and totals follow by hand.
 */
import { describe, expect, it } from 'vitest';
import { score } from '../support/templates.ts';

// Raw inputs an evaluator would enter for organization A, chosen so that the B.2.3 rules give
// the scores printed in table B.3 (the standard prints only the scores).
const ORG_A = {
  '1.1.1': '符合', // B.3: 1
  '1.1.2': '是', // 1
  '1.1.3': 'yes', // 1
  '1.1.4': 1, // 1
  '1.1.5': '否', // 0 (no Party organization set up)
  '5.2.2': '75%', // volunteers' satisfaction with the organization: 61–85 % → 0.8
  '5.2.4': '5%', // volunteer complaint rate: below 10 % → 1
  '5.3.1': '45%', // recipients' satisfaction with the service: 31–60 % → 0.5
  '5.3.2': 0.7, // with the volunteers: 61–85 % → 0.8
  '5.3.3': '92%', // with the organization: above 85 % → 1
  '5.4.1': 0, // awards: no rule in the standard, the evaluator scores 0
  '5.4.2': 0, // positive media reports: 0
  '5.4.4': 0.3, // donations: 0.3
  '6.1.1': '是',
  '6.1.2': '是',
  '6.1.3': '是',
  '6.1.4': '是',
};

const TABLE_B3: Record<string, number> = {
  '1.1.1': 1,
  '1.1.2': 1,
  '1.1.3': 1,
  '1.1.4': 1,
  '1.1.5': 0,
  '5.2.2': 0.8,
  '5.2.4': 1,
  '5.3.1': 0.5,
  '5.3.2': 0.8,
  '5.3.3': 1,
  '5.4.1': 0,
  '5.4.2': 0,
  '5.4.4': 0.3,
  '6.1.1': 1,
  '6.1.2': 1,
  '6.1.3': 1,
  '6.1.4': 1,
};

describe('GB/T 40143-2021 Annex B, organization A', () => {
  it('maps the raw inputs to the scores of table B.3', () => {
    const ev = score('gbt-40143-2021', ORG_A, { profile: 'annex-b-example' });
    expect(ev.errors).toEqual([]);
    expect(ev.indicators.map((r) => r.id)).toEqual(Object.keys(TABLE_B3));
    for (const r of ev.indicators) expect(r.score, r.id).toBeCloseTo(TABLE_B3[r.id]!, 12);
  });

  it('mean method: each first-level score is the mean of its third-level scores', () => {
    // 基础条件: (1+1+1+1+0)/5 = 0.8
    // 服务效果: (0.8+1+0.5+0.8+1+0+0+0.3)/8 = 4.4/8 = 0.55
    // 信用与荣誉: 4/4 = 1
    // total = 100 × (0.2×0.8 + 0.6×0.55 + 0.2×1) / (0.2+0.6+0.2) = 100 × (0.16+0.33+0.2) = 69
    const ev = score('gbt-40143-2021', ORG_A, { profile: 'annex-b-example' }, 'mean');
    expect(ev.dimensions.map((d) => d.id)).toEqual(['1', '5', '6']);
    expect(ev.dimensions.map((d) => d.weight)).toEqual([0.2, 0.6, 0.2]);
    expect(ev.dimensions[0]!.score).toBeCloseTo(0.8, 12);
    expect(ev.dimensions[1]!.score).toBeCloseTo(0.55, 12);
    expect(ev.dimensions[2]!.score).toBeCloseTo(1, 12);
    expect(ev.total).toBeCloseTo(69, 9);
  });

  it('sum method (the literal reading of B.2.5): weight × sum of third-level scores', () => {
    // 基础条件: 0.2 × 4 = 0.8;  服务效果: 0.6 × 4.4 = 2.64;  信用与荣誉: 0.2 × 4 = 0.8
    // total = 100 × (0.8 + 2.64 + 0.8) / (0.2×5 + 0.6×8 + 0.2×4) = 100 × 4.24 / 6.6 = 64.2424…
    const ev = score('gbt-40143-2021', ORG_A, { profile: 'annex-b-example' }, 'sum');
    expect(ev.dimensions[0]!.score).toBeCloseTo(0.8, 12);
    expect(ev.dimensions[1]!.score).toBeCloseTo(2.64, 12);
    expect(ev.dimensions[2]!.score).toBeCloseTo(0.8, 12);
    expect(ev.total).toBeCloseTo(424 / 6.6, 9);
  });

  it('levels method (A.3.1 d read level by level): third → second → first-level means', () => {
    // 基础条件: 1.1 = (1+1+1+1+0)/5 = 0.8, its only second-level indicator: 0.8
    // 服务效果: 5.2 = (0.8+1)/2 = 0.9; 5.3 = (0.5+0.8+1)/3 = 23/30; 5.4 = (0+0+0.3)/3 = 0.1;
    //           (0.9 + 23/30 + 0.1)/3 = (53/30)/3 = 53/90 = 0.5888…
    // 信用与荣誉: 6.1 = 4/4 = 1
    // total = 100 × (0.2×0.8 + 0.6×53/90 + 0.2×1) / 1 = 100 × (0.16 + 0.35333… + 0.2) = 71.333…
    const ev = score('gbt-40143-2021', ORG_A, { profile: 'annex-b-example' }, 'levels');
    expect(ev.method).toBe('levels');
    expect(ev.dimensions[0]!.score).toBeCloseTo(0.8, 12);
    expect(ev.dimensions[1]!.score).toBeCloseTo(53 / 90, 9);
    expect(ev.dimensions[2]!.score).toBeCloseTo(1, 12);
    expect(ev.total).toBeCloseTo(214 / 3, 9);
    expect(ev.total!.toFixed(2)).toBe('71.33');
    // The mean of the third-level scores stays what peers compare, whatever the method.
    expect(ev.dimensions[1]!.mean).toBeCloseTo(0.55, 12);
  });

  it('second-level scores are the mean of their third-level scores', () => {
    const ev = score('gbt-40143-2021', ORG_A, { profile: 'annex-b-example' });
    const g = Object.fromEntries(ev.groups.map((x) => [x.id, x.score]));
    expect(g['1.1']).toBeCloseTo(0.8, 12);
    expect(g['5.2']).toBeCloseTo(0.9, 12); // (0.8 + 1) / 2
    expect(g['5.3']).toBeCloseTo(2.3 / 3, 9); // scores are kept to 1e-9 (DESIGN.md)
    expect(g['5.4']).toBeCloseTo(0.1, 12);
    expect(g['6.1']).toBeCloseTo(1, 12);
  });

  it('places every edge of the B.2.3 bands as the template documents', () => {
    const at = (id: string, v: string) =>
      score('gbt-40143-2021', { [id]: v }, { profile: 'annex-b-example' }).indicators.find(
        (r) => r.id === id,
      )!.score;
    // Satisfaction (example 2): 30%以下 → 0 includes 30 %; the 30–31 % gap goes to 0.5;
    // 60–61 % to 0.8; 85 %, claimed by both "61%～85%" and "85%以上", goes to the better band.
    expect([
      at('5.3.3', '0%'),
      at('5.3.3', '30%'),
      at('5.3.3', '30.5%'),
      at('5.3.3', '60%'),
      at('5.3.3', '60.5%'),
      at('5.3.3', '84.99%'),
      at('5.3.3', '85%'),
      at('5.3.3', '100%'),
    ]).toEqual([0, 0, 0.5, 0.5, 0.8, 0.8, 1, 1]);
    // Complaints (example 3, descending): 10 % and 30 % go to the better band; 高于50% excludes 50 %.
    expect([
      at('5.2.4', '0%'),
      at('5.2.4', '10%'),
      at('5.2.4', '10.1%'),
      at('5.2.4', '30%'),
      at('5.2.4', '30.1%'),
      at('5.2.4', '50%'),
      at('5.2.4', '50.1%'),
    ]).toEqual([1, 1, 0.8, 0.8, 0.5, 0.5, 0]);
  });
});
