/**
 * `npm run serve:addin`: serves dist/addin at https://localhost:3000, where manifest.xml points,
 * with the development certificate that `npx office-addin-dev-certs install` makes and trusts
 * (~/.office-addin-dev-certs). Run `npm run build:addin` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(ROOT, 'dist/addin');
const certs = process.env.SCOREBOOK_CERT_DIR ?? join(homedir(), '.office-addin-dev-certs');
const cert = join(certs, 'localhost.crt');
const key = join(certs, 'localhost.key');
const port = Number(process.env.PORT ?? 3000);

if (!existsSync(join(dir, 'taskpane.html'))) {
  console.error('dist/addin is not built: run `npm run build:addin` first.');
  process.exit(1);
}
if (!existsSync(cert) || !existsSync(key)) {
  console.error(
    `No development certificate in ${certs}: run \`npx office-addin-dev-certs install\` once (it makes one and asks your system to trust it), or set SCOREBOOK_CERT_DIR to a folder with localhost.crt and localhost.key.`,
  );
  process.exit(1);
}
createServer({ cert: readFileSync(cert), key: readFileSync(key) }, staticHandler(dir)).listen(
  port,
  'localhost',
  () => {
    console.log(
      `scorebook add-in at https://localhost:${port}/taskpane.html — sideload manifest.xml in Excel (Ctrl+C to stop)`,
    );
  },
);
