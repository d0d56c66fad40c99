/** What `scorebook generate ID --out FILE.xlsx` (one workbook) and `--roster members.csv --out DIR` (one per member) do. */
import { existsSync, statSync } from 'node:fs';
import { ensureFolder, writeWholeSync } from '../files/write-whole.ts';
import { dirname, resolve } from 'node:path';
import {
  creditCodeProblem,
  normalizeCreditCode,
  resolvePlan,
  templateLang,
  type EvaluationMode,
  type Lang,
  type Method,
  type OrgDetails,
  type ScoringPlan,
} from '../../core/index.ts';
import { workbookBytes } from '../workbooks/make-workbook.ts';
import { UserError } from '../user-error.ts';
import { CliExit } from './cli-context.ts';
import { printIssues, say } from './cli-print.ts';
import { templateOrExit } from './template-arg.ts';

export interface GenerateOptions {
  profile?: string;
  method?: Method;
  /** The language of messages: --lang, else the locale's. */
  lang: Lang;
  /** The workbook's language when --lang was given; else the template's (its `lang`, zh-CN by default). */
  workbookLang?: Lang;
  /** Leave the weight cells editable (self-assessment); by default they are locked as issued. */
  editableWeights?: boolean;
  orgId?: string;
  orgName?: string;
  region?: string;
  orgType?: string;
  period?: string;
  evaluator?: string;
  creditCode?: string;
  mode?: EvaluationMode;
  out: string;
  roster?: string;
  workers?: number;
  /** Replace an existing workbook, or a folder that already has a manifest. */
  force?: boolean;
}

/** The plan of a template named by id (id@version) or by its file (YAML or a definition workbook), and the language its workbooks are written in. */
export function planFor(
  ref: string,
  opts: { profile?: string; method?: Method; workbookLang?: Lang },
  lang: Lang,
): { plan: ScoringPlan; workbookLang: Lang } {
  const template = templateOrExit(ref, lang);
  const choice = {
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.method ? { method: opts.method } : {}),
  };
  const planned = resolvePlan(template, choice);
  if (!planned.value) {
    printIssues(planned.errors, lang);
    throw new CliExit(1);
  }
  return { plan: planned.value, workbookLang: opts.workbookLang ?? templateLang(template) };
}

export async function runGenerate(ref: string | undefined, opts: GenerateOptions): Promise<void> {
  if (ref === undefined) throw UserError.of('cli.generate.no-template');
  const { plan, workbookLang } = planFor(ref, opts, opts.lang);
  if (opts.roster) {
    const ignored = (['orgId', 'orgName', 'region', 'orgType', 'creditCode'] as const).filter(
      (k) => opts[k] !== undefined,
    );
    if (ignored.length) {
      const flags = ignored
        .map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)
        .join(', ');
      process.stderr.write(`${say(opts.lang, 'cli.generate.roster-ignores', { flags })}\n`);
    }
    const { runRosterGenerate } = await import('./roster-generate.ts');
    await runRosterGenerate(plan, { ...opts, roster: opts.roster, workbookLang });
    return;
  }
  const out = resolve(opts.out);
  if (!/\.xlsx$/i.test(out)) throw UserError.of('cli.out-not-xlsx', { out: opts.out });
  if (existsSync(out) && statSync(out).isDirectory())
    throw UserError.of('cli.generate.out-is-folder', { out: opts.out });
  if (existsSync(out) && !opts.force) throw UserError.of('cli.generate.exists', { out: opts.out });
  const creditCode = normalizeCreditCode(opts.creditCode ?? '');
  const problem = creditCode ? creditCodeProblem(creditCode) : undefined;
  if (problem) throw UserError.of('cli.generate.credit-code', { value: creditCode, ...problem });
  const org: OrgDetails = {
    ...(creditCode ? { credit_code: creditCode } : {}),
    ...(opts.mode ? { evaluation_mode: opts.mode } : {}),
    org_id: opts.orgId ?? '',
    org_name: opts.orgName ?? '',
    region: opts.region ?? '',
    org_type: opts.orgType ?? '',
    period: opts.period ?? '',
    evaluator: opts.evaluator ?? '',
  };
  const { bytes, workbookId } = await workbookBytes(plan, org, workbookLang, {
    editableWeights: opts.editableWeights ?? false,
  });
  ensureFolder(dirname(out));
  writeWholeSync(out, bytes);
  const written = say(opts.lang, 'cli.generate.written', {
    out: opts.out,
    template: plan.template.id,
    version: plan.template.version,
    count: plan.indicators.length,
    workbookId,
  });
  process.stdout.write(`${written}\n`);
}
