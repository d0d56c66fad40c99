/**
 * A revision of a standard and last year's answers: version 1.1 of GB/T 40143 made in its
 * definition workbook by another tool (openpyxl), with indicators removed, added, renamed and
 * renumbered (declared by was) and a rule changed; `templates diff` lists exactly those changes;
 * filled 1.0 workbooks migrated as a folder carry every remaining answer to the right indicator;
 * and both versions' workbooks ingest side by side, each read with its own version.
 */
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METADATA_SHEET } from '../../core/index.ts';
import { readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { python } from '../support/openpyxl.ts';
import { queryDb } from '../support/query-db.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';

const dir = scratchDir('scorebook-migrate-');
const versions = join(dir, 'versions');
const env = { SCOREBOOK_TEMPLATES: versions };

const REVISE = String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
declare = sys.argv[3] == 'declare'
st = wb['设置']
for r in range(2, st.max_row + 1):
    if st.cell(r, 1).value == '版本': st.cell(r, 2).value = '9.0.0'
    if st.cell(r, 1).value == '上一版本': st.cell(r, 2).value = '1.1.0' if declare else None
ws = wb['指标']
c = {x.value: x.column for x in ws[1] if x.value}
def row(code):
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, c['编号']).value == code: return r
    raise KeyError(code)
ws.delete_rows(row('1.1.2'))
for old, new in [('1.1.3', '1.1.2'), ('1.1.4', '1.1.3'), ('1.1.5', '1.1.4')]:
    r = row(old)
    ws.cell(r, c['编号']).value = new
    if declare: ws.cell(r, c['原编号']).value = old
r = row('1.2.1')
ws.cell(r, c['名称']).value = '具有独立的工作场所'
ws.cell(r, c['名称（英文）']).value = 'Has an independent workplace'
r = row('1.2.5') + 1
ws.insert_rows(r)
for k, v in {'层级': 3, '编号': '1.2.6', '名称': '设有无障碍设施', '名称（英文）': 'Has accessible facilities',
             '规则': 'binary', '原编号': '新增' if declare else None}.items():
    ws.cell(r, c[k]).value = v
ws.cell(row('1.3.5'), c['规则']).value = 'manual'
wb.save(sys.argv[2])
`;

const ORGS = ['M1', 'M2', 'M3'];
const OLD_CODES = ['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5', '1.2.1', '1.2.6', '1.3.5'];
/** Organization k's 1.0 answer to each indicator it answers (1.2.6 does not exist in 1.0). */
const answer = (k: number, id: string) => (OLD_CODES.indexOf(id) + k) % 2 === 0;

function metadata(file: string): Record<string, string> {
  const wb = readWorkbookBytes(readFileSync(file), { extraSheets: [METADATA_SHEET] }).value!;
  const out: Record<string, string> = {};
  const cells = wb.cells.get(METADATA_SHEET)!;
  for (let r = 0; r < 40; r++) {
    const k = cells.get(`${r},0`)?.value;
    if (k) out[String(k)] = String(cells.get(`${r},1`)?.value ?? '');
  }
  return out;
}

describe('a revised standard', () => {
  it('diff lists exactly the changes; migrate carries every remaining answer to its indicator', async () => {
    const base = join(dir, 'gbt-1.0.xlsx');
    mkdirSync(versions);
    const v11 = join(versions, 'gbt-1.1.xlsx');
    runCli(['templates', 'export', 'gbt-40143-2021', '--xlsx', base, '--lang', 'zh-CN']);
    python(REVISE, base, v11, 'declare');
    expect(runCli(['templates', 'check', v11]).stdout).toContain('OK (gbt-40143-2021 9.0.0');

    const diff = runCli(['templates', 'diff', 'gbt-40143-2021@1.1.0', 'gbt-40143-2021', '--json'], {
      env,
    });
    expect(diff.code, diff.stderr).toBe(0);
    const d = JSON.parse(diff.stdout);
    expect(d.by).toBe('was');
    expect(d.added.map((x: { id: string }) => x.id)).toEqual(['1.2.6']);
    expect(d.removed.map((x: { id: string }) => x.id)).toEqual(['1.1.2']);
    expect(d.renamed.map((x: { id: string }) => x.id)).toEqual(['1.2.1']);
    expect(d.moved.map((x: { from: string; to: string }) => [x.from, x.to])).toEqual([
      ['1.1.3', '1.1.2'],
      ['1.1.4', '1.1.3'],
      ['1.1.5', '1.1.4'],
    ]);
    expect(
      d.ruleChanged.map((x: { from: string; rule: { from: string; to: string } }) => [
        x.from,
        x.rule.from,
        x.rule.to,
      ]),
    ).toEqual([['1.3.5', 'binary', 'manual']]);
    expect(d.suggestions).toEqual([]);

    // Without the declarations, the codes are compared as they are, and was is suggested by name.
    const bare = join(dir, 'gbt-1.1-bare.xlsx');
    python(REVISE, base, bare, 'bare');
    const b = JSON.parse(runCli(['templates', 'diff', base, bare, '--json']).stdout);
    expect(b.by).toBe('ids');
    expect(b.suggestions.map((x: { id: string; was: string }) => [x.id, x.was])).toEqual([
      ['1.1.2', '1.1.3'],
      ['1.1.3', '1.1.4'],
      ['1.1.4', '1.1.5'],
    ]);
    const words = runCli(['templates', 'diff', base, bare, '--lang', 'en']).stdout;
    expect(words).toContain(
      '1.1.2: named as 1.1.3 was; if it is that indicator, declare was: "1.1.3"',
    );

    // Last year's workbooks, made with 1.0 and filled.
    const roster = join(dir, 'members.csv');
    writeFileSync(
      roster,
      `org_id,org_name,region,org_type\n${ORGS.map((o) => `${o},协会${o},深圳,社会团体`).join('\n')}\n`,
    );
    const out10 = join(dir, 'v1.0');
    const gen = runCli(
      [
        'generate',
        'gbt-40143-2021@1.1.0',
        '--roster',
        roster,
        '--period',
        '2025',
        '--lang',
        'zh-CN',
        '--out',
        out10,
      ],
      { env },
    );
    expect(gen.code, gen.stderr).toBe(0);
    const filled = join(dir, 'filled-1.0');
    mkdirSync(filled);
    const made = readdirSync(out10)
      .filter((f) => f.endsWith('.xlsx'))
      .sort();
    made.forEach((f, k) => {
      const csv = join(dir, `${k}.csv`);
      const ids = OLD_CODES.filter((id) => id !== '1.2.6');
      writeFileSync(
        csv,
        `id,value\n${ids.map((id) => `${id},${answer(k, id) ? '是' : '否'}`).join('\n')}\n`,
      );
      const r = runCli(['fill', join(out10, f), '--inputs', csv, '--out', join(filled, f)], {
        env,
      });
      expect(r.code, r.stderr).toBe(0);
    });

    const out11 = join(dir, 'v1.1');
    const m = runCli(
      ['migrate', filled, '--to', 'gbt-40143-2021', '--out', out11, '--period', '2026'],
      {
        env,
      },
    );
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toContain('gbt-40143-2021 1.1.0 → gbt-40143-2021 9.0.0');
    expect(m.stdout).toContain('Not carried (removed, or not chosen, in the new version): 1.1.2');
    expect(m.stdout).toContain('New indicators to answer: 1.2.6');
    expect(m.stdout).toContain('Answers the new rule cannot read (kept in the evidence): 1.3.5');
    expect(m.stdout).toContain('3 workbooks: 3 migrated, 0 skipped, 0 failed.');

    made.forEach((f, k) => {
      const was = metadata(join(filled, f));
      const now = metadata(join(out11, f));
      expect(now).toMatchObject({
        template_version: '9.0.0',
        org_id: was.org_id,
        org_name: was.org_name,
        period: '2026',
        migrated_from: was.workbook_id,
      });
      expect(now.workbook_id).not.toBe(was.workbook_id);
      const score = JSON.parse(runCli(['score', join(out11, f), '--json'], { env }).stdout);
      const input = (id: string) =>
        score.indicators.find((i: { id: string }) => i.id === id)?.input ?? null;
      const yes = (old: string) => (answer(k, old) ? '符合' : '不符合');
      // Each answer on the indicator it was given for, under that indicator's new code.
      expect([input('1.1.1'), input('1.1.2'), input('1.1.3'), input('1.1.4')]).toEqual([
        yes('1.1.1'),
        yes('1.1.3'),
        yes('1.1.4'),
        yes('1.1.5'),
      ]);
      expect(input('1.2.1')).toBe(yes('1.2.1'));
      expect(input('1.2.6')).toBeNull();
      expect(input('1.3.5')).toBeNull();
    });

    // Both versions' workbooks ingest into one database, each read with its own version.
    const db = join(dir, 'both.duckdb');
    const ingest = runCli(['ingest', filled, out11, '--db', db, '--json'], { env });
    expect(JSON.parse(ingest.stdout)).toMatchObject({ ingested: 6 });
    const rows = await queryDb(
      db,
      'SELECT template_version, count(*)::INT AS n FROM submissions GROUP BY 1 ORDER BY 1',
    );
    expect(rows).toEqual([
      { template_version: '1.1.0', n: 3 },
      { template_version: '9.0.0', n: 3 },
    ]);
  }, 300_000);
});
