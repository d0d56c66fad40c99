/**
 * The READMEs' worked template is a real one: taken out of each README as a reader would copy
 * it, it checks clean, SCOREBOOK_TEMPLATES makes it usable, and scoring it gives the total the
 * README works out by hand. A user's broken template stops the command with its file and line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

function exampleOf(readme: string): string {
  const text = readFileSync(join(ROOT, readme), 'utf8');
  const m = /<!-- example-template[^>]*-->\s*```yaml\n([\s\S]*?)```/.exec(text);
  expect(m, `${readme} has no example-template block`).not.toBeNull();
  return m![1]!;
}

describe('the README worked template', () => {
  it('is the same in both READMEs', () => {
    expect(exampleOf('README.zh-CN.md')).toBe(exampleOf('README.md'));
  });

  it('checks clean, generates a workbook and scores 85.83, grade A, as the README says', () => {
    const dir = scratchDir();
    const templates = join(dir, 'my-templates');
    mkdirSync(templates);
    const file = join(templates, 'station-self-check.yaml');
    writeFileSync(file, exampleOf('README.md'));
    const env = { SCOREBOOK_TEMPLATES: templates };

    const check = runCli(['templates', 'check', file]);
    expect(check.stdout + check.stderr).toContain('OK (station-self-check 1.0.0, 2/2/4');
    expect(check.code).toBe(0);

    expect(runCli(['templates', 'list'], { env }).stdout).toContain('station-self-check');
    const out = join(dir, 'station.xlsx');
    const gen = runCli(
      [
        'generate',
        'station-self-check',
        '--org-id',
        'S1',
        '--org-name',
        '社区志愿服务站',
        '--out',
        out,
      ],
      { env },
    );
    expect(gen.stderr).toBe('');
    expect(gen.code).toBe(0);

    writeFileSync(
      join(dir, 'station-a.csv'),
      'id,value\n1.1.1,是\n1.1.2,3\n2.1.1,90%\n2.1.2,1500\n',
    );
    const score = runCli(
      [
        'score',
        '--template',
        'station-self-check',
        '--inputs',
        join(dir, 'station-a.csv'),
        '--json',
      ],
      { env },
    );
    expect(score.code).toBe(0);
    const json = JSON.parse(score.stdout) as { total: number; grade: string | null };
    expect(json.total).toBeCloseTo(
      (0.4 * (100 * (1 + 2 / 3))) / 2 + (0.6 * (100 * (1 + 0.75))) / 2,
      9,
    );
    expect(json.total.toFixed(2)).toBe('85.83');
    expect(JSON.stringify(json.grade)).toContain('A');

    // The workbook reads back through the same registry: ingest and score find the template.
    const back = runCli(['score', out, '--json'], { env });
    expect(back.code).toBe(0);
  });

  it('a broken template in SCOREBOOK_TEMPLATES is said once with its file, line and the folder; the others are used', () => {
    const dir = scratchDir();
    writeFileSync(
      join(dir, 'bad.yaml'),
      exampleOf('README.md').replace('id: "1.1.2"', 'id: "1.1.3"'),
    );
    const r = runCli(['templates', 'list'], { env: { SCOREBOOK_TEMPLATES: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gbt-40143-2021');
    expect(r.stderr).toMatch(
      /bad\.yaml:\d+:\d+\s+dimensions\[0\]\.groups\[0\]\.indicators\[1\]\.id/,
    );
    expect(r.stderr.match(/bad\.yaml:/g)).toHaveLength(1);
    expect(r.stderr).toContain('SCOREBOOK_TEMPLATES');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);

    const missing = runCli(['templates', 'list'], {
      env: { SCOREBOOK_TEMPLATES: join(dir, 'nope') },
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });

  it('a user template may not take a shipped id', () => {
    const dir = scratchDir();
    writeFileSync(
      join(dir, 'copy.yaml'),
      readFileSync(join(ROOT, 'templates', 'gbt-40143-2021.yaml'), 'utf8'),
    );
    const r = runCli(['templates', 'list'], { env: { SCOREBOOK_TEMPLATES: dir } });
    // The copy is left out and said; the shipped template is the one used.
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"gbt-40143-2021" is already taken');
    expect(r.stderr).toContain('copy.yaml');
  });
});
