/**
 * manifest.xml checked offline, as far as Office's own validation goes without Microsoft's
 * service: the element order of the OfficeApp schema, a real GUID, a four-part version, https
 * everywhere, every resid defined where its kind says, Requirements where the schema puts them,
 * zh-CN overrides for every string; and `office-addin-manifest info` reads it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/scripts/build.ts';
import { scratchDir } from '../support/run-cli.ts';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (t) => {
    const el: El = {
      name: t.name,
      attrs: t.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack[stack.length - 1]!.children.push(el);
    if (!t.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) stack.pop();
  });
  parser.on('text', (t) => (stack[stack.length - 1]!.text += t));
  parser.write(xml).close();
  return root.children[0]!;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}

const child = (el: El, name: string) => el.children.find((c) => c.name === name);

const SOURCE = readFileSync(resolve('manifest.xml'), 'utf8');
const app = parse(SOURCE);

// The sequence of the OfficeApp schema (TaskPaneApp), as Office validates it.
const ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'Dictionary',
  'VersionOverrides',
];
const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'Hosts',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

describe('manifest.xml', () => {
  it('is a TaskPaneApp whose elements come in the schema’s order', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    const names = app.children.map((c) => c.name);
    for (const r of REQUIRED) expect(names).toContain(r);
    expect(names.every((n) => ORDER.includes(n))).toBe(true);
    const positions = names.map((n) => ORDER.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('has its own GUID and a four-part version', () => {
    const id = child(app, 'Id')!.text.trim();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Not the Yeoman template's GUID, which every copied sample shares.
    expect(id).not.toBe('05c2e1c9-3e1d-406e-9a91-e9ac64854143');
    expect(child(app, 'Version')!.text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('runs in Excel workbooks and asks for ExcelApi 1.8, where the schema puts Requirements', () => {
    expect(child(child(app, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
    const names = app.children.map((c) => c.name);
    expect(names.indexOf('Requirements')).toBe(names.indexOf('Hosts') + 1);
    expect(names.indexOf('DefaultSettings')).toBe(names.indexOf('Requirements') + 1);
    const sets = child(child(app, 'Requirements')!, 'Sets')!;
    expect(sets.children.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([
      ['ExcelApi', '1.8'],
    ]);
    expect(child(app, 'Permissions')!.text.trim()).toBe('ReadWriteDocument');
  });

  it('puts a button on the Home tab that opens the task pane', () => {
    const host = all(app, (e) => e.name === 'Host' && e.attrs['xsi:type'] === 'Workbook');
    expect(host).toHaveLength(1);
    const tab = all(host[0]!, (e) => e.name === 'OfficeTab')[0]!;
    expect(tab.attrs.id).toBe('TabHome');
    const button = all(tab, (e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button')[0]!;
    const action = child(button, 'Action')!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'SourceLocation')!.attrs.resid).toBe('Taskpane.Url');
  });

  it('uses https for every URL, and the task pane at https://localhost:3000/taskpane.html', () => {
    const urls = all(app, () => true)
      .flatMap((e) => [
        e.attrs.DefaultValue,
        e.attrs.Value,
        e.name === 'AppDomain' ? e.text.trim() : undefined,
      ])
      .filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });

  it('defines every resid, in the resource list its element needs, within the length limits', () => {
    const resources = all(app, (e) => e.name === 'Resources')[0]!;
    const ids = (list: string) =>
      new Map(
        all(
          child(resources, list)!,
          (e) => e.name === 'bt:Image' || e.name === 'bt:Url' || e.name === 'bt:String',
        ).map((e) => [e.attrs.id!, e]),
      );
    const images = ids('bt:Images');
    const urls = ids('bt:Urls');
    const short = ids('bt:ShortStrings');
    const long = ids('bt:LongStrings');
    const uses = all(app, (e) => e.attrs.resid !== undefined);
    expect(uses.length).toBeGreaterThan(10);
    const kind = (e: El) => {
      if (e.name === 'bt:Image') return images;
      if (['SourceLocation', 'LearnMoreUrl', 'FunctionFile'].includes(e.name)) return urls;
      if (e.name === 'Description') return long;
      return short; // Label, Title
    };
    const unresolved = uses
      .filter((e) => !kind(e).has(e.attrs.resid!))
      .map((e) => `${e.name} ${e.attrs.resid}`);
    expect(unresolved).toEqual([]);
    for (const e of uses) expect(e.attrs.resid!.length).toBeLessThanOrEqual(32);
    for (const s of short.values()) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    for (const s of long.values()) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
    // And nothing defined goes unused.
    const used = new Set(uses.map((e) => e.attrs.resid));
    expect(
      [...images.keys(), ...urls.keys(), ...short.keys(), ...long.keys()].filter(
        (id) => !used.has(id),
      ),
    ).toEqual([]);
  });

  it('speaks zh-CN: every display string has a zh-CN override', () => {
    for (const name of ['DisplayName', 'Description'])
      expect(child(child(app, name)!, 'Override')?.attrs.Locale).toBe('zh-CN');
    const strings = all(app, (e) => e.name === 'bt:String');
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings)
      expect(
        s.children.find((c) => c.name === 'bt:Override' && c.attrs.Locale === 'zh-CN')?.attrs.Value,
      ).toBeTruthy();
  });

  it('is read by office-addin-manifest info', () => {
    const bin = resolve('node_modules/.bin/office-addin-manifest');
    const out = execFileSync(bin, ['info', 'manifest.xml'], { encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain(`Id: ${child(app, 'Id')!.text.trim()}`);
    expect(out).toContain('Type: TaskPaneApp');
    expect(out).toContain('Hosts: Workbook');
    expect(out).toContain('Source Location: https://localhost:3000/taskpane.html');
  });

  it('npm run build:addin can point it at a production host, with every file it names in the build', async () => {
    const out = await buildAddin({
      outDir: join(scratchDir('scorebook-addin-build-'), 'addin'),
      baseUrl: 'https://addin.example.org/scorebook/',
    });
    const built = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(built).not.toContain('localhost');
    expect([...built.matchAll(/<AppDomain>([^<]+)</g)].map((m) => m[1])).toEqual([
      'https://addin.example.org',
    ]);
    const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.every((u) => u.startsWith('https://addin.example.org/scorebook/'))).toBe(true);
    for (const u of urls) {
      expect(() =>
        readFileSync(join(out, u.slice('https://addin.example.org/scorebook/'.length))),
      ).not.toThrow();
    }
    await expect(
      buildAddin({ outDir: join(out, '..', 'bad'), baseUrl: 'http://insecure.example.org' }),
    ).rejects.toThrow(/https/);
  });
});
