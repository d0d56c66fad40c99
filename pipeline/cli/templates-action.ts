/** What `scorebook templates list|show|check` do. */
import {
  describeRule,
  displayWidth,
  isScored,
  perOf,
  resolvePlan,
  formatPath,
  message,
  text,
  unitLabel,
  type Issue,
  type Lang,
  type Template,
} from '../../core/index.ts';
import { dirname, resolve } from 'node:path';
import { templateDirs, templateVersions } from '../templates/registry.ts';
import { readTemplateRef } from '../templates/template-ref.ts';
import { CliExit } from './cli-context.ts';
import { lineWriter, printIssues, say } from './cli-print.ts';
import { templateOrExit } from './template-arg.ts';

export function templateCounts(t: Template): { level1: number; level2: number; level3: number } {
  const level2 = t.dimensions.reduce((a, d) => a + d.groups.length, 0);
  const level3 = t.dimensions.reduce(
    (a, d) => a + d.groups.reduce((b, g) => b + g.indicators.length, 0),
    0,
  );
  return { level1: t.dimensions.length, level2, level3 };
}

export function listTemplates(opts: { json?: boolean; lang: Lang }): void {
  const rows = [...templateVersions().values()].map((t) => ({
    id: t.id,
    version: t.version,
    title: text(t.title, opts.lang),
    ...templateCounts(t),
    normative: t.source.normative,
    profiles: (t.profiles ?? []).map((p) => p.id),
  }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const head = ['id', 'version', 'level1', 'level2', 'level3', 'profiles', 'title'].map((column) =>
    say(opts.lang, 'cli.templates.column', { column }),
  );
  const table = [
    head,
    ...rows.map((r) => [
      r.id,
      r.version,
      String(r.level1),
      String(r.level2),
      String(r.level3),
      r.profiles.join(',') || '-',
      r.title,
    ]),
  ];
  const widths = head.map((_, c) => Math.max(...table.map((row) => displayWidth(row[c]!))));
  for (const row of table) {
    process.stdout.write(
      `${row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c]!))).join('  ')}\n`,
    );
  }
}

/** East Asian wide characters take two terminal columns. */
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function showTemplate(
  ref: string,
  opts: { json?: boolean; lang: Lang; profile?: string },
): void {
  const t = templateOrExit(ref, opts.lang);
  // The rules as they apply: the template's, or the profile's choice and overrides.
  const resolved = resolvePlan(t, opts.profile ? { profile: opts.profile } : {});
  if (!resolved.value) {
    printIssues(resolved.errors, opts.lang);
    throw new CliExit(1);
  }
  const plan = resolved.value;
  const rules = new Map(plan.indicators.map((i) => [i.id, i.rule]));
  if (opts.json) {
    const indicators = t.dimensions.flatMap((d) =>
      d.groups.flatMap((g) =>
        g.indicators
          .filter((i) => rules.has(i.id))
          .map((i) => {
            const r = rules.get(i.id)!;
            return {
              id: i.id,
              level1: d.name['zh-CN'],
              level2: g.name['zh-CN'],
              name: i.name['zh-CN'],
              unit: i.unit ?? null,
              rule: r.kind,
              name_en: i.name.en,
              description: i.description?.['zh-CN'] ?? null,
              scored: isScored(r),
              rule_text: describeRule(r, unitLabel(i.unit, 'zh-CN'), 'zh-CN'),
              rule_text_en: describeRule(r, unitLabel(i.unit, 'en'), 'en'),
              per: perOf(r)?.indicator ?? null,
              decision: ('decision' in r && r.decision?.['zh-CN']) || null,
              decision_en: ('decision' in r && r.decision?.en) || null,
            };
          }),
      ),
    );
    const out = {
      id: t.id,
      version: t.version,
      title: t.title['zh-CN'],
      title_en: t.title.en,
      source: t.source,
      profile: plan.profile?.id ?? null,
      method: plan.method,
      counts: templateCounts(t),
      profiles: (t.profiles ?? []).map((p) => ({
        id: p.id,
        name: p.name['zh-CN'],
        indicators: p.indicators?.length ?? templateCounts(t).level3,
        weights: p.weights ?? null,
      })),
      indicators,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const L = opts.lang;
  const w = lineWriter();
  w(`${t.id} ${t.version}  ${text(t.title, L)}`);
  w(
    say(L, 'cli.templates.source', {
      standard: t.source.standard,
      clause: t.source.clause,
      normative: t.source.normative,
    }),
  );
  if (t.source.note) w(text(t.source.note, L));
  for (const d of t.dimensions) {
    w(
      `${d.id} ${text(d.name, L)}${d.weight !== undefined ? `  (${say(L, 'cli.templates.weight', { weight: d.weight })})` : ''}`,
    );
    for (const g of d.groups) {
      w(`  ${g.id} ${text(g.name, L)}`);
      for (const i of g.indicators) {
        const r = rules.get(i.id);
        if (!r) continue;
        w(
          `    ${i.id} ${text(i.name, L)}${i.unit ? ` [${unitLabel(i.unit, L)}]` : ''}  ‹${r.kind}›`,
        );
      }
    }
  }
  for (const p of t.profiles ?? []) {
    w('');
    w(
      say(L, 'cli.templates.profile', {
        id: p.id,
        name: text(p.name, L),
        count: p.indicators?.length ?? templateCounts(t).level3,
      }),
    );
    if (p.weights) {
      const weights = Object.entries(p.weights)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      w(`  ${say(L, 'cli.templates.profile-weights', { weights })}`);
    }
    for (const [iid, r] of Object.entries(p.rules ?? {})) {
      const unit = t.dimensions
        .flatMap((d) => d.groups.flatMap((g) => g.indicators))
        .find((i) => i.id === iid)?.unit;
      w(`  ${iid} ‹${r.kind}› ${describeRule(r, unitLabel(unit, L), L)}`);
    }
  }
}

/**
 * An issue as check --json lists it: a definition workbook's at its cell ({ sheet, row, column }),
 * a YAML file's at its line and column; the code, the path and the words in every case.
 */
export function issueJson(i: Issue, lang: Lang): Record<string, unknown> {
  const where = i.cell
    ? { sheet: i.cell.sheet, row: i.cell.row, column: i.cell.column }
    : { ...(i.line !== undefined ? { line: i.line, column: i.column } : {}) };
  return {
    ...where,
    code: i.code,
    message: message(i, lang),
    path: formatPath(i.path),
    ...(i.params ? { params: i.params } : {}),
  };
}

export function checkTemplates(files: string[], opts: { lang: Lang; json?: boolean }): void {
  let bad = 0;
  const report: { file: string; ok: boolean; errors: unknown[]; notes: unknown[] }[] = [];
  for (const file of files) {
    const { value, errors, notes } = readTemplateRef(file);
    report.push({
      file,
      ok: !!value,
      errors: errors.map((e) => issueJson(e, opts.lang)),
      notes: notes.map((e) => issueJson(e, opts.lang)),
    });
    if (!opts.json) printIssues(notes, opts.lang, process.stdout);
    if (!value) {
      bad++;
      if (!opts.json) printIssues(errors, opts.lang, process.stdout);
    } else if (!opts.json) {
      const c = templateCounts(value);
      process.stdout.write(
        `${say(opts.lang, 'cli.templates.check-ok', { file, id: value.id, version: value.version, ...c })}\n`,
      );
      // A checked template is not yet a usable one: say how the other commands get to see it.
      const dir = dirname(resolve(file));
      if (!templateDirs().includes(dir)) {
        process.stdout.write(`  ${say(opts.lang, 'cli.templates.use-hint', { dir })}\n`);
      }
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (bad) throw new CliExit(1);
}
