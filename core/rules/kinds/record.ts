/** `record`: a raw figure kept for benchmarking (volunteers, income …), never scored. */
import { z } from 'zod';
import {
  FIGURE_DOMAIN_COLUMNS,
  checkFigureDomain,
  figureDomainFromColumns,
  figureDomainToColumns,
  figureDomain,
  figureDomainFields,
  figureValidation,
  plausibleFigure,
  randomFigure,
  readNumber,
} from './number-input.ts';
import type { RuleKindModule } from './rule-kind.ts';

export const recordRule = z.object({ kind: z.literal('record'), ...figureDomainFields }).strict();
export type RecordRule = z.infer<typeof recordRule>;

export const record = {
  schema: recordRule,
  entry: 'figure',
  scored: false,
  check: (rule, _unit, path) => checkFigureDomain(rule, path),
  domain: figureDomain,
  read: (rule, unit, raw) => readNumber(raw, unit, figureDomain(rule, unit), 'figure'),
  score: () => null,
  cellValue: (_rule, value) => value,
  constants: () => ({ rows: [] }),
  formula: () => null,
  describe: (_rule, _unit, lang) =>
    lang === 'zh-CN' ? '仅记录数值，不计分' : 'recorded for benchmarking, not scored',
  validation: (rule, unit, lang) => figureValidation(figureDomain(rule, unit), unit, lang),
  plausibleAnswer: (_rule, unit, draw) => plausibleFigure(unit, draw),
  randomAnswer: (rule, unit, { random }) => randomFigure(figureDomain(rule, unit), [], random),
  columns: FIGURE_DOMAIN_COLUMNS,
  toColumns: (rule) => figureDomainToColumns(rule),
  fromColumns: (cells) => ({ kind: 'record', ...figureDomainFromColumns(cells) }),
} satisfies RuleKindModule<RecordRule>;
