/** `scorebook generate ID --out FILE.xlsx` (one workbook) or `--roster members.csv --out DIR` (one per member). */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  /** Replace an existing workbook, or a folder that already has a manifest. */
  force?: boolean;
}

export function planFor(id: string, opts: { profile?: string; method?: Method }, lang: Lang) {
  const { value: template, errors } = findTemplate(id);
  if (!template) {
    printIssues(errors, lang);
    throw new CliExit(1);
  }
  const choice = {
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.method ? { method: opts.method } : {}),
  };
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
    const ignored = (['orgId', 'orgName', 'region', 'orgType'] as const).filter(
      (k) => opts[k] !== undefined,
    );
    if (ignored.length) {
      const flags = ignored
        .map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)
        .join(', ');
      process.stderr.write(
        opts.lang === 'zh-CN'
          ? `注意：使用 --roster 时忽略 ${flags}（每个成员的信息取自名册）。\n`
          : `Note: ${flags} ignored with --roster (each member's details come from the roster).\n`,
      );
    }
    const { runRosterGenerate } = await import('./roster-generate.ts');
    await runRosterGenerate(plan, opts);
    return;
  }
  const out = resolve(opts.out);
  if (!/\.xlsx$/i.test(out)) {
    process.stderr.write(
      opts.lang === 'zh-CN'
        ? `输出文件应以 .xlsx 结尾：${opts.out}\n`
        : `The output file must end in .xlsx: ${opts.out}\n`,
    );
    throw new CliExit(1);
  }
  if (existsSync(out) && statSync(out).isDirectory()) {
    process.stderr.write(
      opts.lang === 'zh-CN'
        ? `${opts.out} 是一个文件夹；生成多份工作簿请使用 --roster。\n`
        : `${opts.out} is a folder; use --roster to write one workbook per member.\n`,
    );
    throw new CliExit(1);
  }
  if (existsSync(out) && !opts.force) {
    process.stderr.write(
      opts.lang === 'zh-CN'
        ? `${opts.out} 已存在，其中可能已有填写的内容，未覆盖。要替换它请加 --force，或换一个 --out。\n`
        : `${opts.out} already exists and may hold answers; it was not overwritten. Add --force to replace it, or choose another --out.\n`,
    );
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
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  process.stdout.write(
    opts.lang === 'zh-CN'
      ? `已生成 ${opts.out}(${plan.template.id} ${plan.template.version},${plan.indicators.length} 个指标，工作簿编号 ${workbookId})\n`
      : `Wrote ${opts.out} (${plan.template.id} ${plan.template.version}, ${plan.indicators.length} indicators, workbook id ${workbookId})\n`,
  );
}
