/**
 * Templates from strangers: an alias bomb, nesting thousands of levels deep, a file of many
 * megabytes and `.nan` weights each become one located problem in words (file, line, what to
 * do), never a stack trace; one such file in a SCOREBOOK_TEMPLATES folder is said once and the
 * other templates work.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseTemplate } from '../../core/index.ts';
import { firstTooDeepLine, MAX_TEMPLATE_CHARS } from '../../core/template/yaml-limits.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const BOMB = [
  'id: bomb',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map((x, k) => `${x}: &${x} [${Array(9).fill(`*${'abcdefghi'[k]}`).join(',')}]`),
].join('\n');

function exampleTemplate(): string {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return /<!-- example-template[^>]*-->\s*```yaml\n([\s\S]*?)```/.exec(text)![1]!;
}

describe('YAML that would exhaust the parser', () => {
  it('an alias bomb is refused at its first alias, with a hint', () => {
    const r = parseTemplate(BOMB, 'bomb.yaml');
    expect(r.errors.map((e) => [e.code, e.file, e.line])).toEqual([
      ['yaml.aliases', 'bomb.yaml', 3],
    ]);
    expect(formatIssue(r.errors[0]!, 'en')).toMatch(
      /^bomb\.yaml:3:\d+ {2}Its aliases .* alias bomb/,
    );
  });

  it('deep flow and block nesting are refused before parsing, at the line where they pass the limit', () => {
    const flow = parseTemplate(`id: x\nrules: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'f.yaml');
    expect(flow.errors.map((e) => [e.code, e.line])).toEqual([['yaml.too-deep', 2]]);
    // 900 levels of flow made the parser's regular expressions exhaust the memory of the process.
    const flow900 = parseTemplate(`a: ${'['.repeat(900)}${']'.repeat(900)}`);
    expect(flow900.errors.map((e) => e.code)).toEqual(['yaml.too-deep']);
    const block = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(parseTemplate(block).errors.map((e) => [e.code, e.line])).toEqual([
      ['yaml.too-deep', 65],
    ]);
    expect(firstTooDeepLine('a:\n  - - - [1, {b: [2]}]\n')).toBeUndefined();
  });

  it('every shipped template is within the limits', () => {
    for (const f of ['gbt-40143-2021', 'tssof-0001-2024-basic', 'tssof-0001-2024-development'])
      expect(
        firstTooDeepLine(readFileSync(join(ROOT, 'templates', `${f}.yaml`), 'utf8')),
      ).toBeUndefined();
  });

  it('a huge text is refused by its size', () => {
    const r = parseTemplate(`id: x\nnote: "${'a'.repeat(MAX_TEMPLATE_CHARS)}"\n`, 'huge.yaml');
    expect(r.errors.map((e) => e.code)).toEqual(['yaml.too-big']);
  });

  it('.nan and .inf weights say "not a number", not "expected number, got number"', () => {
    const text = readFileSync(join(ROOT, 'templates', 'gbt-40143-2021.yaml'), 'utf8').replace(
      'weights: { "1": 0.2, "5": 0.6, "6": 0.2 }',
      'weights: { "1": .nan, "5": 0.6, "6": .inf }',
    );
    const r = parseTemplate(text, 'nan.yaml');
    const words = r.errors.map((e) => formatIssue(e, 'en'));
    expect(r.errors.map((e) => [e.code, e.params?.value])).toEqual([
      ['schema.not-a-number', '.nan'],
      ['schema.not-a-number', '.inf'],
    ]);
    expect(words.join('\n')).toContain('.nan is not a number');
    expect(words.join('\n')).not.toContain('got number');
  });
});

describe('the CLI on hostile templates', () => {
  it('templates check says each problem in words, with its line, and exits 1 without a stack trace', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'bomb.yaml'), BOMB);
    writeFileSync(join(dir, 'deep.yaml'), `a: ${'['.repeat(5000)}${']'.repeat(5000)}`);
    writeFileSync(join(dir, 'huge.yaml'), `note: "${'a'.repeat(5 * 1024 * 1024)}"\n`);
    const r = runCli([
      'templates',
      'check',
      ...['bomb', 'deep', 'huge'].map((f) => join(dir, `${f}.yaml`)),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'bomb.yaml')}:3:`);
    expect(r.stdout).toContain('alias bomb');
    expect(r.stdout).toContain(`${join(dir, 'deep.yaml')}:1  From this line on the nesting`);
    expect(r.stdout).toContain(`${join(dir, 'huge.yaml')}  The file is 5.1 MB, more than the 4 MB`);
    expect(r.stdout + r.stderr).not.toMatch(/ReferenceError|RangeError|at .*\.(ts|js):\d+/);
  });

  it('a bomb in SCOREBOOK_TEMPLATES is said once; templates, score and generate use the other templates', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'bomb.yaml'), BOMB);
    writeFileSync(join(dir, 'station.yaml'), exampleTemplate());
    const env = { SCOREBOOK_TEMPLATES: dir };

    const list = runCli(['templates', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('station-self-check');
    expect(list.stdout).toContain('gbt-40143-2021');
    expect(list.stderr.match(/bomb\.yaml:3:\d+ {2}Its aliases/g)).toHaveLength(1);

    const inputs = join(dir, 'a.csv');
    writeFileSync(inputs, 'id,value\n1.1.1,是\n1.1.2,3\n2.1.1,90%\n2.1.2,1500\n');
    const score = runCli(['score', '--template', 'station-self-check', '--inputs', inputs], {
      env,
    });
    expect(score.code).toBe(0);
    expect(score.stdout).toContain('85.83');
    expect(score.stderr).toContain('alias bomb');

    const out = join(dir, 'out.xlsx');
    const gen = runCli(['generate', 'station-self-check', '--out', out], { env });
    expect(gen.code).toBe(0);
    expect(gen.stdout).toContain(out);
  });
});
