/** What `scorebook score` does: a workbook read and recomputed, or an inputs file scored against a template. */
import {
  collectInputs,
  message,
  resolvePlan,
  text,
  evaluate,
  firstLevelPoints,
  formatPoints,
  toPoints,
  type Evaluation,
  type Issue,
  type Lang,
  type Method,
  type ScoringPlan,
} from '../../core/index.ts';
import { readInputsFile } from '../inputs/read-inputs.ts';
import { findTemplate } from '../templates/registry.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { fmt2, lineWriter, printIssues, round9, say } from './cli-print.ts';

export interface ScoreCliOptions {
  template?: string;
  profile?: string;
  method?: Method;
  inputs?: string;
  json?: boolean;
  lang: Lang;
}

/** A workbook carries its template and answers; without one, --template and --inputs give them. */
export function runScoreCommand(workbook: string | undefined, opts: ScoreCliOptions): void {
  if (workbook && (opts.inputs || opts.template))
    throw UserError.of('cli.score.workbook-and-inputs');
  if (workbook) return runScoreWorkbook(workbook, { json: opts.json, lang: opts.lang });
  if (!opts.template || !opts.inputs) throw UserError.of('cli.score.nothing-to-score');
  return runScore({ ...opts, template: opts.template, inputs: opts.inputs });
}

export interface ScoreOptions {
  template: string;
  profile?: string;
  method?: Method;
  inputs: string;
  json?: boolean;
  lang: Lang;
}

export function scoreJson(plan: ScoringPlan, ev: Evaluation, errors: Issue[], lang: Lang) {
  const names = new Map(plan.indicators.map((i) => [i.id, i]));
  return {
    template: plan.template.id,
    template_version: plan.template.version,
    profile: plan.profile?.id ?? null,
    method: ev.method,
    total: round9(ev.total),
    grade: ev.grade?.id ?? null,
    dimensions: plan.dimensions.map((d, k) => ({
      id: d.id,
      name: d.name['zh-CN'],
      weight: round9(d.weight),
      score: round9(ev.dimensions[k]!.score),
      mean: round9(ev.dimensions[k]!.mean),
      count: ev.dimensions[k]!.count,
    })),
    groups: ev.groups.map((g) => ({ id: g.id, score: round9(g.score) })),
    indicators: ev.indicators.map((r) => ({
      id: r.id,
      name: names.get(r.id)!.name['zh-CN'],
      rule: names.get(r.id)!.rule.kind,
      input: r.input ?? null,
      state: r.state,
      value: round9(r.value),
      score: round9(r.score),
    })),
    unanswered: ev.unanswered,
    errors: errors.map((e) => ({
      id: typeof e.path[1] === 'string' ? e.path[1] : null,
      row: e.row ?? null,
      code: e.code,
      message: message(e, lang),
    })),
  };
}

export function printEvaluation(plan: ScoringPlan, ev: Evaluation, lang: Lang): void {
  const w = lineWriter();
  const results = new Map(ev.indicators.map((r) => [r.id, r]));
  const groups = new Map(ev.groups.map((g) => [g.id, g]));
  w(`${plan.template.id} ${plan.template.version}  ${text(plan.template.title, lang)}`);
  w(say(lang, 'cli.score.profile-line', { profile: plan.profile?.id, method: ev.method }));
  plan.dimensions.forEach((d, k) => {
    const dr = ev.dimensions[k]!;
    w('');
    w(
      say(lang, 'cli.score.dimension-line', {
        id: d.id,
        name: text(d.name, lang),
        weight: d.weight.toFixed(4),
        // On 100 under every method (core/sheet/score-points.ts), as the total is.
        score: formatPoints(firstLevelPoints(ev.method, dr)),
        per100: true,
      }),
    );
    for (const g of d.groups) {
      const gr = groups.get(g.id)!;
      w(`  ${g.id} ${text(g.name, lang)}   ${formatPoints(toPoints(gr.score))}`);
      for (const i of g.indicators) {
        const r = results.get(i.id)!;
        const shown =
          r.state === 'na' || r.state === 'blank' || r.state === 'invalid'
            ? say(lang, 'cli.score.state', { state: r.state })
            : String(r.input);
        const score =
          r.score === null
            ? r.state === 'na'
              ? '—'
              : say(lang, 'cli.score.recorded')
            : String(round9(r.score));
        w(`    ${i.id} ${text(i.name, lang)}: ${shown} → ${score}`);
      }
    }
  });
  w('');
  w(
    say(lang, 'cli.score.total', {
      total: fmt2(ev.total),
      grade: ev.grade ? text(ev.grade.label, lang) : null,
    }),
  );
  if (ev.unanswered.length) w(say(lang, 'cli.score.unanswered', { ids: ev.unanswered.join(', ') }));
}

export function runScore(opts: ScoreOptions): void {
  const { value: template, errors: tErrors } = findTemplate(opts.template);
  if (!template) {
    printIssues(tErrors, opts.lang);
    throw new CliExit(1);
  }
  const choice = opts.profile ? { profile: opts.profile } : {};
  const { value: plan, errors: pErrors } = resolvePlan(
    template,
    opts.method ? { ...choice, method: opts.method } : choice,
  );
  if (!plan) {
    printIssues(pErrors, opts.lang);
    throw new CliExit(1);
  }
  const read = readInputsFile(opts.inputs);
  // No rows because the file itself could not be read (missing, no id column, bad JSON): a
  // report of blanks and a total of 0 would read as a result. Say what is wrong, and only that.
  if (!read.rows.length && read.errors.length) {
    const errors = read.errors.map((e) => ({ ...e, file: opts.inputs }));
    if (opts.json) {
      const json = scoreJson(plan, evaluate(plan, new Map()), errors, opts.lang);
      process.stdout.write(
        `${JSON.stringify({ ...json, total: null, grade: null, dimensions: [], groups: [], indicators: [], unanswered: [] }, null, 2)}\n`,
      );
    } else printIssues(errors, opts.lang);
    throw new CliExit(1);
  }
  const collected = collectInputs(template, plan, read.rows);
  const ev = evaluate(plan, collected.inputs);
  const valueErrors = ev.errors.map((e) => {
    const row = collected.rows.get(String(e.path[1]));
    return { ...e, file: opts.inputs, ...(row !== undefined ? { row } : {}) };
  });
  const errors = [
    ...read.errors,
    ...collected.errors.map((e) => ({ ...e, file: opts.inputs })),
    ...valueErrors,
  ];
  if (opts.json)
    process.stdout.write(`${JSON.stringify(scoreJson(plan, ev, errors, opts.lang), null, 2)}\n`);
  else {
    printEvaluation(plan, ev, opts.lang);
    if (errors.length) process.stderr.write('\n');
    printIssues(errors, opts.lang);
  }
  if (errors.length) throw new CliExit(1);
}

/** `scorebook score FILE.xlsx`: read by name, recompute, and compare with the workbook's cached results. */
export function runScoreWorkbook(file: string, opts: { json?: boolean; lang: Lang }): void {
  const { value: sub, errors } = openSubmissionFile(file);
  if (!sub) {
    printIssues(errors, opts.lang);
    throw new CliExit(1);
  }
  const located = errors.map((e) => ({ ...e, file }));
  if (opts.json) {
    const out = {
      ...scoreJson(sub.plan, sub.evaluation, located, opts.lang),
      workbook_id: sub.metadata.workbook_id,
      org_id: sub.metadata.org_id,
      org_name: sub.metadata.org_name,
      period: sub.metadata.period,
      evaluator: sub.metadata.evaluator,
      cached: sub.cached,
      mismatches: sub.mismatches,
      // The sheet's own weights score the above; comparisons use the issued ones.
      weights_changed: sub.weightsChanged,
      issued_total: round9(sub.issued.evaluation.total),
      calculated: sub.calculated,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const m = sub.metadata;
    const head = say(opts.lang, 'cli.score.workbook-head', {
      org_name: m.org_name,
      org_id: m.org_id,
      period: m.period,
      evaluator: m.evaluator,
    });
    lineWriter()(file);
    process.stdout.write(`${head}\n\n`);
    printEvaluation(sub.plan, sub.evaluation, opts.lang);
    const cachedTotal =
      typeof sub.cached.total === 'number'
        ? fmt2(sub.cached.total)
        : JSON.stringify(sub.cached.total);
    process.stdout.write(`${say(opts.lang, 'cli.score.cached-total', { total: cachedTotal })}\n`);
    if (sub.weightsChanged)
      process.stdout.write(
        `${say(opts.lang, 'cli.score.weights-changed', { issued: fmt2(sub.issued.evaluation.total), own: fmt2(sub.evaluation.total) })}\n`,
      );
    if (!sub.calculated) {
      process.stdout.write(`${say(opts.lang, 'cli.score.not-calculated')}\n`);
    } else if (sub.mismatches.length) {
      process.stdout.write(
        `\n${say(opts.lang, 'cli.score.mismatches', { count: sub.mismatches.length })}\n`,
      );
      const shown = (v: unknown) => (typeof v === 'number' ? String(round9(v)) : JSON.stringify(v));
      for (const x of sub.mismatches) {
        const line = say(opts.lang, 'cli.score.mismatch', {
          name: x.name,
          cached: shown(x.cached),
          engine: shown(x.engine),
          text: x.textInput,
        });
        process.stdout.write(`  ${line}\n`);
      }
    } else {
      process.stdout.write(`${say(opts.lang, 'cli.score.agree')}\n`);
    }
    printIssues(located, opts.lang);
  }
  if (errors.length) throw new CliExit(1);
}
