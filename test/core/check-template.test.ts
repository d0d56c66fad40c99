/**
 * `templates check` on broken templates: each gives a precise message with the path, the line
 * and what to do. The fixtures are written inline, as pyxform's tests do.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath, parseTemplate } from '../../core/index.ts';

const GOOD = `
id: my-template
version: "1.0.0"
title: { zh-CN: 测试模板, en: Test template }
source: { standard: T/TEST 1-2024, normative: false }
dimensions:
  - id: "1"
    name: { zh-CN: 基础, en: Basics }
    weight: 0.4
    groups:
      - id: "1.1"
        name: { zh-CN: 制度, en: Rules }
        indicators:
          - id: "1.1.1"
            name: { zh-CN: 有章程, en: Has a charter }
            rule: { kind: binary }
          - id: "1.1.2"
            name: { zh-CN: 满意率, en: Satisfaction rate }
            unit: "%"
            rule:
              kind: bands
              bands:
                - { atMost: 0.3, score: 0 }
                - { above: 0.3, below: 0.85, score: 0.5 }
                - { atLeast: 0.85, score: 1 }
  - id: "2"
    name: { zh-CN: 效果, en: Results }
    weight: 0.6
    groups:
      - id: "2.1"
        name: { zh-CN: 认同, en: Recognition }
        indicators:
          - id: "2.1.1"
            name: { zh-CN: 获奖次数, en: Awards }
            unit: 次
            rule: { kind: record }
profiles:
  - id: short
    name: { zh-CN: 简版, en: Short }
    indicators: ["1.1.1", "2.1.1"]
    weights: { "1": 0.5, "2": 0.5 }
`;

function problems(yaml: string) {
  const { value, errors } = parseTemplate(yaml, 'broken.yaml');
  expect(value).toBeUndefined();
  return errors.map((e) => ({
    code: e.code,
    path: formatPath(e.path),
    line: e.line,
    en: formatIssue(e, 'en'),
    zh: formatIssue(e, 'zh-CN'),
  }));
}

describe('templates check', () => {
  it('accepts the well-formed fixture', () => {
    const { value, errors } = parseTemplate(GOOD, 'good.yaml');
    expect(errors).toEqual([]);
    expect(value?.dimensions).toHaveLength(2);
  });

  it('1. bad YAML: names the line and says what to check', () => {
    // A tab typed before "weight" on line 9, as editors without YAML support do.
    const [p] = problems(GOOD.replace('    weight: 0.4', '\tweight: 0.4'));
    expect(p!.code).toBe('yaml.syntax');
    expect(p!.line).toBe(9);
    expect(p!.en).toBe(
      'broken.yaml:9:1  YAML syntax error: Tabs are not allowed as indentation. Check the indentation, colons and quotes.',
    );
    expect(p!.zh).toContain('YAML 语法错误');
  });

  it('2. wrong type: an unquoted version', () => {
    const [p] = problems(GOOD.replace('version: "1.0.0"', 'version: 1.0'));
    expect(p).toMatchObject({ code: 'schema.type', path: 'version', line: 3 });
    expect(p!.en).toContain('expected string, got number. Quote ids and versions');
  });

  it('3. duplicate id', () => {
    const ps = problems(GOOD.replace('id: "1.1.2"', 'id: "1.1.1"'));
    const dup = ps.find((p) => p.code === 'id.duplicate')!;
    expect(dup.path).toBe('dimensions[0].groups[0].indicators[1].id');
    expect(dup.line).toBe(17);
    expect(dup.en).toContain(
      'The id "1.1.1" is used twice (first at dimensions[0].groups[0].indicators[0])',
    );
    expect(dup.zh).toContain('编号 "1.1.1" 重复');
  });

  it('4. id out of position', () => {
    const [p] = problems(GOOD.replace('id: "2.1.1"', 'id: "2.1.3"'));
    expect(p).toMatchObject({
      code: 'id.position',
      path: 'dimensions[1].groups[0].indicators[0].id',
    });
    expect(p!.en).toContain('here it must be "2.1.1"');
  });

  it('5. overlapping bands', () => {
    const [p] = problems(
      GOOD.replace(
        '{ above: 0.3, below: 0.85, score: 0.5 }',
        '{ atLeast: 0.3, below: 0.85, score: 0.5 }',
      ),
    );
    expect(p).toMatchObject({
      code: 'bands.overlap',
      path: 'dimensions[0].groups[0].indicators[1].rule.bands[1]',
      line: 24,
    });
    expect(p!.en).toContain('Bands 0 and 1 overlap (0.3 / 0.3). A bound belongs to one band only');
    expect(p!.zh).toContain('重叠');
  });

  it('6. a gap between bands', () => {
    const [p] = problems(
      GOOD.replace(
        '{ above: 0.3, below: 0.85, score: 0.5 }',
        '{ above: 0.31, below: 0.85, score: 0.5 }',
      ),
    );
    expect(p).toMatchObject({
      code: 'bands.gap',
      path: 'dimensions[0].groups[0].indicators[1].rule.bands[1]',
    });
    expect(p!.en).toContain('There is a gap between bands 0 and 1 (0.3 to 0.31)');
  });

  it('7. weights that do not sum to 1', () => {
    const [p] = problems(GOOD.replace('weight: 0.6', 'weight: 0.7'));
    expect(p).toMatchObject({ code: 'weights.sum', path: 'dimensions', line: 7 });
    expect(p!.en).toContain('The weights sum to 1.1; they must sum to 1');
    expect(p!.zh).toContain('权重之和为 1.1，应为 1');
  });

  it('8. unknown rule kind', () => {
    const [p] = problems(GOOD.replace('rule: { kind: binary }', 'rule: { kind: yesno }'));
    expect(p).toMatchObject({
      code: 'rule.unknown-kind',
      path: 'dimensions[0].groups[0].indicators[0].rule.kind',
      line: 16,
    });
    expect(p!.en).toContain(
      'Unknown rule kind "yesno". Use one of: binary, bands, linear, scale, manual, record',
    );
  });

  it('9. a missing required field', () => {
    const [p] = problems(
      GOOD.replace('            name: { zh-CN: 有章程, en: Has a charter }\n', ''),
    );
    expect(p).toMatchObject({
      code: 'schema.required',
      path: 'dimensions[0].groups[0].indicators[0].name',
    });
    expect(p!.en).toContain('The required field "name" is missing');
  });

  it('10. a misspelt field', () => {
    const [p] = problems(GOOD.replace('unit: 次', 'units: 次'));
    // The path and line are the misspelt key's own, not its object's.
    expect(p).toMatchObject({
      code: 'schema.unknown-key',
      path: 'dimensions[1].groups[0].indicators[0].units',
      line: 35,
    });
    expect(p!.en).toContain('Unknown field: units');
  });

  it('11. a profile naming an indicator that does not exist', () => {
    const [p, q] = problems(
      GOOD.replace('indicators: ["1.1.1", "2.1.1"]', 'indicators: ["1.1.1", "2.1.9"]'),
    );
    expect(p).toMatchObject({
      code: 'profile.unknown-indicator',
      path: 'profiles[0].indicators[1]',
      line: 40,
    });
    // …and so dimension 2, left with nothing chosen, should not carry a weight.
    expect(q).toMatchObject({
      code: 'profile.weight-unused',
      path: 'profiles[0].weights["2"]',
      line: 41,
    });
    expect(p!.en).toContain('Profile "short" names an indicator that does not exist: "2.1.9"');
  });

  it('12. a score outside 0..1 and a bound written as a percent', () => {
    const ps = problems(GOOD.replace('{ atLeast: 0.85, score: 1 }', '{ atLeast: 85, score: 100 }'));
    expect(ps.map((p) => [p.code, p.path])).toEqual([
      ['schema.too-big', 'dimensions[0].groups[0].indicators[1].rule.bands[2].score'],
    ]);
    const ps2 = problems(
      GOOD.replace('{ atLeast: 0.85, score: 1 }', '{ atLeast: 85, score: 1 }').replace(
        'below: 0.85',
        'below: 85',
      ),
    );
    expect(ps2.map((p) => p.code)).toContain('bands.percent-scale');
    expect(ps2.find((p) => p.code === 'bands.percent-scale')!.en).toContain('write 85 % as 0.85');
  });

  it('13. a weight on only some dimensions, and profile weights that miss a chosen dimension', () => {
    const [p] = problems(GOOD.replace('    weight: 0.6\n', ''));
    expect(p).toMatchObject({ code: 'weights.partial', path: 'dimensions[1].weight' });
    const ps = problems(GOOD.replace('weights: { "1": 0.5, "2": 0.5 }', 'weights: { "1": 1 }'));
    expect(ps.map((x) => x.code)).toEqual(['profile.missing-weight']);
    expect(ps[0]!.en).toContain('Dimension "2" has chosen indicators but no weight');
  });

  it('14. duplicate keys and an empty file', () => {
    const [p] = problems(GOOD.replace('version: "1.0.0"', 'version: "1.0.0"\nversion: "1.0.1"'));
    expect(p!.code).toBe('yaml.syntax');
    expect(p!.en).toMatch(/Map keys must be unique/);
    expect(problems('')[0]!.code).toBe('yaml.empty');
  });

  it('15. a scale level whose name would break the drop-down list: a comma, a double quote, too long a list', () => {
    const scale = (levels: string) =>
      GOOD.replace('rule: { kind: binary }', `rule: { kind: scale, levels: ${levels} }`);
    const ps = problems(
      scale(
        '[{ zh-CN: 未开展, en: "Not started" }, { zh-CN: "部分,开展", en: "Partly \\"done\\"" }]',
      ),
    );
    expect(ps.map((p) => [p.code, p.path])).toEqual([
      ['scale.list-item', 'dimensions[0].groups[0].indicators[0].rule.levels[1].zh-CN'],
      ['scale.list-item', 'dimensions[0].groups[0].indicators[0].rule.levels[1].en'],
    ]);
    expect(ps[0]!.en).toContain('The name of level 2, "部分,开展", contains a comma');
    expect(ps[0]!.zh).toContain('英文逗号');
    expect(ps[1]!.en).toContain('contains a double quote');
    expect(ps[0]!.line).toBe(16);

    // Four levels of 70 characters: "1 …,2 …" is 4 × 72 + 3 = 291 characters in English.
    const long = 'x'.repeat(69);
    const lp = problems(
      scale(`[${[1, 2, 3, 4].map((i) => `{ zh-CN: 等级${i}, en: "${long}${i}" }`).join(', ')}]`),
    );
    expect(lp.map((p) => [p.code, p.path])).toEqual([
      ['scale.list-too-long', 'dimensions[0].groups[0].indicators[0].rule.levels'],
    ]);
    expect(lp[0]!.en).toContain(
      '(en, items joined by commas) has 291 characters and Excel accepts at most 255',
    );
    expect(lp[0]!.zh).toContain('共 291 个字符');
    // Full-width punctuation is fine, and so is a list of exactly 255 characters.
    const fits = (i: number) => `${'y'.repeat(60)}${i}`; // 4 × (2 + 61) + 3 = 255
    expect(
      parseTemplate(
        scale(
          `[{ zh-CN: "部分，开展", en: "${fits(1)}" }, { zh-CN: 二, en: "${fits(2)}" }, { zh-CN: 三, en: "${fits(3)}" }, { zh-CN: 四, en: "${fits(4)}" }]`,
        ),
        'ok.yaml',
      ).errors,
    ).toEqual([]);
  });

  it('16. a grade bound outside 0..100, a linear rule on a percentage written on 100, two scale levels of one name', () => {
    const graded = GOOD.replace(
      'dimensions:\n',
      'grades:\n  - { id: A, min: 150, label: { zh-CN: 优, en: A } }\n  - { id: B, min: -10, label: { zh-CN: 差, en: B } }\ndimensions:\n',
    );
    const gp = problems(graded);
    expect(gp.map((p) => [p.code, p.path])).toEqual([
      ['grades.range', 'grades[0].min'],
      ['grades.range', 'grades[1].min'],
    ]);
    expect(gp[0]!.en).toContain('150 is not between 0 and 100');

    const linear = problems(
      GOOD.replace(
        /rule:\n\s+kind: bands\n\s+bands:\n(\s+- .*\n){3}/,
        'rule: { kind: linear, from: 0, to: 100 }\n',
      ),
    );
    expect(linear.map((p) => [p.code, p.path])).toEqual([
      ['linear.percent-scale', 'dimensions[0].groups[0].indicators[1].rule.to'],
    ]);

    const twice = problems(
      GOOD.replace(
        'rule: { kind: binary }',
        'rule: { kind: scale, levels: [{ zh-CN: 开展, en: Done }, { zh-CN: 开展, en: done }] }',
      ),
    );
    expect(twice.map((p) => [p.code, p.path])).toEqual([
      ['scale.duplicate-level', 'dimensions[0].groups[0].indicators[0].rule.levels[1].zh-CN'],
      ['scale.duplicate-level', 'dimensions[0].groups[0].indicators[0].rule.levels[1].en'],
    ]);
    expect(twice[0]!.en).toContain('as level 1 is');
  });

  it("17. a profile listing indicators out of the template's order; a weight of 0", () => {
    const ps = problems(
      GOOD.replace('indicators: ["1.1.1", "2.1.1"]', 'indicators: ["2.1.1", "1.1.1"]'),
    );
    expect(ps.map((p) => [p.code, p.path])).toEqual([
      ['profile.indicator-order', 'profiles[0].indicators[1]'],
    ]);
    const zero = problems(GOOD.replace('weight: 0.4', 'weight: 0'));
    expect(zero[0]).toMatchObject({ code: 'schema.too-small', path: 'dimensions[0].weight' });
    expect(zero[0]!.en).toContain('Must be greater than 0');
    expect(zero[0]!.zh).toContain('应大于 0');
  });

  it('18. one misnumbered group is one problem: its correctly numbered indicators are not blamed', () => {
    const ps = problems(GOOD.replace('- id: "1.1"', '- id: "1.2"'));
    expect(ps.map((p) => [p.code, p.path])).toEqual([
      ['id.position', 'dimensions[0].groups[0].id'],
    ]);
    const dup = problems(GOOD.replace('- id: "2"', '- id: "1"'));
    expect(dup.find((p) => p.code === 'id.duplicate')!.en).toContain(
      'Every dimension, group and indicator needs its own id',
    );
  });

  it('reports every problem, not only the first', () => {
    const ps = problems(
      GOOD.replace('id: "1.1.2"', 'id: "1.1.1"').replace('weight: 0.6', 'weight: 0.7'),
    );
    expect(ps.map((p) => p.code).sort()).toEqual(['id.duplicate', 'id.position', 'weights.sum']);
  });
});
