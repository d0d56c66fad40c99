/** `scorebook score --template ID --inputs FILE`: the engine from the command line. */
import {
  collectInputs,
  message,
  resolvePlan,
  text,
  evaluate,
  type Evaluation,
  type Issue,
  type Lang,
  type Method,
  type ScoringPlan,
} from '../../core/index.ts';
import { readInputsFile } from '../inputs/read-inputs.ts';
import { findTemplate } from '../templates/registry.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';
import { CliExit, fmt2, printIssues, round9 } from './cli-context.ts';

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
  const zh = lang === 'zh-CN';
  const w = (s: string) => process.stdout.write(`${s}\n`);
  const results = new Map(ev.indicators.map((r) => [r.id, r]));
  const groups = new Map(ev.groups.map((g) => [g.id, g]));
  w(`${plan.template.id} ${plan.template.version}  ${text(plan.template.title, lang)}`);
  w(
    `${zh ? '方案' : 'Profile'}: ${plan.profile ? plan.profile.id : zh ? '(全部指标)' : '(all indicators)'}   ${zh ? '汇总方法' : 'Method'}: ${ev.method}`,
  );
  plan.dimensions.forEach((d, k) => {
    const dr = ev.dimensions[k]!;
    w('');
    w(
      `${d.id} ${text(d.name, lang)}   ${zh ? '权重' : 'weight'} ${d.weight.toFixed(4)}   ${zh ? '得分' : 'score'} ${fmt2(dr.score === null ? null : ev.method === 'mean' ? dr.score * 100 : dr.score)}${ev.method === 'mean' ? ' /100' : ''}`,
    );
    for (const g of d.groups) {
      const gr = groups.get(g.id)!;
      w(`  ${g.id} ${text(g.name, lang)}   ${fmt2(gr.score === null ? null : gr.score * 100)}`);
      for (const i of g.indicators) {
        const r = results.get(i.id)!;
        const shown =
          r.state === 'na'
            ? zh
              ? '不适用'
              : 'N/A'
            : r.state === 'blank'
              ? zh
                ? '（未填）'
                : '(blank)'
              : r.state === 'invalid'
                ? zh
                  ? '（无效）'
                  : '(invalid)'
                : String(r.input);
        const score =
          r.score === null
            ? r.state === 'na'
              ? '—'
              : zh
                ? '记录'
                : 'recorded'
            : String(round9(r.score));
        w(`    ${i.id} ${text(i.name, lang)}: ${shown} → ${score}`);
      }
    }
  });
  w('');
  w(
    `${zh ? '总分' : 'TOTAL'}: ${fmt2(ev.total)} / 100${ev.grade ? `   ${zh ? '等级' : 'grade'}: ${text(ev.grade.label, lang)}` : ''}`,
  );
  if (ev.unanswered.length)
    w(`${zh ? '未作答(按 0 分计)' : 'Unanswered (scored 0)'}: ${ev.unanswered.join(', ')}`);
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
  const zh = opts.lang === 'zh-CN';
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
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const m = sub.metadata;
    process.stdout.write(
      `${file}\n${zh ? '机构' : 'Organization'}: ${m.org_name} (${m.org_id})  ${zh ? '周期' : 'period'}: ${m.period}  ${zh ? '评价人' : 'evaluator'}: ${m.evaluator}\n\n`,
    );
    printEvaluation(sub.plan, sub.evaluation, opts.lang);
    const cachedTotal =
      typeof sub.cached.total === 'number'
        ? fmt2(sub.cached.total)
        : JSON.stringify(sub.cached.total);
    process.stdout.write(
      `${zh ? '工作簿缓存的总分' : "Workbook's cached total"}: ${cachedTotal}\n`,
    );
    if (sub.mismatches.length) {
      process.stdout.write(
        zh
          ? `\n工作簿中 ${sub.mismatches.length} 处缓存结果与引擎不一致（公式被改动，或文件未重新计算）：\n`
          : `\n${sub.mismatches.length} cached result(s) disagree with the engine (an edited formula, or a file saved without recalculation):\n`,
      );
      const shown = (v: unknown) => (typeof v === 'number' ? String(round9(v)) : JSON.stringify(v));
      for (const x of sub.mismatches) {
        const why =
          x.textInput === undefined
            ? ''
            : zh
              ? `（输入单元格中的 "${x.textInput}" 是文本，表格公式无法计算；请按数字重新输入）`
              : ` (the input cell holds the text "${x.textInput}", which the sheet's formula cannot compute; type it again as a number)`;
        process.stdout.write(
          `  ${x.name}: ${zh ? '工作簿' : 'workbook'} ${shown(x.cached)}  ${zh ? '引擎' : 'engine'} ${shown(x.engine)}${why}\n`,
        );
      }
    } else {
      process.stdout.write(
        zh ? '工作簿缓存结果与引擎一致。\n' : 'The cached results agree with the engine.\n',
      );
    }
    printIssues(located, opts.lang);
  }
  if (errors.length) throw new CliExit(1);
}
