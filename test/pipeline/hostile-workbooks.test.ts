/**
 * Returned workbooks with a trick in them: two zip entries of one name, a date typed where a
 * figure is due, an implausible head count, invisible characters in a region or type, a file
 * name that is an escape sequence. Each is refused, warned about, folded or shown inert.
 */
import { unzipSync, Zip, ZipPassThrough } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePlan, textKey, type RowAnswer } from '../../core/index.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { terminalText } from '../../pipeline/terminal/escape.ts';
import { readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import {
  isDateFormatCode,
  parseDateStyles,
  serialDateText,
} from '../../pipeline/xlsx/date-cells.ts';
import { queryDb } from '../support/query-db.ts';
import { randomAnswers, rng } from '../support/random-answers.ts';
import { editParts, filledWorkbook, org } from '../support/returned-workbooks.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

interface Summary {
  ingested: number;
  rejected: { file: string; reason: string; message: string }[];
  warnings: { file: string; message: string }[];
}

function ingestJson(files: string[], db: string): { code: number; json: Summary; stdout: string } {
  const r = runCli(['ingest', ...files, '--db', db, '--json']);
  return { code: r.code, json: JSON.parse(r.stdout) as Summary, stdout: r.stdout };
}

/** The package again with one more entry, stored under a name it already has. */
function withDuplicate(bytes: Uint8Array, name: string, data: Uint8Array): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (n: string, d: Uint8Array) => {
    const f = new ZipPassThrough(n);
    zip.add(f);
    f.push(d, true);
  };
  for (const [n, d] of Object.entries(unzipSync(bytes))) add(n, d);
  add(name, data);
  zip.end();
  return Buffer.concat(chunks);
}

/** Answers with 2.1.3 (registered volunteers, a figure recorded, not scored) set to `value`. */
function answersWith(value: number | string): Map<string, RowAnswer> {
  const plan = resolvePlan(shippedTemplates().get('gbt-40143-2021')!).value!;
  const answers = randomAnswers(plan, 'zh-CN', rng(7));
  answers.set('2.1.3', { input: value, na: false });
  return answers;
}

/** The cell holding `serial` given a date format, as Excel does when 2025/1/1 is typed into it. */
function dateFormatted(bytes: Uint8Array, serial: number): Buffer {
  // The new style's index: after the styles there are (the parts are edited in the zip's order).
  const styles = Buffer.from(unzipSync(bytes)['xl/styles.xml']!).toString('utf8');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)!;
  const index = (cellXfs[1]!.match(/<xf\b/g) ?? []).length;
  return editParts(bytes, (name, xml) => {
    if (name === 'xl/styles.xml') {
      return xml.replace(
        '</cellXfs>',
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>',
      );
    }
    if (!name.startsWith('xl/worksheets/')) return xml;
    return xml.replace(
      new RegExp(`<c r="([A-Z]+\\d+)"(?: s="\\d+")?(?: t="n")?><v>${serial}</v>`),
      (_m, ref: string) => `<c r="${ref}" s="${index}"><v>${serial}</v>`,
    );
  });
}

describe('a zip holding two entries of one name', () => {
  it('is refused as corrupt, whichever entry a reader would take', async () => {
    const dir = scratchDir();
    const good = await filledWorkbook({ org: org(1), seed: 1 });
    const sheet = unzipSync(good)['xl/worksheets/sheet1.xml']!;
    writeFileSync(join(dir, 'twice.xlsx'), withDuplicate(good, 'xl/worksheets/sheet1.xml', sheet));
    writeFileSync(join(dir, 'case.xlsx'), withDuplicate(good, 'XL/WORKBOOK.XML', sheet));
    writeFileSync(join(dir, 'good.xlsx'), good);
    expect(readWorkbookBytes(withDuplicate(good, 'docProps/app.xml', sheet)).errors).toMatchObject([
      { code: 'workbook.damaged-part', params: { problem: 'duplicate' } },
    ]);
    const r = ingestJson([dir], join(dir, 'db.duckdb'));
    expect(r.json.ingested).toBe(1);
    expect(r.json.rejected.map((x) => [x.file.split('/').pop(), x.reason]).sort()).toEqual([
      ['case.xlsx', 'corrupt'],
      ['twice.xlsx', 'corrupt'],
    ]);
    expect(r.json.rejected[0]!.message).toMatch(/holds two parts named/);
  });
});

describe('date formats', () => {
  it('tells date and time formats from number formats, quoted text and colours aside', () => {
    const dates = [
      'yyyy/m/d',
      'yyyy"年"m"月"d"日"',
      '[$-804]yyyy年m月d日',
      'h:mm',
      '[h]:mm:ss',
      'mmm-yy',
    ];
    const numbers = [
      '0.00',
      '0.0%',
      '#,##0',
      'General',
      '[Red]0.00',
      '0"天"',
      '0.0 "days"',
      '0_);(0)',
    ];
    expect(dates.map(isDateFormatCode)).toEqual(dates.map(() => true));
    expect(numbers.map(isDateFormatCode)).toEqual(numbers.map(() => false));
    const styles = parseDateStyles(
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="h:mm"/></numFmts>' +
        '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs></styleSheet>',
    );
    expect([...styles.dates]).toEqual([
      [2, 'date'],
      [3, 'time'],
      [4, 'date'],
    ]);
  });

  it('says a serial as the date (and time) it shows, in the 1900 and 1904 systems', () => {
    expect(serialDateText(45658, false, 'date')).toBe('2025-01-01');
    expect(serialDateText(45658.5, false, 'date')).toBe('2025-01-01 12:00');
    expect(serialDateText(0.3125, false, 'time')).toBe('07:30');
    expect(serialDateText(44196, true, 'date')).toBe('2025-01-01');
  });
});

describe('a date where a number is due', () => {
  it('is refused as the date the member typed, not stored as 45,658 volunteers', async () => {
    const dir = scratchDir();
    const bytes = await filledWorkbook({ org: org(2), seed: 2, answers: answersWith(45658) });
    const file = join(dir, 'date.xlsx');
    writeFileSync(file, dateFormatted(bytes, 45658));
    const r = ingestJson([file], join(dir, 'db.duckdb'));
    expect(r.json.ingested).toBe(0);
    expect(r.json.rejected).toMatchObject([{ reason: 'invalid-value' }]);
    expect(r.json.rejected[0]!.message).toContain('2.1.3: "2025-01-01" is a date (or a time)');
    expect(r.json.rejected[0]!.message).not.toContain('45658');

    const score = runCli(['score', file]);
    expect(score.stderr).toContain('"2025-01-01" is a date');
  });

  it('typed as text in a CSV return is refused the same way', () => {
    const dir = scratchDir();
    const csv = join(dir, 'return.csv');
    writeFileSync(
      csv,
      'template_id,period,org_id,indicator_id,value\ngbt-40143-2021,2025,M1,2.1.3,2025/1/1\n',
    );
    const r = ingestJson([csv], join(dir, 'db.duckdb'));
    expect(r.json.rejected).toMatchObject([{ reason: 'invalid-value' }]);
    expect(r.json.rejected[0]!.message).toContain('"2025/1/1" is a date');
  });

  it('a number in an ordinary format is still a number', async () => {
    const bytes = await filledWorkbook({ org: org(3), seed: 3, answers: answersWith(45658) });
    const dir = scratchDir();
    writeFileSync(join(dir, 'n.xlsx'), bytes);
    const r = ingestJson([join(dir, 'n.xlsx')], join(dir, 'db.duckdb'));
    expect(r.json.ingested).toBe(1);
  });
});

describe('an implausible figure', () => {
  it('is stored as given, with a warning naming the indicator and the bound (warnAbove)', async () => {
    const dir = scratchDir();
    const file = join(dir, 'many.xlsx');
    writeFileSync(
      file,
      await filledWorkbook({ org: org(4), seed: 4, answers: answersWith(150000) }),
    );
    const db = join(dir, 'db.duckdb');
    const r = ingestJson([file], db);
    expect(r.code).toBe(0);
    expect(r.json.ingested).toBe(1);
    expect(r.json.warnings).toEqual([
      {
        file,
        message: expect.stringContaining(
          'Indicator 2.1.3 holds 150000, above the plausible 100000',
        ),
      },
    ]);
    const rows = await queryDb(
      db,
      "SELECT input_value FROM indicator_scores WHERE indicator_id = '2.1.3'",
    );
    expect(rows).toEqual([{ input_value: 150000 }]);
  });
});

describe('invisible characters in keys', () => {
  it('textKey folds width and drops zero-width and bidi controls', () => {
    expect(textKey('北京\u200B')).toBe('北京');
    expect(textKey('\u202E基金会\u202C')).toBe('基金会');
    expect(textKey('ＭＡ０１\uFEFF')).toBe('MA01');
    expect(textKey('  深圳\u2060 ')).toBe('深圳');
  });

  it('"北京" and "北京\\u200B" are one region, one peer group, after ingest', async () => {
    const dir = scratchDir();
    const regions = ['北京', '北京\u200B', '\u202A北京\u202C'];
    for (const [i, region] of regions.entries())
      writeFileSync(
        join(dir, `r${i}.xlsx`),
        await filledWorkbook({
          org: org(10 + i, { region, org_type: `基金会${'\u200D'.repeat(i)}` }),
          seed: i,
        }),
      );
    const db = join(dir, 'db.duckdb');
    expect(ingestJson([dir], db).json.ingested).toBe(3);
    expect(await queryDb(db, 'SELECT DISTINCT region, org_type FROM organizations')).toEqual([
      { region: '北京', org_type: '基金会' },
    ]);
  });
});

describe('terminal escapes in file names', () => {
  it('terminalText shows controls, line breaks and bidi overrides as escapes', () => {
    expect(terminalText('a\x1b[2Jb\nc\u202Ed\x07')).toBe('a\\x1b[2Jb\\nc\\u202ed\\x07');
    expect(terminalText('北京 社会团体')).toBe('北京 社会团体');
  });

  it('a return named with an escape sequence and a newline is listed inert, on one line', () => {
    const dir = scratchDir();
    const name = 'evil\x1b]0;pwned\x07\x1b[2J\nfake line.xlsx';
    writeFileSync(join(dir, name), 'not a workbook');
    const r = runCli(['ingest', dir, '--db', join(dir, 'db.duckdb')]);
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain('\x1b');
    expect(r.stdout + r.stderr).not.toContain('\x07');
    expect(r.stdout).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J\\nfake line.xlsx  [not-a-workbook]');
    expect(r.stdout.split('\n').some((l) => l.startsWith('fake line'))).toBe(false);
  });
});
