/**
 * `npm run demo`: the whole job on synthetic members. A roster of organizations across regions
 * and types; their workbooks for two periods, filled with plausible answers (some scored by
 * two evaluators); a few returns late, edited, duplicated or broken, a few partial (blanks left),
 * two or three with the weights changed, one saved by a program that does not calculate, one
 * organization scored on a second selection (Annex B beside the full standard); and a second,
 * small membership (a hub association of 30 members on another template, every region × type
 * group under 5, so that reports fall back to coarser peer groups). All ingested into
 * demo/scorebook.duckdb, benchmarked, and reported.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { writeWholeSync } from '../files/write-whole.ts';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { resolvePlan, withCheckCharacter, type EvaluationMode, type RowAnswer, type ScoringPlan } from '../../core/index.ts';
import { readRecordsOnce, recordAnswers } from '../cli/fill-records.ts';
import { writeFilled } from '../cli/fill-action.ts';
import { syntheticRecords } from '../records/synthetic-records.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
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
  /** members of the second, small membership (tssof-0001-2024-basic); 30 by default */
  hub?: number;
}

/** The hub association: 5 regions × 3 types, 2 members each at 30, every group under k = 5. */
const HUB_TEMPLATE = 'tssof-0001-2024-basic';
const HUB_REGIONS = ['福田', '罗湖', '南山', '宝安', '龙岗'];
const HUB_KINDS = ['社工服务中心', '义工联合会', '慈善会', '社区基金会', '公益促进会', '青年志愿者协会'];

/** Returns made special on purpose, by the member's place in the roster (every one under 30, so the reduced demo shows them too). */
const PARTIAL = [7, 11, 19, 23];
const REWEIGHTED = [9, 14, 21];
const NOT_CALCULATED = 17;
const SECOND_SELECTION = 8;
/** Members whose 2025 return the secretariat fills from their volunteer service records (fill --records), every sixth from the fifth. */
const FROM_RECORDS = (i: number) => i % 6 === 4 && ![...PARTIAL, ...REWEIGHTED, NOT_CALCULATED, SECOND_SELECTION].includes(i);
/** Who evaluates in which mode (GB/T 40143 8.1.3). */
const MODES: Record<string, EvaluationMode> = { 秘书处: 'secretariat', 第三方评估机构: 'third-party', 枢纽秘书处: 'secretariat' };
/** A plausible 统一社会信用代码 for a social organization: 5 (civil affairs), its kind, the region's code, a serial, the check. */
const creditCode = (orgType: string, region: number, serial: number) =>
  withCheckCharacter(`5${orgType === '基金会' ? 3 : orgType === '社会团体' ? 1 : 2}44${String(300 + region * 3).padStart(4, '0')}MJ${String(serial).padStart(7, '0')}`);
/** The weights a member typed over the issued equal ones. */
const EDITED_WEIGHTS = (plan: ScoringPlan) => Object.fromEntries(plan.dimensions.map((d, k) => [d.id, k === 0 ? 3 : 1]));

/** A few applicable indicators left blank: a partial return. */
function leaveBlank(answers: Map<string, RowAnswer>, n: number, random: () => number): Map<string, RowAnswer> {
  const answered = [...answers].filter(([, a]) => !a.na).map(([id]) => id);
  for (let k = 0; k < n && answered.length; k++) answers.delete(answered.splice(Math.floor(random() * answered.length), 1)[0]!);
  return answers;
}

/** Every formula's cached value dropped, as openpyxl or a converter saves a workbook. */
function withoutCachedValues(bytes: Uint8Array): Buffer {
  return editParts(bytes, (name, xml) => (name.startsWith('xl/worksheets/') ? xml.replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1') : xml));
}

/**
 * What the demo suggests next: the full-table selection (the database also holds one
 * organization's Annex B return, so the selection is named, as a user would have to).
 */
export function nextCommands(db: string, roster: string, template: string): string[][] {
  const chosen = ['--template', template, '--profile', 'none'];
  return [
    ['benchmark', '--db', db, ...chosen, '--period', '2025'],
    ['status', '--db', db, '--roster', roster, ...chosen, '--period', '2025'],
  ];
}

/**
 * The member's volunteer service records for 2025 (with the few wrong rows real exports have)
 * counted into its workbook as `fill --records` does: figures, notes and the star levels.
 * Its own random source, so that the rest of the demo draws what it drew before.
 */
async function fillFromRecords(j: { file: string; member: { org_id: string; org: ReturnType<typeof syntheticOrg> } }, out: string, seed: number): Promise<void> {
  const folder = join(out, 'records');
  mkdirSync(folder, { recursive: true });
  const records = join(folder, `${j.member.org_id}.csv`);
  writeWholeSync(records, `\uFEFF${syntheticRecords(j.member.org, rng(seed * 1000 + Number(j.member.org_id.slice(1))), { year: 2025 })}`);
  const sub = openSubmissionFile(j.file).value!;
  const opts = { records, out: j.file, lang: 'zh-CN' as const };
  // What the records cannot give stays blank, as fill says; the demo's log says only the totals.
  const got = recordAnswers(readRecordsOnce(records, 'zh-CN'), sub, j.file, opts, () => {});
  if (!got.value) throw new Error(`demo: ${j.member.org_id}'s records did not fill: ${got.errors.map((e) => e.code).join(', ')}`);
  await writeFilled(sub, got.value.answers, j.file, got.value.metadata);
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
  })).map((m, i) => ({ ...m, credit_code: creditCode(m.org_type, i % REGIONS.length, 1000 + i) }));
  const rosterFile = join(out, 'roster.csv');
  writeWholeSync(rosterFile, `\uFEFF${Papa.unparse(members.map(({ org_id, org_name, region, org_type, credit_code }) => ({ org_id, org_name, region, org_type, credit_code, mode: 'secretariat' })))}\r\n`);
  log(`1/5 Roster of ${members.length} organizations in ${REGIONS.length} regions → ${rosterFile}`);

  // 2. Their returns: two periods, some with a second evaluator; some late, edited, duplicated or broken.
  type Job = { file: string; member: (typeof members)[number]; period: string; evaluator: string; strength: number; plan: ScoringPlan; special?: 'partial' | 'reweighted' | 'not-calculated' };
  const jobs: Job[] = [];
  const annexB = resolvePlan(template, { profile: 'annex-b-example' }).value;
  members.forEach((m, i) => {
    // The late ones are drawn as before; the special ones are never late, so that they show.
    const late = random() < 0.06 && ![...PARTIAL, ...REWEIGHTED, NOT_CALCULATED, SECOND_SELECTION].includes(i);
    for (const period of ['2024', '2025']) {
      if (period === '2025' && late) continue;
      const strength = m.org.strength + (period === '2025' ? 0.25 + 0.3 * (random() - 0.5) : 0);
      const evaluators = random() < 0.12 ? ['秘书处', '第三方评估机构'] : ['秘书处'];
      for (const evaluator of evaluators) {
        const main = period === '2025' && evaluator === '秘书处';
        const special = !main ? undefined : PARTIAL.includes(i) ? 'partial' : REWEIGHTED.includes(i) ? 'reweighted' : i === NOT_CALCULATED ? 'not-calculated' : undefined;
        jobs.push({ file: join(returns, safeFileName([m.org_id, period, evaluator], '.xlsx')), member: m, period, evaluator, strength, plan, ...(special ? { special } : {}) });
        // The same organization, evaluator and period on a second selection: Annex B's indicators.
        if (main && i === SECOND_SELECTION && annexB)
          jobs.push({ file: join(returns, safeFileName([m.org_id, period, evaluator, 'annex-b'], '.xlsx')), member: m, period, evaluator, strength, plan: annexB });
      }
    }
  });
  const progress = startProgress(jobs.length, '2/5 Writing filled workbooks');
  for (const j of jobs) {
    const answers = plausibleAnswers(j.plan, { ...j.member.org, strength: j.strength }, 'zh-CN', random);
    if (j.special === 'partial') leaveBlank(answers, 1 + Math.floor(random() * 5), random);
    const who = { org_id: j.member.org_id, org_name: j.member.org_name, region: j.member.region, org_type: j.member.org_type, period: j.period, evaluator: j.evaluator, credit_code: j.member.credit_code, evaluation_mode: MODES[j.evaluator]! };
    // Weights changed on the summary sheet (and recalculated): the cells are the member's, the metadata the issued plan's.
    const raw = j.special === 'reweighted' ? EDITED_WEIGHTS(j.plan) : undefined;
    const edited = raw ? resolvePlan(template, { weights: raw }).value! : j.plan;
    const { bytes } = await workbookBytes(edited, who, 'zh-CN', { answers, ...(raw ? { rawWeights: raw, issued: j.plan } : {}) });
    writeWholeSync(j.file, j.special === 'not-calculated' ? withoutCachedValues(bytes) : bytes);
    if (j.period === '2025' && j.evaluator === '秘书处' && j.plan === plan && FROM_RECORDS(members.indexOf(j.member))) await fillFromRecords(j, out, opts.seed);
    progress.tick();
  }
  progress.stop();
  const fromRecords = members.filter((_, i) => FROM_RECORDS(i)).length;
  // Members with no secretariat return for a period (an Annex B return besides the full one is not a second member).
  const late = members.length * 2 - new Set(jobs.filter((j) => j.evaluator === '秘书处').map((j) => `${j.member.org_id}/${j.period}`)).size;
  // An edited formula (the total overwritten), a duplicate under another name, a broken file.
  const edited = jobs[3]!.file;
  writeWholeSync(edited, editParts(readFileSync(edited), (name, xml) => (name === 'xl/worksheets/sheet2.xml' ? xml.replace(/(<f>IF\([^<]*=0,&quot;&quot;,100\*SUM\([^<]*<\/f><v>)[^<]*(<\/v>)/, '$199$2') : xml)));
  copyFileSync(jobs[5]!.file, join(returns, `${jobs[5]!.member.org_id}-2024-resent-copy.xlsx`));
  writeWholeSync(join(returns, 'M9999-2025-damaged.xlsx'), 'this file was damaged in transit');
  log(`   ${jobs.length} returns (${jobs.filter((j) => j.evaluator !== '秘书处').length} by a second evaluator; ${late} organizations late for 2025), plus one edited, one duplicate, one broken`);
  const specials = (s: Job['special']) => jobs.filter((j) => j.special === s).length;
  log(`   of them ${specials('partial')} partial (blanks left), ${specials('reweighted')} with the weights changed, ${specials('not-calculated')} saved without calculation, ${jobs.filter((j) => j.plan !== plan).length} on a second selection (Annex B), ${fromRecords} filled from volunteer service records (${join(out, 'records')})`);

  // The hub association: a small membership on another template, one period.
  const hubSize = opts.hub ?? 30;
  const hubTemplate = shippedTemplates().get(HUB_TEMPLATE)!;
  const hubPlan = resolvePlan(hubTemplate).value!;
  const hub = Array.from({ length: hubSize }, (_, i) => ({
    org_id: `H${String(i + 1).padStart(3, '0')}`,
    org_name: `深圳市${HUB_REGIONS[i % 5]}区${HUB_KINDS[i % HUB_KINDS.length]}`,
    region: HUB_REGIONS[i % 5]!,
    org_type: TYPES[Math.floor(i / 5) % 3]!,
    org: syntheticOrg(random),
  }));
  const hubRoster = join(out, 'hub-roster.csv');
  writeWholeSync(hubRoster, `\uFEFF${Papa.unparse(hub.map(({ org_id, org_name, region, org_type }) => ({ org_id, org_name, region, org_type, period: '2025' })))}\r\n`);
  const hubFiles: string[] = [];
  for (const m of hub) {
    const answers = plausibleAnswers(hubPlan, m.org, 'zh-CN', random);
    const { bytes } = await workbookBytes(hubPlan, { org_id: m.org_id, org_name: m.org_name, region: m.region, org_type: m.org_type, period: '2025', evaluator: '枢纽秘书处', evaluation_mode: 'secretariat' }, 'zh-CN', { answers });
    const file = join(returns, 'hub', safeFileName([m.org_id, '2025'], '.xlsx'));
    mkdirSync(join(returns, 'hub'), { recursive: true });
    writeWholeSync(file, bytes);
    hubFiles.push(file);
  }
  log(`   and a hub association of ${hub.length} members on ${HUB_TEMPLATE} (${HUB_REGIONS.length} regions × ${TYPES.length} types, every group under 5) → ${hubRoster}`);

  // 3. Ingest.
  const db = join(out, 'scorebook.duckdb');
  const files = [...jobs.map((j) => j.file), join(returns, `${jobs[5]!.member.org_id}-2024-resent-copy.xlsx`), join(returns, 'M9999-2025-damaged.xlsx'), ...hubFiles].sort();
  const ingestProgress = startProgress(files.length, '3/5 Ingesting');
  const summary = await ingestFiles(files, { db, workers: 2, maxBytes: 50 * 1048576, lang: 'zh-CN', onFile: () => ingestProgress.tick() });
  ingestProgress.stop();
  log(`   ingested ${summary.ingested}, unchanged ${summary.unchanged}, replaced ${summary.replaced}, flagged ${summary.flagged}, rejected ${summary.rejected.length} → ${db}`);
  log(`   of them partial ${summary.partial}, weights changed ${summary.weights_changed}, not calculated ${summary.not_calculated}`);

  // 4. Benchmark.
  const store = await openStore(db);
  let groups = 0;
  try {
    const result = await runBenchmark(store.con, { template: opts.template, profile: 'none', period: '2025' });
    groups = result.groups.length;
    writeWholeSync(join(out, 'benchmark-2025.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    store.close();
  }
  log(`4/5 Benchmark of 2025 by region and type (${groups} peer groups) → ${join(out, 'benchmark-2025.json')}`);

  // 5. Reports.
  const reports = await writeAllReports({ db, out: join(out, 'reports'), lang: 'zh-CN', roster: rosterFile, template: opts.template, profile: 'none', progress: (total) => startProgress(total, '5/5 Writing reports') });
  log(`5/5 ${reports.count} evaluation reports and the secretariat summary → ${join(out, 'reports')}`);
  const hubReports = await writeAllReports({ db, out: join(out, 'reports-hub'), lang: 'zh-CN', roster: hubRoster, template: HUB_TEMPLATE, period: '2025' });
  log(`    ${hubReports.count} reports of the hub association → ${join(out, 'reports-hub')}`);
  const first = reports.index;
  log('');
  log(`Done in ${((Date.now() - t0) / 1000).toFixed(0)} s. Open first: ${first}`);
  log('Then try:');
  for (const args of nextCommands(db, rosterFile, opts.template))
    log(`  npx scorebook ${args.join(' ')}`);
}

const isEntry = process.argv[1] && /run-demo\.ts$/.test(process.argv[1]);
if (isEntry) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : fallback;
  };
  await runDemo({ out: arg('out', 'demo'), organizations: Number(arg('organizations', '240')), template: arg('template', 'gbt-40143-2021'), seed: Number(arg('seed', '2025')) });
}
