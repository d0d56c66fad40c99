/**
 * A good return, then damaged copies of it (a part cut in half, a part left out of the zip, a
 * part failing its checksum): each copy is rejected `corrupt` and the good version stays the
 * current one, with its total and its answers. Before, a cut sheet read as a shorter one and
 * replaced the good version (63.25 with 12 answers), a missing one as a blank (0 with 0).
 */
import { unzipSync, zipSync } from 'fflate';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSubmissionFile } from '../../pipeline/xlsx/open-submission.ts';
import { editParts, filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { queryDb } from '../support/query-db.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-ingest-damaged-');
const db = join(dir, 'scorebook.duckdb');
const good = join(dir, 'Y1.xlsx');
const wid = '12121212-3434-4565-8787-909090909090';
let bytes: Buffer;

const query = (sql: string) => queryDb(db, sql);

function ingest(file: string) {
  const r = runCli(['ingest', file, '--db', db, '--json']);
  return {
    code: r.code,
    json: JSON.parse(r.stdout || '{}') as {
      ingested: number;
      replaced: number;
      flagged: number;
      rejected: { file: string; reason: string; message: string }[];
    },
  };
}

function goodVersion() {
  const ev = openSubmissionFile(good).value!.evaluation;
  return {
    total: ev.total,
    answered: ev.indicators.filter((r) => r.scored && r.state === 'value').length,
    file_name: 'Y1.xlsx',
    versions: 1,
  };
}

const current = () =>
  query(
    `SELECT s.total, s.answered, s.file_name, (SELECT count(*) FROM submissions WHERE workbook_id = '${wid}')::INTEGER AS versions FROM submissions s WHERE s.workbook_id = '${wid}' AND s.is_current`,
  );

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  bytes = await filledWorkbook({
    profile: 'annex-b-example',
    org: org(1),
    seed: 11,
    workbookId: wid,
  });
  write(good, bytes);
  expect(ingest(good).json).toMatchObject({ ingested: 1, rejected: [] });
}, 120_000);

describe('ingest of damaged copies of a good return', () => {
  it("the good one is stored with the engine's total and its answers", async () => {
    expect(await current()).toEqual([goodVersion()]);
  });

  const cases: [string, () => Buffer, RegExp][] = [
    [
      'the scoring sheet cut in half',
      () =>
        editParts(bytes, (name, xml) =>
          name === 'xl/worksheets/sheet1.xml' ? xml.slice(0, xml.length >> 1) : xml,
        ),
      /xl\/worksheets\/sheet1\.xml is cut off/,
    ],
    [
      'the scoring sheet left out of the zip',
      () =>
        Buffer.from(
          zipSync(
            Object.fromEntries(
              Object.entries(unzipSync(bytes)).filter(([n]) => n !== 'xl/worksheets/sheet1.xml'),
            ),
          ),
        ),
      /the part xl\/worksheets\/sheet1\.xml is missing/,
    ],
    [
      'the shared strings cut off',
      () =>
        editParts(bytes, (name, xml) =>
          name === 'xl/sharedStrings.xml' ? xml.slice(0, xml.length - 40) : xml,
        ),
      /xl\/sharedStrings\.xml is cut off/,
    ],
    [
      'workbook.xml cut off',
      () =>
        editParts(bytes, (name, xml) =>
          name === 'xl/workbook.xml' ? xml.slice(0, Math.floor(xml.length * 0.6)) : xml,
        ),
      /xl\/workbook\.xml is cut off/,
    ],
    [
      'a byte of a stored sheet changed',
      () => {
        const stored = Buffer.from(zipSync(unzipSync(bytes), { level: 0 }));
        const at = stored.indexOf(Buffer.from('<sheetData>')) + 2;
        stored[at] = stored[at]! ^ 0x01;
        return stored;
      },
      /fails its checksum/,
    ],
  ];

  it.each(cases)(
    '%s: rejected corrupt, saying which part, and the good version stays current',
    async (label, make, words) => {
      const file = write(join(dir, `Y1-${label.replace(/\W+/g, '-')}.xlsx`), make());
      const r = ingest(file);
      expect(r.json.rejected.map((x) => x.reason)).toEqual(['corrupt']);
      expect(r.json.rejected[0]!.message).toMatch(words);
      expect(r.json).toMatchObject({ ingested: 0, replaced: 0, flagged: 0 });
      expect(r.code).toBe(3);
      expect(await current()).toEqual([goodVersion()]);
      const rows = await query(
        `SELECT reason, content_hash IS NOT NULL AS hashed FROM rejections WHERE file = '${file}'`,
      );
      expect(rows).toEqual([{ reason: 'corrupt', hashed: true }]);
    },
  );
});
