/**
 * The bench rows for a command's cold start: a new node process each time, as a user's shell
 * starts one, the median of `runs`, beside `node -e 0` (node's own start) measured in the same
 * run. The built CLI (dist/cli/, built here first when missing or stale), and the sources through
 * tsx for comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolvePlan } from '../core/index.ts';
import { ensureBuilt } from '../pipeline/build/build-cli.ts';
import { shippedTemplates } from '../pipeline/templates/registry.ts';
import { workbookBytes } from '../pipeline/workbooks/make-workbook.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/scorebook.mjs');
/** The target for `--help`, `templates` and `score FILE.xlsx` on the 2-core machine. */
const TARGET_SECONDS = 0.5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Seconds from spawning `node args` to its exit, median of `runs`; throws when it fails. */
function coldStart(args: string[], runs: number, env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    times.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`bench startup: node ${args.join(' ')}: ${r.stderr}`);
  }
  return median(times);
}

export async function benchStartup(
  runs: number,
): Promise<{ figure: string; value: string; note: string }[]> {
  const rebuilt = await ensureBuilt(ROOT);
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-bench-startup-'));
  try {
    const plan = resolvePlan(shippedTemplates().get('gbt-40143-2021')!).value!;
    const workbook = join(dir, 'M001.xlsx');
    const org = { org_id: 'M001', org_name: '协会', region: '', org_type: '', period: '2025' };
    writeFileSync(workbook, (await workbookBytes(plan, { ...org, evaluator: '' }, 'zh-CN')).bytes);

    const node = coldStart(['-e', '0'], runs);
    const rows = [
      {
        figure: 'cold start: node -e 0',
        value: `${node.toFixed(2)} s`,
        note: "node's own start, the floor of every command below",
      },
    ];
    const commands: [label: string, args: string[]][] = [
      ['scorebook --help', ['--help']],
      ['scorebook templates', ['templates']],
      ['scorebook score FILE.xlsx', ['score', workbook]],
    ];
    for (const [label, args] of commands) {
      const t = coldStart([BIN, ...args], runs, { ...process.env, SCOREBOOK_RUN: 'build' });
      rows.push({
        figure: `cold start: ${label}`,
        value: `${t.toFixed(2)} s`,
        note: `built (dist/cli/${rebuilt ? ', built for this run' : ''}); ${(t - node).toFixed(2)} s over node -e 0; target ≤ ${TARGET_SECONDS} s`,
      });
    }
    const fromSources = coldStart([BIN, '--help'], runs, {
      ...process.env,
      SCOREBOOK_RUN: 'source',
    });
    rows.push({
      figure: 'cold start: scorebook --help from the sources',
      value: `${fromSources.toFixed(2)} s`,
      note: 'tsx transpiling at start, what every command paid before the build',
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
