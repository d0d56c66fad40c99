/**
 * A folder (or a file) the user running scorebook may not read: the run goes on, the other
 * files are ingested, and the folder is rejected `unreadable` with the reason in words. Before,
 * the folder walk threw EACCES and the whole run ended in a stack trace.
 *
 * Root reads any folder whatever its mode, so as root (here and in CI) the CLI is run as the
 * unprivileged user nobody through setpriv; as anyone else it runs as that user.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { ROOT, scratchDir } from '../support/run-cli.ts';
import { queryDb } from '../support/query-db.ts';

const dir = scratchDir('scorebook-ingest-unreadable-');
const returns = join(dir, 'returns');
const locked = join(returns, 'locked');
const secret = join(returns, 'secret.xlsx');
const db = join(dir, 'db', 'scorebook.duckdb');
const asRoot = process.getuid?.() === 0;

function ingestAsUser(lang: string): { code: number; stdout: string; stderr: string } {
  const cli = [
    process.execPath,
    join(ROOT, 'bin/scorebook.mjs'),
    'ingest',
    returns,
    '--db',
    db,
    '--json',
    '--lang',
    lang,
  ];
  const [cmd, ...args] = asRoot
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', ...cli]
    : cli;
  const r = spawnSync(cmd!, args, {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, HOME: dir, LANG: 'en_US.UTF-8', LC_ALL: '', SCOREBOOK_LANG: '' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  mkdirSync(join(locked, 'deeper'), { recursive: true });
  mkdirSync(join(dir, 'db'));
  write(join(returns, 'good.xlsx'), await filledWorkbook({ org: org(1), seed: 1 }));
  write(join(locked, 'inside.xlsx'), await filledWorkbook({ org: org(2), seed: 2 }));
  write(secret, await filledWorkbook({ org: org(3), seed: 3 }));
  // The scratch folder is root's (0700) when run as root: nobody must reach the returns and write the database.
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'db'), 0o777);
  chmodSync(locked, 0o000);
  chmodSync(secret, 0o000);
}, 120_000);

afterAll(() => {
  // Readable again, so that the scratch folder can be removed.
  chmodSync(locked, 0o755);
  chmodSync(secret, 0o644);
});

describe('ingest with an unreadable folder and file', () => {
  it('rejects them as unreadable, in words, and ingests the rest', async () => {
    const r = ingestAsUser('en');
    expect(r.stderr).not.toMatch(/EACCES|at .*\(/);
    const s = JSON.parse(r.stdout) as {
      ingested: number;
      rejected: { file: string; reason: string; message: string }[];
    };
    expect(s.ingested).toBe(1);
    expect(s.rejected.map((x) => [x.file, x.reason])).toEqual([
      [locked, 'unreadable'],
      [secret, 'unreadable'],
    ]);
    expect(s.rejected[0]!.message).toBe(
      'Cannot list this folder: permission denied, so none of its files were ingested. Let the user running scorebook read it (e.g. chmod a+rx) and run again.',
    );
    expect(s.rejected[1]!.message).toBe(
      'Cannot read the file: permission denied. Check the path and permissions.',
    );
    expect(r.code).toBe(3);
    const rows = await queryDb(
      db,
      'SELECT file, reason, content_hash FROM rejections ORDER BY file',
    );
    expect(rows).toEqual([
      { file: locked, reason: 'unreadable', content_hash: null },
      { file: secret, reason: 'unreadable', content_hash: null },
    ]);
  });

  it('says it in zh-CN too', () => {
    const s = JSON.parse(ingestAsUser('zh-CN').stdout) as { rejected: { message: string }[] };
    expect(s.rejected.map((x) => x.message)).toEqual([
      '无法读取此文件夹：没有权限（permission denied），其中的文件均未导入。请让运行 scorebook 的用户可以读取它（如 chmod a+rx），然后重新运行。',
      '无法读取文件：没有权限（permission denied）。请检查路径和权限。',
    ]);
  });
});
