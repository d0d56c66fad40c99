/**
 * The CLI as `npm install` builds it (dist/cli/): it says what the sources say, its worker threads
 * start from the build, it is never run once a source has changed since, and `npm install -g`
 * gives a `scorebook` (and `npx scorebook`) that works from any folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshBuild } from '../../bin/fresh-build.mjs';
import { manifestOf } from '../../bin/build-manifest.mjs';
import { ensureBuilt } from '../../pipeline/build/build-cli.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';
import { typeNumbers } from '../support/returned-workbooks.ts';

const dir = scratchDir('scorebook-build-');
const built = (args: string[]) => runCli(args, { cwd: dir, env: { SCOREBOOK_RUN: 'build' } });
const sources = (args: string[]) => runCli(args, { cwd: dir, env: { SCOREBOOK_RUN: 'source' } });

// What `npm install` made, or made now when the sources changed since.
beforeAll(() => ensureBuilt(ROOT), 120_000);

describe('the built CLI', () => {
  it('prints what the sources print', () => {
    const workbook = join(dir, 'M1.xlsx');
    expect(sources(['generate', 'gbt-40143-2021', '--org-id', 'M1', '--out', workbook]).code).toBe(
      0,
    );
    for (const args of [
      ['--help'],
      ['templates'],
      ['templates', 'show', 'tssof-0001-2024-basic', '--json'],
      ['templates', 'check', join(ROOT, 'templates/gbt-40143-2021.yaml'), '--lang', 'zh-CN'],
      ['score', workbook, '--json'],
      ['score', workbook, '--lang', 'zh-CN'],
      ['benchmark', '--db', join(dir, 'none.duckdb')],
    ]) {
      const b = built(args);
      expect(b, args.join(' ')).toEqual(sources(args));
    }
    expect(built(['templates']).stdout).toContain('gbt-40143-2021');
  });

  it("runs a roster's workbooks, an ingest and report --all on two threads each", () => {
    const members = 210; // two read workers need 100 files each
    const roster = join(dir, 'roster.csv');
    writeFileSync(
      roster,
      [
        'org_id,org_name,region,org_type',
        ...Array.from(
          { length: members },
          (_, i) => `M${i},协会${i},${['深圳', '武汉'][i % 2]},社会团体`,
        ),
      ].join('\n'),
    );
    const out = join(dir, 'sent');
    const g = built([
      ...['generate', 'tssof-0001-2024-basic', '--roster', roster, '--period', '2025'],
      ...['--out', out, '--workers', '2'],
    ]);
    expect(g.code, g.stderr).toBe(0);
    const sent = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
    expect(sent).toHaveLength(members);
    // Each member answers something (a blank workbook is rejected as empty).
    for (const f of sent)
      writeFileSync(join(out, f), typeNumbers(readFileSync(join(out, f)), { IN_1_1_1: 3 }));

    const db = join(dir, 'db.duckdb');
    const i = built(['ingest', out, '--db', db, '--workers', '2', '--json']);
    expect(i.code, i.stderr).toBe(0);
    expect(JSON.parse(i.stdout)).toMatchObject({ ingested: members, rejected: [] });

    const reports = join(dir, 'reports');
    const r = built(['report', '--all', '--db', db, '--out', reports, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(reports).filter((f) => f.endsWith('.html'))).toHaveLength(members + 2);
    // One page drawn by the build and by the sources: the same but for the minute it was made.
    const page = (run: typeof built, folder: string) => {
      expect(run(['report', '--org', 'M7', '--db', db, '--out', join(dir, folder)]).code).toBe(0);
      const html = readFileSync(join(dir, folder, 'M7-2025.html'), 'utf8');
      return html.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, '');
    };
    expect(page(built, 'one-built')).toBe(page(sources, 'one-sources'));
  });
});

describe('a build and its sources', () => {
  it('runs only while every source it was made from is as it was', () => {
    const root = scratchDir('scorebook-fresh-');
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;\n');
    const write = () =>
      writeFileSync(
        join(root, 'dist/cli/build.json'),
        JSON.stringify({ entry: 'cli.js', inputs: manifestOf(root, ['src/a.ts']) }),
      );
    expect(freshBuild(root)).toEqual({ problem: 'missing' });
    write();
    expect(freshBuild(root)).toEqual({ entry: `file://${join(root, 'dist/cli/cli.js')}` });
    // A pull or an edit changes the time, even with the same bytes.
    utimesSync(join(root, 'src/a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(freshBuild(root)).toEqual({ problem: 'stale' });
    write();
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 2;\n');
    expect(freshBuild(root)).toEqual({ problem: 'stale' });
  });

  it('the build lists the sources it was made from, templates compiled beside it', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/cli/build.json'), 'utf8'));
    expect(Object.keys(manifest.inputs)).toEqual(
      expect.arrayContaining(['pipeline/cli/main.ts', 'core/engine/evaluate.ts']),
    );
    const compiled = JSON.parse(readFileSync(join(ROOT, 'dist/cli/templates.json'), 'utf8'));
    expect(Object.keys(compiled.templates)).toContain('gbt-40143-2021.yaml');
  });
});

describe('npm install -g', () => {
  it('gives a scorebook command, and npx scorebook, that work from any folder', () => {
    const prefix = scratchDir('scorebook-global-');
    const env = { ...process.env, npm_config_prefix: prefix, npm_config_update_notifier: 'false' };
    // The build is there already (beforeAll); a user's `npm install -g .` runs prepare as well.
    const install = spawnSync('npm', ['install', '-g', '--ignore-scripts', ROOT], {
      encoding: 'utf8',
      env,
      timeout: 120_000,
    });
    expect(install.status, install.stderr).toBe(0);
    const elsewhere = scratchDir('scorebook-elsewhere-');
    const direct = spawnSync(join(prefix, 'bin/scorebook'), ['templates'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env,
    });
    expect(direct.status, direct.stderr).toBe(0);
    expect(direct.stdout).toContain('gbt-40143-2021');
    const npx = spawnSync('npx', ['scorebook', '--help'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env,
    });
    expect(npx.status, npx.stderr).toBe(0);
    expect(npx.stdout).toContain('Usage: scorebook');
  });
});
