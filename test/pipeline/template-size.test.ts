/**
 * A template's size is the template's own fact: the checker refuses a size it cannot use, and a
 * user's template (SCOREBOOK_TEMPLATES) with a size on its own indicator and bands groups its
 * members by them in `benchmark --by size`; changed bands take effect at the next ingest. A
 * template without a size is refused `--by size` in words that list those that have one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, formatPath, parseTemplate } from '../../core/index.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const SIZE = `size:
  indicator: "1.1.2"
  label: { zh-CN: 员工人数, en: staff }
  bands:
    - { id: small, below: 10, label: { zh-CN: 少于 10 人, en: fewer than 10 } }
    - { id: large, label: { zh-CN: 10 人及以上, en: 10 or more } }
`;

const template = (id: string, size: string) => `
id: ${id}
version: "1.0.0"
title: { zh-CN: 测试模板, en: Test template }
source: { standard: T/TEST 1-2024, normative: false }
${size}dimensions:
  - id: "1"
    name: { zh-CN: 基础, en: Basics }
    groups:
      - id: "1.1"
        name: { zh-CN: 制度, en: Rules }
        indicators:
          - id: "1.1.1"
            name: { zh-CN: 有章程, en: Has a charter }
            rule: { kind: binary }
          - id: "1.1.2"
            name: { zh-CN: 员工人数, en: Staff }
            unit: 名
            rule: { kind: record }
`;

function problems(yaml: string) {
  const { value, errors } = parseTemplate(yaml, 'sized.yaml');
  expect(value).toBeUndefined();
  return errors.map((e) => ({
    code: e.code,
    path: formatPath(e.path),
    en: formatIssue(e, 'en'),
    zh: formatIssue(e, 'zh-CN'),
  }));
}

describe('a template size the checker refuses', () => {
  it('accepts the well-formed size', () => {
    expect(parseTemplate(template('sized', SIZE), 'sized.yaml').errors).toEqual([]);
  });

  it('names an indicator the template lacks', () => {
    const [p] = problems(template('sized', SIZE.replace('"1.1.2"', '"1.1.9"')));
    expect(p).toMatchObject({ code: 'size.unknown-indicator', path: 'size.indicator' });
    expect(p!.en).toContain('The size is taken from the indicator "1.1.9", which is not');
    expect(p!.zh).toContain('规模取自指标 "1.1.9"');
  });

  it('refuses bands out of order, an open band before the last, a closed last band and an id used twice', () => {
    const bands = (lines: string[]) =>
      template(
        'sized',
        `size:\n  indicator: "1.1.2"\n  label: { zh-CN: 员工人数, en: staff }\n  bands:\n${lines
          .map((l) => `    - { ${l}, label: { zh-CN: 档, en: band } }`)
          .join('\n')}\n`,
      );
    expect(problems(bands(['id: a, below: 10', 'id: b, below: 10', 'id: c']))).toMatchObject([
      { code: 'size.band-order', path: 'size.bands[1].below' },
    ]);
    expect(problems(bands(['id: a', 'id: b, below: 10', 'id: c']))[0]).toMatchObject({
      code: 'size.open-band',
      path: 'size.bands[0]',
    });
    const closed = problems(bands(['id: a, below: 10', 'id: b, below: 20']));
    expect(closed).toMatchObject([{ code: 'size.closed-last-band', path: 'size.bands[1].below' }]);
    expect(closed[0]!.en).toContain('a figure at or above it would fall in no band');
    expect(closed[0]!.zh).toContain('最后一个规模分档 "b"');
    expect(problems(bands(['id: a, below: 10', 'id: a']))).toMatchObject([
      { code: 'size.duplicate-band', path: 'size.bands[1].id' },
    ]);
  });
});

describe('benchmark --by size with a user template', () => {
  const dir = scratchDir('scorebook-size-');
  const templates = join(dir, 'templates');
  const db = join(dir, 'size.duckdb');
  const env = { SCOREBOOK_TEMPLATES: templates };
  /** Staff per organization; one says 不适用. */
  const STAFF: Record<string, string> = {
    Z1: '3',
    Z2: '9',
    Z3: '10',
    Z4: '12',
    Z5: '40',
    Z6: '不适用',
  };
  const csv = (id: string, orgs: Record<string, string>) =>
    [
      'template_id,period,org_id,org_name,region,org_type,indicator_id,value',
      ...Object.entries(orgs).flatMap(([org, staff]) => [
        `${id},2025,${org},机构${org},深圳,社会团体,1.1.1,是`,
        `${id},2025,${org},机构${org},深圳,社会团体,1.1.2,${staff}`,
      ]),
    ].join('\n');
  const sizes = () => {
    const r = runCli(
      [
        'benchmark',
        '--db',
        db,
        '--template',
        'sized',
        '--by',
        'size',
        '--min-group',
        '1',
        '--json',
      ],
      { env },
    );
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as { groups: { by: { size: string | null }; n: number }[] };
    return Object.fromEntries(j.groups.map((g) => [String(g.by.size), g.n]));
  };

  beforeAll(() => {
    mkdirSync(templates);
    writeFileSync(join(templates, 'sized.yaml'), template('sized', SIZE));
    writeFileSync(join(templates, 'unsized.yaml'), template('unsized', ''));
    writeFileSync(join(dir, 'sized.csv'), csv('sized', STAFF));
    writeFileSync(join(dir, 'unsized.csv'), csv('unsized', { U1: '5' }));
    const r = runCli(
      ['ingest', join(dir, 'sized.csv'), join(dir, 'unsized.csv'), '--db', db, '--json'],
      {
        env,
      },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ingested: 7, rejected: [] });
  });

  it("groups the members by the template's own bands", () => {
    expect(sizes()).toEqual({ small: 2, large: 3, null: 1 });
  });

  it('follows changed bands from the next ingest on', () => {
    writeFileSync(
      join(templates, 'sized.yaml'),
      template(
        'sized',
        SIZE.replace(
          '    - { id: small, below: 10, label: { zh-CN: 少于 10 人, en: fewer than 10 } }',
          [
            '    - { id: tiny, below: 5, label: { zh-CN: 少于 5 人, en: fewer than 5 } }',
            '    - { id: small, below: 11, label: { zh-CN: 5～10 人, en: 5 to 10 } }',
          ].join('\n'),
        ),
      ),
    );
    // Nothing new to store: the run only teaches the store the template's new bands.
    const r = runCli(['ingest', join(dir, 'sized.csv'), '--db', db, '--json'], { env });
    expect(JSON.parse(r.stdout)).toMatchObject({ ingested: 0, unchanged: 6 });
    expect(sizes()).toEqual({ tiny: 1, small: 2, large: 2, null: 1 });
  });

  it('refuses --by size for a template without a size, naming those with one, in en and zh-CN', () => {
    const args = ['benchmark', '--db', db, '--template', 'unsized', '--by', 'size'];
    const en = runCli(args, { env });
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      'Cannot group unsized by size: only gbt-40143-2021 (registered volunteers, indicator 2.1.3), sized (staff, indicator 1.1.2) have a size band. Group unsized by region, org_type (for example --by region,org_type).\n',
    );
    const zh = runCli([...args, '--lang', 'zh-CN'], { env });
    expect(zh.stderr).toBe(
      '无法按规模对 unsized 分组：只有 gbt-40143-2021（在册志愿者人数，指标 2.1.3）、sized（员工人数，指标 1.1.2）设有规模分档。请按 region, org_type 对 unsized 分组（例如 --by region,org_type）。\n',
    );
  });
});
