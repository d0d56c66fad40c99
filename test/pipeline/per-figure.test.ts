/**
 * `per`: a figure scored relative to another indicator's figure (hours per registered
 * volunteer). The engine's scores are worked out by hand for every state of the figure divided
 * by (a number, 0, blank, unreadable, N/A by its mark or typed), and generated workbooks
 * recalculated by LibreOffice give the same scores; the checker refuses a `per` that cannot
 * divide, and a choice that leaves the divisor out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answersToInputs,
  describeRule,
  evaluate,
  idToName,
  parseTemplate,
  resolvePlan,
  type RowAnswer,
  type ScoringPlan,
} from '../../core/index.ts';
import { workbookModel } from '../../pipeline/workbooks/make-workbook.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { poisonCachedValues, recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { scratchDir } from '../support/run-cli.ts';

const PER =
  '{ indicator: "1.1.1", label: { zh-CN: 每名在册志愿者, en: per registered volunteer } }';

/** 1.1.1 is divided by (its own rule given), 1.2.1 hours and 1.2.2 funds are taken per it. */
function yaml(divisorRule = '{ kind: record }', extra = '', profiles = ''): string {
  return `
id: per-test
version: "1.0.0"
title: { zh-CN: 折算测试, en: Per test }
source: { standard: T/TEST 1-2025, normative: false }
dimensions:
  - id: "1"
    name: { zh-CN: 资源, en: Resources }
    groups:
      - id: "1.1"
        name: { zh-CN: 人力, en: People }
        indicators:
          - id: "1.1.1"
            name: { zh-CN: 在册志愿者人数, en: Registered volunteers }
            unit: "名"
            rule: ${divisorRule}
      - id: "1.2"
        name: { zh-CN: 活动, en: Activity }
        indicators:
          - id: "1.2.1"
            name: { zh-CN: 服务总时长, en: Service hours }
            unit: "h"
            rule: { kind: linear, from: 0, to: 20, per: ${PER} }
          - id: "1.2.2"
            name: { zh-CN: 资金, en: Funds }
            unit: "万元"
            rule:
              kind: bands
              per: ${PER}
              bands:
                - { below: 0.05, score: 0 }
                - { atLeast: 0.05, below: 0.1, score: 0.5 }
                - { atLeast: 0.1, score: 1 }${extra}
  - id: "2"
    name: { zh-CN: 其他, en: Other }
    groups:
      - id: "2.1"
        name: { zh-CN: 其他, en: Other }
        indicators:
          - id: "2.1.1"
            name: { zh-CN: 是否, en: Yes or no }
            rule: { kind: binary }${profiles}
`;
}

type Score = number | null;
interface Case {
  name: string;
  answers: Record<string, RowAnswer>;
  /** 1.2.1 and 1.2.2 as worked out by hand (null: N/A, no score) */
  want: [Score, Score];
}

const CASES: Case[] = [
  // 300 h / 20 volunteers = 15 h each: 15/20 = 0.75; 1.2 万元 / 20 = 0.06 → 0.5
  {
    name: 'a figure',
    answers: { '1.1.1': { input: 20 }, '1.2.1': { input: 300 }, '1.2.2': { input: 1.2 } },
    want: [0.75, 0.5],
  },
  // 1000 h / 40 = 25 h: clipped to 1; 4 万元 / 40 = 0.1 → 1 (the edge is in the upper band)
  {
    name: 'above the top',
    answers: { '1.1.1': { input: 40 }, '1.2.1': { input: 1000 }, '1.2.2': { input: 4 } },
    want: [1, 1],
  },
  {
    name: 'a figure, the dependent blank',
    answers: { '1.1.1': { input: 20 }, '1.2.2': { input: 0.9 } },
    want: [0, 0],
  },
  {
    name: 'a figure, the dependent N/A',
    answers: { '1.1.1': { input: 20 }, '1.2.1': { na: true, input: 5 }, '1.2.2': { input: 'NA' } },
    want: [null, null],
  },
  {
    name: 'a figure, the dependent unreadable',
    answers: { '1.1.1': { input: 20 }, '1.2.1': { input: -3 }, '1.2.2': { input: 'lots' } },
    want: [0, 0],
  },
  {
    name: 'divisor 0',
    answers: { '1.1.1': { input: 0 }, '1.2.1': { input: 300 }, '1.2.2': { input: 0 } },
    want: [0, 0],
  },
  {
    name: 'divisor blank',
    answers: { '1.2.1': { input: 300 }, '1.2.2': { input: 1.2 } },
    want: [0, 0],
  },
  {
    name: 'divisor unreadable',
    answers: { '1.1.1': { input: -5 }, '1.2.1': { input: 300 }, '1.2.2': { input: 1.2 } },
    want: [0, 0],
  },
  {
    name: 'divisor N/A by its mark',
    answers: { '1.1.1': { na: true, input: 20 }, '1.2.1': { input: 300 }, '1.2.2': { input: 1.2 } },
    want: [null, null],
  },
  {
    name: 'divisor N/A typed',
    answers: { '1.1.1': { input: '不适用' }, '1.2.1': { input: 300 } },
    want: [null, null],
  },
  // 7 h / 3 volunteers: a ratio with no short decimal form, 7/3/20 = 0.11666… (to 1e-9: the
  // ratio is rounded to 9 decimals); 0.3 万元 / 3 is 0.09999999999999999 in floating point,
  // rounded to the edge 0.1 it reaches, as a person reads it: 1
  {
    name: 'a ratio without end',
    answers: { '1.1.1': { input: 3 }, '1.2.1': { input: 7 }, '1.2.2': { input: 0.3 } },
    want: [7 / 60, 1],
  },
];

const template = parseTemplate(yaml());
const plan: ScoringPlan | undefined = template.value && resolvePlan(template.value).value;
const dir = scratchDir('scorebook-per-');
const files: string[] = [];
let recalculated = new Map<string, string>();

const ORG = {
  org_id: 'P1',
  org_name: '折算测试',
  region: '深圳',
  org_type: '社会团体',
  period: '2025',
  evaluator: '评价人',
};
const answers = (c: Case) => new Map(Object.entries(c.answers));

beforeAll(async () => {
  if (!plan) return;
  for (const [k, c] of CASES.entries()) {
    const lang = k % 2 ? 'en' : 'zh-CN';
    const model = workbookModel(plan, ORG, lang, { answers: answers(c) });
    const file = join(dir, `case-${k}.xlsx`);
    writeFileSync(file, await writeWorkbookBuffer(poisonCachedValues(model)));
    files.push(file);
  }
  recalculated = await recalculateWithLibreOffice(files, join(dir, 'recalculated'));
}, 300_000);

describe('a figure taken per another indicator’s figure', () => {
  it('parses, checks and says the rule in words', () => {
    expect(template.errors).toEqual([]);
    const hours = plan!.indicators.find((i) => i.id === '1.2.1')!;
    expect(describeRule(hours.rule, 'h', 'en')).toBe(
      'per registered volunteer (this figure ÷ 1.1.1): 0 at 0 h, 1 at 20 h, linear between',
    );
    expect(describeRule(hours.rule, 'h', 'zh-CN')).toBe(
      '按每名在册志愿者计（本项 ÷ 1.1.1）：0 h 得 0，20 h 得 1，其间按线性插值',
    );
  });

  it.each(CASES.map((c) => [c.name, c] as const))('scores %s as worked out by hand', (_, c) => {
    const ev = evaluate(plan!, answersToInputs(answers(c)));
    const got = ['1.2.1', '1.2.2'].map((id) => ev.indicators.find((r) => r.id === id)!);
    got.forEach((r, k) => {
      const want = c.want[k]!;
      if (want === null) {
        expect(r.score, r.id).toBeNull();
        expect(r.state, r.id).toBe('na');
      } else expect(r.score, r.id).toBeCloseTo(want, 9);
    });
    // N/A carried over leaves the first-level indicator's count, as a marked N/A does.
    expect(ev.dimensions[0]!.count).toBe(
      (ev.indicators[0]!.score === null ? 0 : 1) + c.want.filter((w) => w !== null).length,
    );
  });

  it('gives the same scores in LibreOffice’s recalculation', () => {
    const failures: string[] = [];
    CASES.forEach((c, k) => {
      const out = recalculated.get(files[k]!);
      if (!out) return void failures.push(`${c.name}: no file`);
      const wb = readWorkbookBytes(readFileSync(out)).value!;
      const ev = evaluate(plan!, answersToInputs(answers(c)));
      const names = [
        ...ev.indicators.map((r) => [idToName('SC', r.id), r.score] as const),
        ...ev.dimensions.map((d) => [idToName('DIM', d.id), d.score] as const),
        ['TOTAL', ev.total] as const,
      ];
      for (const [name, want] of names) {
        const cell = cellByName(wb, name);
        const got = cell?.error ?? cell?.value ?? null;
        const ok =
          want === null
            ? got === '' || got === null
            : typeof got === 'number' && Math.abs(got - want) <= 1e-9;
        if (!ok)
          failures.push(`${c.name} ${name}: LibreOffice ${JSON.stringify(got)}, engine ${want}`);
      }
    });
    expect(failures).toEqual([]);
  });
});

describe('the checks of a per', () => {
  const codes = (src: string) =>
    parseTemplate(src).errors.map((e) => `${e.code} ${e.path.join('.')}`);

  it('refuses a per on itself, on an indicator the template lacks, on one that is not a figure, on a %', () => {
    expect(codes(yaml('{ kind: binary }'))).toEqual([
      'per.not-figure dimensions.0.groups.1.indicators.0.rule.per.indicator',
      'per.not-figure dimensions.0.groups.1.indicators.1.rule.per.indicator',
    ]);
    const self = yaml().replace(
      'rule: { kind: linear, from: 0, to: 20, per: { indicator: "1.1.1"',
      'rule: { kind: linear, from: 0, to: 20, per: { indicator: "1.2.1"',
    );
    expect(codes(self)).toEqual(['per.self dimensions.0.groups.1.indicators.0.rule.per.indicator']);
    const unknown = yaml().replace('per: { indicator: "1.1.1"', 'per: { indicator: "9.9.9"');
    expect(codes(unknown)).toEqual([
      'per.unknown-indicator dimensions.0.groups.1.indicators.0.rule.per.indicator',
    ]);
    const percent = yaml().replace('unit: "h"', 'unit: "%"');
    expect(codes(percent)).toEqual([
      'linear.percent-scale dimensions.0.groups.1.indicators.0.rule.to',
      'per.percent dimensions.0.groups.1.indicators.0.rule.per',
    ]);
  });

  it('accepts a scored divisor (bands), and one a profile leaves as a figure', () => {
    const bands = '{ kind: bands, bands: [{ below: 50, score: 0.5 }, { atLeast: 50, score: 1 }] }';
    expect(codes(yaml(bands))).toEqual([]);
  });

  it('refuses a profile that chooses a dependent without its divisor, or makes the divisor a choice', () => {
    const profiles = `
profiles:
  - id: no-divisor
    name: { zh-CN: 缺少分母, en: No divisor }
    indicators: ["1.2.1", "2.1.1"]
  - id: divisor-binary
    name: { zh-CN: 分母改为是否, en: Divisor made yes or no }
    rules:
      "1.1.1": { kind: binary }
  - id: own-rule
    name: { zh-CN: 方案自定规则, en: Own rule }
    indicators: ["1.2.1", "2.1.1"]
    rules:
      "1.2.1": { kind: linear, from: 0, to: 500 }`;
    expect(codes(yaml(undefined, '', profiles))).toEqual([
      'per.not-chosen profiles.0.indicators',
      'per.not-figure profiles.1.rules.1.1.1',
      'per.not-figure profiles.1.rules.1.1.1',
    ]);
  });

  it('refuses an evaluator’s choice that leaves the divisor out, saying which to add', () => {
    const r = resolvePlan(template.value!, { indicators: ['1.2.1', '1.2.2', '2.1.1'] });
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => [e.code, e.params?.id, e.params?.per])).toEqual([
      ['choice.per-missing', '1.2.1', '1.1.1'],
      ['choice.per-missing', '1.2.2', '1.1.1'],
    ]);
    expect(resolvePlan(template.value!, { indicators: ['1.1.1', '1.2.1'] }).errors).toEqual([]);
  });
});
