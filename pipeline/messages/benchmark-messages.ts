/**
 * The words of benchmarks, reports' choice of scope and exports: what to do when the database
 * holds nothing to compare, a choice is ambiguous, or an option cannot apply.
 */
import { registerMessages } from '../../core/index.ts';

/** A template that groups by size, as benchmark.no-size lists them (JSON in the issue's params). */
interface Sized {
  id: string;
  indicator: string;
  label: { 'zh-CN': string; en: string };
}

const sizedOf = (p: Record<string, unknown>): Sized[] => JSON.parse(String(p.sized ?? '[]'));

registerMessages({
  'benchmark.empty': {
    'zh-CN': () => '数据库中还没有已评分的提交。请先运行 scorebook ingest。',
    en: () => 'The database holds no scored submission yet. Run scorebook ingest first.',
  },
  'benchmark.no-template': {
    'zh-CN': (p) => `没有模板 ${p.template} 的提交。现有模板：${p.templates}。`,
    en: (p) => `No submission for template ${p.template}. Templates present: ${p.templates}.`,
  },
  'benchmark.no-period': {
    'zh-CN': (p) =>
      `${p.org ? `机构 ${p.org} ` : ''}没有 ${p.template} 在周期 ${p.period} 的提交。现有周期：${p.periods}。`,
    en: (p) =>
      `No submission ${p.org ? `of organization ${p.org} ` : ''}for period ${p.period} of ${p.template}. Periods present: ${p.periods}.`,
  },
  'benchmark.group-column': {
    'zh-CN': (p) => `无法按 "${p.column}" 分组：可用 ${p.columns}。`,
    en: (p) => `Cannot group by "${p.column}": use ${p.columns}.`,
  },
  'benchmark.fallback': {
    'zh-CN': (p) =>
      `无法使用 --fallback "${p.fallback}"：每个备选分组由 --by（${p.by}）中的列组成，列之间用逗号、分组之间用分号分隔，all 表示全部成员，none 表示不回退；例如 --fallback "org_type;all"。`,
    en: (p) =>
      `Cannot use --fallback "${p.fallback}": each fallback grouping is columns of --by (${p.by}) separated by commas, groupings are separated by ";", "all" is every member and "none" no fallback; for example --fallback "org_type;all".`,
  },
  'benchmark.min-group': {
    'zh-CN': (p) => `--min-group 应为不小于 1 的整数，而不是 ${p.value}。`,
    en: (p) => `--min-group must be a whole number of at least 1, not ${p.value}.`,
  },
  'benchmark.consolidate': {
    'zh-CN': (p) => `--consolidate 应为 ${p.methods} 之一，而不是 "${p.value}"。`,
    en: (p) => `--consolidate must be one of ${p.methods}, not "${p.value}".`,
  },
  'benchmark.no-size': {
    'zh-CN': (p) => {
      const sized = sizedOf(p).map((t) => `${t.id}（${t.label['zh-CN']}，指标 ${t.indicator}）`);
      const which = sized.length
        ? `只有 ${sized.join('、')}设有规模分档`
        : '此 scorebook 的模板均未设规模分档';
      return `无法按规模对 ${p.template} 分组：${which}。请按 ${p.others} 对 ${p.template} 分组（例如 --by ${p.example}）。`;
    },
    en: (p) => {
      const sized = sizedOf(p);
      const which =
        sized.length === 1
          ? `only ${sized[0]!.id} has a size band (${sized[0]!.label.en}, indicator ${sized[0]!.indicator})`
          : sized.length
            ? `only ${sized.map((t) => `${t.id} (${t.label.en}, indicator ${t.indicator})`).join(', ')} have a size band`
            : 'no template of this scorebook has a size band';
      return `Cannot group ${p.template} by size: ${which}. Group ${p.template} by ${p.others} (for example --by ${p.example}).`;
    },
  },
  'scope.no-org': {
    'zh-CN': (p) =>
      `数据库中没有机构 ${p.org} 已评分的提交。请核对机构编号（scorebook status --roster …），或先导入它的回收文件。`,
    en: (p) =>
      `No scored submission of organization ${p.org} in the database. Check the id (scorebook status --roster …), or ingest its return first.`,
  },
  'export.partition-format': {
    'zh-CN': (p) => `--partition 仅适用于 --format parquet，不适用于 ${p.format}。`,
    en: (p) => `--partition applies to --format parquet only, not ${p.format}.`,
  },
  'export.xlsx-out': {
    'zh-CN': (p) => `使用 --format xlsx 时，--out 应为以 .xlsx 结尾的文件，而不是 ${p.out}。`,
    en: (p) => `With --format xlsx, --out is a file ending in .xlsx, not ${p.out}.`,
  },
  'export.xlsx-rows': {
    'zh-CN': (p) =>
      `${p.table} 有 ${Number(p.rows).toLocaleString('en')} 行，而一个工作表最多容纳 ${Number(p.max).toLocaleString('en')} 行：未向 ${p.out} 写入任何内容。请改用 --format csv 或 --format parquet 导出。`,
    en: (p) =>
      `${p.table} has ${Number(p.rows).toLocaleString('en')} rows and a sheet holds at most ${Number(p.max).toLocaleString('en')}: nothing was written to ${p.out}. Export with --format csv or --format parquet instead.`,
  },
});
