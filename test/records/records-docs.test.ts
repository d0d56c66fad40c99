/**
 * docs/records.md and docs/records.zh-CN.md say what the code does: the example's output is
 * the command's, the accepted headers are the reader's, the reasons are the check's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REJECT_REASONS, REQUIRED_RECORD_FIELDS, type RecordField } from '../../core/index.ts';
import { RECORD_HEADERS } from '../../pipeline/records/record-headers.ts';
import { ROOT } from '../support/run-cli.ts';
import { runRecordsVerb } from './support/records-cli.ts';

const DOCS = ['docs/records.md', 'docs/records.zh-CN.md'];
const read = (doc: string) => readFileSync(join(ROOT, doc), 'utf8');

/** The fenced block of `lang` that first follows `marker`. */
function blockAfter(text: string, marker: string, lang: string): string {
  const at = text.indexOf(marker);
  expect(at, `${marker} in the doc`).toBeGreaterThanOrEqual(0);
  const open = text.indexOf(`\`\`\`${lang}\n`, at);
  const start = open + lang.length + 4;
  return text.slice(start, text.indexOf('\n```', start) + 1);
}

/** The table rows (cells) of the table whose header row starts with `head`. */
function tableRows(text: string, head: string): string[][] {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith(`| ${head} |`));
  const rows: string[][] = [];
  for (let i = first + 2; lines[i]?.startsWith('|'); i++)
    rows.push(
      lines[i]!.split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return rows;
}

const FIELD_ORDER: RecordField[] = [
  'volunteerId',
  'date',
  'hours',
  'registered',
  'volunteerName',
  'activity',
  'activityId',
  'kind',
  'org',
];

describe('the records docs', () => {
  for (const doc of DOCS) {
    it(`${doc}: the example prints what the doc shows`, async () => {
      const text = read(doc);
      const command = blockAfter(text, '<!-- records-example -->', 'sh').trim();
      expect(command).toMatch(/^npx scorebook records /);
      const args = command.replace(/^npx scorebook records /, '').split(/\s+/);
      const run = await runRecordsVerb(args);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(3);
      const shown = text.slice(text.indexOf('```text\n', text.indexOf(command)) + 8);
      expect(shown.slice(0, shown.indexOf('```'))).toBe(run.stdout);
    });

    it(`${doc}: the header table is the reader's, required columns first`, () => {
      const rows = tableRows(read(doc), doc.includes('zh-CN') ? '列' : 'column');
      expect(rows.map((r) => r[2])).toEqual(FIELD_ORDER.map((f) => RECORD_HEADERS[f].join(', ')));
      const required = rows.flatMap((r, i) =>
        ['yes', '是'].includes(r[1]!) ? [FIELD_ORDER[i]] : [],
      );
      expect(required).toEqual([...REQUIRED_RECORD_FIELDS]);
    });

    it(`${doc}: the reasons table lists the check's reasons in its order`, () => {
      const rows = tableRows(read(doc), doc.includes('zh-CN') ? '原因' : 'reason');
      expect(rows.map((r) => r[0]!.replace(/`/g, ''))).toEqual([...REJECT_REASONS]);
    });
  }

  it('docs/records.md: the JSON excerpt is what --json prints', async () => {
    const excerpt = JSON.parse(
      blockAfter(read('docs/records.md'), '<!-- records-json -->', 'json'),
    );
    const run = await runRecordsVerb([
      'docs/examples/volunteer-records.csv',
      '--period',
      '2025',
      '--json',
      '--lang',
      'en',
    ]);
    const json = JSON.parse(run.stdout);
    for (const key of ['period', 'stars', 'rows', 'rejected_rows'])
      expect(json[key], key).toEqual(excerpt[key]);
    for (const indicator of excerpt.indicators) expect(json.indicators).toContainEqual(indicator);
  });
});
