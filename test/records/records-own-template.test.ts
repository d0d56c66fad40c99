/**
 * Which indicator takes which records figure is the template's to say: a template of the user's
 * own that declares `records: registered` on another indicator gets that figure there, through
 * `generate` and `fill --records` as a user runs them, and nothing where it declares nothing.
 * The checker refuses one figure declared on two indicators.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../core/index.ts';
import { openSubmissionFile } from '../../pipeline/xlsx/open-submission.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const mine = scratchDir('scorebook-records-own-');
const dir = scratchDir('scorebook-records-own-work-');
// Set before the registry is first asked (in this file's process): it reads the folder once.
process.env.SCOREBOOK_TEMPLATES = mine;
const env = { SCOREBOOK_TEMPLATES: mine };
const EXAMPLE = join(ROOT, 'docs/examples/volunteer-records.csv');

const gbt = readFileSync(join(ROOT, 'templates/gbt-40143-2021.yaml'), 'utf8');
/** GB/T 40143's indicators under another id, with `registered` moved to 5.1.4 and no other figure. */
const own = gbt
  .replace(/^id: gbt-40143-2021$/m, 'id: my-volunteer-standard')
  .replace(/^previous: .*\n/m, '')
  .replace(/^\s*records: .*\n/gm, '')
  .replace(/(- id: "5\.1\.4"\n[\s\S]*?\n(\s*)unit: .*\n)/, '$1$2records: registered\n');

describe('records figures where the template says', () => {
  it('fills the indicator an own template names for a figure, and no other', () => {
    writeFileSync(join(mine, 'my-volunteer-standard.yaml'), own);
    const blank = join(dir, 'blank.xlsx');
    const filled = join(dir, 'filled.xlsx');
    const gen = runCli(
      ['generate', 'my-volunteer-standard', '--org-id', 'M001', '--period', '2025', '--out', blank],
      { env },
    );
    expect(gen.stderr).toBe('');
    expect(gen.code).toBe(0);
    const fill = runCli(['fill', blank, '--records', EXAMPLE, '--out', filled], { env });
    expect(fill.code).toBe(0);
    // The eight figures it does not take are said, by name, once each.
    expect(fill.stdout + fill.stderr).toContain(
      "Not filled active-share: no indicator of the workbook's template takes this figure",
    );
    const sub = openSubmissionFile(filled).value!;
    expect(sub.plan.template.id).toBe('my-volunteer-standard');
    // Nine volunteers registered by the end of 2025 (docs/records.md), now in 5.1.4.
    expect(sub.answers.get('5.1.4')?.input).toBe(9);
    expect(sub.answers.get('5.1.4')?.evidence).toContain('volunteer-records.csv');
    expect(sub.answers.get('2.1.3')?.input ?? null).toBeNull();
  }, 120_000);

  it('shows the figures as the indicators of the template asked for, and refuses one that takes none', () => {
    writeFileSync(join(mine, 'my-volunteer-standard.yaml'), own);
    const args = ['records', EXAMPLE, '--period', '2025', '--today', '2026-06-01'];
    const json = runCli([...args, '--template', 'my-volunteer-standard', '--json'], { env });
    expect(json.code).toBe(3); // the example plants rejected rows
    const shown = JSON.parse(json.stdout).indicators as { id: string | null; figure: string }[];
    expect(shown.find((i) => i.figure === 'registered')?.id).toBe('5.1.4');
    expect(shown.filter((i) => i.id !== null)).toHaveLength(1);
    const text = runCli([...args, '--template', 'my-volunteer-standard'], { env });
    expect(text.stdout).toMatch(/^5\.1\.4\s+Number of volunteers mobilized\s+9\s+名$/m);
    // By default, as GB/T 40143's indicators.
    const byDefault = JSON.parse(runCli([...args, '--json'], { env }).stdout);
    expect(byDefault.indicators[0]).toMatchObject({ id: '2.1.3', figure: 'registered' });

    const none = runCli([...args, '--template', 'tssof-0001-2024-basic'], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      'No indicator of the template tssof-0001-2024-basic takes a figure from volunteer records',
    );
    expect(none.stderr).toContain(
      'Templates that take them: gbt-40143-2021, my-volunteer-standard.',
    );
  }, 120_000);

  it('refuses one figure declared on two indicators, at the second', () => {
    const twice = own.replace(
      /(- id: "2\.1\.3"\n[\s\S]*?\n(\s*)unit: .*\n)/,
      '$1$2records: registered\n',
    );
    const r = parseTemplate(twice, 'twice.yaml');
    expect(r.value).toBeUndefined();
    const e = r.errors.find((x) => x.code === 'records.measure-twice')!;
    expect(e.params).toMatchObject({ measure: 'registered', id: '5.1.4', first: '2.1.3' });
    expect(e.path.slice(-1)).toEqual(['records']);
  });
});
