/**
 * The add-in's npm scripts as a developer or an IT person runs them: `build:addin` pointing the
 * pane's Office.js at the CDN for Office 365 operated by 21Vianet, and `sideload` (`npm start`),
 * which hands the build to Microsoft's office-addin-debugging on Windows and macOS and says what
 * to do instead anywhere else.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/scripts/build.ts';
import { OFFICE_JS } from '../../addin/scripts/office-js-cdn.ts';
import { cannotSideload } from '../../addin/scripts/sideload.ts';
import { ROOT, scratchDir } from '../support/run-cli.ts';

const tsx = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });

const scriptSources = (html: string) =>
  [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);

describe('npm run build:addin -- --office-js', () => {
  it('loads Office.js from Microsoft’s CDN by default, and from 21Vianet’s when asked', async () => {
    const dir = scratchDir('scorebook-addin-cdn-');
    const global = await buildAddin({ outDir: join(dir, 'global'), minify: false });
    const china = await buildAddin({ outDir: join(dir, 'china'), officeJs: '21vianet' });
    const html = (out: string) => readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(scriptSources(html(global))).toEqual([OFFICE_JS.microsoft, 'taskpane.js']);
    expect(scriptSources(html(china))).toEqual([
      'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
      'taskpane.js',
    ]);
    expect(html(china)).not.toContain('appsforoffice.microsoft.com');
  });

  it('refuses a CDN it does not know, naming the ones it does', () => {
    const r = tsx(['addin/scripts/build.ts', '--office-js', 'mooncake', '--out', scratchDir()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--office-js takes microsoft or 21vianet, not mooncake');
  });
});

describe('npm run sideload', () => {
  it('sideloads on Windows and macOS, and elsewhere points at Excel on the web', () => {
    expect(cannotSideload('win32')).toBeUndefined();
    expect(cannotSideload('darwin')).toBeUndefined();
    expect(cannotSideload('linux')).toMatch(
      /needs Windows or macOS \(this is linux\).*Excel on the web/,
    );
  });

  it('says so and fails on this Linux machine, before building or registering anything', () => {
    const r = tsx(['addin/scripts/sideload.ts']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Sideloading into desktop Excel needs Windows or macOS');
  });

  it('has office-addin-debugging installed and loading, without the Agents Toolkit it does not need', () => {
    // office-addin-dev-settings requires semver without declaring it; the Agents Toolkit (only
    // for unified JSON manifests and Outlook) brought it, and keytar, which cannot build here.
    const load = spawnSync(
      process.execPath,
      ['-e', "require('office-addin-dev-settings'); require('office-addin-debugging')"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(load.stderr).toBe('');
    expect(load.status).toBe(0);
    const help = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/office-addin-debugging/cli.js'), '--help'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(help.stdout).toMatch(/start \[options\] <manifest-path>/);
    expect(help.stdout).toMatch(/stop \[options\] <manifest-path>/);
  });
});
