/**
 * The development certificate for https://localhost that `npx office-addin-dev-certs install`
 * makes and has the system trust (~/.office-addin-dev-certs, or SCOREBOOK_CERT_DIR).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DevCertificate {
  dir: string;
  cert: string;
  key: string;
  /** Both files are there. */
  present: boolean;
}

export function devCertificate(env: NodeJS.ProcessEnv = process.env): DevCertificate {
  const dir = env.SCOREBOOK_CERT_DIR ?? join(homedir(), '.office-addin-dev-certs');
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  return { dir, cert, key, present: existsSync(cert) && existsSync(key) };
}

export function noCertificateMessage(c: DevCertificate): string {
  return `No development certificate in ${c.dir}: run \`npx office-addin-dev-certs install\` once (it makes one and asks your system to trust it), or set SCOREBOOK_CERT_DIR to a folder with localhost.crt and localhost.key.`;
}
