/**
 * The 统一社会信用代码's check character (GB 32100-2015) on codes of real registrations, on
 * every single-character change of them, and the evaluation mode's spellings.
 */
import { describe, expect, it } from 'vitest';
import {
  creditCodeProblem,
  normalizeCreditCode,
  parseEvaluationMode,
  withCheckCharacter,
} from '../../core/index.ts';

/** Codes as registered (companies and a social organization); the check character of each is right. */
const VALID = [
  '91350200776049653A',
  '913502000728319549',
  '91350213678251743X',
  '9135021359498494XQ',
  '91440101MA5CJQ4N59',
  '91350203MA31NDF85F',
  '123502001549897397',
];
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('creditCodeProblem', () => {
  it('accepts codes as registered', () => {
    for (const code of VALID) expect(creditCodeProblem(code), code).toBeUndefined();
  });

  it('refuses every single-character change, at every place, with the check character it expected', () => {
    for (const code of VALID)
      for (let i = 0; i < 18; i++)
        for (const c of CHARS) {
          if (c === code[i]) continue;
          const changed = code.slice(0, i) + c + code.slice(i + 1);
          const problem = creditCodeProblem(changed);
          expect(problem?.reason, changed).toBe('check');
          // The expected check of a changed body is what withCheckCharacter appends.
          if (i < 17)
            expect(problem).toMatchObject({
              expected: withCheckCharacter(changed.slice(0, 17)).at(-1),
            });
          else expect(problem).toMatchObject({ expected: code[17], char: c });
        }
  });

  it('says a wrong length and a character outside the code set, by place', () => {
    expect(creditCodeProblem('91350200776049653')).toEqual({ reason: 'length', length: 17 });
    expect(creditCodeProblem('91350200776O49653A')).toEqual({
      reason: 'character',
      position: 12,
      char: 'O',
    });
    // I, O, S, V and Z are not code characters.
    for (const c of 'IOSVZ')
      expect(creditCodeProblem(`${c}1350200776049653A`)?.reason).toBe('character');
    // An early pilot code whose check does not hold is refused too (the standard's rule, no exceptions).
    expect(creditCodeProblem('91350100M0001TGQXM')).toEqual({
      reason: 'check',
      expected: '1',
      char: 'M',
    });
  });

  it('reads codes as people type them: full-width, lower case, spaced', () => {
    expect(normalizeCreditCode(' ９１３５０２００ 776049653a ')).toBe('91350200776049653A');
  });
});

describe('parseEvaluationMode', () => {
  it("takes GB/T 40143 8.1.3's words and the English ones", () => {
    expect(parseEvaluationMode('自评')).toBe('self');
    expect(parseEvaluationMode('Self-Assessment')).toBe('self');
    expect(parseEvaluationMode('第三方评价')).toBe('third-party');
    expect(parseEvaluationMode('第三方评估')).toBe('third-party');
    expect(parseEvaluationMode('third party')).toBe('third-party');
    expect(parseEvaluationMode('秘书处')).toBe('secretariat');
    expect(parseEvaluationMode('互评')).toBeUndefined();
    expect(parseEvaluationMode('')).toBeUndefined();
  });
});
