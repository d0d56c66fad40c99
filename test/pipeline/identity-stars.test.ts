/**
 * Issue 11, parts 4 and 5 through the real CLI: a wrong 统一社会信用代码 refused at generate
 * (the option, a roster row) and at ingest (bad-metadata, with the reason); a workbook filled
 * from volunteer service records ingested with its star levels, shown in its report (counts and
 * shares, equal to `records --json`) and summed in the secretariat's summary; `--mode` keeping
 * benchmark and report within one evaluation mode.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../pipeline/ingest/ingest-writer.ts';
import { editMetadata, filledWorkbook, org, write } from '../support/returned-workbooks.ts';
import { queryDb } from '../support/query-db.ts';
import { ROOT, runCli, scratchDir } from '../support/run-cli.ts';

const EXAMPLE = join(ROOT, 'docs/examples/volunteer-records.csv');
const GOOD = '91350200776049653A';
/** GOOD with its 12th character mistyped: the check character no longer holds. */
const TYPO = '91350200777049653A';

describe('the credit code at generate', () => {
  it('refuses a wrong --credit-code with the reason and writes nothing', () => {
    const dir = scratchDir();
    const out = join(dir, 'a.xlsx');
    const r = runCli(['generate', 'gbt-40143-2021', '--credit-code', TYPO, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the unified social credit code "${TYPO}" is invalid`);
    expect(r.stderr).toMatch(
      /its check character \(the 18th\) is "A", where GB 32100-2015 gives "\w"/,
    );
    expect(existsSync(out)).toBe(false);
    // Written as typed by a person, it is taken and stored normalized.
    const ok = runCli([
      'generate',
      'gbt-40143-2021',
      '--credit-code',
      '９１350200776049653a',
      '--mode',
      '第三方评价',
      '--org-id',
      'A1',
      '--period',
      '2025',
      '--out',
      out,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const score = runCli(['score', out, '--json']);
    expect(score.code, score.stderr).toBe(0);
  });

  it('skips a roster row with a wrong code or mode, naming the row, and writes the others with theirs', () => {
    const dir = scratchDir();
    const roster = write(
      join(dir, 'members.csv'),
      [
        'org_id,org_name,region,org_type,统一社会信用代码,评价方式',
        `M1,甲协会,深圳,社会团体,${GOOD},自评`,
        `M2,乙协会,深圳,社会团体,${TYPO},`,
        'M3,丙协会,深圳,基金会,,秘书处',
        'M4,丁协会,深圳,基金会,,互评',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const r = runCli([
      'generate',
      'gbt-40143-2021',
      '--roster',
      roster,
      '--period',
      '2025',
      '--out',
      out,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /row 3.*Member M2: the unified social credit code "91350200777049653A" is invalid/,
    );
    expect(r.stderr).toMatch(/row 5.*Member M4: the evaluation mode "互评" is not one of/);
    const manifest = readFileSync(join(out, 'manifest.csv'), 'utf8');
    expect(manifest).toContain(`M1,甲协会,M1-甲协会.xlsx`);
    expect(manifest).toMatch(new RegExp(`M1,.*,${GOOD},self,`));
    expect(manifest).toMatch(/M3,.*,,secretariat,/);
    expect(manifest).not.toMatch(/^M2,|^M4,/m);
  });
});

describe('ingest, reports and --mode', () => {
  const dir = scratchDir('scorebook-identity-');
  const returns = join(dir, 'returns');
  const db = join(dir, 'scorebook.duckdb');
  const reports = join(dir, 'reports');
  let summary: IngestSummary;
  let stars: { level: number; min_hours: number; volunteers: number }[];

  beforeAll(async () => {
    // Six members: three self-assessed, three evaluated by the secretariat, all with a right code.
    for (let i = 1; i <= 6; i++) {
      const mode = i <= 3 ? 'self' : 'secretariat';
      const bytes = await filledWorkbook({
        org: org(i, {
          org_id: `M${i}`,
          region: '深圳',
          org_type: '社会团体',
          evaluation_mode: mode,
          credit_code: i === 1 ? GOOD : '',
        }),
        seed: i,
      });
      write(join(dir, `M${i}.xlsx`), bytes);
    }
    // M1's figures and star levels from its volunteer service records.
    const filled = runCli([
      'fill',
      join(dir, 'M1.xlsx'),
      '--records',
      EXAMPLE,
      '--out',
      join(returns, 'M1.xlsx'),
    ]);
    expect(filled.code, filled.stderr).toBe(0);
    for (let i = 2; i <= 6; i++)
      writeFileSync(join(returns, `M${i}.xlsx`), readFileSync(join(dir, `M${i}.xlsx`)));
    // A wrong code typed into the hidden sheet, and a blank one (allowed).
    const base = readFileSync(join(dir, 'M2.xlsx'));
    write(
      join(returns, 'X-typo.xlsx'),
      editMetadata(base, { credit_code: TYPO, workbook_id: 'x-typo' }),
    );
    write(
      join(returns, 'X-letter.xlsx'),
      editMetadata(base, { credit_code: '91350200776O49653A', workbook_id: 'x-letter' }),
    );
    const r = runCli(['ingest', returns, '--db', db, '--json']);
    expect([0, 3], r.stderr).toContain(r.code);
    summary = JSON.parse(r.stdout) as IngestSummary;
    const rec = runCli(['records', EXAMPLE, '--period', '2025', '--json']);
    stars = (JSON.parse(rec.stdout) as { stars: typeof stars }).stars;
  }, 180_000);

  it('refuses a wrong credit code as bad-metadata, saying why', () => {
    const typo = summary.rejected.find((x) => x.file.endsWith('X-typo.xlsx'));
    expect(typo).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining(
        `the unified social credit code "${TYPO}" is invalid: its check character (the 18th) is "A"`,
      ),
    });
    const letter = summary.rejected.find((x) => x.file.endsWith('X-letter.xlsx'));
    expect(letter).toMatchObject({
      reason: 'bad-metadata',
      message: expect.stringContaining('character 12 "O" is not a code character'),
    });
    expect(summary.ingested).toBe(6);
  });

  it('stores the code, the mode and the star levels of the record-filled return', async () => {
    const subs = await queryDb(
      db,
      'SELECT org_id, credit_code, evaluation_mode FROM submissions ORDER BY org_id',
    );
    expect(subs).toEqual([
      { org_id: 'M1', credit_code: GOOD, evaluation_mode: 'self' },
      ...[2, 3].map((i) => ({ org_id: `M${i}`, credit_code: null, evaluation_mode: 'self' })),
      ...[4, 5, 6].map((i) => ({
        org_id: `M${i}`,
        credit_code: null,
        evaluation_mode: 'secretariat',
      })),
    ]);
    const rows = await queryDb(
      db,
      'SELECT s.org_id, v.star_level, v.volunteers FROM volunteer_stars v JOIN submissions s USING (content_hash) ORDER BY v.star_level',
    );
    expect(rows.every((r) => r.org_id === 'M1')).toBe(true);
    const registered = Number(
      JSON.parse(runCli(['records', EXAMPLE, '--period', '2025', '--json']).stdout).indicators.find(
        (i: { id: string }) => i.id === '2.1.3',
      ).value,
    );
    const starred = stars.reduce((n, s) => n + s.volunteers, 0);
    expect(rows.map((r) => [r.star_level, r.volunteers])).toEqual([
      [0, registered - starred],
      ...stars.map((s) => [s.level, s.volunteers]),
    ]);
    expect(stars.some((s) => s.volunteers > 0)).toBe(true);
  });

  it("shows an organization's volunteers by star level (counts, shares), its code and mode; the summary sums the members'", () => {
    const r = runCli([
      'report',
      '--all',
      '--db',
      db,
      '--out',
      reports,
      '--min-group',
      '2',
      '--lang',
      'en',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(reports, 'M1-2025.html'), 'utf8');
    expect(page).toContain('Volunteers by star level');
    expect(page).toContain(`Unified social credit code <b>${GOOD}</b>`);
    expect(page).toMatch(/data-mode="self">Evaluation <b>self-assessment<\/b>/);
    const levels = [
      ...page.matchAll(
        /data-star-level="(\d)" data-volunteers="(\d+)">.*?<td class="num" data-share>([^<]+)</g,
      ),
    ];
    const total = levels.reduce((n, m) => n + Number(m[2]), 0);
    expect(levels).toHaveLength(6);
    for (const s of stars) {
      const m = levels.find((x) => Number(x[1]) === s.level)!;
      expect(Number(m[2])).toBe(s.volunteers);
      expect(m[3]).toBe(`${((100 * s.volunteers) / total).toFixed(1)}%`);
    }
    // A member not filled from records has no such section.
    expect(readFileSync(join(reports, 'M2-2025.html'), 'utf8')).not.toContain('id="stars"');
    // The summary: counts always; shares, a statistic over members, not over fewer than k (here 2).
    const summaryPage = readFileSync(join(reports, 'summary.html'), 'utf8');
    expect(summaryPage).toContain(
      '1 member(s) filled their returns from volunteer service records',
    );
    expect(summaryPage).toContain('Fewer than 2 members filled from records: no shares are shown.');
    expect(summaryPage).not.toMatch(
      /id="stars"[\s\S]*data-share[\s\S]*<\/section>\s*<section id="flagged"/,
    );
    expect(summaryPage).toMatch(
      new RegExp(`data-star-level="1" data-volunteers="${stars[0]!.volunteers}"`),
    );
  });

  it('--mode keeps benchmark and report within one evaluation mode', () => {
    const all = JSON.parse(runCli(['benchmark', '--db', db, '--min-group', '2', '--json']).stdout);
    expect(all.organizations.map((o: { org_id: string }) => o.org_id).sort()).toEqual([
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'M6',
    ]);
    expect(all.evaluation_mode).toBeNull();
    const r = runCli([
      'benchmark',
      '--db',
      db,
      '--min-group',
      '2',
      '--mode',
      'secretariat',
      '--include-partial',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const self = JSON.parse(r.stdout);
    expect(self.evaluation_mode).toBe('secretariat');
    expect(self.organizations.map((o: { org_id: string }) => o.org_id).sort()).toEqual([
      'M4',
      'M5',
      'M6',
    ]);
    // Random answers leave blanks: ranked with --include-partial, the three form the one group.
    expect(self.groups.map((g: { n: number }) => g.n)).toEqual([3]);
    const out = join(dir, 'reports-self');
    const rep = runCli([
      'report',
      '--all',
      '--db',
      db,
      '--out',
      out,
      '--min-group',
      '2',
      '--mode',
      '自评',
      '--lang',
      'en',
    ]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => /^M\d-/.test(f))
        .sort(),
    ).toEqual(['M1-2025.html', 'M2-2025.html', 'M3-2025.html']);
    expect(readFileSync(join(out, 'summary.html'), 'utf8')).toContain('data-mode="self"');
    // Another mode's reports into the same folder: refused, naming both, nothing replaced.
    const other = runCli([
      'report',
      '--all',
      '--db',
      db,
      '--out',
      out,
      '--min-group',
      '2',
      '--mode',
      'secretariat',
      '--include-partial',
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('--mode self');
    expect(other.stderr).toContain('--mode secretariat');
    expect(readdirSync(out).filter((f) => /^M\d-/.test(f))).toHaveLength(3);
    expect(runCli(['benchmark', '--db', db, '--mode', 'peer']).stderr).toContain(
      "argument 'peer' is invalid",
    );
  });
});

describe('the credit code and evaluation mode in CSV returns', () => {
  it('are stored from the first row, and a wrong one rejects its submission naming the row', async () => {
    const dir = scratchDir();
    const db = join(dir, 'db.duckdb');
    const head = 'template_id,period,org_id,indicator_id,value,credit_code,evaluation_mode';
    const rows = (org: string, code: string, mode: string) => [
      `tnssq-2022-standard-quality,2025,${org},1.1.1,2,${code},${mode}`,
      `tnssq-2022-standard-quality,2025,${org},1.1.2,3,,`,
    ];
    write(
      join(dir, 'good.csv'),
      [head, ...rows('C1', GOOD.toLowerCase(), '第三方评价')].join('\n'),
    );
    write(join(dir, 'typo.csv'), [head, ...rows('C2', TYPO, '')].join('\n'));
    write(join(dir, 'mode.csv'), [head, ...rows('C3', '', '互评')].join('\n'));
    const r = runCli(['ingest', dir, '--db', db, '--json']);
    expect(r.code).toBe(3);
    const run = JSON.parse(r.stdout) as IngestSummary;
    const why = Object.fromEntries(
      run.rejected.map((x) => [
        x.file.split('/').pop()!.split(' ')[0],
        `${x.reason}: ${x.message}`,
      ]),
    );
    expect(why['typo.csv']).toMatch(
      /^bad-metadata: Row 2: The unified social credit code "91350200777049653A" is invalid: its check character/,
    );
    expect(why['mode.csv']).toContain('bad-metadata: "互评" (row 2) is not an evaluation mode');
    expect(
      await queryDb(db, 'SELECT org_id, credit_code, evaluation_mode FROM submissions'),
    ).toEqual([{ org_id: 'C1', credit_code: GOOD, evaluation_mode: 'third-party' }]);
  });
});
