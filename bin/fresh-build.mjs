// Whether the CLI built into dist/cli/ (pipeline/build/build-cli.ts) may run: only when it was made
// from the sources as they are now. A build older than a pulled or edited source never runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unchanged } from './build-manifest.mjs';

/** Where the build is, relative to the project's root (dist/addin/ is the add-in's). */
export const BUILD_DIR = 'dist/cli';
/** In the build: `{ entry, inputs }`, the CLI's file and the sources' manifest (build-manifest.mjs). */
export const BUILD_MANIFEST = 'build.json';

/** `{ entry }`: the built CLI's URL; `{ problem }`: 'missing' (no build) or 'stale'. */
export function freshBuild(root) {
  const dist = join(root, BUILD_DIR);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, BUILD_MANIFEST), 'utf8'));
  } catch {
    return { problem: 'missing' };
  }
  if (!unchanged(root, manifest.inputs)) return { problem: 'stale' };
  return { entry: pathToFileURL(join(dist, manifest.entry)).href };
}
