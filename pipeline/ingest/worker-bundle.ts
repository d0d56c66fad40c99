/**
 * The read worker as one plain ES module, so a worker thread starts in milliseconds instead of
 * loading tsx and transpiling a hundred TypeScript modules (about a second per worker, more
 * than the reading itself on a few thousand files). The built CLI (dist/cli/) carries it; run from
 * the sources, esbuild bundles it (packages stay imports) into node_modules/.cache/scorebook/,
 * once: the manifest of its sources (bin/build-manifest.mjs) says when the bundle is stale.
 * `npm install` stays the only set-up step. When anything fails (a read-only tree, no esbuild),
 * the caller falls back to the tsx worker.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestOf, unchanged, type Inputs } from '../../bin/build-manifest.mjs';
import { BUILT_DIR, workerEntry } from '../build/built-dir.ts';
import { sourceUrls } from '../build/source-urls.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const ENTRY = join(HERE, 'read-worker-run.ts');
const CACHE = join(ROOT, 'node_modules/.cache/scorebook');
const MANIFEST = join(CACHE, 'read-worker.json');

interface Manifest {
  bundle: string;
  inputs: Inputs;
}

function fresh(m: Manifest): boolean {
  try {
    statSync(join(CACHE, m.bundle));
  } catch {
    return false;
  }
  return unchanged(ROOT, m.inputs);
}

let pending: Promise<URL> | undefined;

/** The file URL of the bundled read worker, built or reused; rejects when it cannot be made. */
export function readWorkerBundle(): Promise<URL> {
  if (BUILT_DIR) return Promise.resolve(workerEntry('read-worker', pathToFileURL(ENTRY)));
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
    plugins: [sourceUrls(CACHE)],
  });
  const code = result.outputFiles[0]!.contents;
  const inputs = manifestOf(ROOT, Object.keys(result.metafile.inputs));
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
