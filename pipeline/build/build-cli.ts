/**
 * The CLI built into plain JavaScript (dist/cli/, beside the add-in's dist/addin/), so that a command starts at once instead of
 * transpiling a hundred TypeScript modules first: esbuild bundles our sources (packages stay
 * imports from node_modules) with one entry for the CLI and one per worker thread, and splits
 * each verb's action into its own chunk, loaded when the verb runs. dist/cli/build.json lists
 * the sources it was made from; bin/scorebook.mjs runs the build only while they are unchanged.
 * dist/cli/templates.json holds the shipped templates compiled (pipeline/templates/registry.ts).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { manifestOf, type Inputs } from '../../bin/build-manifest.mjs';
import { BUILD_DIR, BUILD_MANIFEST, freshBuild } from '../../bin/fresh-build.mjs';
import { COMPILED_TEMPLATES, compileShippedTemplates } from '../templates/registry.ts';
import { sourceUrls } from './source-urls.ts';

/** The bundle's entries: the CLI, and each worker thread's code (pipeline/build/built-dir.ts). */
export const ENTRIES = {
  cli: 'pipeline/cli/main.ts',
  'read-worker': 'pipeline/ingest/read-worker-run.ts',
  'render-worker': 'pipeline/report/render-worker-run.ts',
  'stamp-worker': 'pipeline/workbooks/stamp-worker-run.ts',
} as const;

const BUILT_DIR_SOURCE = 'export const BUILT_DIR: URL | null = null;';

/** In the build, pipeline/build/built-dir.ts knows it is built, and where. */
function builtDir(): Plugin {
  return {
    name: 'built-dir',
    setup(b) {
      b.onLoad({ filter: /[\\/]pipeline[\\/]build[\\/]built-dir\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(BUILT_DIR_SOURCE))
          throw new Error(`${args.path} no longer says ${BUILT_DIR_SOURCE}`);
        return {
          contents: source.replace(
            BUILT_DIR_SOURCE,
            "export const BUILT_DIR: URL | null = new URL('./', import.meta.url);",
          ),
          loader: 'ts',
        };
      });
    },
  };
}

/**
 * Builds into a new folder, then swaps it in for dist/cli/: a command starting meanwhile finds
 * the old build, or none (and runs the sources), never half of one.
 */
export async function buildCli(
  root: string,
): Promise<{ outdir: string; files: number; sources: number }> {
  const esbuild = await import('esbuild');
  const outdir = join(root, BUILD_DIR);
  mkdirSync(dirname(outdir), { recursive: true });
  // Beside node_modules' other caches: the same file system as dist/ (for the renames), and
  // outside the folders the formatter and the tests walk.
  const work = join(root, 'node_modules/.cache/scorebook');
  mkdirSync(work, { recursive: true });
  const next = join(work, `dist-next-${process.pid}`);
  const old = join(work, `dist-old-${process.pid}`);
  let files = 0;
  let sources: string[] = [];
  let inputs: Inputs = {};
  // A source saved while esbuild read it would be listed with its new time but built from its
  // old text, and the build would pass for fresh: build again (a few times: a file dated in the
  // future looks saved during every build).
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = Date.now();
    rmSync(next, { recursive: true, force: true });
    const result = await esbuild.build({
      entryPoints: Object.fromEntries(
        Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)]),
      ),
      absWorkingDir: root,
      outdir: next,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
      // Relative to where the files will be, not where they are written first.
      plugins: [builtDir(), sourceUrls(outdir)],
    });
    files = Object.keys(result.metafile.outputs).length;
    sources = Object.keys(result.metafile.inputs);
    inputs = manifestOf(root, sources);
    if (Object.values(inputs).every(([, mtime]) => mtime < started)) break;
  }
  writeFileSync(join(next, COMPILED_TEMPLATES), JSON.stringify(compileShippedTemplates()));
  writeFileSync(join(next, BUILD_MANIFEST), `${JSON.stringify({ entry: 'cli.js', inputs })}\n`);
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(outdir, old);
  } catch {
    // no earlier build
  }
  renameSync(next, outdir);
  rmSync(old, { recursive: true, force: true });
  return { outdir, files, sources: sources.length };
}

/**
 * Builds unless the build is fresh already: a fresh build is never swapped under the commands
 * that may be running from it (a stale one runs nowhere). Whether it built.
 */
export async function ensureBuilt(root: string): Promise<boolean> {
  if ('entry' in freshBuild(root)) return false;
  await buildCli(root);
  return true;
}
