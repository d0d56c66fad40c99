/**
 * `npm run demo`: the whole job on synthetic members. A roster of organizations across regions
 * and types; their workbooks for two periods, filled with plausible answers (some scored by
 * two evaluators); a few returns late, edited, duplicated or broken; all ingested into
 * demo/scorebook.duckdb, benchmarked, and reported.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { resolvePlan } from '../../core/index.ts';
import { runBenchmark } from '../benchmark/run-benchmark.ts';
import { writeAllReports } from '../report/write-reports.ts';
import { startProgress } from '../cli/progress.ts';
import { ingestFiles } from '../ingest/run-ingest.ts';
import { openStore } from '../store/open-store.ts';
import { plausibleAnswers, syntheticOrg } from '../synthetic/plausible-answers.ts';
import { rng } from '../synthetic/random-answers.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { workbookBytes } from '../workbooks/make-workbook.ts';
import { safeFileName } from '../roster/safe-file-name.ts';
import { editParts } from '../xlsx/edit-parts.ts';

const REGIONS = ['深圳', '广州', '武汉', '北京', '成都', '杭州'];
const TYPES = ['社会团体', '社会服务机构', '基金会'];
const NAMES = ['阳光', '春雨', '同心', '晨曦', '彩虹', '蒲公英', '向日葵', '启明', '暖流', '绿洲', '星火', '微光'];
const KINDS = ['志愿者协会', '志愿服务中心', '公益服务社', '社工服务中心', '慈善基金会'];

export interface DemoOptions {
  out: string;
  organizations: number;
  template: string;
  seed: number;
}

export async function runDemo(opts: DemoOptions): Promise<void> {
  const t0 = Date.now();
  const out = resolve(opts.out);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  if (existsSync(out)) {
    log(`Starting clean: removing the previous run in ${out}`);
    rmSync(out, { recursive: true, force: true });
  }
  const returns = join(out, 'returns');
  mkdirSync(returns, { recursive: true });
  const random = rng(opts.seed);
  const template = shippedTemplates().get(opts.template)!;
  const plan = resolvePlan(template).value!;

  // 1. The roster.
  const members = Array.from({ length: opts.organizations }, (_, i) => ({
    org_id: `M${String(i + 1).padStart(4, '0')}`,
    org_name: `${REGIONS[i % REGIONS.length]}市${NAMES[Math.floor(random() * NAMES.length)]}${KINDS[i % KINDS.length]}`,
    region: REGIONS[i % REGIONS.length]!,
    org_type: TYPES[Math.floor(random() * TYPES.length)]!,
    org: syntheticOrg(random),
  }));
  const rosterFile = join(out, 'roster.csv');
  writeFileSync(rosterFile, `\uFEFF${Papa.unparse(members.map(({ org_id, org_name, region, org_type }) => ({ org_id, org_name, region, org_type })))}\r\n`);
  log(`1/5 Roster of ${members.length} organizations in ${REGIONS.length} regions → ${rosterFile}`);

  // 2. Their returns: two periods, some with a second evaluator; some late, edited, duplicated or broken.
  const jobs: { file: string; member: (typeof members)[number]; period: string; evaluator: string; strength: number }[] = [];
  for (const m of members) {
    const late = random() < 0.06;
    for (const period of ['2024', '2025']) {
      if (period === '2025' && late) continue;
      const strength = m.org.strength + (period === '2025' ? 0.25 + 0.3 * (random() - 0.5) : 0);
      const evaluators = random() < 0.12 ? ['秘书处', '第三方评估机构'] : ['秘书处'];
      for (const evaluator of evaluators) {
        jobs.push({ file: join(returns, safeFileName([m.org_id, period, evaluator], '.xlsx')), member: m, period, evaluator, strength });
      }
    }
  }
  const progress = startProgress(jobs.length, '2/5 Writing filled workbooks');
  for (const j of jobs) {
    const answers = plausibleAnswers(plan, { ...j.member.org, strength: j.strength }, 'zh-CN', random);
    const { bytes } = await workbookBytes(plan, { org_id: j.member.org_id, org_name: j.member.org_name, region: j.member.region, org_type: j.member.org_type, period: j.period, evaluator: j.evaluator }, 'zh-CN', { answers });
    writeFileSync(j.file, bytes);
    progress.tick();
  }
  progress.stop();
  const late = members.length * 2 - jobs.filter((j) => j.evaluator === '秘书处').length;
  // An edited formula (the total overwritten), a duplicate under another name, a broken file.
  const edited = jobs[3]!.file;
  writeFileSync(edited, editParts(readFileSync(edited), (name, xml) => (name === 'xl/worksheets/sheet2.xml' ? xml.replace(/(<f>IF\(SUM\(\$I\$\d+:\$I\$\d+\)=0,&quot;&quot;,100\*SUM\(\$J[^<]*<\/f><v>)[^<]*(<\/v>)/, '$199$2') : xml)));
  copyFileSync(jobs[5]!.file, join(returns, `${jobs[5]!.member.org_id}-2024-resent-copy.xlsx`));
  writeFileSync(join(returns, 'M9999-2025-damaged.xlsx'), 'this file was damaged in transit');
  log(`   ${jobs.length} returns (${jobs.filter((j) => j.evaluator !== '秘书处').length} by a second evaluator; ${late} organizations late for 2025), plus one edited, one duplicate, one broken`);

  // 3. Ingest.
  const db = join(out, 'scorebook.duckdb');
  const files = [...jobs.map((j) => j.file), join(returns, `${jobs[5]!.member.org_id}-2024-resent-copy.xlsx`), join(returns, 'M9999-2025-damaged.xlsx')].sort();
  const ingestProgress = startProgress(files.length, '3/5 Ingesting');
  const summary = await ingestFiles(files, { db, workers: 2, maxBytes: 50 * 1048576, lang: 'zh-CN', onFile: () => ingestProgress.tick() });
  ingestProgress.stop();
  log(`   ingested ${summary.ingested}, unchanged ${summary.unchanged}, replaced ${summary.replaced}, flagged ${summary.flagged}, rejected ${summary.rejected.length} → ${db}`);

  // 4. Benchmark.
  const store = await openStore(db);
  let groups = 0;
  try {
    const result = await runBenchmark(store.con, { template: opts.template, period: '2025' });
    groups = result.groups.length;
    writeFileSync(join(out, 'benchmark-2025.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    store.close();
  }
  log(`4/5 Benchmark of 2025 by region and type (${groups} peer groups) → ${join(out, 'benchmark-2025.json')}`);

  // 5. Reports.
  const reports = await writeAllReports({ db, out: join(out, 'reports'), lang: 'zh-CN', roster: rosterFile, progress: (total) => startProgress(total, '5/5 Writing reports') });
  log(`5/5 ${reports.count} evaluation reports and the secretariat summary → ${join(out, 'reports')}`);
  const first = reports.index;
  log('');
  log(`Done in ${((Date.now() - t0) / 1000).toFixed(0)} s. Open first: ${first}`);
  log(`Then try: npx scorebook benchmark --db ${db}    npx scorebook status --db ${db} --roster ${rosterFile} --period 2025`);
}

const isEntry = process.argv[1] && /run-demo\.ts$/.test(process.argv[1]);
if (isEntry) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : fallback;
  };
  await runDemo({ out: arg('out', 'demo'), organizations: Number(arg('organizations', '240')), template: arg('template', 'gbt-40143-2021'), seed: Number(arg('seed', '2025')) });
}
