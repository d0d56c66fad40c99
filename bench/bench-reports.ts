/**
 * The bench row for `report --all`: a realistic database (a few hundred GB/T 40143 members in
 * six regions and three types, two periods, some scored by two evaluators, plausible answers as
 * the demo makes them, ingested as CSV returns through the real ingest), then
 * `writeAllReports` timed, median of `runs`, with the default threads and with one.
 * Figures, not assertions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { resolvePlan } from '../core/index.ts';
import { ingestFiles } from '../pipeline/ingest/run-ingest.ts';
import { writeAllReports } from '../pipeline/report/write-reports.ts';
import { workersFor } from '../pipeline/report/render-pool.ts';
import { plausibleAnswers, syntheticOrg } from '../pipeline/synthetic/plausible-answers.ts';
import { rng } from '../pipeline/synthetic/random-answers.ts';
import { shippedTemplates } from '../pipeline/templates/registry.ts';

const TEMPLATE = 'gbt-40143-2021';
const REGIONS = ['深圳', '广州', '武汉', '北京', '成都', '杭州'];
const TYPES = ['社会团体', '社会服务机构', '基金会'];
/** The issue's target for `report --all`. */
export const TARGET_REPORTS_PER_SECOND = 50;

/** Writes the members' returns as CSV and ingests them; returns the database and roster paths. */
export async function buildReportsDatabase(
  dir: string,
  organizations: number,
  seed = 6,
): Promise<{ db: string; roster: string }> {
  const random = rng(seed);
  const plan = resolvePlan(shippedTemplates().get(TEMPLATE)!).value!;
  const members = Array.from({ length: organizations }, (_, i) => ({
    org_id: `M${String(i + 1).padStart(4, '0')}`,
    org_name: `${REGIONS[i % REGIONS.length]}市第${i + 1}志愿服务协会`,
    region: REGIONS[i % REGIONS.length]!,
    org_type: TYPES[Math.floor(random() * TYPES.length)]!,
    org: syntheticOrg(random),
  }));
  const rows: string[][] = [];
  for (const m of members) {
    for (const period of ['2024', '2025']) {
      const strength = m.org.strength + (period === '2025' ? 0.25 : 0);
      for (const evaluator of random() < 0.12 ? ['秘书处', '第三方评估机构'] : ['秘书处']) {
        const answers = plausibleAnswers(plan, { ...m.org, strength }, 'zh-CN', random);
        for (const [id, a] of answers) {
          const value = a.na
            ? 'NA'
            : a.input === undefined || a.input === null
              ? ''
              : String(a.input);
          rows.push([
            TEMPLATE,
            period,
            m.org_id,
            m.org_name,
            m.region,
            m.org_type,
            evaluator,
            id,
            value,
          ]);
        }
      }
    }
  }
  const returns = join(dir, 'returns.csv');
  writeFileSync(
    returns,
    Papa.unparse({
      fields: [
        'template_id',
        'period',
        'org_id',
        'org_name',
        'region',
        'org_type',
        'evaluator',
        'indicator_id',
        'value',
      ],
      data: rows,
    }),
  );
  const roster = join(dir, 'roster.csv');
  writeFileSync(
    roster,
    Papa.unparse(
      members.map(({ org_id, org_name, region, org_type }) => ({
        org_id,
        org_name,
        region,
        org_type,
      })),
    ),
  );
  const db = join(dir, 'reports.duckdb');
  const summary = await ingestFiles([returns], {
    db,
    workers: 1,
    maxBytes: 200 * 1048576,
    lang: 'en',
  });
  if (summary.rejected.length || !summary.ingested)
    throw new Error(
      `bench reports: the synthetic returns did not ingest: ${JSON.stringify(summary).slice(0, 300)}`,
    );
  return { db, roster };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchReports(
  runs: number,
): Promise<{ figure: string; value: string; note: string }[]> {
  const organizations = Number(process.env.BENCH_REPORT_ORGS ?? 300);
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-bench-reports-'));
  try {
    const t0 = performance.now();
    const { db, roster } = await buildReportsDatabase(dir, organizations);
    const built = (performance.now() - t0) / 1000;
    const rows: { figure: string; value: string; note: string }[] = [];
    const cores = availableParallelism();
    for (const workers of [undefined, 1] as const) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < Math.max(1, runs); i++) {
        const out = join(dir, `out-${workers ?? 'default'}-${i}`);
        const started = performance.now();
        const r = await writeAllReports({
          db,
          out,
          lang: 'zh-CN',
          roster,
          ...(workers !== undefined ? { workers } : {}),
        });
        times.push((performance.now() - started) / 1000);
        count = r.count;
        rmSync(out, { recursive: true, force: true });
      }
      const threads = workers ?? 1 + workersFor(count, { cores });
      const rate = count / median(times);
      rows.push({
        figure: `reports/s, report --all, ${workers === undefined ? `default threads (${threads})` : '1 thread'}`,
        value: rate.toFixed(0),
        note: `${count} GB/T 40143 reports + index + summary, ${median(times).toFixed(1)} s; target ≥ ${TARGET_REPORTS_PER_SECOND}/s${rate < TARGET_REPORTS_PER_SECOND ? ' (below)' : ''}`,
      });
    }
    rows.push({
      figure: `report database built (${organizations} organizations)`,
      value: `${built.toFixed(1)} s`,
      note: 'plausible answers, 2 periods, ~12% with two evaluators, CSV returns through ingest',
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
