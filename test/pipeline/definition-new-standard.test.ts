/**
 * A new standard written in Excel, end to end: a blank definition workbook from `templates new`
 * filled in by another tool (openpyxl), checked, put in a SCOREBOOK_TEMPLATES folder, workbooks
 * generated from it for a roster, filled, recalculated by LibreOffice, ingested and benchmarked —
 * with the numbers the engine gives.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, resolvePlan, type RawInput } from '../../core/index.ts';
import { readDefinitionFile } from '../../pipeline/definition/read-definition-xlsx.ts';
import { cellByName, readWorkbookBytes } from '../../pipeline/xlsx/read-workbook.ts';
import { recalculateWithLibreOffice } from '../support/libreoffice.ts';
import { runCli, scratchDir } from '../support/run-cli.ts';
import { python } from '../support/openpyxl.ts';

const dir = scratchDir('scorebook-new-standard-');

const FILL = String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
st = wb['设置']
values = {'模板编号': 'club-check', '版本': '1.0.0', '标题': '社区俱乐部自查表', '标题（英文）': 'Community club self-check',
          '标准': 'T/CLUB 1-2025', '规范性': '否', '汇总方法': 'mean'}
for r in range(2, st.max_row + 1):
    if st.cell(r, 1).value in values: st.cell(r, 2).value = values[st.cell(r, 1).value]
ws = wb['指标']
cols = {c.value: c.column for c in ws[1] if c.value}
rows = [
    {'层级': 1, '编号': '1', '名称': '基础', '名称（英文）': 'Basics', '权重': 0.4},
    {'层级': 2, '编号': '1.1', '名称': '章程', '名称（英文）': 'Articles'},
    {'层级': 3, '编号': '1.1.1', '名称': '有章程', '名称（英文）': 'Has articles', '规则': 'binary'},
    {'层级': 3, '编号': '1.1.2', '名称': '会员满意率', '名称（英文）': 'Member satisfaction', '单位': '%', '规则': 'bands',
     '分档': 'x < 60% → 0\n60% ≤ x < 85% → 0.6\nx ≥ 85% → 1'},
    {'层级': 1, '编号': '2', '名称': '活动', '名称（英文）': 'Activities', '权重': '60%'},
    {'层级': 2, '编号': '2.1', '名称': '开展', '名称（英文）': 'Running'},
    {'层级': 3, '编号': '2.1.1', '名称': '活动规范', '名称（英文）': 'Activity rules', '规则': 'scale',
     '等级': '未开展\n初步开展\n完善', '等级（英文）': 'Not in place\nInitial\nEstablished'},
    {'层级': 3, '编号': '2.1.2', '名称': '会员人数', '名称（英文）': 'Members', '单位': '名', '规则': 'record'},
    {'层级': 3, '编号': '2.1.3', '名称': '活动次数', '名称（英文）': 'Activities held', '单位': '次', '规则': 'linear',
     '得 0 分的值': 0, '得 1 分的值': '１２'},
]
for i, row in enumerate(rows):
    for k, v in row.items():
        ws.cell(2 + i, cols[k]).value = v
wb.save(sys.argv[2])
`;

const ORGS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
/** Each organization's answers, by indicator. */
const answers = (k: number): Record<string, RawInput> => ({
  '1.1.1': k % 2 === 0 ? '是' : '否',
  '1.1.2': `${50 + k * 8}%`,
  '2.1.1': String(1 + (k % 3)),
  '2.1.2': 20 + k,
  '2.1.3': k * 2 + 1,
});

describe('a new standard written in Excel', () => {
  it('checks, generates, fills, recalculates, ingests and benchmarks', async () => {
    const blank = join(dir, 'blank.xlsx');
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    const definition = join(mine, 'club-check.xlsx');
    expect(runCli(['templates', 'new', '--xlsx', blank, '--lang', 'zh-CN']).code).toBe(0);
    python(FILL, blank, definition);
    const check = runCli(['templates', 'check', definition]);
    expect(check.stdout + check.stderr).toContain('OK (club-check 1.0.0, 2/2/5');
    const template = readDefinitionFile(definition).value!;
    expect(template.dimensions.map((d) => d.weight)).toEqual([0.4, 0.6]);

    const roster = join(dir, 'members.csv');
    writeFileSync(
      roster,
      `org_id,org_name,region,org_type\n${ORGS.map((o) => `${o},俱乐部${o},深圳,社会团体`).join('\n')}\n`,
    );
    const out = join(dir, 'out');
    const gen = runCli([
      'generate',
      '--template-file',
      definition,
      '--roster',
      roster,
      '--period',
      '2025',
      '--out',
      out,
    ]);
    expect(gen.code, gen.stderr).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8');
    const files = ORGS.map((o) =>
      join(out, /[^,\n]*\.xlsx/.exec(manifest.split('\n').find((l) => l.startsWith(o))!)![0]),
    );

    const filled: string[] = [];
    ORGS.forEach((o, k) => {
      const csv = join(dir, `${o}.csv`);
      writeFileSync(
        csv,
        `id,value\n${Object.entries(answers(k))
          .map(([id, v]) => `${id},${String(v)}`)
          .join('\n')}\n`,
      );
      const target = join(dir, 'filled', `${o}.xlsx`);
      // Reading a workbook back needs its template where every command finds it.
      const fill = runCli(['fill', files[k]!, '--inputs', csv, '--out', target], {
        env: { SCOREBOOK_TEMPLATES: mine },
      });
      expect(fill.code, fill.stderr).toBe(0);
      filled.push(target);
    });
    const recalculated = await recalculateWithLibreOffice(filled, join(dir, 'returns'));

    const plan = resolvePlan(template).value!;
    const expected = ORGS.map((_, k) => evaluate(plan, new Map(Object.entries(answers(k)))).total!);
    filled.forEach((f, k) => {
      const wb = readWorkbookBytes(readFileSync(recalculated.get(f)!)).value!;
      expect(cellByName(wb, 'TOTAL')!.value as number).toBeCloseTo(expected[k]!, 9);
    });

    const env = { SCOREBOOK_TEMPLATES: mine };
    const db = join(dir, 'club.duckdb');
    const ingest = runCli(['ingest', join(dir, 'returns'), '--db', db, '--json'], { env });
    expect(JSON.parse(ingest.stdout)).toMatchObject({ ingested: ORGS.length });
    const bench = runCli(['benchmark', '--db', db, '--json'], { env });
    expect(bench.code, bench.stderr).toBe(0);
    const j = JSON.parse(bench.stdout);
    expect(j.template).toBe('club-check');
    const group = j.groups.find((g: { by: { region: string } }) => g.by.region === '深圳');
    expect(group.n).toBe(ORGS.length);
    const sorted = [...expected].sort((a, b) => a - b);
    expect(group.total.median).toBeCloseTo((sorted[2]! + sorted[3]!) / 2, 9);
    expect(group.total.max).toBeCloseTo(sorted[5]!, 9);
  }, 240_000);
});
