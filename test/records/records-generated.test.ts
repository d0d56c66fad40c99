/**
 * `records --json` on a generated export of a few hundred rows equals the indicators and star
 * counts counted by hand from the generator's truth, and lists each planted bad row by its row
 * number, whether the export is CSV in UTF-8, UTF-8 with BOM or GBK, or xlsx, with Chinese or
 * English headers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../support/run-cli.ts';
import {
  csvBytes,
  expectedFor,
  expectedRejections,
  generateRecords,
  STAR_TARGETS,
  TODAY,
  xlsxBytes,
  type TruthRow,
} from './support/generated-records.ts';
import { runRecordsVerb } from './support/records-cli.ts';

const dir = scratchDir('scorebook-records-');
const truth = generateRecords();

interface RecordsJson {
  period: string;
  indicators: { id: string; value: number | null; how: string }[];
  stars: { level: number; min_hours: number; volunteers: number }[];
  volunteers: { id: string; cumulative_hours: number; star: number }[];
  rows: { read: number; kept: number; rejected: number };
  rejected_rows: { row: number; reason: string; message: string }[];
}

async function recordsJson(file: string, period: string, lang = 'en'): Promise<RecordsJson> {
  const run = await runRecordsVerb([
    file,
    '--period',
    period,
    '--json',
    '--today',
    TODAY,
    '--lang',
    lang,
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(3); // some rows were rejected
  return JSON.parse(run.stdout) as RecordsJson;
}

function expectCounts(json: RecordsJson, rows: readonly TruthRow[], start: string, end: string) {
  const expected = expectedFor(rows, start, end);
  expect(Object.fromEntries(json.indicators.map((i) => [i.id, i.value]))).toEqual(
    expected.indicators,
  );
  expect(json.stars).toEqual(expected.stars);
  expect(
    new Map(json.volunteers.map((v) => [v.id, [v.cumulative_hours, v.star] as [number, number]])),
  ).toEqual(expected.volunteers);
  for (const i of json.indicators) expect(i.how.length).toBeGreaterThan(20);
}

describe('records from a generated export', () => {
  it('has a few hundred rows, every kind of bad row, and volunteers on each star bound', () => {
    expect(truth.length).toBeGreaterThan(300);
    expect(new Set(truth.flatMap((r) => (r.bad ? [r.bad] : []))).size).toBe(10);
    const expected = expectedFor(truth, '2025-01-01', '2025-12-31');
    // 99.9 h no star, 100 h one star … 1500 h five stars: each level holds exactly its two
    // bound volunteers (the one just below it and the one on the next bound) plus regulars.
    const starOf = STAR_TARGETS.map(
      (_, k) => expected.volunteers.get(`S${String(k + 1).padStart(2, '0')}`)?.[1],
    );
    expect(starOf).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect(expected.indicators['2.1.4']).toBeGreaterThan(0);
    expect(expected.indicators['2.1.4']).toBeLessThan(1);
  });

  for (const [name, lang, encoding] of [
    ['CSV, UTF-8, Chinese headers', 'zh', 'utf-8'],
    ['CSV, GBK, Chinese headers', 'zh', 'gbk'],
    ['CSV, UTF-8 with BOM, English headers', 'en', 'utf-8-bom'],
  ] as const) {
    it(`counts a ${name} export as the truth says`, async () => {
      const file = join(dir, `records-${lang}-${encoding}.csv`);
      writeFileSync(file, csvBytes(truth, lang, encoding));
      const json = await recordsJson(file, '2025');
      expect(json.period).toBe('2025');
      expectCounts(json, truth, '2025-01-01', '2025-12-31');
      expect(json.rejected_rows.map(({ row, reason }) => ({ row, reason }))).toEqual(
        expectedRejections(truth, 2),
      );
      expect(json.rows.rejected).toBe(10);
      expect(json.rows.kept + json.rows.rejected).toBe(truth.length);
    });
  }

  for (const lang of ['zh', 'en'] as const) {
    it(`counts an xlsx export (${lang} headers under a title line) as the truth says`, async () => {
      const file = join(dir, `records-${lang}.xlsx`);
      writeFileSync(file, await xlsxBytes(truth, lang));
      const json = await recordsJson(file, '2025', 'zh-CN');
      expectCounts(json, truth, '2025-01-01', '2025-12-31');
      // The title is row 1 and the header row 2: the first record is row 3.
      expect(json.rejected_rows.map(({ row, reason }) => ({ row, reason }))).toEqual(
        expectedRejections(truth, 3),
      );
      expect(json.rejected_rows.find((r) => r.reason === 'negative-hours')?.message).toBe(
        '时长为负数（-3）。请改正时长。',
      );
    });
  }

  it('counts a period that is a range of days, rows before it toward stars only', async () => {
    const file = join(dir, 'records-range.csv');
    writeFileSync(file, csvBytes(truth, 'zh', 'utf-8'));
    const json = await recordsJson(file, '2024-07-01..2025-06-30');
    expectCounts(json, truth, '2024-07-01', '2025-06-30');
    const expected = expectedFor(truth, '2024-07-01', '2025-06-30');
    // The star volunteers' 2 h of 2025-06-06 are in this period too; their 2026 hours are not.
    expect(expected.volunteers.get('S02')).toEqual([100, 1]);
  });
});
