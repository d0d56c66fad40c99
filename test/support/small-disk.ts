/**
 * A small disk for the full-disk tests: a real tmpfs of the size asked for, mounted on a scratch
 * folder where the tests may mount (as root, here and on .ci/run); elsewhere the folder alone,
 * with the write seam of pipeline/files/write-whole.ts (SCOREBOOK_FAULT_DISK_BYTES) in `env`,
 * so that scorebook's own writes fail with ENOSPC past the same size. `real` says which.
 * A read-only disk is the same tmpfs remounted read-only (or, without mounting, the folder
 * made read-only, which stops anyone but root). SCOREBOOK_TEST_NO_MOUNT=1 uses the stand-ins
 * even where a tmpfs could be mounted, to try them.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from './run-cli.ts';

export interface SmallDisk {
  dir: string;
  /** true: a tmpfs of that size; false: the write seam stands in for it */
  real: boolean;
  env: Record<string, string>;
  /** makes the disk read-only (remount, or chmod where nothing can be mounted) */
  readOnly(): void;
  release(): void;
}

const mounted: string[] = [];
process.on('exit', () => {
  for (const d of mounted) spawnSync('umount', ['-l', d]);
});

export function smallDisk(kb: number): SmallDisk {
  const dir = scratchDir('scorebook-disk-');
  // SCOREBOOK_TEST_NO_MOUNT=1 tries the stand-ins where a tmpfs could be mounted.
  const m = process.env.SCOREBOOK_TEST_NO_MOUNT
    ? undefined
    : spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  const real = m?.status === 0;
  if (real) mounted.push(dir);
  return {
    dir,
    real,
    env: real ? {} : { SCOREBOOK_FAULT_DISK_BYTES: String(kb * 1024) },
    readOnly() {
      if (real) {
        const r = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`remount read-only failed: ${r.stderr}`);
        return;
      }
      for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o444);
      chmodSync(dir, 0o555);
    },
    release() {
      if (real) {
        spawnSync('umount', ['-l', dir]);
        mounted.splice(mounted.indexOf(dir), 1);
      } else if (!(statSync(dir).mode & 0o200)) chmodSync(dir, 0o755);
    },
  };
}
