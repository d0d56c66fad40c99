/**
 * `npm run build`, and `npm install` through the prepare script: the CLI built into dist/cli/.
 * During an install a failed build is a warning, not a failed install: bin/scorebook.mjs then
 * runs the sources through tsx (slower to start, the same commands).
 */
import { resolve } from 'node:path';
import { buildCli } from '../build/build-cli.ts';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const installing = process.env.npm_lifecycle_event === 'prepare';

try {
  const r = await buildCli(ROOT);
  process.stdout.write(
    `built the CLI: ${r.files} files in ${r.outdir} from ${r.sources} sources\n`,
  );
} catch (e) {
  const why =
    (e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND'
      ? 'esbuild is not installed (an install without devDependencies)'
      : ((e as Error).stack ?? String(e));
  process.stderr.write(
    `scorebook: the CLI was not built: ${why}\nscorebook runs from its TypeScript sources instead (a slower start); npm run build builds it.\n`,
  );
  if (!installing) process.exitCode = 1;
}
