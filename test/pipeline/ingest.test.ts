/**
 * Ingest on a corpus of returns as they really arrive: honest ones, duplicates, a resubmission,
 * a workbook id claimed by two organizations, files edited by hand or re-saved by LibreOffice,
 * and one file for every rejection reason. Every file ends ingested, unchanged or rejected with
 * its reason; the stored numbers are the engine's and LibreOffice's.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../pipeline/ingest/ingest-writer.ts';
import { openSubmissionFile } from '../../pipeline/xlsx/open-submission.ts';
import { recalculateWithLibreOffice } from '../support/libreoffice.ts';
import {
  compoundFile,
  editParts,
  filledWorkbook,
  foreignWorkbook,
  org,
  write,
  zipBomb,
} from '../support/returned-workbooks.ts';
import { queryDb } from '../support/query-db.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-ingest-');
const returns = join(dir, 'returns');
const db = join(dir, 'scorebook.duckdb');
const honest: string[] = [];
let first: { code: number; json: IngestSummary };

const query = (sql: string) => queryDb(db, sql);

function ingest(args: string[]): { code: number; json: IngestSummary; stderr: string } {
  const r = runCli(['ingest', ...args, '--db', db, '--json']);
  return { code: r.code, json: JSON.parse(r.stdout || '{}'), stderr: r.stderr };
}

beforeAll(async () => {
  mkdirSync(join(returns, 'nested', 'deeper'), { recursive: true });
  for (let i = 1; i <= 24; i++) {
    const profile = i % 2 ? 'annex-b-example' : undefined;
    const sub =
      i % 3 === 0
        ? join(returns, 'nested')
        : i % 5 === 0
          ? join(returns, 'nested', 'deeper')
          : returns;
    honest.push(
      write(join(sub, `M${i}.xlsx`), await filledWorkbook({ profile, org: org(i), seed: i })),
    );
  }
  // The same file twice, under another name.
  copyFileSync(honest[0]!, join(returns, 'M1-copy.xlsx'));
  // A resubmission: the same workbook id and organization, new answers.
  const wid = '11111111-2222-4333-8444-555555555555';
  write(
    join(returns, 'R1-a.xlsx'),
    await filledWorkbook({
      profile: 'annex-b-example',
      org: org(101),
      seed: 1001,
      workbookId: wid,
    }),
  );
  write(
    join(returns, 'R1-b.xlsx'),
    await filledWorkbook({
      profile: 'annex-b-example',
      org: org(101),
      seed: 1002,
      workbookId: wid,
    }),
  );
  // One workbook id claimed by two organizations.
  const cid = '99999999-2222-4333-8444-555555555555';
  write(
    join(returns, 'C1.xlsx'),
    await filledWorkbook({ org: org(201), seed: 2001, workbookId: cid }),
  );
  write(
    join(returns, 'C2.xlsx'),
    await filledWorkbook({ org: org(202), seed: 2002, workbookId: cid }),
  );
  // Edited the way people edit: a renamed sheet (Excel renames the names' references too).
  write(
    join(returns, 'E-renamed.xlsx'),
    editParts(await filledWorkbook({ org: org(301), seed: 3001 }), (name, xml) =>
      name === 'xl/workbook.xml' ? xml.replaceAll('评分表', '我的评分表') : xml,
    ),
  );
  // Rejections, one per reason.
  write(join(returns, 'X-not-a-zip.xlsx'), '这不是工作簿');
  write(join(returns, 'X-encrypted.xlsx'), compoundFile(true));
  write(join(returns, 'X-legacy.xls'), compoundFile(false));
  write(join(returns, 'X-foreign.xlsx'), await foreignWorkbook());
  write(
    join(returns, 'X-unknown-template.xlsx'),
    editParts(await filledWorkbook({ org: org(401), seed: 4001 }), (name, xml) =>
      name === 'xl/sharedStrings.xml'
        ? xml.replace('<t>gbt-40143-2021</t>', '<t>gbt-99999-2099</t>')
        : xml,
    ),
  );
  write(
    join(returns, 'X-broken-contract.xlsx'),
    editParts(await filledWorkbook({ org: org(402), seed: 4002 }), (name, xml) =>
      name === 'xl/workbook.xml'
        ? xml.replace(/<definedName name="SC_1_1_1">[^<]*<\/definedName>/, '')
        : xml,
    ),
  );
  const wrongType = new Map([['2.1.1', { input: '很多' }]]);
  write(
    join(returns, 'X-wrong-type.xlsx'),
    await filledWorkbook({ org: org(403), seed: 4003, answers: wrongType }),
  );
  write(join(returns, 'X-bomb.xlsx'), zipBomb(60));
  symlinkSync(join(returns, 'gone.xlsx'), join(returns, 'X-vanished.xlsx'));
  // A CSV return from a member without Excel, and a malformed one.
  write(
    join(returns, 'csv-return.csv'),
    [
      'template_id,period,org_id,org_name,region,org_type,indicator_id,value',
      ...['1.1.1,是', '1.1.2,否', '5.2.2,80%', '6.1.1,yes'].map(
        (x) => `gbt-40143-2021,2025,M0500,第500协会,深圳,社会团体,${x}`,
      ),
    ].join('\n'),
  );
  write(join(returns, 'X-bad-return.csv'), 'org,answer\nM1,yes\n');
  first = ingest([returns]);
}, 300_000);

describe('scorebook ingest', () => {
  it('accounts for every file: ingested, unchanged, replaced, flagged and rejected by reason', () => {
    const { json } = first;
    // 24 honest + the renamed one + 1 CSV organization + R1-a + (C1 and C2 withdrawn) = 27 new; R1-b replaces R1-a.
    expect(json.ingested).toBe(27);
    expect(json.replaced).toBe(1);
    expect(json.unchanged).toBe(1);
    expect(json.flagged).toBe(0);
    const reasons = Object.fromEntries(
      json.rejected.map((r) => [r.file.split('/').pop(), r.reason]),
    );
    expect(reasons).toEqual({
      'C1.xlsx': 'workbook-id-conflict',
      'C2.xlsx': 'workbook-id-conflict',
      'X-bad-return.csv': 'bad-csv',
      'X-bomb.xlsx': 'too-big',
      'X-broken-contract.xlsx': 'broken-contract',
      'X-encrypted.xlsx': 'encrypted',
      'X-foreign.xlsx': 'not-ours',
      'X-legacy.xls': 'legacy-xls',
      'X-not-a-zip.xlsx': 'not-a-workbook',
      'X-unknown-template.xlsx': 'unknown-template',
      'X-vanished.xlsx': 'unreadable',
      'X-wrong-type.xlsx': 'invalid-value',
    });
    expect(first.code).toBe(3);
    const wrong = json.rejected.find((r) => r.reason === 'invalid-value')!;
    expect(wrong.message).toContain('2.1.1');
    expect(wrong.message).toContain('"很多" is not a number');
    expect(json.rejected.find((r) => r.reason === 'encrypted')!.message).toContain(
      'Remove the password',
    );
  });

  it("stores the engine's numbers for every ingested workbook, one current row per workbook id", async () => {
    const rows = await query(
      'SELECT workbook_id, org_id, total, flagged, version FROM submission_scores ORDER BY org_id',
    );
    // 24 honest, the renamed one, the CSV return's organization, and R1 once (its newest version).
    expect(rows).toHaveLength(27);
    for (const file of honest) {
      const sub = openSubmissionFile(file).value!;
      const row = rows.find((r) => r.workbook_id === sub.metadata.workbook_id)!;
      expect(row.org_id).toBe(sub.metadata.org_id);
      expect(row.total as number).toBeCloseTo(sub.evaluation.total!, 9);
    }
    const dims = await query(
      "SELECT count(*)::INTEGER AS n FROM dimension_scores d JOIN submissions s USING (content_hash) WHERE s.org_id = 'M0002'",
    );
    expect(dims[0]!.n).toBe(6);
    const inds = await query(
      "SELECT count(*)::INTEGER AS n FROM indicator_scores i JOIN submissions s USING (content_hash) WHERE s.org_id = 'M0002'",
    );
    expect(inds[0]!.n).toBe(95);
  });

  it('keeps the history of a resubmitted workbook and shows only the newest', async () => {
    const history = await query(
      "SELECT version, is_current, file_name FROM submissions WHERE org_id = 'M0101' ORDER BY version",
    );
    expect(history).toEqual([
      { version: 1, is_current: false, file_name: 'R1-a.xlsx' },
      { version: 2, is_current: true, file_name: 'R1-b.xlsx' },
    ]);
    const rej = await query(
      "SELECT count(*)::INTEGER AS n FROM rejections WHERE reason = 'workbook-id-conflict'",
    );
    expect(rej[0]!.n).toBe(2);
  });

  it('a second run of the same files changes nothing', async () => {
    const before = await query(
      'SELECT (SELECT count(*) FROM submissions)::INTEGER AS s, (SELECT count(*) FROM indicator_scores)::INTEGER AS i, (SELECT count(*) FROM rejections)::INTEGER AS r',
    );
    const again = ingest([returns]);
    expect(again.json.ingested).toBe(0);
    expect(again.json.replaced).toBe(0);
    expect(again.json.unchanged).toBe(
      first.json.ingested + first.json.replaced + first.json.unchanged,
    );
    expect(again.json.rejected.length).toBe(first.json.rejected.length);
    const after = await query(
      'SELECT (SELECT count(*) FROM submissions)::INTEGER AS s, (SELECT count(*) FROM indicator_scores)::INTEGER AS i, (SELECT count(*) FROM rejections)::INTEGER AS r',
    );
    expect(after).toEqual(before);
  });

  it("flags a workbook whose cached results disagree with the engine, and stores the engine's numbers", async () => {
    // 85% typed into a % input formatted as text: the engine reads 85 %, the sheet's formula
    // sees text and scores 0. LibreOffice recalculates and saves the file, as a member's would.
    const typed = write(
      join(dir, 'typed-as-text.xlsx'),
      await filledWorkbook({
        profile: 'annex-b-example',
        org: org(601),
        seed: 6001,
        answers: new Map([['5.3.3', { input: '85%' }]]),
      }),
    );
    const honestResave = write(
      join(dir, 'resaved.xlsx'),
      await filledWorkbook({ profile: 'annex-b-example', org: org(602), seed: 6002 }),
    );
    const out = await recalculateWithLibreOffice([typed, honestResave], join(dir, 'libreoffice'));
    const r = ingest([out.get(typed)!, out.get(honestResave)!]);
    expect(r.json).toMatchObject({ ingested: 2, flagged: 1, rejected: [] });
    expect(r.code).toBe(0);
    const rows = await query(
      "SELECT org_id, flagged, mismatches FROM submissions WHERE org_id IN ('M0601', 'M0602') ORDER BY org_id",
    );
    expect(rows[0]).toMatchObject({ org_id: 'M0601', flagged: true });
    expect(JSON.parse(rows[0]!.mismatches as string)).toEqual(
      expect.arrayContaining([{ name: 'SC_5_3_3', cached: 0, engine: 1, textInput: '85%' }]),
    );
    expect(rows[1]).toMatchObject({ org_id: 'M0602', flagged: false });
    const score = await query(
      "SELECT score FROM indicator_scores i JOIN submissions s USING (content_hash) WHERE s.org_id = 'M0601' AND indicator_id = '5.3.3'",
    );
    expect(score[0]!.score).toBe(1);
    // score says why the sheet disagrees: the cell holds text, no formula was edited.
    expect(runCli(['score', out.get(typed)!]).stdout).toMatch(
      /SC_5_3_3: workbook 0 {2}engine 1 \(the input cell holds the text "85%", which the sheet's formula cannot compute; type it again as a number\)/,
    );
  });

  it("totals equal LibreOffice's recalculation of the same files", async () => {
    const sample = honest.slice(0, 8);
    const out = await recalculateWithLibreOffice(sample, join(dir, 'libreoffice-totals'));
    const rows = await query('SELECT workbook_id, total FROM submission_scores');
    for (const file of sample) {
      const recalculated = openSubmissionFile(out.get(file)!).value!;
      const stored = rows.find((r) => r.workbook_id === recalculated.metadata.workbook_id)!;
      expect(recalculated.cached.total as number).toBeCloseTo(stored.total as number, 9);
    }
  });

  it('exits 0 when every file is ingested or unchanged, and names what it could not find', () => {
    const ok = runCli(['ingest', honest[1]!, '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/unchanged: 1/);
    const none = runCli(['ingest', join(dir, 'nothing-here', '*.xlsx'), '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Not found');
  });

  it('reads a folder recursively and a glob pattern alike', () => {
    const r = runCli(['ingest', join(returns, 'nested', '**', '*.xlsx'), '--db', db, '--json']);
    const s = JSON.parse(r.stdout) as IngestSummary;
    expect(s.unchanged).toBe(honest.filter((f) => f.includes('/nested/')).length);
    expect(readFileSync(db).length).toBeGreaterThan(0);
  });
});
