/** What evaluators type, understood the same way by the CLI, `fill`, the reader and the task pane. */
import { describe, expect, it } from 'vitest';
import { readInput, type Rule } from '../../core/index.ts';

const binary: Rule = { kind: 'binary' };
const scale: Rule = {
  kind: 'scale',
  levels: [
    { 'zh-CN': '未开展', en: 'Not in place' },
    { 'zh-CN': '初步开展', en: 'Initial' },
    { 'zh-CN': '基本完善', en: 'Established' },
    { 'zh-CN': '完善且持续改进', en: 'Mature' },
  ],
};
const record: Rule = { kind: 'record' };
const manual: Rule = { kind: 'manual' };

const v = (value: number) => ({ state: 'value', value });

describe('readInput', () => {
  it.each([
    ['是', 1],
    ['否', 0],
    ['符合', 1],
    ['不符合', 0],
    ['YES', 1],
    ['no', 0],
    ['1', 1],
    ['0', 0],
    [true, 1],
    [false, 0],
    [1, 1],
    [' 是 ', 1],
  ] as const)('binary %j → %i', (raw, expected) =>
    expect(readInput(binary, undefined, raw)).toEqual(v(expected)),
  );

  it('binary refuses anything else, saying which value', () => {
    expect(readInput(binary, undefined, 'maybe')).toEqual({
      state: 'invalid',
      code: 'input.binary',
      params: { value: 'maybe' },
    });
    expect(readInput(binary, undefined, 2)).toMatchObject({
      state: 'invalid',
      code: 'input.binary',
    });
  });

  it.each([['NA'], ['n/a'], ['不适用'], ['  不适用 ']])('%j is N/A for every rule', (raw) => {
    for (const r of [binary, scale, record, manual])
      expect(readInput(r, '%', raw)).toEqual({ state: 'na' });
  });

  it.each([[''], ['   '], [null], [undefined]])('%j is blank', (raw) =>
    expect(readInput(binary, undefined, raw)).toEqual({ state: 'blank' }),
  );

  it('percentages: "85%", full-width "８５％" and the fraction 0.85 are the same value', () => {
    for (const raw of ['85%', '８５％', '85 %', 0.85, '0.85'])
      expect(readInput(record, '%', raw)).toEqual(v(0.85));
  });

  it('a % indicator refuses 85 (almost surely 85 %) and says how to write it', () => {
    expect(readInput(record, '%', 85)).toMatchObject({
      state: 'invalid',
      code: 'input.percent-range',
    });
    expect(readInput(record, '%', '120%')).toMatchObject({
      state: 'invalid',
      code: 'input.percent-range',
    });
  });

  it('numbers: thousands separators, negative values refused by default, text refused', () => {
    expect(readInput(record, '名', '1,234')).toEqual(v(1234));
    expect(readInput(record, '万元', '12.5')).toEqual(v(12.5));
    expect(readInput(record, '名', '-3')).toMatchObject({ state: 'invalid', code: 'input.range' });
    expect(readInput(record, '名', 'twelve')).toMatchObject({
      state: 'invalid',
      code: 'input.number',
    });
    expect(readInput(record, '名', '12%')).toMatchObject({
      state: 'invalid',
      code: 'input.not-percent',
    });
    expect(readInput({ kind: 'record', min: -10 }, undefined, '-3')).toEqual(v(-3));
  });

  it('scales take the level number, "2 初步开展", or the label', () => {
    for (const raw of [2, '2', '2 初步开展', '2. Initial', '初步开展', 'initial'])
      expect(readInput(scale, undefined, raw)).toEqual(v(2));
    expect(readInput(scale, undefined, 5)).toMatchObject({
      state: 'invalid',
      code: 'input.scale',
      params: { max: 4 },
    });
    expect(readInput(scale, undefined, 1.5)).toMatchObject({
      state: 'invalid',
      code: 'input.scale',
    });
    for (const raw of ['2.5', '2,5', '１.５'])
      expect(readInput(scale, undefined, raw)).toMatchObject({
        state: 'invalid',
        code: 'input.scale',
      });
  });

  it('manual scores lie in 0..1', () => {
    expect(readInput(manual, undefined, '0.3')).toEqual(v(0.3));
    expect(readInput(manual, undefined, '30%')).toEqual(v(0.3));
    expect(readInput(manual, undefined, 3)).toMatchObject({
      state: 'invalid',
      code: 'input.range',
    });
  });
});
