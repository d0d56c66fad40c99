/** The engine's aggregation, N/A handling and renormalization, with numbers worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  parseTemplate,
  resolvePlan,
  scoreRule,
  type Template,
} from '../../core/index.ts';

const YAML = `
id: engine-fixture
version: "1.0.0"
title: { zh-CN: 引擎测试, en: Engine fixture }
source: { standard: test, normative: false }
grades:
  - { id: A, min: 90, label: { zh-CN: 优, en: A } }
  - { id: B, min: 60, label: { zh-CN: 良, en: B } }
dimensions:
  - id: "1"
    name: { zh-CN: 一, en: One }
    weight: 0.25
    groups:
      - id: "1.1"
        name: { zh-CN: 一一, en: One-one }
        indicators:
          - { id: "1.1.1", name: { zh-CN: 甲, en: a }, rule: { kind: binary } }
          - { id: "1.1.2", name: { zh-CN: 乙, en: b }, rule: { kind: linear, from: 0, to: 200 } }
      - id: "1.2"
        name: { zh-CN: 一二, en: One-two }
        indicators:
          - { id: "1.2.1", name: { zh-CN: 丙, en: c }, rule: { kind: scale, levels: [{ zh-CN: 低, en: low }, { zh-CN: 中, en: mid }, { zh-CN: 高, en: high }] } }
          - { id: "1.2.2", name: { zh-CN: 丁, en: d }, unit: 名, rule: { kind: record } }
  - id: "2"
    name: { zh-CN: 二, en: Two }
    weight: 0.75
    groups:
      - id: "2.1"
        name: { zh-CN: 二一, en: Two-one }
        indicators:
          - { id: "2.1.1", name: { zh-CN: 戊, en: e }, rule: { kind: manual } }
          - { id: "2.1.2", name: { zh-CN: 己, en: f }, rule: { kind: linear, from: 10, to: 0 } }
profiles:
  - id: two-only
    name: { zh-CN: 仅二, en: Two only }
    indicators: ["2.1.1", "2.1.2"]
`;

function fixture(): Template {
  const { value, errors } = parseTemplate(YAML);
  if (!value) throw new Error(JSON.stringify(errors));
  return value;
}

const INPUTS = { '1.1.1': '是', '1.1.2': 50, '1.2.1': '3', '1.2.2': 12, '2.1.1': 0.4, '2.1.2': 8 };

describe('evaluate', () => {
  it('keeps totals and scores to 1e-9, so one total reached two ways is one number (ties rank as ties)', () => {
    const plan = resolvePlan(fixture(), { profile: 'two-only' }).value!;
    // 2.1.2 from 10 to 0: an input of 9 scores 0.1 (as (9−10)/(0−10) in floating point).
    const a = evaluate(plan, { '2.1.1': 0.2, '2.1.2': 9 }); // (0.2 + 0.1) / 2
    const b = evaluate(plan, { '2.1.1': 0.15, '2.1.2': 8.5 }); // (0.15 + 0.15) / 2
    expect(0.2 + 0.1).not.toBe(0.15 + 0.15); // the noise this guards against
    expect(a.total).toBe(15);
    expect(b.total).toBe(a.total);
    expect(a.dimensions[0]!.score).toBe(b.dimensions[0]!.score);
    expect(a.groups.find((g) => g.id === '2.1')!.score).toBe(0.15);
  });

  it('mean: dimension = mean of applicable scores; total = 100 Σwᵢ·meanᵢ / Σwᵢ', () => {
    const plan = resolvePlan(fixture()).value!;
    const ev = evaluate(plan, INPUTS);
    // 1.1.1 = 1; 1.1.2 = 50/200 = 0.25; 1.2.1 = (3−1)/(3−1) = 1; 1.2.2 recorded, not scored
    // 2.1.1 = 0.4; 2.1.2 = (8−10)/(0−10) = 0.2
    expect(ev.indicators.map((r) => r.score)).toEqual([1, 0.25, 1, null, 0.4, 0.2]);
    expect(ev.dimensions[0]!.score).toBeCloseTo(2.25 / 3, 12);
    expect(ev.dimensions[1]!.score).toBeCloseTo(0.3, 12);
    // 100 × (0.25 × 0.75 + 0.75 × 0.3) = 100 × 0.4125
    expect(ev.total).toBeCloseTo(41.25, 9);
    expect(ev.grade).toBeNull();
    expect(ev.groups.map((g) => g.score)).toEqual([0.625, 1, expect.closeTo(0.3, 12)]);
  });

  it('sum: dimension = wᵢ Σ scores; total = 100 Σ(wᵢ Σ scores) / Σ(wᵢ countᵢ)', () => {
    const plan = resolvePlan(fixture(), { method: 'sum' }).value!;
    const ev = evaluate(plan, INPUTS);
    expect(ev.dimensions[0]!.score).toBeCloseTo(0.25 * 2.25, 12);
    expect(ev.dimensions[1]!.score).toBeCloseTo(0.75 * 0.6, 12);
    // 100 × (0.5625 + 0.45) / (0.25 × 3 + 0.75 × 2) = 100 × 1.0125 / 2.25 = 45
    expect(ev.total).toBeCloseTo(45, 9);
  });

  it('N/A leaves numerator and denominator; blank counts 0 and is reported unanswered', () => {
    const plan = resolvePlan(fixture()).value!;
    const ev = evaluate(plan, { ...INPUTS, '1.1.2': 'NA', '2.1.2': '' });
    expect(ev.dimensions[0]!.count).toBe(2);
    expect(ev.dimensions[0]!.score).toBeCloseTo(1, 12);
    expect(ev.dimensions[1]!.score).toBeCloseTo(0.2, 12);
    expect(ev.unanswered).toEqual(['2.1.2']);
    expect(ev.total).toBeCloseTo(100 * (0.25 * 1 + 0.75 * 0.2), 9);
  });

  it('counts applicable and answered over scored and recorded indicators; N/A is not applicable, an invalid input is answered', () => {
    const plan = resolvePlan(fixture()).value!;
    const ev = evaluate(plan, { ...INPUTS, '1.1.2': 'NA', '2.1.2': '  ', '1.1.1': 'perhaps' });
    expect(ev.applicable).toBe(plan.indicators.length - 1);
    expect(ev.unanswered).toEqual(['2.1.2']);
    expect(ev.answered).toBe(plan.indicators.length - 2);
    const blank = evaluate(plan, {});
    expect(blank).toMatchObject({ applicable: plan.indicators.length, answered: 0 });
    expect(blank.unanswered).toEqual(plan.indicators.map((i) => i.id));
  });

  it('a dimension with nothing applicable drops out and the weights renormalize', () => {
    const plan = resolvePlan(fixture()).value!;
    const ev = evaluate(plan, { ...INPUTS, '2.1.1': '不适用', '2.1.2': 'na' });
    expect(ev.dimensions[1]!.score).toBeNull();
    expect(ev.total).toBeCloseTo(100 * (2.25 / 3), 9);
    expect(ev.grade?.id).toBe('B');
    const none = evaluate(plan, Object.fromEntries(Object.keys(INPUTS).map((k) => [k, 'NA'])));
    expect(none.total).toBeNull();
    expect(none.grade).toBeNull();
  });

  it('weights renormalize over the chosen dimensions, from any positive numbers', () => {
    const plan = resolvePlan(fixture(), { profile: 'two-only' }).value!;
    expect(plan.dimensions.map((d) => [d.id, d.weight])).toEqual([['2', 1]]);
    const custom = resolvePlan(fixture(), { weights: { '1': 3, '2': 1 } }).value!;
    expect(custom.dimensions.map((d) => d.weight)).toEqual([0.75, 0.25]);
    expect(resolvePlan(fixture(), { weights: { '1': 3 } }).errors[0]).toMatchObject({
      code: 'profile.missing-weight',
      params: { id: '2' },
    });
    expect(resolvePlan(fixture(), { profile: 'nope' }).errors[0]).toMatchObject({
      code: 'profile.not-found',
      params: { available: 'two-only' },
    });
  });

  it('grades use inclusive lower bounds on the total rounded to 1e-9', () => {
    const plan = resolvePlan(fixture()).value!;
    const full = evaluate(plan, {
      '1.1.1': 1,
      '1.1.2': 200,
      '1.2.1': 3,
      '1.2.2': 0,
      '2.1.1': 0.8,
      '2.1.2': 0,
    });
    // 100 × (0.25 × 1 + 0.75 × 0.9) = 92.5
    expect(full.total).toBeCloseTo(92.5, 9);
    expect(full.grade?.id).toBe('A');
  });

  it('invalid inputs are reported with their id and scored as unanswered', () => {
    const plan = resolvePlan(fixture()).value!;
    const ev = evaluate(plan, { ...INPUTS, '1.1.1': 'perhaps' });
    expect(ev.errors).toEqual([
      {
        code: 'input.binary',
        path: ['inputs', '1.1.1'],
        params: { id: '1.1.1', value: 'perhaps' },
      },
    ]);
    expect(ev.indicators[0]).toMatchObject({ state: 'invalid', score: 0 });
  });

  it('linear rules clip to 0..1', () => {
    expect(scoreRule({ kind: 'linear', from: 0, to: 10 }, 20)).toBe(1);
    expect(scoreRule({ kind: 'linear', from: 0, to: 10 }, -5)).toBe(0);
    expect(scoreRule({ kind: 'linear', from: 10, to: 0 }, 2.5)).toBe(0.75);
  });
});
