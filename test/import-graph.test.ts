/**
 * The arrows between modules point downhill: no import cycles in core/ or addin/; core/ stays pure
 * (nothing from the add-in, the pipeline, Node or Office.js); the template and workbook layers
 * read nothing of the sheet layout above them; and no production code reaches for the recording
 * fake of Excel, which is for tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const files = globSync(['core/**/*.ts', 'addin/**/*.ts', 'pipeline/**/*.ts'], {
  cwd: ROOT,
  ignore: ['**/*.d.ts'],
});

/** Each file's imports (static, dynamic and re-exports): relative ones as paths from the root. */
const graph = new Map<string, { local: string[]; packages: string[] }>(
  files.map((file) => {
    const source = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const specs = [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
    return [
      file,
      {
        local: specs
          .filter((s) => s.startsWith('.'))
          .map((s) => relative(ROOT, resolve(ROOT, dirname(file), s))),
        packages: specs.filter((s) => !s.startsWith('.')),
      },
    ];
  }),
);

/** The import cycles among `within` (strongly connected components of more than one file). */
function cycles(within: (file: string) => boolean): string[][] {
  const nodes = files.filter(within);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)!.local.filter((x) => graph.has(x) && within(x))) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.local.includes(v)) found.push(scc.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}

const importers = (from: (f: string) => boolean, to: (target: string) => boolean) =>
  files.filter(from).flatMap((f) =>
    graph
      .get(f)!
      .local.filter(to)
      .map((t) => `${f} → ${t}`),
  );

describe('the import graph', () => {
  it('reads every module of core/ and addin/', () => {
    expect(files.filter((f) => f.startsWith('core/')).length).toBeGreaterThan(20);
    expect(graph.get('core/sheet/layout-workbook.ts')!.local).toContain(
      'core/sheet/scoring-layout.ts',
    );
  });

  it('has no cycles in core/ or addin/', () => {
    expect(cycles((f) => f.startsWith('core/'))).toEqual([]);
    expect(cycles((f) => f.startsWith('addin/'))).toEqual([]);
  });

  it('keeps core/ pure: no add-in, pipeline, Node or Office.js', () => {
    expect(
      importers(
        (f) => f.startsWith('core/'),
        (t) => !t.startsWith('core/'),
      ),
    ).toEqual([]);
    const packages = files
      .filter((f) => f.startsWith('core/'))
      .flatMap((f) => graph.get(f)!.packages.map((p) => `${f}: ${p}`));
    expect(packages.filter((p) => /: (node:|office)/.test(p))).toEqual([]);
  });

  it('lets template/ and workbook/ lean on no sheet layout', () => {
    expect(
      importers(
        (f) => f.startsWith('core/template/') || f.startsWith('core/workbook/'),
        (t) => t.startsWith('core/sheet/'),
      ),
    ).toEqual([]);
  });

  it('lets the pane reach Office.js only through the spreadsheet host', () => {
    // Office's own files are office-*.ts; everything else in addin/src works with any host.
    const office = (f: string) => /^addin\/src\/office-[\w-]+\.ts$/.test(f);
    const pane = (f: string) =>
      f.startsWith('addin/src/') && !office(f) && f !== 'addin/src/measure.ts';
    expect(files.filter(pane).length).toBeGreaterThan(8);
    expect(importers(pane, office)).toEqual([]);
    const officeGlobals = files
      .filter(pane)
      .filter((f) => /\b(?:Excel|Office)\.\w+\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(officeGlobals).toEqual([]);
  });

  it('lets the add-in share only the template reading with the pipeline, and that reads no CLI or store', () => {
    // The pane runs in Office: nothing of the pipeline (Node) goes into it.
    expect(
      importers(
        (f) => f.startsWith('addin/src/'),
        (t) => t.startsWith('pipeline/'),
      ),
    ).toEqual([]);
    // Its build reads templates as the CLI does (a definition workbook too), from one place.
    const shared = (t: string) =>
      t.startsWith('pipeline/templates/') || t.startsWith('pipeline/definition/');
    expect(
      importers(
        (f) => f.startsWith('addin/'),
        (t) => t.startsWith('pipeline/') && !shared(t),
      ),
    ).toEqual([]);
    const reached = new Set<string>();
    const visit = (f: string): void => {
      if (reached.has(f) || !graph.has(f)) return;
      reached.add(f);
      graph.get(f)!.local.forEach(visit);
    };
    files.filter((f) => f.startsWith('addin/scripts/')).forEach(visit);
    expect(
      [...reached].filter((f) => /^pipeline\/(cli|store|ingest|report|export)\//.test(f)),
    ).toEqual([]);
  });

  it('keeps the recording fake of Excel out of production code', () => {
    // The speed bench measures the writer against the fake; it is a tool, not the product.
    const bench = (f: string) => f.startsWith('pipeline/bench/') || f === 'addin/src/measure.ts';
    expect(
      importers(
        (f) => !f.startsWith('addin/fake/') && !bench(f),
        (t) => t.startsWith('addin/fake/'),
      ),
    ).toEqual([]);
  });
});
