/**
 * What ingest makes of a return's metadata and text: the hidden sheet edited (its profile_hash
 * no longer matches), required entries left empty, a profile or indicator that does not exist,
 * control characters in the organization's details, and the words of the rejections. Workbooks
 * and CSV returns alike; every reason produced is one docs/database.md lists.
 */
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../pipeline/ingest/ingest-writer.ts';
import { profileHash, resolvePlan, type RowAnswer } from '../../core/index.ts';
import { REJECTION_REASONS } from '../../pipeline/ingest/file-outcome.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { workbookBytes } from '../../pipeline/workbooks/make-workbook.ts';
import { openSubmissionFile } from '../../pipeline/xlsx/open-submission.ts';
import { randomAnswers, rng } from '../support/random-answers.ts';
import {
  editMetadata,
  editParts,
  filledWorkbook,
  org,
  reweightedWorkbook,
  write,
  zipBomb,
} from '../support/returned-workbooks.ts';
import { queryDb } from '../support/query-db.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-ingest-metadata-');
const db = join(dir, 'scorebook.duckdb');
const template = shippedTemplates().get('gbt-40143-2021')!;
const annexB = resolvePlan(template, { profile: 'annex-b-example' }).value!;
let run: { code: number; json: IngestSummary; zh: IngestSummary };

const query = (sql: string) => queryDb(db, sql);

const rejected = (s: IngestSummary, file: string) =>
  s.rejected.find((r) => r.file.endsWith(`/${file}`) || r.file.includes(`/${file} `));
const csv = (rows: string[][]) =>
  rows
    .map((r) => r.map((c) => (/[",\n\x1b]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\n');
const CSV_HEAD = [
  'template_id',
  'period',
  'org_id',
  'org_name',
  'region',
  'org_type',
  'evaluator',
  'mode',
  'indicator_id',
  'value',
];

beforeAll(async () => {
  const w = (name: string, bytes: Uint8Array | string) => write(join(dir, 'returns', name), bytes);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'returns'), { recursive: true });

  // The evaluator's honest return, then the hidden sheet edited to drop what scored 0.
  const answers = randomAnswers(annexB, 'zh-CN', rng(5));
  const honest = (await workbookBytes(annexB, org(1), 'zh-CN', { answers })).bytes;
  w('H-honest.xlsx', honest);
  const sub = openSubmissionFile(join(dir, 'returns', 'H-honest.xlsx')).value!;
  const failed = sub.evaluation.indicators.filter((r) => r.score === 0).map((r) => r.id);
  expect(failed.length).toBeGreaterThan(0);
  const kept = annexB.indicators.map((i) => i.id).filter((id) => !failed.includes(id));
  // Edited with care: the cached values agree with the engine for the fewer indicators (made so by the writer), and the hash is the original's.
  const fewer = resolvePlan(template, { profile: 'annex-b-example', indicators: kept }).value!;
  const fewerAnswers = new Map([...answers].filter(([id]) => kept.includes(id)));
  const inflated = (await workbookBytes(fewer, org(2), 'zh-CN', { answers: fewerAnswers })).bytes;
  w('T-inflated.xlsx', editMetadata(inflated, { profile_hash: profileHash(annexB) }));
  // The same choice of fewer indicators made honestly (its own hash) is a return like any other.
  w('OK-fewer.xlsx', inflated);
  w(
    'T-indicators.xlsx',
    editMetadata(await filledWorkbook({ profile: 'annex-b-example', org: org(3), seed: 3 }), {
      indicators: kept.join(','),
    }),
  );
  w(
    'T-method.xlsx',
    editMetadata(await filledWorkbook({ profile: 'annex-b-example', org: org(4), seed: 4 }), {
      method: 'sum',
    }),
  );
  // Weights chosen at generation (the add-in's), and weights edited on the summary sheet of a CLI workbook: not edits of the metadata.
  const raw = { '1': 1, '5': 5, '6': 2 };
  const custom = resolvePlan(template, { profile: 'annex-b-example', weights: raw }).value!;
  w(
    'OK-custom-weights.xlsx',
    (await workbookBytes(custom, org(5), 'zh-CN', { answers, rawWeights: raw })).bytes,
  );
  w('OK-edited-weights.xlsx', await reweightedWorkbook(annexB, custom, raw, org(6), answers));

  // Older workbooks had no `weights` entry: edited weights are then told by the profile's hash.
  w(
    'OK-old-edited.xlsx',
    editMetadata(await reweightedWorkbook(annexB, custom, raw, org(15), answers), {
      weights: '',
    }),
  );
  // The add-in's workbook (its own weights issued and recorded), the weights edited again later.
  const again = { '1': 2, '5': 1, '6': 1 };
  const againPlan = resolvePlan(template, { profile: 'annex-b-example', weights: again }).value!;
  w('OK-addin-edited.xlsx', await reweightedWorkbook(custom, againPlan, again, org(17), answers));
  // The issued weights edited in the hidden sheet, or made unreadable.
  w('T-weights.xlsx', editMetadata(honest, { weights: '1=0.5;5=0.3;6=0.2' }));
  w('Z-weights.xlsx', editMetadata(honest, { weights: '1=0.5;5=abc' }));
  // Nothing filled in: a blank workbook, and a CSV return of blank values.
  w('B-blank.xlsx', await filledWorkbook({ org: org(16), seed: 16, answers: new Map() }));

  // Saved by a program that does not calculate: every formula's cached value dropped.
  w(
    'OK-not-calculated.xlsx',
    editParts(honest, (name, xml) =>
      name.startsWith('xl/worksheets/')
        ? xml.replace(/(<c [^>]*>)(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1$2')
        : xml,
    ),
  );

  // Required entries left empty (a workbook generated without them).
  w('E-no-org.xlsx', await filledWorkbook({ org: org(7, { org_id: '' }), seed: 7 }));
  w('E-no-period.xlsx', await filledWorkbook({ org: org(8, { period: '' }), seed: 8 }));
  // Metadata naming what does not exist, or holding what it may not.
  w(
    'I-no-profile.xlsx',
    editMetadata(await filledWorkbook({ profile: 'annex-b-example', org: org(9), seed: 9 }), {
      profile: 'nope',
    }),
  );
  w(
    'I-indicator.xlsx',
    editMetadata(await filledWorkbook({ org: org(10), seed: 10 }), { indicators: '1.1.1,9.9.9' }),
  );
  w(
    'Z-method.xlsx',
    editMetadata(await filledWorkbook({ org: org(11), seed: 11 }), { method: 'xyz' }),
  );
  w(
    'Z-template.xlsx',
    editMetadata(await filledWorkbook({ org: org(12), seed: 12 }), { template_id: '' }),
  );
  // Control characters in the organization's details (written as character references, as a tool might).
  w(
    'C-control.xlsx',
    editMetadata(await filledWorkbook({ org: org(13), seed: 13 }), {
      org_name: '&#27;[31m红区&#10;region=假 n=99',
      region: '深圳&#9;南山&#133;',
    }),
  );
  // N/A marked beside an entered value; no evaluator.
  const na = new Map<string, RowAnswer>([['1.1.1', { input: '符合', na: true }]]);
  w(
    'N-na.xlsx',
    await filledWorkbook({
      profile: 'annex-b-example',
      org: org(14, { evaluator: '' }),
      seed: 14,
      answers: na,
    }),
  );

  // CSV returns.
  const row = (over: Partial<Record<string, string>>, id = '1.1.1', value = '是') =>
    CSV_HEAD.map(
      (h) =>
        ({
          template_id: 'gbt-40143-2021',
          period: '2025',
          org_id: 'M0500',
          org_name: '第500协会',
          region: '深圳',
          org_type: '社会团体',
          evaluator: '',
          mode: '',
          indicator_id: id,
          value,
          ...over,
        })[h]!,
    );
  w(
    'csv-control.csv',
    csv([
      CSV_HEAD,
      row({ org_id: 'M0501', region: '\x1b[31m红区\nregion=假 n=99', org_name: 'A\u0085B' }),
      row({ org_id: 'M0501' }, '1.1.2', '否'),
    ]),
  );
  w('csv-no-period.csv', csv([CSV_HEAD, row({ period: '' }), row({ period: '' }, '1.1.2', '否')]));
  w('csv-no-org.csv', csv([CSV_HEAD, row({ org_id: '' })]));
  w('csv-bad-mode.csv', csv([CSV_HEAD, row({ org_id: 'M0502', mode: '电话抽查' })]));
  w(
    'csv-good-mode.csv',
    csv([
      CSV_HEAD,
      row({ org_id: 'M0503', mode: 'interview' }),
      row({ org_id: 'M0503', mode: '现场审核' }, '1.1.2', '否'),
    ]),
  );
  w('csv-no-template.csv', csv([CSV_HEAD, row({ org_id: 'M0504', template_id: 'nope' })]));
  w(
    'csv-blank.csv',
    csv([CSV_HEAD, row({ org_id: 'M0505' }, '1.1.1', ''), row({ org_id: 'M0505' }, '1.1.2', ' ')]),
  );

  // Files that are no workbook to read, for the words of their rejections.
  w('X-bomb.xlsx', zipBomb(60));
  w(
    'X-sheet.ods',
    zipSync({
      mimetype: [
        new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet'),
        { level: 0 },
      ],
      'content.xml': new TextEncoder().encode('<office:document-content/>'),
    }),
  );
  symlinkSync(join(dir, 'returns', 'gone.xlsx'), join(dir, 'returns', 'X-gone.xlsx'));

  const r = runCli(['ingest', join(dir, 'returns'), '--db', db, '--json']);
  const zh = runCli([
    'ingest',
    join(dir, 'returns'),
    '--db',
    join(dir, 'zh.duckdb'),
    '--json',
    '--lang',
    'zh-CN',
  ]);
  run = {
    code: r.code,
    json: JSON.parse(r.stdout) as IngestSummary,
    zh: JSON.parse(zh.stdout) as IngestSummary,
  };
}, 300_000);

describe('the hidden metadata checked against its profile_hash', () => {
  it('rejects a workbook whose metadata was edited (indicators dropped, the method changed), even with cached values to match', () => {
    for (const file of ['T-inflated.xlsx', 'T-indicators.xlsx', 'T-method.xlsx']) {
      const r = rejected(run.json, file);
      expect(r?.reason, file).toBe('bad-metadata');
      expect(r!.message).toContain('The hidden metadata (the _scorebook sheet) was edited');
      expect(r!.message).toContain('Regenerate the workbook');
    }
    expect(rejected(run.zh, 'T-inflated.xlsx')!.message).toContain(
      '隐藏的元数据（_scorebook 工作表）被修改过',
    );
  });

  it("takes honest choices: fewer indicators, the add-in's weights, weights edited on the summary sheet", async () => {
    for (const file of [
      'H-honest.xlsx',
      'OK-fewer.xlsx',
      'OK-custom-weights.xlsx',
      'OK-edited-weights.xlsx',
    ])
      expect(rejected(run.json, file), file).toBeUndefined();
    const rows = await query(
      "SELECT file_name FROM submissions WHERE file_name LIKE 'OK-%' OR file_name LIKE 'H-%' ORDER BY file_name",
    );
    expect(rows.map((r) => r.file_name)).toEqual([
      'H-honest.xlsx',
      'OK-addin-edited.xlsx',
      'OK-custom-weights.xlsx',
      'OK-edited-weights.xlsx',
      'OK-fewer.xlsx',
      'OK-not-calculated.xlsx',
      'OK-old-edited.xlsx',
    ]);
  });

  it('verifies the hash with the issued weights the metadata records, and refuses them edited or unreadable', () => {
    expect(rejected(run.json, 'T-weights.xlsx')).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining('The hidden metadata (the _scorebook sheet) was edited'),
    });
    expect(rejected(run.json, 'Z-weights.xlsx')).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining(
        'The metadata entry "weights" is "1=0.5;5=abc"; it must be 1=…;5=…;6=…',
      ),
    });
  });

  it('takes an add-in workbook whose weights were edited after generation as weights-changed, not as edited metadata', async () => {
    expect(rejected(run.json, 'OK-addin-edited.xlsx')).toBeUndefined();
    const [custom, edited] = await query(
      `SELECT file_name, total, own_total, weights_changed, flagged FROM submissions
       WHERE file_name IN ('OK-custom-weights.xlsx', 'OK-addin-edited.xlsx') ORDER BY file_name DESC`,
    );
    expect(edited).toMatchObject({ weights_changed: true, flagged: false, total: custom!.total });
    expect(edited!.own_total).not.toBe(custom!.total);
  });

  it('tells weights edited in a workbook made before the issued weights were recorded, by the hash', async () => {
    const [edited, old] = await query(
      `SELECT file_name, total, own_total, weights_changed FROM submissions
       WHERE file_name IN ('OK-edited-weights.xlsx', 'OK-old-edited.xlsx') ORDER BY file_name`,
    );
    expect(old).toMatchObject({
      weights_changed: true,
      total: edited!.total,
      own_total: edited!.own_total,
    });
  });

  it('scores weights edited on the summary sheet with the issued weights, keeping the own total beside them', async () => {
    const rows = await query(
      `SELECT file_name, total, own_total, weights, issued_weights, weights_changed, flagged, calculated
       FROM submissions WHERE file_name IN ('H-honest.xlsx', 'OK-custom-weights.xlsx', 'OK-edited-weights.xlsx')
       ORDER BY file_name`,
    );
    const [honest, custom, edited] = rows;
    // The add-in's weights were chosen at generation: they are its issued weights.
    expect(custom).toMatchObject({ weights_changed: false, flagged: false, calculated: true });
    expect(custom!.own_total).toBe(custom!.total);
    // The CLI's workbook issued with the profile's weights, edited to the add-in's: the same
    // answers as the honest one, so its total is the honest one's and its own total the add-in's.
    expect(edited).toMatchObject({ weights_changed: true, flagged: false, calculated: true });
    expect(edited!.total).toBe(honest!.total);
    expect(edited!.own_total).toBe(custom!.total);
    expect(edited!.own_total).not.toBe(edited!.total);
    expect(JSON.parse(String(edited!.issued_weights))).toEqual(
      Object.fromEntries(annexB.dimensions.map((d) => [d.id, d.weight])),
    );
    expect(edited!.weights).toBe(custom!.weights);
    // Benchmarks read dimension_scores: the issued weights there too.
    const dims = await query(
      `SELECT d.dimension_id, d.weight, d.score FROM dimension_scores d JOIN submissions s USING (content_hash)
       WHERE s.file_name IN ('H-honest.xlsx', 'OK-edited-weights.xlsx') ORDER BY s.file_name, d.dimension_id`,
    );
    const half = dims.length / 2;
    expect(dims.slice(half)).toEqual(dims.slice(0, half));
  });

  it('a workbook saved without cached values is not calculated, not flagged, and scored by the engine', async () => {
    expect(rejected(run.json, 'OK-not-calculated.xlsx')).toBeUndefined();
    const [honest, bare] = await query(
      `SELECT file_name, total, flagged, mismatches, calculated, answered, applicable FROM submissions
       WHERE file_name IN ('H-honest.xlsx', 'OK-not-calculated.xlsx') ORDER BY file_name`,
    );
    expect(honest).toMatchObject({ calculated: true, flagged: false });
    expect(bare).toMatchObject({ calculated: false, flagged: false, mismatches: '[]' });
    expect(bare!.total).toBe(honest!.total);
    expect(bare!.answered).toBe(honest!.answered);
  });
});

describe('completeness', () => {
  it('counts the applicable indicators answered: a CSV return of two answers is partial, N/A is not applicable', async () => {
    const all = resolvePlan(template).value!.indicators.length;
    const rows = await query(
      `SELECT org_id, source, applicable, answered, unanswered, complete, calculated, weights_changed
       FROM submissions WHERE org_id IN ('M0501', 'M0014') ORDER BY org_id`,
    );
    expect(rows).toEqual([
      // N-na.xlsx: only 1.1.1 given, and marked N/A.
      {
        org_id: 'M0014',
        source: 'xlsx',
        applicable: annexB.indicators.length - 1,
        answered: 0,
        unanswered: annexB.indicators.length - 1,
        complete: false,
        calculated: true,
        weights_changed: false,
      },
      {
        org_id: 'M0501',
        source: 'csv',
        applicable: all,
        answered: 2,
        unanswered: all - 2,
        complete: false,
        calculated: null,
        weights_changed: false,
      },
    ]);
  });
});

describe('empty returns', () => {
  it('are rejected empty, workbook and CSV alike, in words; a partial one is counted', () => {
    expect(rejected(run.json, 'B-blank.xlsx')).toMatchObject({
      reason: 'empty',
      message: `The return is empty: none of its ${resolvePlan(template).value!.indicators.length} applicable indicators is answered or marked N/A. Fill it in and send it again.`,
    });
    expect(rejected(run.json, 'csv-blank.csv')).toMatchObject({ reason: 'empty' });
    expect(rejected(run.zh, 'B-blank.xlsx')!.message).toContain('这份回报是空的');
    // Partial: N-na.xlsx, the CSV returns of a few answers, the fewer indicators (random answers leave blanks).
    expect(run.json.partial).toBeGreaterThanOrEqual(3);
    expect(run.json.weights_changed).toBe(3);
    expect(run.json.not_calculated).toBe(1);
  });
});

describe('rejections say whom they concern', () => {
  it('store the organization, period and template a file names, and the first problem as code and parameters', async () => {
    const rows = await query(
      `SELECT file, reason, org_id, period, template_id, code, params FROM rejections
       WHERE file LIKE '%E-no-period.xlsx' OR file LIKE '%csv-no-template.csv%' OR file LIKE '%X-bomb.xlsx' ORDER BY file`,
    );
    expect(rows.map((r) => ({ ...r, file: String(r.file).split('/').pop() }))).toEqual([
      {
        file: 'E-no-period.xlsx',
        reason: 'bad-metadata',
        org_id: 'M0008',
        period: null,
        template_id: 'gbt-40143-2021',
        code: 'workbook.metadata',
        params: JSON.stringify({ key: 'period', problem: 'empty' }),
      },
      {
        file: 'X-bomb.xlsx',
        reason: 'too-big',
        org_id: null,
        period: null,
        template_id: null,
        code: 'workbook.too-big',
        params: expect.stringContaining('"max"'),
      },
      {
        file: 'csv-no-template.csv (org M0504, period 2025)',
        reason: 'unknown-template',
        org_id: 'M0504',
        period: '2025',
        template_id: 'nope',
        code: 'workbook.unknown-template',
        params: JSON.stringify({ id: 'nope', version: '' }),
      },
    ]);
  });
});

describe('required and impossible metadata', () => {
  it('rejects an empty org_id or period as bad-metadata naming the field, workbook and CSV alike', () => {
    expect(rejected(run.json, 'E-no-org.xlsx')).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining('The metadata entry "org_id" is empty.'),
    });
    expect(rejected(run.json, 'E-no-period.xlsx')).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining('The metadata entry "period" is empty.'),
    });
    expect(rejected(run.json, 'E-no-period.xlsx')!.message).toContain('--period');
    expect(rejected(run.json, 'csv-no-period.csv')).toMatchObject({
      reason: 'bad-metadata',
      message:
        'The required field period is empty (row 2 and 1 more): every answer must say its template, organization and period. Fill it in and send the file again.',
    });
    expect(rejected(run.json, 'csv-no-org.csv')).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining('The required field org_id is empty (row 2)'),
    });
  });

  it('a profile the template does not have is unknown-template; an indicator it does not have is bad-metadata', () => {
    expect(rejected(run.json, 'I-no-profile.xlsx')).toMatchObject({
      reason: 'unknown-template',
      message: expect.stringContaining('has no profile "nope"'),
    });
    expect(rejected(run.json, 'I-indicator.xlsx')).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining(
        'names the indicator 9.9.9, which template gbt-40143-2021 does not have',
      ),
    });
  });

  it("says which entry is wrong and what it must hold, in words of its own (not zod's)", () => {
    const method = rejected(run.json, 'Z-method.xlsx')!;
    expect(method).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining(
        'The metadata entry "method" is "xyz"; it must be mean / sum / levels.',
      ),
    });
    const tpl = rejected(run.json, 'Z-template.xlsx')!;
    expect(tpl.message).toContain('The metadata entry "template_id" is empty.');
    for (const r of [...run.json.rejected, ...run.zh.rejected])
      expect(r.message).not.toMatch(
        /Too small|expected string|Invalid (option|input)|>=1 characters/,
      );
    expect(rejected(run.zh, 'Z-method.xlsx')!.message).toContain(
      '元数据项 "method" 的值 "xyz" 无效，应为 mean / sum / levels。',
    );
  });

  it("every reason given is one docs/database.md documents, and the table lists exactly the code's reasons", () => {
    const doc = readFileSync(join(ROOT, 'docs/database.md'), 'utf8');
    const section = doc.slice(
      doc.indexOf('## Rejection reasons'),
      doc.indexOf('\n## ', doc.indexOf('## Rejection reasons') + 5),
    );
    const documented = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...REJECTION_REASONS]);
    for (const r of [...run.json.rejected, ...run.zh.rejected])
      expect(REJECTION_REASONS, r.file).toContain(r.reason);
  });
});

describe('text stored and shown as text', () => {
  it("strips control characters from the organization's details, workbook and CSV alike", async () => {
    const rows = await query(
      "SELECT org_id, org_name, region FROM organizations WHERE org_id IN ('M0013', 'M0501') ORDER BY org_id",
    );
    expect(rows).toEqual([
      { org_id: 'M0013', org_name: '[31m红区 region=假 n=99', region: '深圳 南山' },
      { org_id: 'M0501', org_name: 'A B', region: '[31m红区 region=假 n=99' },
    ]);
    const all = await query(
      "SELECT org_id, org_name, region, org_type FROM organizations UNION ALL SELECT workbook_id, period, coalesce(evaluator, ''), profile FROM submissions",
    );
    // eslint-disable-next-line no-control-regex
    for (const r of all)
      for (const v of Object.values(r))
        expect(String(v)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(run.json.rejected.map((r) => r.message).join('')).not.toContain('\x1b');
  });

  it('keeps what was entered beside a marked N/A, and stores no evaluator as NULL', async () => {
    const rows = await query(
      "SELECT i.input_raw, i.state, i.na, s.evaluator FROM indicator_scores i JOIN submissions s USING (content_hash) WHERE s.file_name = 'N-na.xlsx' AND i.indicator_id = '1.1.1'",
    );
    expect(rows).toEqual([{ input_raw: '符合', state: 'na', na: true, evaluator: null }]);
    const csvEvaluator = await query("SELECT evaluator FROM submissions WHERE org_id = 'M0503'");
    expect(csvEvaluator).toEqual([{ evaluator: null }]);
  });

  it("takes a CSV return's evaluation mode only from the workbook's list (either language, any case), stored as the list has it", async () => {
    expect(rejected(run.json, 'csv-bad-mode.csv')).toMatchObject({
      reason: 'invalid-value',
      message: expect.stringContaining(
        'row 2: "电话抽查" is not an evaluation mode. Write one of 文件审核, 人员访谈, 现场审核, Document review, Interview, On-site review, or leave it empty.',
      ),
    });
    const modes = await query(
      "SELECT i.indicator_id, i.mode FROM indicator_scores i JOIN submissions s USING (content_hash) WHERE s.org_id = 'M0503' AND i.mode IS NOT NULL ORDER BY 1",
    );
    expect(modes).toEqual([
      { indicator_id: '1.1.1', mode: 'Interview' },
      { indicator_id: '1.1.2', mode: '现场审核' },
    ]);
  });
});

describe('the words of rejections', () => {
  it('name the option, the problem and the fix', () => {
    expect(rejected(run.json, 'X-bomb.xlsx')).toMatchObject({
      reason: 'too-big',
      message: expect.stringContaining('raise the limit with --max-mb'),
    });
    expect(rejected(run.zh, 'X-bomb.xlsx')!.message).toContain('--max-mb');
    expect(rejected(run.json, 'X-sheet.ods')).toMatchObject({
      reason: 'not-a-workbook',
      message: expect.stringContaining('OpenDocument spreadsheet (.ods)'),
    });
    expect(rejected(run.json, 'X-sheet.ods')!.message).toContain(
      'save it as an Excel workbook (.xlsx)',
    );
    expect(rejected(run.json, 'X-gone.xlsx')).toMatchObject({
      reason: 'unreadable',
      message: expect.stringContaining('Cannot read the file: file not found'),
    });
    expect(rejected(run.zh, 'X-gone.xlsx')!.message).toContain('文件不存在');
    expect(rejected(run.json, 'csv-no-template.csv')).toMatchObject({
      reason: 'unknown-template',
      message: 'Unknown template nope. Upgrade scorebook or check where the file came from.',
    });
    expect(run.code).toBe(3);
  });
});
