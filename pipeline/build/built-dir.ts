/**
 * Where the built CLI's files are when this code runs from the build (dist/cli/, made by
 * pipeline/build/build-cli.ts, which replaces this module), or null when it runs from the
 * TypeScript sources through tsx. Worker threads start from the built file beside the bundle,
 * so that they too skip tsx.
 */
export const BUILT_DIR: URL | null = null;

/** A worker thread's entry: `name`.js of the build, or the tsx bootstrap beside the source. */
export function workerEntry(name: string, source: URL): URL {
  return BUILT_DIR ? new URL(`${name}.js`, BUILT_DIR) : source;
}
