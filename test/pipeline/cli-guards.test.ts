/**
 * The command line refuses what would quietly lose work or change its meaning: overwriting a
 * workbook that may hold answers, redistributing over a folder whose workbooks are out, option
 * values it cannot take, options it would ignore; and it ends quietly when its reader stops reading.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-guards-');
const ROSTER =
  'org_id,org_name,region,org_type,period\nG1,甲协会,深圳,社会团体,2025\nG2,乙协会,武汉,基金会,2025\n';

describe('generate and fill', () => {
  it('never overwrite an existing workbook without --force, and make the folders --out names', () => {
    const out = join(dir, 'new', 'deeper', 'G1.xlsx');
    const first = runCli(['generate', 'gbt-40143-2021', '--org-id', 'G1', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const bytes = readFileSync(out);
    const again = runCli(['generate', 'gbt-40143-2021', '--org-id', 'G1', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists and may hold answers');
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(
      runCli(['generate', 'gbt-40143-2021', '--org-id', 'G1', '--out', out, '--force']).code,
    ).toBe(0);

    const inputs = join(dir, 'inputs.csv');
    writeFileSync(inputs, 'id,value\n1.1.1,是\n');
    const other = join(dir, 'other.xlsx');
    writeFileSync(other, 'not to be lost');
    const fill = runCli(['fill', out, '--inputs', inputs, '--out', other]);
    expect(fill.code).toBe(1);
    expect(readFileSync(other, 'utf8')).toBe('not to be lost');
    expect(runCli(['fill', out, '--inputs', inputs, '--out', join(dir, 'filled.csv')]).code).toBe(
      1,
    );
    // In place is a choice, not a slip.
    expect(runCli(['fill', out, '--inputs', inputs, '--out', out]).code).toBe(0);
  });

  it('refuses a second distribution into a folder whose manifest tracks the first, unless --force', () => {
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, ROSTER);
    const out = join(dir, 'sent');
    const first = runCli(['generate', 'tssof-0001-2024-basic', '--roster', roster, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8');
    const again = runCli([
      'generate',
      'tssof-0001-2024-basic',
      '--roster',
      roster,
      '--out',
      out,
      '--org-id',
      'X',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--org-id ignored with --roster');
    expect(again.stderr).toContain('manifest.csv of an earlier distribution');
    expect(readFileSync(join(out, 'manifest.csv'), 'utf8')).toBe(manifest);
    const forced = runCli([
      'generate',
      'tssof-0001-2024-basic',
      '--roster',
      roster,
      '--out',
      out,
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'manifest.csv'), 'utf8')).not.toBe(manifest); // new workbook ids
  });

  it('refuses a roster whose quotes swallow rows, writing nothing', () => {
    const roster = join(dir, 'quotes.csv');
    writeFileSync(
      roster,
      'org_id,org_name,region,org_type\nA1,=HYPERLINK("http://x","点我"),深圳,社会团体\nA2,乙,武汉,基金会\n',
    );
    const out = join(dir, 'quotes-out');
    const r = runCli(['generate', 'gbt-40143-2021', '--roster', roster, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unpaired quotation marks');
    expect(existsSync(out)).toBe(false);
  });
});

describe('options', () => {
  it.each([
    [['ingest', 'x', '--max-mb', 'abc'], '--max-mb'],
    [['ingest', 'x', '--max-mb', '0'], '--max-mb'],
    [['ingest', 'x', '--workers', '1.5'], '--workers'],
    [['ingest', 'x', '--workers', '0'], '--workers'],
    [['benchmark', '--min-group', 'abc'], '--min-group'],
    [['report', '--all', '--out', 'r', '--min-group', '-1'], '--min-group'],
    [
      ['generate', 'gbt-40143-2021', '--roster', 'r.csv', '--out', 'o', '--workers', 'two'],
      '--workers',
    ],
  ])('refuses %j, naming %s', (args, option) => {
    const r = runCli(args, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`option '${option} `);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a workbook and --inputs together instead of ignoring one', () => {
    const r = runCli([
      'score',
      join(dir, 'new', 'deeper', 'G1.xlsx'),
      '--inputs',
      join(dir, 'inputs.csv'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not both');
  });

  it('lists a path that names nothing with the rejections of an ingest (exit 3)', () => {
    const roster = join(dir, 'one.csv');
    writeFileSync(
      roster,
      'template_id,period,org_id,org_name,region,org_type,indicator_id,value\ntssof-0001-2024-basic,2025,C1,丙,深圳,社会团体,1.1.1,1\n',
    );
    const r = runCli([
      'ingest',
      roster,
      join(dir, 'no-such.xlsx'),
      '--db',
      join(dir, 'g.duckdb'),
      '--json',
    ]);
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout);
    expect(s.ingested).toBe(1);
    expect(s.rejected).toEqual([
      expect.objectContaining({ file: join(dir, 'no-such.xlsx'), reason: 'not-found' }),
    ]);
  });
});

describe('a reader that stops reading', () => {
  it('ends the command quietly, with exit 0 (`scorebook templates show … | head`)', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/scorebook.mjs'), 'templates', 'show', 'gbt-40143-2021'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
