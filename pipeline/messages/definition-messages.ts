/** The words of the commands for definition workbooks and versions: templates export/import/new/diff, migrate. */
import { registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown, none: string) => s(v) || none;

registerMessages({
  'template.previous-not-held': {
    'zh-CN': (p) =>
      `注意：${s(p.id)} 的上一版本 ${s(p.previous)} 不在已知模板中，原编号（was）未能与它核对。把该版本放入 SCOREBOOK_TEMPLATES 所列的文件夹即可核对。`,
    en: (p) =>
      `Note: the previous version ${s(p.previous)} of ${s(p.id)} is not among the known templates, so its was codes were not checked against it. Put that version in a folder named in SCOREBOOK_TEMPLATES to check them.`,
  },
  'cli.generate.no-template': {
    'zh-CN': () =>
      '请指定模板：模板编号（如 gbt-40143-2021），或 --template-file 模板文件（YAML 或定义工作簿 .xlsx）。',
    en: () =>
      'Name the template: its id (e.g. gbt-40143-2021), or --template-file with a template file (YAML or a definition workbook .xlsx).',
  },
  'cli.definition.exists': {
    'zh-CN': (p) => `${s(p.out)} 已存在，未覆盖。要替换它请加 --force，或换一个文件名。`,
    en: (p) =>
      `${s(p.out)} already exists and was not overwritten. Add --force to replace it, or choose another name.`,
  },
  'cli.definition.not-xlsx': {
    'zh-CN': (p) => `定义工作簿应为 .xlsx 文件：${s(p.file)}`,
    en: (p) => `A definition workbook is an .xlsx file: ${s(p.file)}`,
  },
  'cli.definition.out-not-yaml': {
    'zh-CN': (p) => `--out 应以 .yaml 或 .yml 结尾：${s(p.out)}`,
    en: (p) => `--out must end in .yaml or .yml: ${s(p.out)}`,
  },
  'cli.definition.exported': {
    'zh-CN': (p) =>
      `已写出定义工作簿 ${s(p.out)}（${s(p.id)} ${s(p.version)}，${s(p.count)} 个三级指标）。修改后用 scorebook templates check ${s(p.out)} 检查。`,
    en: (p) =>
      `Wrote the definition workbook ${s(p.out)} (${s(p.id)} ${s(p.version)}, ${s(p.count)} indicators). Check it after editing with scorebook templates check ${s(p.out)}.`,
  },
  'cli.definition.new': {
    'zh-CN': (p) =>
      `已写出空白定义工作簿 ${s(p.out)}。先读“说明”工作表，再填写“设置”和“指标”；用 scorebook templates check ${s(p.out)} 检查。`,
    en: (p) =>
      `Wrote a blank definition workbook ${s(p.out)}. Read its Instructions sheet, then fill in Settings and Indicators; check it with scorebook templates check ${s(p.out)}.`,
  },
  'cli.definition.imported': {
    'zh-CN': (p) => `已写出 ${s(p.out)}（${s(p.id)} ${s(p.version)}，${s(p.count)} 个三级指标）。`,
    en: (p) => `Wrote ${s(p.out)} (${s(p.id)} ${s(p.version)}, ${s(p.count)} indicators).`,
  },
  'cli.diff.versions-missing': {
    'zh-CN': (p) =>
      `无法从 ${s(p.from)} 追溯到 ${s(p.to)}：缺少中间的版本 ${s(p.missing)}，各版本的原编号（was）无法衔接。请把该版本放入 SCOREBOOK_TEMPLATES 所列的文件夹。`,
    en: (p) =>
      `Cannot follow the codes from ${s(p.from)} to ${s(p.to)}: version ${s(p.missing)} between them is missing, so the was codes do not chain. Put that version in a folder named in SCOREBOOK_TEMPLATES.`,
  },
  'cli.diff.other-template': {
    'zh-CN': (p) => `${s(p.from)} 与 ${s(p.to)} 不是同一模板的两个版本；比较按编号进行。`,
    en: (p) =>
      `${s(p.from)} and ${s(p.to)} are not versions of one template; they are compared code by code.`,
  },
  'cli.diff.head': {
    'zh-CN': (p) =>
      `${s(p.from)} → ${s(p.to)}（${p.by === 'was' ? '按新版本声明的原编号对应' : '按编号对应：新版本未声明上一版本'}）`,
    en: (p) =>
      `${s(p.from)} → ${s(p.to)} (${p.by === 'was' ? "following the new version's was codes" : 'code by code: the new version names no previous version'})`,
  },
  'cli.diff.section': {
    'zh-CN': (p) =>
      `${({ added: '新增', removed: '删除', renamed: '改名（编号不变）', moved: '移动（编号改变）', ruleChanged: '规则改变', suggestions: '建议的原编号（was）' } as Record<string, string>)[s(p.kind)] ?? '变化'}：${s(p.count)}`,
    en: (p) =>
      `${({ added: 'Added', removed: 'Removed', renamed: 'Renamed (same code)', moved: 'Moved (new code)', ruleChanged: 'Rule changed', suggestions: 'Suggested was' } as Record<string, string>)[s(p.kind)] ?? 'Changes'}: ${s(p.count)}`,
  },
  'cli.diff.none': {
    'zh-CN': () => '两个版本的三级指标没有差别。',
    en: () => 'The two versions have the same third-level indicators.',
  },
  'cli.diff.suggest': {
    'zh-CN': (p) =>
      `  ${s(p.id)}：与上一版本的 ${s(p.was)} 名称相同，若是同一指标，请写 was: "${s(p.was)}"（定义工作簿：“原编号”列）`,
    en: (p) =>
      `  ${s(p.id)}: named as ${s(p.was)} was; if it is that indicator, declare was: "${s(p.was)}" (definition workbook: the Was column)`,
  },
  'cli.migrate.written': {
    'zh-CN': (p) =>
      `${s(p.file)} → ${s(p.out)}：${s(p.from)} → ${s(p.to)}，带入 ${s(p.kept)} 项回答${Number(p.moved) ? `（其中 ${s(p.moved)} 项随编号改变而移动）` : ''}。`,
    en: (p) =>
      `${s(p.file)} → ${s(p.out)}: ${s(p.from)} → ${s(p.to)}, ${s(p.kept)} answers carried${Number(p.moved) ? ` (${s(p.moved)} of them to a new code)` : ''}.`,
  },
  'cli.migrate.dropped': {
    'zh-CN': (p) => `  未带入（新版本中已删除或未选用）：${list(p.ids, '无')}`,
    en: (p) => `  Not carried (removed, or not chosen, in the new version): ${list(p.ids, 'none')}`,
  },
  'cli.migrate.unreadable': {
    'zh-CN': (p) => `  新规则读不懂的回答（已保留在佐证中）：${list(p.ids, '无')}`,
    en: (p) => `  Answers the new rule cannot read (kept in the evidence): ${list(p.ids, 'none')}`,
  },
  'cli.migrate.new': {
    'zh-CN': (p) => `  新增、需要填写的指标：${list(p.ids, '无')}`,
    en: (p) => `  New indicators to answer: ${list(p.ids, 'none')}`,
  },
  'cli.migrate.same-version': {
    'zh-CN': (p) => `${s(p.file)} 已是 ${s(p.to)}，无需迁移。`,
    en: (p) => `${s(p.file)} is already ${s(p.to)}; nothing to migrate.`,
  },
  'cli.migrate.other-template': {
    'zh-CN': (p) =>
      `${s(p.file)} 使用模板 ${s(p.from)}，不能迁移到另一个模板 ${s(p.to)}。迁移只在同一模板的版本之间进行。`,
    en: (p) =>
      `${s(p.file)} uses template ${s(p.from)} and cannot be migrated to another template, ${s(p.to)}. Migration goes between versions of one template.`,
  },
  'cli.migrate.older': {
    'zh-CN': (p) => `${s(p.file)} 是 ${s(p.from)}，比 ${s(p.to)} 更新；迁移只能从旧版本到新版本。`,
    en: (p) =>
      `${s(p.file)} is ${s(p.from)}, newer than ${s(p.to)}; migration goes from an older version to a newer one.`,
  },
  'cli.migrate.out-folder': {
    'zh-CN': (p) => `迁移一个文件夹时，--out 应为文件夹：${s(p.out)}`,
    en: (p) => `Migrating a folder, --out must be a folder: ${s(p.out)}`,
  },
  'cli.migrate.summary': {
    'zh-CN': (p) =>
      `共 ${s(p.total)} 个工作簿：迁移 ${s(p.written)} 个，跳过 ${s(p.skipped)} 个，失败 ${s(p.failed)} 个。`,
    en: (p) =>
      `${s(p.total)} workbooks: ${s(p.written)} migrated, ${s(p.skipped)} skipped, ${s(p.failed)} failed.`,
  },
});
