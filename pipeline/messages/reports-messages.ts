/** The words of `scorebook report` and of the report run behind it. */
import { registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

registerMessages({
  'reports.org-or-all': {
    'zh-CN': () => '请用 --org 指定一个机构，或用 --all 生成全部机构的报告（二者选一）。',
    en: () =>
      'Give either --org ID (one organization) or --all (every organization), not both and not neither.',
  },
  'reports.template-not-shipped': {
    'zh-CN': (p) =>
      `数据库中有模板 ${s(p.template)} 的回报，但当前 scorebook 不带这个模板。请升级 scorebook，或用 --template 选择其他模板。`,
    en: (p) =>
      `The database holds submissions for template ${s(p.template)}, which this scorebook does not ship. Upgrade scorebook, or choose another template with --template.`,
  },
  'reports.org-not-scored': {
    'zh-CN': (p) => `机构 ${s(p.org)} 在 ${s(p.template)}（${s(p.period)}）中没有已评分的回报。`,
    en: (p) =>
      `No scored submission of organization ${s(p.org)} for ${s(p.template)}, period ${s(p.period)}.`,
  },
  'reports.other-scope': {
    'zh-CN': (p) =>
      `${s(p.out)} 中已有另一组报告（${s(p.template)} ${s(p.version)} ${s(p.selection)}，${s(p.period)}），未写入任何内容：本次为 ${s(p.ours)}，${s(p.our_period)}。请换一个 --out 文件夹，或加 --force 删除旧报告后写入。`,
    en: (p) =>
      `${s(p.out)} holds the reports of another comparison (${s(p.template)} ${s(p.version)} ${s(p.selection)}, period ${s(p.period)}); nothing was written for this one (${s(p.ours)}, period ${s(p.our_period)}). Choose another --out folder, or add --force to remove the old reports and write these.`,
  },
  'reports.manifest-unreadable': {
    'zh-CN': (p) =>
      `无法读取 ${s(p.file)}，因此不知道该文件夹中的报告属于哪个模板和周期，未写入任何内容。请换一个 --out 文件夹，或删除该文件。`,
    en: (p) =>
      `${s(p.file)} cannot be read, so which template and period the folder's reports are of is unknown; nothing was written. Choose another --out folder, or remove that file.`,
  },
  'reports.no-chromium': {
    'zh-CN': (p) =>
      `未找到 chromium（${s(p.path)}），未生成 PDF；HTML 报告已写入。请安装：apt-get install chromium，或用环境变量 SCOREBOOK_CHROMIUM 指定浏览器路径。`,
    en: (p) =>
      `No chromium at ${s(p.path)}: no PDF was printed (the HTML reports are written). Install it (apt-get install chromium) or point SCOREBOOK_CHROMIUM at one.`,
  },

  'cli.report.roster-ignored': {
    'zh-CN': () => '--roster 用于 --all 的秘书处汇总（回收率）；单个机构的报告不使用它。',
    en: () =>
      '--roster feeds the secretariat summary of --all (return rates); a single report does not use it.',
  },
  'cli.report.no-roster': {
    'zh-CN': (p) => `名册文件 ${s(p.roster)} 不存在。`,
    en: (p) => `The roster ${s(p.roster)} does not exist.`,
  },
  'cli.report.progress': {
    'zh-CN': () => '生成报告',
    en: () => 'Writing reports',
  },
  'cli.report.written-all': {
    'zh-CN': (p) =>
      `已为 ${s(p.count)} 个机构生成报告（${s(p.template)}，${s(p.period)}，k = ${s(p.k)}），${s(p.rate)} 份/秒 → ${s(p.out)}`,
    en: (p) =>
      `Wrote ${s(p.count)} reports (${s(p.template)}, period ${s(p.period)}, k = ${s(p.k)}) at ${s(p.rate)}/s → ${s(p.out)}`,
  },
  'cli.report.index': {
    'zh-CN': (p) => `目录: ${s(p.file)}`,
    en: (p) => `Index: ${s(p.file)}`,
  },
  'cli.report.summary': {
    'zh-CN': (p) => `秘书处汇总: ${s(p.file)}`,
    en: (p) => `Secretariat summary: ${s(p.file)}`,
  },
  'cli.report.written-one': {
    'zh-CN': (p) => `报告（${s(p.template)}，${s(p.period)}）：${s(p.file)} → ${s(p.out)}`,
    en: (p) => `Report (${s(p.template)}, period ${s(p.period)}): ${s(p.file)} → ${s(p.out)}`,
  },
  'cli.report.pdfs': {
    'zh-CN': (p) => `PDF：${s(p.count)} 个文件`,
    en: (p) => `PDF: ${s(p.count)} file(s)`,
  },
});
