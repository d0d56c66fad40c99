/**
 * Only regular files are read: a device behind a link, a FIFO and a socket named like a return,
 * a roster, an inputs file or a template are refused in words naming the file and what it is,
 * and nothing blocks or reads without end. Real special files: /dev/zero, mkfifo, a listening
 * unix socket.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../pipeline/files/regular-file.ts';
import { filledWorkbook, org } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const fifo = (path: string) => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
};

let dir: string;
let server: Server;

beforeAll(async () => {
  dir = scratchDir();
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'good.xlsx'), await filledWorkbook({ org: org(1), seed: 1 }));
  symlinkSync('/dev/zero', join(dir, 'in', 'zero.xlsx'));
  fifo(join(dir, 'in', 'pipe.xlsx'));
  server = createServer();
  await new Promise<void>((r) => server.listen(join(dir, 'in', 'socket.xlsx'), r));
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('readRegularFile', () => {
  it('refuses a device, a FIFO and a socket by what they are, and a file past the limit by its size', () => {
    const kinds = ['zero.xlsx', 'pipe.xlsx', 'socket.xlsx'].map((f) => {
      const got = readRegularFile(join(dir, 'in', f), { maxBytes: 1 << 20 });
      return 'issue' in got ? [got.issue.code, got.issue.params?.kind, got.issue.file] : ['read'];
    });
    expect(kinds).toEqual([
      ['file.not-regular', 'device', join(dir, 'in', 'zero.xlsx')],
      ['file.not-regular', 'fifo', join(dir, 'in', 'pipe.xlsx')],
      ['file.not-regular', 'socket', join(dir, 'in', 'socket.xlsx')],
    ]);
    const big = readRegularFile(join(dir, 'in', 'good.xlsx'), { maxBytes: 1000 });
    expect('issue' in big && big.issue.code).toBe('file.too-big');
    const whole = readRegularFile(join(dir, 'in', 'good.xlsx'), { maxBytes: 1 << 20 });
    expect('bytes' in whole && whole.bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('ingest of special files', () => {
  it('reads the folder without blocking: the good return is stored, each special file rejected with its reason', () => {
    const db = join(dir, 'folder.duckdb');
    const r = runCli(['ingest', join(dir, 'in'), '--db', db, '--json']);
    expect(r.code).toBe(3);
    const summary = JSON.parse(r.stdout) as {
      ingested: number;
      rejected: { file: string; reason: string; message: string }[];
    };
    expect(summary.ingested).toBe(1);
    const byFile = Object.fromEntries(
      summary.rejected.map((x) => [x.file.split('/').pop(), [x.reason, x.message]]),
    );
    expect(Object.keys(byFile).sort()).toEqual(['pipe.xlsx', 'socket.xlsx', 'zero.xlsx']);
    expect(byFile['pipe.xlsx']![0]).toBe('unreadable');
    expect(byFile['pipe.xlsx']![1]).toContain('named pipe (FIFO), not a regular file');
    expect(byFile['zero.xlsx']![1]).toContain('a device, not a regular file');
    expect(byFile['socket.xlsx']![1]).toContain('a socket, not a regular file');
  });

  it('refuses a FIFO named on the command line instead of waiting for a writer', () => {
    const r = runCli(['ingest', join(dir, 'in', 'pipe.xlsx'), '--db', join(dir, 'one.duckdb')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('pipe.xlsx');
    expect(r.stdout).toContain('[unreadable]');
  });
});

describe('the other files a user names', () => {
  it('a roster, an inputs file, a records export and a template that are FIFOs or devices are refused in words', () => {
    const p = join(dir, 'in', 'pipe.xlsx');
    const roster = runCli(['generate', 'gbt-40143-2021', '--roster', p, '--out', join(dir, 'out')]);
    expect(roster.code).toBe(1);
    expect(roster.stderr).toContain(`${p}  It is a named pipe (FIFO)`);

    const inputs = runCli(['score', '--template', 'gbt-40143-2021', '--inputs', '/dev/zero']);
    expect(inputs.code).toBe(1);
    expect(inputs.stderr).toContain('/dev/zero  It is a device, not a regular file');

    const records = runCli(['records', p, '--period', '2025']);
    expect(records.code).toBe(1);
    expect(records.stderr).toContain('named pipe (FIFO)');

    const template = runCli(['templates', 'check', join(dir, 'in', 'zero.xlsx')]);
    expect(template.code).toBe(1);
    expect(template.stdout).toContain('a device, not a regular file');
    for (const r of [roster, inputs, records, template])
      expect(r.stdout + r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
