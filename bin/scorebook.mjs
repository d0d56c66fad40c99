#!/usr/bin/env node
// The scorebook command. It runs the CLI built into dist/cli/ (npm install builds it through the
// prepare script; npm run build rebuilds it) while that build is made from the sources as they
// are now; otherwise it runs the TypeScript sources through tsx, which starts about a second
// slower and says so on a terminal. SCOREBOOK_RUN=source always runs the sources;
// SCOREBOOK_RUN=build runs the build or nothing (for the bench and the build's tests).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBuild } from './fresh-build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const run = process.env.SCOREBOOK_RUN;
const build = run === 'source' ? { problem: null } : freshBuild(ROOT);

let main;
if (build.entry) {
  ({ main } = await import(build.entry));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    // Installed with `npm install -g .` or `npm link` from a clone where `npm install` never ran.
    process.stderr.write(
      `scorebook: the packages it needs are not installed in ${ROOT}: run npm install there.\n` +
        `scorebook：${ROOT} 中尚未安装所需的软件包，请在该文件夹中运行 npm install。\n`,
    );
    process.exit(1);
  }
  register();
  if (build.problem && (run === 'build' || process.stderr.isTTY)) {
    const [{ say }, { langOfArgv }] = await Promise.all([
      import('../pipeline/messages/index.ts'),
      import('../pipeline/cli/cli-context.ts'),
    ]);
    process.stderr.write(
      `${say(langOfArgv(argv), 'cli.from-sources', { problem: build.problem })}\n`,
    );
    if (run === 'build') process.exit(1);
  }
  ({ main } = await import('../pipeline/cli/main.ts'));
}
process.exitCode = await main(argv);
