/** `scorebook generate ID --out FILE.xlsx` (one workbook) or `--roster members.csv --out DIR` (one per member). */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePlan, type Lang, type Method, type OrgDetails } from '../../core/index.ts';
import { findTemplate } from '../templates/registry.ts';
import { workbookBytes } from '../workbooks/make-workbook.ts';
import { CliExit, printIssues } from './cli-context.ts';

export interface GenerateOptions {
  profile?: string;
  method?: Method;
  lang: Lang;
  orgId?: string;
  orgName?: string;
  region?: string;
  orgType?: string;
  period?: string;
  evaluator?: string;
  out: string;
  roster?: string;
  workers?: number;
}

export function planFor(id: string, opts: { profile?: string; method?: Method }, lang: Lang) {
  const { value: template, errors } = findTemplate(id);
  if (!template) {
    printIssues(errors, lang);
    throw new CliExit(1);
  }
  const choice = { ...(opts.profile ? { profile: opts.profile } : {}), ...(opts.method ? { method: opts.method } : {}) };
  const planned = resolvePlan(template, choice);
  if (!planned.value) {
    printIssues(planned.errors, lang);
    throw new CliExit(1);
  }
  return planned.value;
}

export async function runGenerate(id: string, opts: GenerateOptions): Promise<void> {
  const plan = planFor(id, opts, opts.lang);
  if (opts.roster) {
    const { runRosterGenerate } = await import('./roster-generate.ts');
    await runRosterGenerate(plan, opts);
    return;
  }
  const out = resolve(opts.out);
  if (!/\.xlsx$/i.test(out)) {
    process.stderr.write(opts.lang === 'zh-CN' ? `输出文件应以 .xlsx 结尾:${opts.out}\n` : `The output file must end in .xlsx: ${opts.out}\n`);
    throw new CliExit(1);
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    process.stderr.write(opts.lang === 'zh-CN' ? `${opts.out} 是一个文件夹;生成多份工作簿请使用 --roster。\n` : `${opts.out} is a folder; use --roster to write one workbook per member.\n`);
    throw new CliExit(1);
  }
  const org: OrgDetails = {
    org_id: opts.orgId ?? '',
    org_name: opts.orgName ?? '',
    region: opts.region ?? '',
    org_type: opts.orgType ?? '',
    period: opts.period ?? '',
    evaluator: opts.evaluator ?? '',
  };
  const { bytes, workbookId } = await workbookBytes(plan, org, opts.lang);
  writeFileSync(out, bytes);
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `已生成 ${opts.out}(${plan.template.id} ${plan.template.version},${plan.indicators.length} 个指标,工作簿编号 ${workbookId})\n`
      : `Wrote ${opts.out} (${plan.template.id} ${plan.template.version}, ${plan.indicators.length} indicators, workbook id ${workbookId})\n`,
  );
}
