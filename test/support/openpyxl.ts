/** Debian's python3 with its openpyxl (python3-openpyxl): an independent reader and writer of .xlsx. */
import { spawnSync } from 'node:child_process';

/** Runs `script` with `args` as sys.argv[1:]; its stdout, or a throw with its stderr. */
export function python(script: string, ...args: string[]): string {
  const r = spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout;
}
