/**
 * Who is evaluated and how, as GB/T 40143 asks: the organization's unified social credit code
 * (统一社会信用代码, GB 32100-2015) and the evaluation mode (8.1.3: 自评 or 第三方评价; a hub
 * association's secretariat evaluating its members is the third way scorebook is used).
 */

/** GB 32100-2015's 31 code characters (no I, O, S, V, Z), each worth its place. */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export type CreditCodeProblem =
  | { reason: 'length'; length: number }
  | { reason: 'character'; position: number; char: string }
  | { reason: 'check'; expected: string; char: string };

/** The code as people type it: full-width folded, spaces dropped, upper case. */
export function normalizeCreditCode(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * What is wrong with a credit code, or undefined when its check character (the 18th) is right:
 * the first 17 characters weighted by 3^(i) mod 31 (i = 0 … 16), summed, and the check worth
 * 31 − (sum mod 31), 31 itself standing for 0.
 */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return { reason: 'length', length: [...code].length };
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 18; i++) {
    const value = CODE_CHARS.indexOf(code[i]!);
    if (value < 0) return { reason: 'character', position: i + 1, char: code[i]! };
    if (i < 17) {
      sum += value * weight;
      weight = (weight * 3) % 31;
    }
  }
  const expected = CODE_CHARS[(31 - (sum % 31)) % 31]!;
  return expected === code[17] ? undefined : { reason: 'check', expected, char: code[17]! };
}

/** The first 17 characters of a code with its check character appended (for made-up members). */
export function withCheckCharacter(first17: string): string {
  const problem = creditCodeProblem(`${first17}0`);
  if (problem?.reason === 'check') return `${first17}${problem.expected}`;
  if (problem) throw new RangeError(`not the start of a credit code: ${first17}`);
  return `${first17}0`;
}

/** GB/T 40143 8.1.3's two modes, and the secretariat's evaluation of its members. */
export const EVALUATION_MODES = ['self', 'third-party', 'secretariat'] as const;
export type EvaluationMode = (typeof EVALUATION_MODES)[number];

/** Each mode's name as the standard writes it (zh-CN) and in English. */
export const EVALUATION_MODE_LABELS: Record<EvaluationMode, { 'zh-CN': string; en: string }> = {
  self: { 'zh-CN': '自评', en: 'self-assessment' },
  'third-party': { 'zh-CN': '第三方评价', en: 'third-party evaluation' },
  secretariat: { 'zh-CN': '秘书处评价', en: 'secretariat evaluation' },
};

/** The spellings a roster, an option or a person uses for each mode, folded by modeKey. */
const MODE_WORDS: Record<EvaluationMode, readonly string[]> = {
  self: ['self', 'self-assessment', 'self_assessment', '自评', '自我评价', '自评估'],
  'third-party': ['third-party', 'third_party', 'thirdparty', '第三方评价', '第三方评估', '第三方'],
  secretariat: ['secretariat', '秘书处评价', '秘书处评估', '秘书处'],
};

const modeKey = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '-');

/** A mode from any of its spellings; undefined for anything else (blank included). */
export function parseEvaluationMode(text: string): EvaluationMode | undefined {
  const key = modeKey(text);
  return EVALUATION_MODES.find((m) => MODE_WORDS[m].some((w) => modeKey(w) === key));
}

/** The accepted spellings, as a message lists them. */
export const EVALUATION_MODE_CHOICES = EVALUATION_MODES.map(
  (m) => `${m} / ${EVALUATION_MODE_LABELS[m]['zh-CN']}`,
).join(', ');
