/** `fill --records`: choosing what to fill, and what it did. */
import { registerMessages } from '../../core/index.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

registerMessages({
  'fill.inputs-or-records': {
    'zh-CN': () =>
      '请给出 --inputs（id,value 的 CSV 或 JSON）或 --records（志愿服务记录导出文件），二者选一。',
    en: () =>
      'Give --inputs (an id,value CSV or JSON) or --records (a volunteer service records export), one of the two.',
  },
  'fill.folder-needs-records': {
    'zh-CN': (p) =>
      `${s(p.path)} 是一个文件夹：只有 --records 能按机构填写一个文件夹中的工作簿。要填写一份工作簿，请给出它的文件名。`,
    en: (p) =>
      `${s(p.path)} is a folder: only --records fills a folder's workbooks, member by member. To fill one workbook, name its file.`,
  },
  'fill.out-folder': {
    'zh-CN': (p) =>
      `填写文件夹时 --out 应为一个文件夹（可以就是 ${s(p.path)}，即原地填写），而不是 ${s(p.out)}。`,
    en: (p) =>
      `When filling a folder, --out names a folder (${s(p.path)} itself fills in place), not ${s(p.out)}.`,
  },
  'fill.records-no-org': {
    'zh-CN': (p) =>
      `${s(p.file)} 没有机构编号列，无法按机构分配记录。请为每行加上机构编号（见 docs/records.md），或逐份填写工作簿。`,
    en: (p) =>
      `${s(p.file)} has no organization column, so its rows cannot be matched to members. Add each row's organization id (docs/records.md), or fill one workbook at a time.`,
  },
  'fill.period-needed': {
    'zh-CN': (p) =>
      `工作簿 ${s(p.file)} 的评价周期“${s(p.period)}”不是年份或日期范围：请用 --period 给出记录的统计周期，如 --period 2025。`,
    en: (p) =>
      `The workbook ${s(p.file)} has the period "${s(p.period)}", which is not a year or a range of days: give the records' period with --period, e.g. --period 2025.`,
  },
  'fill.records-skipped': {
    'zh-CN': (p) => `未填写 ${s(p.id)}：${s(p.reason)}`,
    en: (p) => `Not filled ${s(p.id)}: ${s(p.reason)}`,
  },
  'fill.skip.not-in-template': {
    'zh-CN': () => '工作簿的模板中没有取此数值的指标',
    en: () => "no indicator of the workbook's template takes this figure",
  },
  'fill.skip.not-in-workbook': {
    'zh-CN': () => '工作簿未选用此指标',
    en: () => 'the workbook does not have this indicator',
  },
  'fill.skip.no-value': {
    'zh-CN': () => '记录中没有可计算的数值',
    en: () => 'the records give no value for it',
  },
  'fill.member-skipped': {
    'zh-CN': (p) => `跳过 ${s(p.file)}（${s(p.org)}）：${s(p.reason)}`,
    en: (p) => `Skipped ${s(p.file)} (${s(p.org)}): ${s(p.reason)}`,
  },
  'fill.member-no-records': {
    'zh-CN': () => '记录文件中没有该机构的行',
    en: () => 'the records file has no rows of this organization',
  },
  'fill.folder-done': {
    'zh-CN': (p) =>
      `已按志愿服务记录填写 ${s(p.filled)} 份工作簿，写入 ${s(p.out)}${Number(p.skipped) ? `；跳过 ${s(p.skipped)} 份（见上）` : ''}`,
    en: (p) =>
      `Filled ${s(p.filled)} workbook(s) from the volunteer records into ${s(p.out)}${Number(p.skipped) ? `; skipped ${s(p.skipped)} (see above)` : ''}`,
  },
});
