/**
 * `npm run serve:addin`: serves dist/addin at https://localhost:3000, where manifest.xml points,
 * with the development certificate that `npx office-addin-dev-certs install` makes and trusts
 * (~/.office-addin-dev-certs). Run `npm run build:addin` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devCertificate, noCertificateMessage } from './dev-cert.ts';
import { staticHandler } from './static-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(ROOT, 'dist/addin');
const certificate = devCertificate();
const port = Number(process.env.PORT ?? 3000);

if (!existsSync(join(dir, 'taskpane.html'))) {
  console.error('dist/addin is not built: run `npm run build:addin` first.');
  process.exit(1);
}
if (!certificate.present) {
  console.error(noCertificateMessage(certificate));
  process.exit(1);
}
createServer(
  { cert: readFileSync(certificate.cert), key: readFileSync(certificate.key) },
  staticHandler(dir),
).listen(port, 'localhost', () => {
  console.log(
    `scorebook add-in at https://localhost:${port}/taskpane.html — sideload manifest.xml in Excel (Ctrl+C to stop)`,
  );
});
