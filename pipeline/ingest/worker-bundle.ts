/**
 * The read worker as one plain ES module, so a worker thread starts in milliseconds instead of
 * loading tsx and transpiling a hundred TypeScript modules (about a second per worker, more
 * than the reading itself on a few thousand files). esbuild bundles our sources (packages stay
 * imports) into node_modules/.cache/scorebook/, once: a small manifest of the inputs' sizes and
 * times says when the bundle is stale. `npm install` stays the only set-up step. When anything
 * fails (a read-only tree, no esbuild), the caller falls back to the tsx worker.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const ENTRY = join(HERE, 'read-worker-run.ts');
const CACHE = join(ROOT, 'node_modules/.cache/scorebook');
const MANIFEST = join(CACHE, 'read-worker.json');

interface Manifest {
  bundle: string;
  inputs: Record<string, [size: number, mtimeMs: number]>;
}

function fresh(m: Manifest): boolean {
  try {
    statSync(join(CACHE, m.bundle));
    for (const [file, [size, mtime]] of Object.entries(m.inputs)) {
      const st = statSync(join(ROOT, file));
      if (st.size !== size || st.mtimeMs !== mtime) return false;
    }
    return true;
  } catch {
    return false;
  }
}

let pending: Promise<URL> | undefined;

/** The file URL of the bundled read worker, built or reused; rejects when it cannot be made. */
export function readWorkerBundle(): Promise<URL> {
  return (pending ??= build());
}

async function build(): Promise<URL> {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
    if (fresh(m)) return pathToFileURL(join(CACHE, m.bundle));
  } catch {
    // no manifest yet, or unreadable: build
  }
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        // Each module keeps its own import.meta.url (the registry finds templates/ by it).
        name: 'import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
            if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes('import.meta.url')) return undefined;
            const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
            return {
              contents: source.replaceAll(
                'import.meta.url',
                JSON.stringify(pathToFileURL(args.path).href),
              ),
              loader,
            };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.contents;
  const inputs: Manifest['inputs'] = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const abs = resolve(ROOT, file);
    const st = statSync(abs);
    inputs[relative(ROOT, abs)] = [st.size, st.mtimeMs];
  }
  const bundle = `read-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  mkdirSync(CACHE, { recursive: true });
  // Written under a temporary name and renamed: a concurrent run never loads half a file.
  const tmp = join(CACHE, `.${bundle}.${process.pid}.tmp`);
  writeFileSync(tmp, code);
  renameSync(tmp, join(CACHE, bundle));
  const tmpManifest = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmpManifest, JSON.stringify({ bundle, inputs } satisfies Manifest));
  renameSync(tmpManifest, MANIFEST);
  return pathToFileURL(join(CACHE, bundle));
}
