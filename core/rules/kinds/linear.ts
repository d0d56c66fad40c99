/** `linear`: 0 at `from`, 1 at `to`, a straight line between, clipped to 0..1. */
import { z } from 'zod';
import { issue, type Issue, type PathSegment } from '../../issues.ts';
import { ruleDecision } from '../../template/schema-parts.ts';
import { formatValue } from '../format-value.ts';
import { column, type RuleCells } from './rule-columns.ts';
import {
  FIGURE_DOMAIN_COLUMNS,
  checkFigureDomain,
  figureDomainFromColumns,
  figureDomainToColumns,
  figureDomain,
  figureDomainFields,
  figureValidation,
  numberGuard,
  plausibleScoredFigure,
  randomFigure,
  readNumber,
} from './number-input.ts';
import {
  checkPer,
  describePer,
  perField,
  PER_COLUMNS,
  perFromColumns,
  perToColumns,
} from './per-figure.ts';
import { DECISION_COLUMNS, decisionFromColumns, decisionToColumns } from './decision-columns.ts';
import type { RuleKindModule } from './rule-kind.ts';

export const linearRule = z
  .object({
    kind: z.literal('linear'),
    from: z.number().describe('the input that scores 0'),
    to: z.number().describe('the input that scores 1'),
    decision: ruleDecision,
    ...figureDomainFields,
    ...perField,
  })
  .strict();
export type LinearRule = z.infer<typeof linearRule>;

function check(rule: LinearRule, unit: string | undefined, path: PathSegment[]): Issue[] {
  const errors: Issue[] = [];
  if (rule.from === rule.to) errors.push(issue('rule.linear-flat', path, { value: rule.from }));
  if (unit === '%') {
    // 85 % is stored as 0.85: a linear rule "to: 100" on a percentage could never reach 1.
    for (const key of ['from', 'to'] as const) {
      if (rule[key] < 0 || rule[key] > 1)
        errors.push(issue('linear.percent-scale', [...path, key], { value: rule[key] }));
    }
  }
  return [...errors, ...checkFigureDomain(rule, path), ...checkPer(rule.per, unit, path)];
}

const LINE_COLUMNS = [
  column(
    'from',
    { 'zh-CN': '得 0 分的值', en: 'Scores 0 at' },
    {
      'zh-CN': 'linear：得 0 分的数值（百分比写作 30% 或 0.3）；大于“得 1 分的值”时为越小越好。',
      en: 'linear: the input that scores 0 (a percentage as 30% or 0.3); above "Scores 1 at" for lower-is-better.',
    },
  ),
  column(
    'to',
    { 'zh-CN': '得 1 分的值', en: 'Scores 1 at' },
    {
      'zh-CN': 'linear：得 1 分的数值，其间按直线插值。',
      en: 'linear: the input that scores 1; straight line in between.',
    },
  ),
];

function fromColumns(cells: RuleCells): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'linear' };
  for (const key of ['from', 'to'] as const) {
    cells.locate([key], key);
    const v = cells.number(key);
    if (v !== undefined) out[key] = v;
    else if (cells.text(key) === undefined) {
      cells.problem('definition.rule-needs', { kind: 'linear', column: key });
      cells.locate([key], 'rule');
    }
  }
  return {
    ...out,
    ...decisionFromColumns(cells),
    ...perFromColumns(cells),
    ...figureDomainFromColumns(cells),
  };
}

export const linear = {
  schema: linearRule,
  entry: 'figure',
  scored: true,
  check,
  domain: figureDomain,
  read: (rule, unit, raw) => readNumber(raw, unit, figureDomain(rule, unit), 'figure'),
  score(rule, value) {
    const t = (value - rule.from) / (rule.to - rule.from);
    return Math.min(1, Math.max(0, t));
  },
  cellValue: (_rule, value) => value,
  constants: (rule) => ({
    rows: [
      { lower: { value: rule.from, style: 'number' }, upper: { value: rule.to, style: 'number' } },
    ],
  }),
  formula(rule, { input: x, value: v, unit, constants: c }) {
    const from = c.cell(0, 'lower');
    const to = c.cell(0, 'upper');
    return `IF(${numberGuard(x, figureDomain(rule, unit))},MAX(0,MIN(1,(${v}-${from})/(${to}-${from}))),0)`;
  },
  describe: (rule, unit, lang) =>
    describePer(
      rule.per,
      lang,
      lang === 'zh-CN'
        ? `${formatValue(rule.from, unit)} 得 0，${formatValue(rule.to, unit)} 得 1，其间按线性插值`
        : `0 at ${formatValue(rule.from, unit)}, 1 at ${formatValue(rule.to, unit)}, linear between`,
    ),
  validation: (rule, unit, lang) => figureValidation(figureDomain(rule, unit), unit, lang),
  plausibleAnswer: (rule, unit, draw) =>
    plausibleScoredFigure(unit, draw, {
      zero: rule.from,
      full: rule.to,
      per: rule.per !== undefined,
      domain: figureDomain(rule, unit),
    }),
  randomAnswer: (rule, unit, { random }) => randomFigure(figureDomain(rule, unit), [], random),
  columns: [...LINE_COLUMNS, ...DECISION_COLUMNS, ...PER_COLUMNS, ...FIGURE_DOMAIN_COLUMNS],
  toColumns: (rule) => ({
    from: rule.from,
    to: rule.to,
    ...decisionToColumns(rule.decision),
    ...perToColumns(rule.per),
    ...figureDomainToColumns(rule),
  }),
  fromColumns,
} satisfies RuleKindModule<LinearRule>;
