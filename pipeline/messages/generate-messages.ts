/** The words of the commands that write workbooks: generate (one, or a roster's) and fill. */
import { registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

registerMessages({
  'cli.generate.roster-ignores': {
    'zh-CN': (p) => `注意：使用 --roster 时忽略 ${s(p.flags)}（每个成员的信息取自名册）。`,
    en: (p) =>
      `Note: ${s(p.flags)} ignored with --roster (each member's details come from the roster).`,
  },
  'cli.generate.out-is-folder': {
    'zh-CN': (p) => `${s(p.out)} 是一个文件夹；生成多份工作簿请使用 --roster。`,
    en: (p) => `${s(p.out)} is a folder; use --roster to write one workbook per member.`,
  },
  'cli.generate.exists': {
    'zh-CN': (p) =>
      `${s(p.out)} 已存在，其中可能已有填写的内容，未覆盖。要替换它请加 --force，或换一个 --out。`,
    en: (p) =>
      `${s(p.out)} already exists and may hold answers; it was not overwritten. Add --force to replace it, or choose another --out.`,
  },
  'cli.generate.written': {
    'zh-CN': (p) =>
      `已生成 ${s(p.out)}（${s(p.template)} ${s(p.version)}，${s(p.count)} 个指标，工作簿编号 ${s(p.workbookId)}）`,
    en: (p) =>
      `Wrote ${s(p.out)} (${s(p.template)} ${s(p.version)}, ${s(p.count)} indicators, workbook id ${s(p.workbookId)})`,
  },

  'cli.roster.no-member': {
    'zh-CN': () => '名册中没有可生成的成员，未写入任何文件。',
    en: () => 'The roster has no member to write; nothing was written.',
  },
  /** A roster without periods: its workbooks would all be rejected when they come back. */
  'cli.roster.no-period': {
    'zh-CN': (p) =>
      `${p.all ? '名册没有评价周期列（或该列为空）' : `名册第 ${s(p.rows)} 行（共 ${s(p.count)} 个成员）没有评价周期`}，也没有给出 --period：这样的工作簿交回后导入时都会被拒收。未写入任何文件。请加 --period（如 --period 2025），或在名册中填写“评价周期”列。`,
    en: (p) =>
      `${p.all ? 'The roster has no period column (or it is empty)' : `Roster row(s) ${s(p.rows)} (${s(p.count)} member(s)) have no period`}, and no --period was given: every such workbook would be rejected when it comes back. Nothing was written. Add --period (e.g. --period 2025), or fill in the roster's period column.`,
  },
  'cli.roster.out-is-file': {
    'zh-CN': (p) => `${s(p.out)} 是一个文件；--roster 需要一个文件夹作为 --out。`,
    en: (p) => `${s(p.out)} is a file; with --roster, --out names a folder.`,
  },
  'cli.roster.manifest-exists': {
    'zh-CN': (p) =>
      `${s(p.out)} 中已有上一次分发的 manifest.csv，未覆盖：重新生成会给每个成员新的工作簿编号，已发出的工作簿将与清单对不上。要替换请加 --force，或换一个文件夹。`,
    en: (p) =>
      `${s(p.out)} already holds the manifest.csv of an earlier distribution; nothing was overwritten: a new run gives every member a new workbook id, and the workbooks already sent out would no longer match the manifest. Add --force to replace it, or choose another folder.`,
  },
  'cli.roster.out-as-folder': {
    'zh-CN': (p) => `注意：--out ${s(p.out)} 将作为文件夹创建。`,
    en: (p) => `Note: --out ${s(p.out)} is created as a folder.`,
  },
  'cli.roster.progress': {
    'zh-CN': () => '生成工作簿',
    en: () => 'Writing workbooks',
  },
  'cli.roster.written': {
    'zh-CN': (p) =>
      `已写入 ${s(p.count)} 份工作簿到 ${s(p.out)}${p.skipped ? `，跳过 ${s(p.skipped)} 行有问题的名册记录（见上）` : ''}；清单：${s(p.manifest)}`,
    en: (p) =>
      `Wrote ${s(p.count)} workbook(s) to ${s(p.out)}${p.skipped ? `; skipped ${s(p.skipped)} bad roster row(s) (see above)` : ''}; manifest: ${s(p.manifest)}`,
  },

  'cli.fill.exists': {
    'zh-CN': (p) =>
      `${s(p.out)} 已存在，未覆盖。要替换它请加 --force；要在原工作簿上填写，--out 写原文件名。`,
    en: (p) =>
      `${s(p.out)} already exists and was not overwritten. Add --force to replace it; to fill the workbook in place, give its own name as --out.`,
  },
  'cli.fill.nothing-written': {
    'zh-CN': (p) => `未写入任何内容（${s(p.count)} 个问题）。`,
    en: (p) => `Nothing was written (${s(p.count)} problem(s)).`,
  },
  'cli.fill.done': {
    'zh-CN': (p) => `已填写 ${s(p.count)} 个指标，写入 ${s(p.out)}`,
    en: (p) => `Filled ${s(p.count)} indicator(s) into ${s(p.out)}`,
  },
});
