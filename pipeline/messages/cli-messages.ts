/** The command line's shared words, and those of the small verbs: templates, export (status has its own). */
import { registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const TEMPLATE_COLUMNS: Record<string, [zh: string, en: string]> = {
  id: ['编号', 'ID'],
  version: ['版本', 'VERSION'],
  level1: ['一级', 'L1'],
  level2: ['二级', 'L2'],
  level3: ['三级', 'L3'],
  profiles: ['方案', 'PROFILES'],
  title: ['标题', 'TITLE'],
};
registerMessages({
  'cli.no-database': {
    'zh-CN': (p) => `数据库 ${s(p.db)} 不存在。请先运行 scorebook ingest。`,
    en: (p) => `The database ${s(p.db)} does not exist. Run scorebook ingest first.`,
  },
  /** bin/scorebook.mjs, on a terminal, when there is no build it may run (bin/fresh-build.mjs). */
  'cli.from-sources': {
    'zh-CN': (p) =>
      p.problem === 'stale'
        ? '提示：dist/cli/ 中的构建早于当前源码，scorebook 改为从 TypeScript 源码运行，启动较慢。运行 npm run build 重新构建。'
        : '提示：scorebook 尚未构建（没有 dist/cli/），从 TypeScript 源码运行，启动较慢。运行 npm run build 构建。',
    en: (p) =>
      p.problem === 'stale'
        ? 'Note: the build in dist/cli/ is older than the sources, so scorebook runs from its TypeScript sources and starts slower. Run npm run build to rebuild it.'
        : 'Note: scorebook is not built (no dist/cli/), so it runs from its TypeScript sources and starts slower. Run npm run build to build it.',
  },
  'cli.failed': {
    'zh-CN': (p) => `scorebook 内部错误：${s(p.stack)}`,
    en: (p) => `scorebook failed: ${s(p.stack)}`,
  },
  'cli.out-not-xlsx': {
    'zh-CN': (p) => `输出文件应以 .xlsx 结尾：${s(p.out)}`,
    en: (p) => `The output file must end in .xlsx: ${s(p.out)}`,
  },
  'cli.yes-no': {
    'zh-CN': (p) => (p.value ? '是' : '否'),
    en: (p) => (p.value ? 'yes' : 'no'),
  },

  'cli.templates.column': {
    'zh-CN': (p) => TEMPLATE_COLUMNS[s(p.column)]?.[0] ?? s(p.column),
    en: (p) => TEMPLATE_COLUMNS[s(p.column)]?.[1] ?? s(p.column),
  },
  'cli.templates.source': {
    'zh-CN': (p) =>
      `来源: ${s(p.standard)}${p.clause ? ` ${s(p.clause)}` : ''} (${p.normative ? '规范性' : '非规范性/派生'})`,
    en: (p) =>
      `Source: ${s(p.standard)}${p.clause ? ` ${s(p.clause)}` : ''} (${p.normative ? 'normative' : 'not normative / derived'})`,
  },
  'cli.templates.weight': {
    'zh-CN': (p) => `权重 ${s(p.weight)}`,
    en: (p) => `weight ${s(p.weight)}`,
  },
  'cli.templates.profile': {
    'zh-CN': (p) => `方案 ${s(p.id)}: ${s(p.name)} (${s(p.count)} 个指标)`,
    en: (p) => `Profile ${s(p.id)}: ${s(p.name)} (${s(p.count)} indicators)`,
  },
  'cli.templates.profile-weights': {
    'zh-CN': (p) => `权重: ${s(p.weights)}`,
    en: (p) => `weights: ${s(p.weights)}`,
  },
  'cli.templates.check-ok': {
    'zh-CN': (p) =>
      `${s(p.file)}：通过（${s(p.id)} ${s(p.version)}，一级 ${s(p.level1)}，二级 ${s(p.level2)}，三级 ${s(p.level3)}）`,
    en: (p) =>
      `${s(p.file)}: OK (${s(p.id)} ${s(p.version)}, ${s(p.level1)}/${s(p.level2)}/${s(p.level3)} indicators by level)`,
  },
  'cli.templates.use-hint': {
    'zh-CN': (p) =>
      `要在 score、generate、ingest 等命令中使用它：export SCOREBOOK_TEMPLATES=${s(p.dir)}`,
    en: (p) =>
      `To use it with score, generate, ingest and the rest: export SCOREBOOK_TEMPLATES=${s(p.dir)}`,
  },

  'cli.status.no-member': {
    'zh-CN': () => '名册中没有可核对的成员。',
    en: () => 'The roster has no member to check.',
  },
  'cli.export.table': {
    'zh-CN': (p) => `已导出 ${s(p.table)}`,
    en: (p) => `exported ${s(p.table)}`,
  },
  'cli.export.done': {
    'zh-CN': (p) => `已写入 ${s(p.count)} 个文件到 ${s(p.out)}`,
    en: (p) => `Wrote ${s(p.count)} file(s) to ${s(p.out)}`,
  },
});
