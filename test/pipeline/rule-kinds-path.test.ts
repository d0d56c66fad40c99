/**
 * Every rule kind along the whole path a new kind must travel: its rule in a template (the zod
 * schema, then the kind's checks), a broken rule of the kind refused, typed answers read and
 * scored by the engine to scores worked out by hand, and the score formula of generated
 * workbooks, recalculated by LibreOffice, giving the same scores: answers as typed, and answers
 * as `fill` writes them. CASES is a record over RuleKind: a kind without a case does not compile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answersToInputs,
  evaluate,
  idToName,
  parseTemplate,
  resolvePlan,
  RULE_KINDS,
  toCellAnswer,
  type CellValue,
  type Lang,
  type ReadInput,
  type RowAnswer,
  type RuleKind,
  type ScoringPlan,
} from '../../core/index.ts';
import { workbookModel } from '../../pipeline/workbooks/make-workbook.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { poisonCachedValues, recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { scratchDir } from '../support/run-cli.ts';

type Answer = [typed: CellValue, state: ReadInput['state'], score: number | null];

interface KindCase {
  unit?: string;
  /** the rule, as a template writes it (YAML flow) */
  rule: string;
  /** a rule of this kind that the schema or the kind's check refuses, and the issue's code */
  broken: { rule: string; code: string };
  /** typed into the input cell → how the engine reads it, and the score (null: none) */
  answers: Answer[];
}

const CASES: { [K in RuleKind]: KindCase } = {
  binary: {
    rule: '{ kind: binary }',
    broken: { rule: '{ kind: binary, levels: [] }', code: 'schema.unknown-key' },
    answers: [
      ['符合', 'value', 1],
      ['Yes', 'value', 1],
      ['是', 'value', 1],
      [1, 'value', 1],
      ['不符合', 'value', 0],
      ['no', 'value', 0],
      [0, 'value', 0],
      ['maybe', 'invalid', 0],
      [null, 'blank', 0],
      ['不适用', 'na', null],
    ],
  },
  bands: {
    unit: '%',
    rule: `{ kind: bands, direction: ascending, bands: [{ atMost: 0.3, score: 0 },
      { above: 0.3, below: 0.85, score: 0.5 }, { atLeast: 0.85, score: 1 }] }`,
    broken: {
      rule: '{ kind: bands, bands: [{ below: 0.3, score: 0 }, { above: 0.3, score: 1 }] }',
      code: 'bands.gap',
    },
    answers: [
      [0, 'value', 0],
      [0.3, 'value', 0],
      [0.3001, 'value', 0.5],
      [0.8499, 'value', 0.5],
      [0.85, 'value', 1],
      [1, 'value', 1],
      [1.2, 'invalid', 0],
      [-0.1, 'invalid', 0],
      [null, 'blank', 0],
      ['NA', 'na', null],
    ],
  },
  linear: {
    unit: '次',
    rule: '{ kind: linear, from: 10, to: 0, max: 20 }',
    broken: { rule: '{ kind: linear, from: 5, to: 5 }', code: 'rule.linear-flat' },
    answers: [
      [0, 'value', 1],
      [2.5, 'value', 0.75],
      [10, 'value', 0],
      [15, 'value', 0],
      [20, 'value', 0],
      [21, 'invalid', 0],
      [-1, 'invalid', 0],
      ['ten', 'invalid', 0],
      [null, 'blank', 0],
      ['N/A', 'na', null],
    ],
  },
  scale: {
    rule: `{ kind: scale, levels: [{ zh-CN: 未开展, en: Not in place }, { zh-CN: 初步建立, en: Initial },
      { zh-CN: 基本完善, en: Established }, { zh-CN: 完善且持续改进, en: Mature } ] }`,
    broken: {
      rule: '{ kind: scale, levels: [{ zh-CN: 无, en: None }, { zh-CN: 有, en: "Yes, some" }] }',
      code: 'scale.list-item',
    },
    answers: [
      ['1 未开展', 'value', 0],
      ['2 Initial', 'value', 1 / 3],
      [3, 'value', 2 / 3],
      ['4', 'value', 1],
      ['基本完善', 'value', 2 / 3],
      ['initial', 'value', 1 / 3],
      [2.5, 'invalid', 0],
      [5, 'invalid', 0],
      [null, 'blank', 0],
      ['不适用', 'na', null],
    ],
  },
  manual: {
    unit: '%',
    rule: '{ kind: manual }',
    broken: { rule: '{ kind: manual, max: 1 }', code: 'schema.unknown-key' },
    answers: [
      [0.3, 'value', 0.3],
      [0, 'value', 0],
      [1, 'value', 1],
      [0.75, 'value', 0.75],
      [1.5, 'invalid', 0],
      [-0.2, 'invalid', 0],
      [null, 'blank', 0],
      ['NA', 'na', null],
    ],
  },
  record: {
    unit: '万元',
    rule: '{ kind: record, min: -10 }',
    broken: { rule: '{ kind: record, min: 5, max: 5 }', code: 'rule.domain' },
    answers: [
      [12.5, 'value', null],
      [-3, 'value', null],
      [0, 'value', null],
      [-11, 'invalid', null],
      [null, 'blank', null],
      ['NA', 'na', null],
    ],
  },
};

const KINDS = Object.keys(CASES) as RuleKind[];

/** One first-level indicator per kind, one third-level indicator per answer, all of that rule. */
function templateYaml(rules: Partial<Record<RuleKind, string>>): string {
  const dims = KINDS.filter((k) => rules[k] !== undefined).map((kind, i) => {
    const c = CASES[kind];
    const indicators = (rules[kind] === c.rule ? c.answers : [c.answers[0]!]).map(
      (_, k) => `
          - id: "${i + 1}.1.${k + 1}"
            name: { zh-CN: ${kind} ${k + 1}, en: ${kind} ${k + 1} }${c.unit ? `\n            unit: "${c.unit}"` : ''}
            rule: ${rules[kind]!.replace(/\n\s*/g, ' ')}`,
    );
    return `
  - id: "${i + 1}"
    name: { zh-CN: ${kind}, en: ${kind} }
    groups:
      - id: "${i + 1}.1"
        name: { zh-CN: ${kind}, en: ${kind} }
        indicators:${indicators.join('')}`;
  });
  return `
id: rule-kinds
version: "1.0.0"
title: { zh-CN: 评分规则种类, en: Rule kinds }
source: { standard: T/TEST 1-2025, normative: false }
dimensions:${dims.join('')}
`;
}

interface Row {
  id: string;
  kind: RuleKind;
  answer: Answer;
}

const good = parseTemplate(templateYaml(Object.fromEntries(KINDS.map((k) => [k, CASES[k].rule]))));
const plan: ScoringPlan | undefined = good.value ? resolvePlan(good.value, {}).value : undefined;
const rows: Row[] = KINDS.flatMap((kind, i) =>
  CASES[kind].answers.map((answer, k) => ({ id: `${i + 1}.1.${k + 1}`, kind, answer })),
);

/** The answers as typed, or as `fill` writes them (a refused answer leaves the cell blank). */
function answers(way: 'typed' | 'filled', lang: Lang): Map<string, RowAnswer> {
  const out = new Map<string, RowAnswer>();
  for (const r of rows) {
    const [typed] = r.answer;
    if (typed === null) continue;
    if (way === 'typed') out.set(r.id, { input: typed });
    else {
      const ind = plan!.indicators.find((i) => i.id === r.id)!;
      const cell = toCellAnswer(ind.rule, ind.unit, typed, lang);
      if (cell.ok) out.set(r.id, cell.answer);
    }
  }
  return out;
}

/** The score a row should get: as typed, or once `fill` left a refused answer blank. */
function expected(r: Row, way: 'typed' | 'filled'): number | null {
  const [, state, score] = r.answer;
  if (way === 'filled' && state === 'invalid')
    return CASES[r.kind].answers.find(([typed]) => typed === null)![2];
  return score;
}

const ORG = {
  org_id: 'K1',
  org_name: '规则测试',
  region: '深圳',
  org_type: '社会团体',
  period: '2025',
  evaluator: '评价人',
};
const WAYS = ['typed', 'filled'] as const;
const LANGS: Lang[] = ['zh-CN', 'en'];
const dir = scratchDir('scorebook-rule-kinds-');
const files = new Map<string, string>();
let recalculated = new Map<string, string>();

beforeAll(async () => {
  if (!plan) return;
  for (const way of WAYS)
    for (const lang of LANGS) {
      const model = workbookModel(plan, ORG, lang, {
        answers: answers(way, lang),
      });
      const file = join(dir, `${way}-${lang}.xlsx`);
      writeFileSync(file, await writeWorkbookBuffer(poisonCachedValues(model)));
      files.set(`${way}/${lang}`, file);
    }
  recalculated = await recalculateWithLibreOffice([...files.values()], join(dir, 'recalculated'));
}, 300_000);

describe('every rule kind, from the template to the recalculated workbook', () => {
  it('has a case for every kind', () => {
    expect(KINDS).toEqual([...RULE_KINDS]);
  });

  it('parses and checks a template with a rule of every kind', () => {
    expect(good.errors).toEqual([]);
    expect(plan?.indicators.map((i) => i.rule.kind)).toEqual(rows.map((r) => r.kind));
  });

  it.each(KINDS)('refuses a broken %s rule with its own issue', (kind) => {
    const { value, errors } = parseTemplate(templateYaml({ [kind]: CASES[kind].broken.rule }));
    expect(value).toBeUndefined();
    expect(errors.map((e) => e.code)).toContain(CASES[kind].broken.code);
    for (const e of errors)
      expect(e.path.slice(0, 6)).toEqual(['dimensions', 0, 'groups', 0, 'indicators', 0]);
  });

  it('reads and scores every answer as worked out by hand', () => {
    const ev = evaluate(plan!, answersToInputs(answers('typed', 'zh-CN')));
    expect(ev.indicators.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    ev.indicators.forEach((got, k) => {
      const [typed, state, score] = rows[k]!.answer;
      const label = `${rows[k]!.kind} ${got.id} ${JSON.stringify(typed)}`;
      expect(got.state, label).toBe(state);
      if (score === null) expect(got.score, label).toBeNull();
      else expect(got.score, label).toBeCloseTo(score, 12);
    });
  });

  it.each(WAYS.flatMap((way) => LANGS.map((lang) => [way, lang] as const)))(
    'gives those scores in LibreOffice, answers %s, sheet in %s',
    (way, lang) => {
      const out = recalculated.get(files.get(`${way}/${lang}`)!);
      expect(out).toBeDefined();
      const wb = readWorkbookBytes(readFileSync(out!)).value!;
      const engine = evaluate(plan!, answersToInputs(answers(way, lang)));
      const failures: string[] = [];
      rows.forEach((r, k) => {
        const want = expected(r, way);
        const cell = cellByName(wb, idToName('SC', r.id));
        const got = cell?.error ?? cell?.value ?? null;
        const near = (x: unknown) => typeof x === 'number' && Math.abs(x - want!) <= 1e-9;
        // No score: the formula gives "" (an empty cell would mean no formula at all).
        const ok =
          want === null
            ? got === '' && engine.indicators[k]!.score === null
            : near(got) && near(engine.indicators[k]!.score);
        if (!ok)
          failures.push(
            `${r.kind} ${r.id} ${JSON.stringify(r.answer[0])}: LibreOffice ${JSON.stringify(got)}, engine ${engine.indicators[k]!.score}, by hand ${want}`,
          );
      });
      expect(failures).toEqual([]);
    },
  );
});
