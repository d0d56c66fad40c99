/**
 * One workbook id claimed by two organizations. New to the database, every file of the id is
 * rejected whatever the order the files come in, and whatever batch each lands in (a file
 * already committed is taken back); known to the database, the organization of its first
 * stored version keeps it. Every message names both organizations truthfully. Before, the
 * outcome depended on the order: a third file could be stored as version 2 with no version 1,
 * or a file be rejected for "saying" an organization it did not.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../pipeline/ingest/ingest-writer.ts';
import { filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { queryDb } from '../support/query-db.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-ingest-conflicts-');
const WID = 'c0ffee00-1111-4222-8333-444444444444';
const M1 = 'M0001';
const M2 = 'M0002';
let a1: Buffer; // M0001
let a2: Buffer; // M0001 again, other answers
let b: Buffer; // M0002

const query = (file: string, sql: string) => queryDb(file, sql);

/** Files written in this order (named so that path order is this order), ingested into `db`. */
function run(name: string, files: Buffer[], db: string, extra: string[] = []): IngestSummary {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  files.forEach((bytes, i) => write(join(folder, `${i + 1}.xlsx`), bytes));
  const r = runCli(['ingest', folder, '--db', db, '--json', ...extra]);
  return JSON.parse(r.stdout) as IngestSummary;
}

const byFile = (s: IngestSummary) =>
  Object.fromEntries(s.rejected.map((r) => [r.file.split('/').pop(), r]));

beforeAll(async () => {
  a1 = await filledWorkbook({ org: org(1), seed: 1, workbookId: WID });
  a2 = await filledWorkbook({ org: org(1), seed: 2, workbookId: WID });
  b = await filledWorkbook({ org: org(2), seed: 3, workbookId: WID });
}, 120_000);

describe('a workbook id new to the database, claimed by two organizations in one run', () => {
  it.each([
    ['M0001, M0002, M0001 again', () => [a1, b, a2], [M1, M2, M1]],
    ['M0001, M0001 again, M0002', () => [a1, a2, b], [M1, M1, M2]],
    ['M0002, M0001, M0001 again', () => [b, a1, a2], [M2, M1, M1]],
  ] as const)(
    '%s: every file is rejected, each message naming its own organization and the other',
    async (label, files, orgs) => {
      for (const batch of ['200', '1']) {
        const db = join(dir, `${label.replace(/\W+/g, '-')}-${batch}.duckdb`);
        const s = run(`${label.replace(/\W+/g, '-')}-${batch}`, [...files()], db, [
          '--batch-size',
          batch,
        ]);
        expect(s, `batch size ${batch}`).toMatchObject({ ingested: 0, replaced: 0, unchanged: 0 });
        const rejected = byFile(s);
        expect(Object.keys(rejected).sort()).toEqual(['1.xlsx', '2.xlsx', '3.xlsx']);
        orgs.forEach((own, i) => {
          const r = rejected[`${i + 1}.xlsx`]!;
          const other = own === M1 ? M2 : M1;
          expect(r.reason).toBe('workbook-id-conflict');
          expect(r.message).toContain(`this file is for ${own}`);
          expect(r.message).toMatch(new RegExp(`the file \\d\\.xlsx for ${other}`));
          // The file it names is one of the other organization's.
          const named = /the file (\d)\.xlsx/.exec(r.message)![1]!;
          expect(orgs[Number(named) - 1]).toBe(other);
        });
        // Nothing of the id is stored, however the files fell into batches; nor are the organizations known from them only.
        expect(
          await query(
            db,
            `SELECT count(*)::INTEGER AS n FROM submissions WHERE workbook_id = '${WID}'`,
          ),
        ).toEqual([{ n: 0 }]);
        expect(await query(db, 'SELECT count(*)::INTEGER AS n FROM indicator_scores')).toEqual([
          { n: 0 },
        ]);
        expect(await query(db, 'SELECT org_id FROM organizations')).toEqual([]);
        expect(
          await query(
            db,
            "SELECT count(*)::INTEGER AS n FROM rejections WHERE reason = 'workbook-id-conflict'",
          ),
        ).toEqual([{ n: 3 }]);
      }
    },
    120_000,
  );

  it('a copy of a taken-back file is rejected with it, not counted unchanged', () => {
    const db = join(dir, 'copies.duckdb');
    const folder = join(dir, 'copies');
    mkdirSync(folder, { recursive: true });
    write(join(folder, '1.xlsx'), a1);
    copyFileSync(join(folder, '1.xlsx'), join(folder, '2.xlsx'));
    write(join(folder, '3.xlsx'), b);
    const s = JSON.parse(runCli(['ingest', folder, '--db', db, '--json']).stdout) as IngestSummary;
    expect(s).toMatchObject({ ingested: 0, unchanged: 0, replaced: 0 });
    expect(s.rejected.map((r) => [r.file.split('/').pop(), r.reason]).sort()).toEqual([
      ['1.xlsx', 'workbook-id-conflict'],
      ['2.xlsx', 'workbook-id-conflict'],
      ['3.xlsx', 'workbook-id-conflict'],
    ]);
  });
});

describe('a workbook id the database already holds', () => {
  it("stays with the organization first stored: the other's files are rejected in any order, the owner's next version is stored", async () => {
    for (const order of [
      [b, a2],
      [a2, b],
    ]) {
      const db = join(dir, `stored-${order[0] === b ? 'b-first' : 'a-first'}.duckdb`);
      expect(run(`first-${order[0] === b ? 'b' : 'a'}`, [a1], db)).toMatchObject({
        ingested: 1,
        rejected: [],
      });
      const s = run(`then-${order[0] === b ? 'b' : 'a'}`, order, db);
      expect(s).toMatchObject({ ingested: 0, replaced: 1 });
      expect(s.rejected).toHaveLength(1);
      expect(s.rejected[0]!.reason).toBe('workbook-id-conflict');
      expect(s.rejected[0]!.message).toContain(
        `stored in the database for organization ${M1}, but this file is for ${M2}`,
      );
      const rows = await query(
        db,
        `SELECT version, is_current, org_id FROM submissions WHERE workbook_id = '${WID}' ORDER BY version`,
      );
      expect(rows).toEqual([
        { version: 1, is_current: false, org_id: M1 },
        { version: 2, is_current: true, org_id: M1 },
      ]);
    }
  }, 120_000);
});
