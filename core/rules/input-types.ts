/** What an evaluator typed, and how a rule understood it: types every reader shares. */
export type RawInput = string | number | boolean | null | undefined;

export type ReadInput =
  | { state: 'blank' }
  | { state: 'na' }
  | { state: 'value'; value: number }
  | { state: 'invalid'; code: string; params?: Record<string, string | number> };

export interface InputDomain {
  min: number;
  max: number | undefined;
}
