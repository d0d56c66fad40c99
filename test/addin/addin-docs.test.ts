/**
 * docs/addin.md held to the code it describes: the npm scripts it tells people to run exist, the
 * Office.js addresses are the build's, the requirement set is the manifest's, and what the pane
 * says outside Excel is what the page tells the reader to expect.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFICE_JS } from '../../addin/scripts/office-js-cdn.ts';
import { paneText } from '../../addin/src/pane-text.ts';
import { ROOT } from '../support/run-cli.ts';

const doc = readFileSync(join(ROOT, 'docs/addin.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

describe('docs/addin.md', () => {
  it('names only npm scripts that exist, sideloading among them', () => {
    const named = new Set(
      [...doc.matchAll(/npm (?:run ([\w:-]+)|(start|stop|test)\b)/g)].map((m) => m[1] ?? m[2]!),
    );
    for (const s of ['build:addin', 'serve:addin', 'sideload', 'sideload:stop', 'start', 'stop'])
      expect(named).toContain(s);
    expect([...named].filter((s) => !(s in pkg.scripts))).toEqual([]);
    expect(pkg.scripts.start).toBe('npm run sideload');
    expect(pkg.scripts.stop).toBe('npm run sideload:stop');
  });

  it('gives the Office.js addresses the build writes, for every --office-js it documents', () => {
    for (const url of Object.values(OFFICE_JS)) expect(doc).toContain(url);
    const documented = [...doc.matchAll(/--office-js (\w+)/g)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(0);
    for (const cdn of documented) expect(Object.keys(OFFICE_JS)).toContain(cdn);
  });

  it('names the requirement set the manifest asks for, and where volume-licensed Office 2019 stops', () => {
    const asked = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)![1];
    expect(doc).toContain(`The manifest asks for the **ExcelApi ${asked}** requirement set`);
    expect(doc).toMatch(/volume-licensed \*\*Office 2019\*\*.*stops at ExcelApi 1\.7/);
  });

  it('leads deployment with centralized deployment and keeps the shared folder for testing', () => {
    const deploy = doc.indexOf('## Deploy it to your organization');
    expect(deploy).toBeGreaterThan(0);
    expect(doc.indexOf('centralized deployment', deploy)).toBeLessThan(
      doc.indexOf('shared-folder catalog', deploy),
    );
    expect(doc).toMatch(/shared-folder catalog\*\* \([^)]*\) is\s+for testing/);
  });

  it('tells what the pane says outside Excel', () => {
    expect(paneText('en').noHost).toMatch(/^Open this page inside Excel/);
    expect(doc).toMatch(/the page loads, says to open it inside\s+Excel/);
    expect(doc).toContain('**The pane says to open it inside Excel**');
  });
});
