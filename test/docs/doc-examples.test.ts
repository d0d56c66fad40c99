/**
 * Every shell example in the READMEs and docs runs as written. Each ```sh block is run by bash,
 * line for line as a reader would paste it, in a folder that holds what the text around it
 * says the reader has (a roster, returns, a records export …); `npx scorebook` is the clone's
 * bin and `duckdb` a stand-in that runs the SQL through @duckdb/node-api. A block no scenario
 * here knows fails the test: a new example comes with its scenario.
 *
 * The READMEs' benchmark, report and status lines also run against a database of two templates
 * and three selections in test/pipeline/hub-association.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { OrgDetails } from '../../core/index.ts';
import { syntheticRecords } from '../../pipeline/records/synthetic-records.ts';
import { plausibleAnswers, syntheticOrg } from '../../pipeline/synthetic/plausible-answers.ts';
import { rng } from '../../pipeline/synthetic/random-answers.ts';
import { workbookBytes } from '../../pipeline/workbooks/make-workbook.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';
import { plan } from '../support/templates.ts';

interface Block {
  doc: string;
  /** the block's commands, continuation lines joined */
  commands: string[];
  text: string;
}

const DOCS = [
  'README.md',
  'README.zh-CN.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

function shellBlocks(doc: string): Block[] {
  const text = readFileSync(join(ROOT, doc), 'utf8');
  return [...text.matchAll(/^```(?:sh|bash)\n([\s\S]*?)^```/gm)].map((m) => ({
    doc,
    text: m[1]!,
    commands: m[1]!
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.trim().startsWith('#')),
  }));
}

// ---------------------------------------------------------------- what the reader has

const MEMBERS: [string, string, string, string, string][] = [
  ['M001', '阳光志愿者协会', '深圳', '社会团体', '王芳 13800000001'],
  ['M0001', '第一社区服务协会', '深圳', '社会团体', '李明'],
  ['M002', '星光社工服务中心', '广州', '社会服务机构', '张伟'],
  ['M003', '绿色家园环保协会', '广州', '社会团体', '刘洋'],
  ['M004', '彩虹助残服务中心', '深圳', '社会服务机构', '陈静'],
  ['M005', '银龄互助会', '深圳', '社会团体', '杨磊'],
  ['M006', '书香阅读推广中心', '广州', '社会服务机构', '赵敏'],
  ['M007', '邻里守望协会', '广州', '社会团体', '吴军'],
  ['M077', '晨曦青年志愿者协会', '深圳', '社会服务机构', '周杰'],
];

const org = ([org_id, org_name, region, org_type]: (typeof MEMBERS)[number]): OrgDetails => ({
  org_id,
  org_name,
  region,
  org_type,
  period: '2025',
  evaluator: '',
});

function writeRoster(dir: string): void {
  const lines = ['机构编号,机构名称,地区,机构类型,联系人', ...MEMBERS.map((m) => m.join(','))];
  writeFileSync(join(dir, 'members.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
}

/** A member's return, filled as a member of its strength would. */
async function filledReturn(
  template: string,
  member: (typeof MEMBERS)[number],
  seed: number,
  profile?: string,
): Promise<Uint8Array> {
  const p = plan(template, profile ? { profile } : {});
  const random = rng(seed);
  const answers = plausibleAnswers(p, syntheticOrg(random), 'zh-CN', random);
  return (await workbookBytes(p, org(member), 'zh-CN', { answers })).bytes;
}

/** Returns of the basic T/SSOF template (some late), one member's as CSV, and Annex B ones. */
async function writeReturns(dir: string): Promise<void> {
  mkdirSync(join(dir, 'returns'), { recursive: true });
  mkdirSync(join(dir, 'late'), { recursive: true });
  for (const [i, m] of MEMBERS.entries()) {
    if (m[0] === 'M077') continue;
    const folder = i >= 6 ? 'late' : 'returns';
    writeFileSync(
      join(dir, folder, `${m[0]}-${m[1]}.xlsx`),
      await filledReturn('tssof-0001-2024-basic', m, i + 1),
    );
  }
  for (const [i, m] of MEMBERS.slice(0, 6).entries())
    writeFileSync(
      join(dir, 'returns', `${m[0]}-annex-b.xlsx`),
      await filledReturn('gbt-40143-2021', m, 100 + i, 'annex-b-example'),
    );
  const m077 = MEMBERS.find((m) => m[0] === 'M077')!;
  const rows = plan('tssof-0001-2024-basic').indicators.map((ind, k) => ({
    template_id: 'tssof-0001-2024-basic',
    period: '2025',
    org_id: m077[0],
    org_name: m077[1],
    region: m077[2],
    org_type: m077[3],
    indicator_id: ind.id,
    value: ['初步开展', '基本完善', '完善且持续改进'][k % 3],
  }));
  writeFileSync(join(dir, 'M077.csv'), `\uFEFF${Papa.unparse(rows)}\r\n`);
}

/** The returns ingested into ./scorebook.duckdb, as they would be by the time one asks. */
async function ingestedDatabase(dir: string): Promise<void> {
  const earlier = join(dir, 'earlier');
  await writeReturns(earlier);
  const r = runCli(
    ['ingest', join(earlier, 'returns'), join(earlier, 'late'), join(earlier, 'M077.csv')],
    { cwd: dir },
  );
  expect(r.code, r.stderr).toBe(0);
}

/** A volunteer service records export of one member, without the flaws the demo plants. */
function recordsCsv(seed: number): string {
  const random = rng(seed);
  return syntheticRecords(syntheticOrg(random), random, { year: 2025, flaws: false });
}

/** Every member's records in one file, with the organization column. */
function allMembersCsv(): string {
  return MEMBERS.map((m, i) => {
    const lines = recordsCsv(200 + i).trimEnd().split('\r\n');
    const body = lines.slice(1).map((l) => `${m[0]},${l}`);
    return i === 0 ? [`机构编号,${lines[0]}`, ...body] : body;
  })
    .flat()
    .join('\r\n')
    .concat('\r\n');
}

async function recordsXlsx(file: string): Promise<void> {
  const rows = Papa.parse<string[]>(recordsCsv(300).trimEnd(), { skipEmptyLines: true }).data;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('志愿服务记录');
  // Hours as numbers below the header, as a spreadsheet holds them.
  for (const [i, r] of rows.entries())
    ws.addRow(r.map((v, c) => (i > 0 && c === 4 && v !== '' ? Number(v) : v)));
  await wb.xlsx.writeFile(file);
}

/** The README's worked template, as a reader copies it. */
function readmeTemplate(): string {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return /<!-- example-template[^>]*-->\s*```yaml\n([\s\S]*?)```/.exec(text)![1]!;
}

/** The clone's docs/examples, where the examples that name them expect them. */
function examplesIn(dir: string): void {
  cpSync(join(ROOT, 'docs/examples'), join(dir, 'docs/examples'), { recursive: true });
}

async function gbtWorkbook(dir: string, file: string): Promise<void> {
  const p = plan('gbt-40143-2021');
  writeFileSync(join(dir, file), (await workbookBytes(p, org(MEMBERS[0]!), 'zh-CN')).bytes);
}

// ---------------------------------------------------------------- scenarios

interface Scenario {
  /** the block's first command starts with this */
  first: string;
  prepare?: (dir: string) => Promise<void> | void;
  /** the exit code of each command; 0 for every one when absent */
  codes?: number[];
  /** what the reader is promised to see, and to find afterwards */
  check?: (out: string, dir: string) => void;
}

/** Blocks that set up or develop the project: run by CI itself, not by a reader's example. */
const NOT_EXAMPLES: { first: string; why: string }[] = [
  { first: 'npm install', why: 'the quick start: .ci/run does npm ci, npm run demo is tested' },
  { first: 'npm test', why: 'the development commands: CI runs them' },
  { first: 'npm ci', why: 'the add-in build: test/addin/addin-scripts.test.ts runs it' },
];

const SCENARIOS: Scenario[] = [
  {
    first: 'npx scorebook generate gbt-40143-2021 --profile annex-b-example --lang zh-CN',
    check: (_out, dir) => expect(existsSync(join(dir, 'M001.xlsx'))).toBe(true),
  },
  {
    first: 'npx scorebook generate tssof-0001-2024-basic --roster members.csv',
    prepare: async (dir) => {
      writeRoster(dir);
      const ids = plan('tssof-0001-2024-basic').indicators.slice(0, 3);
      writeFileSync(
        join(dir, 'volunteers.csv'),
        `id,value\n${ids.map((i) => `${i.id},基本完善`).join('\n')}\n`,
      );
      writeFileSync(join(dir, 'volunteer-records.csv'), recordsCsv(1));
      writeFileSync(join(dir, 'all-members.csv'), allMembersCsv());
      await ingestedDatabase(dir);
    },
    check: (out, dir) => {
      expect(readdirSync(join(dir, 'out'))).toContain('M001-阳光志愿者协会.xlsx');
      expect(existsSync(join(dir, 'M001-filled.xlsx'))).toBe(true);
      expect(readdirSync(join(dir, 'gbt-filled'))).toContain('M001-阳光志愿者协会.xlsx');
      expect(out).toMatch(/M077\s+晨曦青年志愿者协会/);
      expect(readFileSync(join(dir, 'reminders.csv'), 'utf8')).toMatch(/^\uFEFF机构编号,/);
    },
  },
  {
    first: 'npx scorebook ingest returns/ late/*.xlsx M077.csv',
    prepare: async (dir) => {
      writeRoster(dir);
      await writeReturns(dir);
    },
    check: (_out, dir) => {
      expect(existsSync(join(dir, 'scorebook.duckdb'))).toBe(true);
      expect(readdirSync(join(dir, 'reports'))).toContain('summary.pdf');
      expect(readdirSync(join(dir, 'bi'))).toContain('submissions.parquet');
    },
  },
  {
    first: 'npx scorebook benchmark --template gbt-40143-2021 --profile annex-b-example',
    prepare: async (dir) => {
      await writeReturns(dir);
      expect(runCli(['ingest', 'returns/'], { cwd: dir }).code).toBe(0);
    },
    check: (_out, dir) =>
      expect(readdirSync(join(dir, 'reports-annex-b'))).toContain('M0001-2025.html'),
  },
  { first: 'npx scorebook templates  ', check: (out) => expect(out).toContain('6.1.1') },
  {
    first: 'npx scorebook templates check my-templates/station-self-check.yaml',
    prepare: (dir) => {
      writeRoster(dir);
      mkdirSync(join(dir, 'my-templates'));
      writeFileSync(join(dir, 'my-templates', 'station-self-check.yaml'), readmeTemplate());
    },
    check: (out) => expect(out).toMatch(/TOTAL: 85\.83 \/ 100 +grade: Excellent/),
  },
  {
    first: 'npx scorebook score --template gbt-40143-2021 --profile annex-b-example --inputs',
    prepare: async (dir) => {
      examplesIn(dir);
      writeFileSync(
        join(dir, 'M001-filled.xlsx'),
        await filledReturn('tssof-0001-2024-basic', MEMBERS[0]!, 7),
      );
    },
    check: (out) => {
      expect(out).toContain('TOTAL: 69.00 / 100');
      expect(out).toContain('"total": 64.242424242');
    },
  },
  {
    first: 'duckdb scorebook.duckdb',
    prepare: ingestedDatabase,
    check: (out) => expect(out).toContain('阳光志愿者协会'),
  },
  {
    first: 'npx scorebook records volunteer-records.csv --period 2025',
    prepare: async (dir) => {
      writeFileSync(join(dir, 'volunteer-records.csv'), recordsCsv(1));
      await recordsXlsx(join(dir, 'volunteer-records.xlsx'));
      writeFileSync(join(dir, 'all-members.csv'), allMembersCsv());
    },
    check: (out) => expect(out).toMatch(/2\.1\.3/),
  },
  {
    first: 'npx scorebook records 志愿服务记录.csv --period 2025',
    prepare: async (dir) => {
      writeFileSync(join(dir, '志愿服务记录.csv'), recordsCsv(1));
      await recordsXlsx(join(dir, '志愿服务记录.xlsx'));
      writeFileSync(join(dir, '全体会员记录.csv'), allMembersCsv());
    },
    check: (out) => expect(out).toMatch(/2\.1\.3/),
  },
  {
    first: 'npx scorebook fill M001-阳光志愿者协会.xlsx --records volunteer-records.csv',
    prepare: async (dir) => {
      writeRoster(dir);
      await gbtWorkbook(dir, 'M001-阳光志愿者协会.xlsx');
      writeFileSync(join(dir, 'volunteer-records.csv'), recordsCsv(1));
      writeFileSync(join(dir, 'all-members.csv'), allMembersCsv());
      // The reader's roster folder of GB/T 40143 workbooks.
      expect(
        runCli(
          [
            'generate',
            'gbt-40143-2021',
            '--roster',
            'members.csv',
            '--period',
            '2025',
            '--out',
            'out/',
          ],
          { cwd: dir },
        ).code,
      ).toBe(0);
    },
    check: (_out, dir) => {
      expect(existsSync(join(dir, 'M001-filled.xlsx'))).toBe(true);
      expect(readdirSync(join(dir, 'filled'))).toContain('M001-阳光志愿者协会.xlsx');
    },
  },
  {
    // docs/examples/volunteer-records.csv holds five bad rows on purpose: exit code 3.
    first: 'npx scorebook records docs/examples/volunteer-records.csv --period 2025',
    prepare: examplesIn,
    codes: [3],
    check: (out) => expect(out).toMatch(/2\.1\.3/),
  },
  {
    first: 'npx scorebook export --format parquet --partition --out lake/',
    prepare: ingestedDatabase,
    check: (_out, dir) => expect(readdirSync(join(dir, 'lake'))).toContain('indicator_scores'),
  },
  {
    // Printing the sheet as docs/printing.md measures it: LibreOffice and poppler, as CI has them.
    first: 'npx scorebook generate gbt-40143-2021 --org-name 示例协会 --period 2024',
    check: (_out, dir) => {
      expect(existsSync(join(dir, 'sheet.pdf'))).toBe(true);
      expect(readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).length).toBeGreaterThan(5);
    },
  },
  {
    first: 'npx scorebook templates check my-template.yaml',
    prepare: (dir) => writeFileSync(join(dir, 'my-template.yaml'), readmeTemplate()),
  },
  {
    first: 'npx scorebook templates check my-standard.xlsx',
    prepare: (dir) => {
      const templates = join(dir, 'templates');
      mkdirSync(templates);
      writeFileSync(join(templates, 'station-self-check.yaml'), readmeTemplate());
      const r = runCli(
        ['templates', 'export', 'station-self-check', '--xlsx', join(dir, 'my-standard.xlsx')],
        { env: { SCOREBOOK_TEMPLATES: templates } },
      );
      expect(r.code, r.stderr).toBe(0);
    },
    check: (out, dir) => {
      expect(out).toContain('"ok": true');
      expect(readFileSync(join(dir, 'my-standard.yaml'), 'utf8')).toContain('station-self-check');
      expect(existsSync(join(dir, 'org.xlsx'))).toBe(true);
    },
  },
];

// ---------------------------------------------------------------- running a block

/** `duckdb FILE "SQL"`, the DuckDB shell's one-shot form, through the project's driver. */
const DUCKDB_SHIM = `
const { createRequire } = require('node:module');
const { DuckDBInstance } = createRequire(process.env.SCOREBOOK_ROOT + '/package.json')('@duckdb/node-api');
(async () => {
  const [file, sql] = process.argv.slice(1);
  const con = await (await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })).connect();
  const r = await con.runAndReadAll(sql);
  for (const row of r.getRowsJson()) console.log(row.join('|'));
})().catch((e) => { console.error(String(e)); process.exit(1); });
`;

function runBlock(block: Block, dir: string): { codes: number[]; out: string } {
  const rc = join(scratchDir('scorebook-rc-'), 'codes');
  const script = [
    'npx() { if [ "$1" = scorebook ]; then shift; node "$SCOREBOOK_ROOT/bin/scorebook.mjs" "$@"; else echo "npx $1: not an example of ours" >&2; return 127; fi; }',
    'duckdb() { node -e "$DUCKDB_SHIM" "$@"; }',
    ': > "$RC"',
    ...block.commands.flatMap((c) => [c, 'echo $? >> "$RC"']),
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      LANG: 'en_US.UTF-8',
      LC_ALL: '',
      SCOREBOOK_LANG: '',
      SCOREBOOK_ROOT: ROOT,
      DUCKDB_SHIM,
      RC: rc,
    },
    timeout: 300_000,
  });
  const codes = readFileSync(rc, 'utf8').trim().split('\n').filter(Boolean).map(Number);
  return { codes, out: `${r.stdout}\n${r.stderr}` };
}

const scenarioOf = (b: Block) => SCENARIOS.find((s) => b.commands[0]!.startsWith(s.first));

describe('the shell examples in the READMEs and docs', () => {
  const blocks = DOCS.flatMap(shellBlocks);

  it('are each known to a scenario here, or are set-up commands', () => {
    const unknown = blocks
      .filter((b) => !NOT_EXAMPLES.some((n) => b.commands[0]!.startsWith(n.first)))
      .filter((b) => !scenarioOf(b))
      .map((b) => `${b.doc}: ${b.commands[0]}`);
    expect(unknown).toEqual([]);
    expect(blocks.length).toBeGreaterThan(15);
  });

  for (const block of blocks) {
    const scenario = scenarioOf(block);
    if (!scenario) continue;
    it(`${block.doc}: ${block.commands[0]!.slice(0, 90)}`, async () => {
      const dir = scratchDir('scorebook-doc-');
      await scenario.prepare?.(dir);
      const { codes, out } = runBlock(block, dir);
      expect(codes, out).toEqual(scenario.codes ?? block.commands.map(() => 0));
      scenario.check?.(out, dir);
    }, 300_000);
  }
});
