/**
 * The header spellings of volunteer records exports (志愿服务记录) → the fields the core reads.
 * Volunteer platforms, organizations' own systems and hand-kept spreadsheets name the same
 * column many ways; headers are compared after folding width, case, spaces, underscores,
 * hyphens and a trailing unit in brackets ("服务时长（小时）", "Hours (h)").
 */
import type { RecordCell, RecordField } from '../../core/index.ts';

export const RECORD_HEADERS: Record<RecordField, readonly string[]> = {
  volunteerId: [
    '志愿者编号',
    '志愿者id',
    '志愿者编码',
    '志愿者号',
    '志愿者证号',
    '志愿者注册号',
    '注册编号',
    '注册号',
    '人员编号',
    '编号',
    'volunteer id',
    'volunteer no',
    'volunteer number',
    'volunteer code',
    'member id',
    'id',
  ],
  volunteerName: ['姓名', '志愿者姓名', '名字', 'name', 'volunteer name', 'full name'],
  registered: [
    '注册日期',
    '注册时间',
    '登记日期',
    '登记时间',
    '加入日期',
    '加入时间',
    'registration date',
    'registered',
    'registered on',
    'date registered',
    'join date',
    'joined',
    'joined on',
  ],
  date: [
    '日期',
    '服务日期',
    '活动日期',
    '培训日期',
    '参加日期',
    '活动时间',
    'date',
    'service date',
    'activity date',
    'session date',
    'event date',
    'training date',
  ],
  hours: [
    '时长',
    '服务时长',
    '志愿服务时长',
    '活动时长',
    '培训时长',
    '时数',
    '小时',
    '小时数',
    '服务小时数',
    'hours',
    'hour',
    'service hours',
    'duration',
    'hrs',
  ],
  activity: [
    '活动',
    '活动名称',
    '服务项目',
    '项目',
    '项目名称',
    '服务内容',
    '活动内容',
    '培训名称',
    '培训内容',
    'activity',
    'activity name',
    'event',
    'event name',
    'project',
    'project name',
    'session',
    'session name',
  ],
  activityId: [
    '活动编号',
    '活动id',
    '活动代码',
    '项目编号',
    '项目id',
    'activity id',
    'activity no',
    'activity code',
    'event id',
    'project id',
    'session id',
  ],
  kind: [
    '类型',
    '记录类型',
    '服务/培训',
    '服务或培训',
    'kind',
    'type',
    'record type',
    'session type',
  ],
  org: [
    '机构编号',
    '组织编号',
    '所属机构编号',
    '所属组织编号',
    'org id',
    'organization id',
    'organisation id',
  ],
};

/** `服务时长（小时）` → `服务时长`; `Volunteer_ID` → `volunteerid`. */
export function headerKey(h: RecordCell): string {
  return String(h ?? '')
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^\*+|\*+$/g, '')
    .replace(/\s*\((?:h|hrs?|hours?|小时|时)\)\s*$/, '')
    .replace(/[\s_\-]+/g, '');
}

const KEYS = Object.fromEntries(
  Object.entries(RECORD_HEADERS).map(([field, names]) => [field, names.map(headerKey)]),
) as Record<RecordField, string[]>;

/** field → column index, for the headers of one row; a column serves one field only. */
export function mapHeaders(header: readonly RecordCell[]): Partial<Record<RecordField, number>> {
  const keys = header.map(headerKey);
  const columns: Partial<Record<RecordField, number>> = {};
  const taken = new Set<number>();
  for (const field of Object.keys(RECORD_HEADERS) as RecordField[]) {
    // The spellings are in order of preference: 志愿者编号 wins over a bare 编号.
    for (const name of KEYS[field]) {
      const i = keys.findIndex((k, c) => k === name && !taken.has(c));
      if (i >= 0) {
        columns[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  return columns;
}
