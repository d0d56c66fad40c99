/**
 * The words of volunteer service records (scorebook records, fill --records): the period, the
 * file, each left-out row's reason, how each indicator was counted, and the command's output.
 */
import { registerMessages, type Issue, type MessageEntry } from '../../core/index.ts';

type P = NonNullable<Issue['params']>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** Hours as people write them: at most two decimals, no trailing zeros. */
const h = (v: unknown) => String(Math.round(Number(v) * 100) / 100);
const span = (p: P, zh: boolean) =>
  zh ? `${s(p.start)} 至 ${s(p.end)}` : `from ${s(p.start)} to ${s(p.end)}`;

const COLUMN: Record<string, { 'zh-CN': string; en: string }> = {
  volunteerId: { 'zh-CN': '志愿者编号', en: 'volunteer id' },
  date: { 'zh-CN': '日期', en: 'date' },
  hours: { 'zh-CN': '时长', en: 'hours' },
};

const DATE_HINT = {
  'zh-CN': '请写成 2025-03-01、2025/3/1 或 2025年3月1日 这样的日期',
  en: 'Write a date such as 2025-03-01, 2025/3/1 or 2025年3月1日',
};

/** How the activities were told apart: by id, by name and date, by date alone (only those used). */
function activityParts(p: P, lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (Number(p.byId))
    parts.push(zh ? `按活动编号去重 ${s(p.byId)} 次` : `by activity id: ${s(p.byId)}`);
  if (Number(p.byName))
    parts.push(
      zh
        ? `没有编号的按活动名称和日期去重 ${s(p.byName)} 次（多日活动每天计一次）`
        : `by activity name and date where a row has no id: ${s(p.byName)} (an activity on several days counts once a day)`,
    );
  if (Number(p.byDate))
    parts.push(
      zh
        ? `名称和编号都没有的按日期计 ${s(p.byDate)} 次`
        : `by date where a row names no activity: ${s(p.byDate)}`,
    );
  return parts.join(zh ? '；' : '; ');
}

const entries: Record<string, MessageEntry> = {
  'records.period': {
    'zh-CN': (p) =>
      `评价周期 "${s(p.value)}" 无法识别。请写一个年份（如 2025），或起止日期（如 2025-07-01..2026-06-30，两端都计入）。`,
    en: (p) =>
      `The period "${s(p.value)}" is not one scorebook reads. Give a year (2025) or a range of days (2025-07-01..2026-06-30, both ends included).`,
  },
  'records.period-order': {
    'zh-CN': (p) =>
      `评价周期的开始日期 ${s(p.start)} 晚于结束日期 ${s(p.end)}。请把较早的日期写在前面。`,
    en: (p) =>
      `The period starts on ${s(p.start)}, after its end ${s(p.end)}. Put the earlier day first.`,
  },
  'records.empty': {
    'zh-CN': () =>
      '志愿服务记录中没有内容。第一行应为表头（如 志愿者编号，注册日期，日期，时长，活动，类型），其后每行一条服务或培训记录。',
    en: () =>
      'The records file is empty. Its first row must be the header (e.g. volunteer id, registration date, date, hours, activity, kind), then one service or training session per row.',
  },
  'records.missing-column': {
    'zh-CN': (p) =>
      `表头（第 ${s(p.headerRow)} 行）中没有“${COLUMN[s(p.column)]?.['zh-CN'] ?? s(p.column)}”列（找到的表头：${s(p.found) || '（无）'}）。请把该列的表头写成以下之一：${s(p.accepted)}。`,
    en: (p) =>
      `The header (row ${s(p.headerRow)}) has no ${COLUMN[s(p.column)]?.en ?? s(p.column)} column (headers found: ${s(p.found) || '(none)'}). Name it one of: ${s(p.accepted)}.`,
  },
  'records.quotes': {
    'zh-CN': () =>
      '该行有不成对的引号，此行之后的内容无法可靠地读出，因此整个文件未被使用。请用 Excel 打开后另存为“CSV UTF-8”，或把含引号的单元格整体加上引号并把其中的 " 写成 ""。',
    en: () =>
      'This row has unpaired quotation marks, so nothing after it can be read reliably: the file was not used. Open it in Excel and save it again as "CSV UTF-8", or put the whole cell in quotes and double each " inside it ("").',
  },
  'records.several-orgs': {
    'zh-CN': (p) =>
      `该文件含有 ${s(p.count)} 个机构的记录（${s(p.orgs)}）。请用 --org 指定其中一个。`,
    en: (p) =>
      `The file holds the records of ${s(p.count)} organizations (${s(p.orgs)}). Choose one with --org.`,
  },
  'records.org-not-found': {
    'zh-CN': (p) =>
      `该文件中没有机构 "${s(p.org)}" 的记录。文件中的机构：${s(p.orgs) || '（无）'}。`,
    en: (p) =>
      `The file has no records of the organization "${s(p.org)}". Organizations in it: ${s(p.orgs) || '(none)'}.`,
  },
  'records.no-org-column': {
    'zh-CN': (p) =>
      `给出了 --org ${s(p.org)}，但该文件没有机构编号列（如 机构编号、org_id），无法按机构挑选记录。整个文件都是同一机构的记录时，请去掉 --org。`,
    en: (p) =>
      `--org ${s(p.org)} was given but the file has no organization column (such as org_id or 机构编号) to choose rows by. If the whole file is one organization's, leave --org out.`,
  },

  'records.row.no-volunteer': {
    'zh-CN': () => '没有志愿者编号。请填写志愿者编号。',
    en: () => 'No volunteer id. Fill in the volunteer id.',
  },
  'records.row.no-org': {
    'zh-CN': () => '文件有机构编号列，但该行没有机构编号。请填写该行所属机构的编号。',
    en: () =>
      'The file has an organization column but this row names no organization. Fill in its org id.',
  },
  'records.row.bad-kind': {
    'zh-CN': (p) => `类型 "${s(p.value)}" 无法识别。请填 服务 或 培训（留空即为服务）。`,
    en: (p) =>
      `"${s(p.value)}" is not a kind of session. Write service or training (empty means service).`,
  },
  'records.row.bad-registered': {
    'zh-CN': (p) => `注册日期 "${s(p.value)}" 无法识别。${DATE_HINT['zh-CN']}。`,
    en: (p) => `The registration date "${s(p.value)}" cannot be read. ${DATE_HINT.en}.`,
  },
  'records.row.future-registered': {
    'zh-CN': (p) => `注册日期 ${s(p.date)} 晚于今天。请改正该日期。`,
    en: (p) => `The registration date ${s(p.date)} is after today. Correct it.`,
  },
  'records.row.no-date': {
    'zh-CN': () =>
      '没有日期：服务或培训记录需要日期；只登记志愿者（没有活动）的行需要注册日期。请补上日期。',
    en: () =>
      'No date: a session needs its date, and a row that only registers a volunteer needs the registration date. Add the date.',
  },
  'records.row.bad-date': {
    'zh-CN': (p) => `日期 "${s(p.value)}" 无法识别。${DATE_HINT['zh-CN']}。`,
    en: (p) => `The date "${s(p.value)}" cannot be read. ${DATE_HINT.en}.`,
  },
  'records.row.future-date': {
    'zh-CN': (p) => `日期 ${s(p.date)} 晚于今天：尚未发生的活动不能记录时长。请改正该日期。`,
    en: (p) =>
      `The date ${s(p.date)} is after today: a session cannot be recorded before it happens. Correct it.`,
  },
  'records.row.no-hours': {
    'zh-CN': () => '没有时长。请填写该次活动的小时数（如 2.5 或 2小时）。',
    en: () => 'No hours. Fill in the length of the session in hours (e.g. 2.5).',
  },
  'records.row.bad-hours': {
    'zh-CN': (p) =>
      `时长 "${s(p.value)}" 无法识别。请填写小时数，如 2.5、2小时、1小时30分 或 90分钟。`,
    en: (p) =>
      `The hours "${s(p.value)}" cannot be read. Write hours as 2.5, 2h, 1h30min or 90 min.`,
  },
  'records.row.negative-hours': {
    'zh-CN': (p) => `时长为负数（${s(p.hours)}）。请改正时长。`,
    en: (p) => `The hours are negative (${s(p.hours)}). Correct them.`,
  },
  'records.row.hours-over-24': {
    'zh-CN': (p) => `一条记录的时长为 ${s(p.hours)} 小时，超过一天的 24 小时。请改正时长。`,
    en: (p) => `${s(p.hours)} hours in one row, more than a day holds. Correct them.`,
  },
  'records.row.duplicate': {
    'zh-CN': (p) =>
      `与第 ${s(p.first)} 行完全相同（同一志愿者、日期、时长、类型和活动），只计一次。`,
    en: (p) =>
      `The same as row ${s(p.first)} (volunteer, date, hours, kind and activity): counted once.`,
  },
  'records.row.day-over-24': {
    'zh-CN': (p) =>
      `加上这一行，该志愿者 ${s(p.date)} 当天的时长达 ${h(p.total)} 小时，超过 24 小时；当天此前的记录已计入。请核对当天的记录。`,
    en: (p) =>
      `With this row the volunteer's hours on ${s(p.date)} come to ${h(p.total)}, more than 24; the earlier rows of that day were kept. Check that day's rows.`,
  },

  'records.how.registered': {
    'zh-CN': (p) =>
      `截至 ${s(p.end)} 已注册的志愿者，按志愿者编号去重。以注册日期为准；未填注册日期或首次参加活动更早的，从首次参加活动之日算起${Number(p.undated) ? `（其中 ${s(p.undated)} 名未填注册日期）` : ''}。`,
    en: (p) =>
      `Distinct volunteer ids registered on or before ${s(p.end)}: from the registration date, or from the first session when that is earlier or no date is given${Number(p.undated) ? ` (${s(p.undated)} without a registration date)` : ''}.`,
  },
  'records.how.active-share': {
    'zh-CN': (p) =>
      Number(p.registered)
        ? `${span(p, true)} 至少参加过一次服务或培训的志愿者（${s(p.active)} 名）÷ 在册志愿者（2.1.3：${s(p.registered)} 名），以小数表示。`
        : `截至 ${s(p.end)} 没有在册志愿者，无法计算百分比。`,
    en: (p) =>
      Number(p.registered)
        ? `Volunteers with at least one service or training session ${span(p, false)} (${s(p.active)}) ÷ registered volunteers (2.1.3: ${s(p.registered)}), as a fraction.`
        : `No volunteer was registered by ${s(p.end)}: no percentage.`,
  },
  'records.how.activities': {
    'zh-CN': (p) =>
      Number(p.count)
        ? `${span(p, true)} 的志愿服务活动（不含培训）：${activityParts(p, 'zh-CN')}。`
        : `${span(p, true)} 没有志愿服务活动的记录。`,
    en: (p) =>
      Number(p.count)
        ? `Service activities ${span(p, false)}, training not included, told apart ${activityParts(p, 'en')}.`
        : `No service activity was recorded ${span(p, false)}.`,
  },
  'records.how.service-person-times': {
    'zh-CN': (p) =>
      `${span(p, true)} 的服务记录行数：每行是一名志愿者参加一次活动（培训记录计入 3.2.1）。`,
    en: (p) =>
      `Service rows ${span(p, false)}: each row is one volunteer at one session (training rows count in 3.2.1).`,
  },
  'records.how.service-hours': {
    'zh-CN': (p) => `${span(p, true)} 的 ${s(p.rows)} 条服务记录的时长之和，不含培训时长。`,
    en: (p) =>
      `The hours of the ${s(p.rows)} service rows ${span(p, false)} added up, training not included.`,
  },
  'records.how.service-average': {
    'zh-CN': (p) =>
      Number(p.volunteers)
        ? `服务总时长（3.1.5：${h(p.hours)} h）÷ ${span(p, true)} 参加过服务的志愿者（5.1.4：${s(p.volunteers)} 名）；未参加服务的在册志愿者不计入。`
        : `${span(p, true)} 没有志愿者参加服务，无法计算人均时长。`,
    en: (p) =>
      Number(p.volunteers)
        ? `Service hours (3.1.5: ${h(p.hours)} h) ÷ volunteers who served ${span(p, false)} (5.1.4: ${s(p.volunteers)}); registered volunteers who did not serve are left out.`
        : `No volunteer served ${span(p, false)}: no average.`,
  },
  'records.how.training-person-times': {
    'zh-CN': (p) => `${span(p, true)} 的培训记录行数：每行是一名志愿者参加一次培训。`,
    en: (p) =>
      `Training rows ${span(p, false)}: each row is one volunteer at one training session.`,
  },
  'records.how.training-average': {
    'zh-CN': (p) =>
      Number(p.volunteers)
        ? `培训总时长（${h(p.hours)} h）÷ ${span(p, true)} 参加过培训的志愿者（${s(p.volunteers)} 名）；未参加培训的志愿者不计入。`
        : `${span(p, true)} 没有志愿者参加培训，无法计算平均小时数。`,
    en: (p) =>
      Number(p.volunteers)
        ? `Training hours (${h(p.hours)} h) ÷ volunteers who trained ${span(p, false)} (${s(p.volunteers)}); volunteers who did not train are left out.`
        : `No volunteer trained ${span(p, false)}: no average.`,
  },
  'records.how.mobilized': {
    'zh-CN': (p) => `${span(p, true)} 至少参加过一次服务的志愿者，按志愿者编号去重。`,
    en: (p) => `Distinct volunteers with at least one service row ${span(p, false)}.`,
  },

  'records.out.title': {
    'zh-CN': (p) =>
      `志愿服务记录 ${s(p.file)}${p.org ? `（机构 ${s(p.org)}）` : ''}，评价周期 ${s(p.period)}（${s(p.start)} 至 ${s(p.end)}）`,
    en: (p) =>
      `Volunteer records ${s(p.file)}${p.org ? ` (organization ${s(p.org)})` : ''}, period ${s(p.period)} (${s(p.start)} to ${s(p.end)})`,
  },
  'records.out.rows': {
    'zh-CN': (p) =>
      `共 ${s(p.read)} 行：采用 ${s(p.kept)} 行（周期内 ${s(p.inPeriod)}，周期前 ${s(p.before)} 行只计入累计时长，周期后 ${s(p.after)} 行不计入，仅登记注册 ${s(p.registration)}），拒收 ${s(p.rejected)} 行。`,
    en: (p) =>
      `${s(p.read)} rows: ${s(p.kept)} kept (${s(p.inPeriod)} in the period, ${s(p.before)} before it counting toward cumulative hours only, ${s(p.after)} after it not counted, ${s(p.registration)} registration only), ${s(p.rejected)} rejected.`,
  },
  'records.template-takes-none': {
    'zh-CN': (p) =>
      `模板 ${s(p.template)} 没有指标取志愿服务记录中的数值（指标的 records），无法按它显示。取这些数值的模板：${s(p.takers)}。请换一个 --template，或在模板中为相应指标写明 records。`,
    en: (p) =>
      `No indicator of the template ${s(p.template)} takes a figure from volunteer records (an indicator's records), so the figures cannot be shown as its indicators. Templates that take them: ${s(p.takers)}. Choose another --template, or give the indicators their records in the template.`,
  },
  'records.out.head': {
    'zh-CN': () => '编号|指标|数值|单位',
    en: () => 'id|indicator|value|unit',
  },
  'records.out.stars': {
    'zh-CN': (p) =>
      `星级志愿者（GB/T 40143-2021 第 6.6.2 条，截至 ${s(p.end)} 的累计服务时长，不含培训）：`,
    en: (p) =>
      `Star volunteers (GB/T 40143-2021 clause 6.6.2, cumulative service hours up to ${s(p.end)}, training not included):`,
  },
  'records.out.no-star': {
    'zh-CN': () => '尚未达到一星',
    en: () => 'No star yet',
  },
  'records.out.at-least': {
    'zh-CN': (p) => `不少于 ${s(p.hours)} 小时`,
    en: (p) => `at least ${s(p.hours)} h`,
  },
  'records.out.volunteers': {
    'zh-CN': (p) => `志愿者（${s(p.count)} 名，截至 ${s(p.end)} 在册）的累计服务时长与星级：`,
    en: (p) =>
      `Volunteers (${s(p.count)} registered by ${s(p.end)}): cumulative service hours and star level:`,
  },
  'records.out.volunteer-head': {
    'zh-CN': (p) =>
      `编号|姓名|注册自|累计服务时长|${s(p.period)} 服务时长|${s(p.period)} 培训时长|星级`,
    en: (p) =>
      `id|name|registered from|cumulative h|${s(p.period)} service h|${s(p.period)} training h|stars`,
  },
  'records.out.rejected': {
    'zh-CN': (p) => `拒收的行（${s(p.count)} 行，未计入任何指标）：`,
    en: (p) => `Rejected rows (${s(p.count)}, left out of every count):`,
  },
  'records.out.more': {
    'zh-CN': (p) => `……另有 ${s(p.count)} 行（加 --json 可列出全部）。`,
    en: (p) => `… and ${s(p.count)} more (--json lists them all).`,
  },
  'records.note': {
    'zh-CN': (p) =>
      `来自志愿服务记录 ${s(p.file)}（周期 ${s(p.period)}${Number(p.rejected) ? `，拒收 ${s(p.rejected)} 行` : ''}）：${s(p.how)}`,
    en: (p) =>
      `From the volunteer records ${s(p.file)} (period ${s(p.period)}${Number(p.rejected) ? `, ${s(p.rejected)} rows rejected` : ''}): ${s(p.how)}`,
  },
};

registerMessages(entries);
