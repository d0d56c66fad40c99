/**
 * `npm run sideload` (also `npm start`): builds the add-in for https://localhost:3000 and has
 * Microsoft's office-addin-debugging register dist/addin/manifest.xml with desktop Excel and open
 * Excel with it, starting `npm run serve:addin` when nothing answers on port 3000 yet.
 * `npm run sideload:stop` (also `npm stop`) removes the registration and stops that server.
 * Desktop Excel is on Windows and macOS only; elsewhere this says what to do instead.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddin } from './build.ts';
import { devCertificate, noCertificateMessage } from './dev-cert.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MANIFEST = join(ROOT, 'dist/addin/manifest.xml');
const PORT = 3000;

/** Why this machine cannot sideload into desktop Excel, or undefined when it can. */
export function cannotSideload(platform: NodeJS.Platform): string | undefined {
  if (platform === 'win32' || platform === 'darwin') return undefined;
  return `Sideloading into desktop Excel needs Windows or macOS (this is ${platform}). Here, upload dist/addin/manifest.xml in Excel on the web instead (docs/addin.md, "Excel on the web"), with \`npm run serve:addin\` running.`;
}

/** office-addin-debugging's command line, run with this Node. */
function officeAddinDebugging(args: string[]): number {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('office-addin-debugging/package.json');
  const bin = (require(pkg) as { bin: Record<string, string> }).bin['office-addin-debugging']!;
  const r = spawnSync(process.execPath, [join(dirname(pkg), bin), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return r.status ?? 1;
}

async function main(action: 'start' | 'stop'): Promise<number> {
  const why = cannotSideload(process.platform);
  if (why) {
    console.error(why);
    return 1;
  }
  if (action === 'stop') return officeAddinDebugging(['stop', MANIFEST]);
  const certificate = devCertificate();
  if (!certificate.present) {
    console.error(noCertificateMessage(certificate));
    return 1;
  }
  await buildAddin();
  return officeAddinDebugging([
    'start',
    MANIFEST,
    'desktop',
    '--app',
    'excel',
    '--dev-server',
    'npm run serve:addin',
    '--dev-server-port',
    String(PORT),
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2] === 'stop' ? 'stop' : 'start').then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
