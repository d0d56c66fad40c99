/**
 * The sheets of a definition workbook and their columns: what each is called in either language
 * and what a person writes in it. The writer lays the sheets out from these, the reader finds
 * sheets and columns by these names (in either language, whatever the workbook was written in),
 * and the instructions sheet explains them from the same words.
 */
import { RULE_KINDS, RULE_KINDS_MODULES } from '../rules/kinds/index.ts';
import type { RuleColumn } from '../rules/kinds/rule-columns.ts';
import { METHODS } from '../template/methods.ts';
import { RECORDS_MEASURE_IDS } from '../records/records-measures.ts';
import type { PathSegment } from '../issues.ts';
import { LANGS, type Lang, type LocalizedText } from '../text.ts';

/** How a column's cells are read, written and validated. */
export type ColumnType = 'text' | 'id' | 'number' | 'yesno' | 'choice' | 'level' | 'lines';

export interface DefColumn {
  key: string;
  header: LocalizedText;
  help: LocalizedText;
  width: number;
  type: ColumnType;
  choices?: readonly { value: string; label: LocalizedText }[];
}

export type SheetKey =
  'instructions' | 'settings' | 'indicators' | 'profiles' | 'profileRules' | 'grades' | 'sizeBands';

export interface DefinitionSheetSpec {
  key: SheetKey;
  name: LocalizedText;
  columns: readonly DefColumn[];
  /** the columns a sheet cannot be read without */
  required: readonly string[];
}

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function col(
  key: string,
  header: LocalizedText,
  help: LocalizedText,
  type: ColumnType = 'text',
  width = 14,
  choices?: DefColumn['choices'],
): DefColumn {
  return { key, header, help, type, width, ...(choices ? { choices } : {}) };
}

/** A text in both languages: two columns, "名称" and "名称（英文）" (an English sheet: "Name (Chinese)" and "Name"). */
function pair(key: string, zh: string, en: string, help: LocalizedText, width = 24): DefColumn[] {
  return [
    col(`${key}_zh`, L(zh, `${en} (Chinese)`), help, 'text', width),
    col(
      `${key}_en`,
      L(`${zh}（英文）`, en),
      L(`${help['zh-CN']}（英文）`, `${help.en} (English)`),
      'text',
      width,
    ),
  ];
}

const LEVELS = [
  { value: '1', label: L('1', '1') },
  { value: '2', label: L('2', '2') },
  { value: '3', label: L('3', '3') },
] as const;

const kindChoices = RULE_KINDS.map((k) => ({ value: k, label: L(k, k) }));
const methodChoices = METHODS.map((m) => ({ value: m, label: L(m, m) }));

/** The rule kinds' own columns, in the kinds' order, each once (min and max are shared). */
export const RULE_COLUMNS: readonly RuleColumn[] = (() => {
  const seen = new Map<string, RuleColumn>();
  for (const k of RULE_KINDS)
    for (const c of RULE_KINDS_MODULES[k].columns) if (!seen.has(c.key)) seen.set(c.key, c);
  return [...seen.values()];
})();

function ruleColumns(): DefColumn[] {
  return RULE_COLUMNS.map((c) =>
    col(
      c.key,
      c.header,
      c.help,
      c.choices ? 'choice' : c.multiline ? 'lines' : 'text',
      c.width,
      c.choices,
    ),
  );
}

const RULE = col(
  'rule',
  L('规则', 'Rule'),
  L(
    `三级指标的评分规则：${RULE_KINDS.join('、')}（见下表）；其参数写在后面对应的列中。`,
    `The third-level indicator's scoring rule: ${RULE_KINDS.join(', ')} (see below); its parameters go in the columns after it.`,
  ),
  'choice',
  10,
  kindChoices,
);

export const INDICATORS: DefinitionSheetSpec = {
  key: 'indicators',
  name: L('指标', 'Indicators'),
  required: ['id', 'name_zh', 'name_en'],
  columns: [
    col(
      'level',
      L('层级', 'Level'),
      L(
        '1 = 一级指标，2 = 二级指标，3 = 三级指标（评分的单位）；可不填，由编号的段数决定。',
        '1 = first-level, 2 = second-level, 3 = third-level indicator (the scored unit); may be left empty: the id says it.',
      ),
      'level',
      6,
      LEVELS,
    ),
    col(
      'id',
      L('编号', 'Id'),
      L(
        '按标准表格顺序的位置编码：一级 "1"，二级 "1.2"，三级 "1.2.3"。',
        'The positional code in the order of the standard\'s table: "1", "1.2", "1.2.3".',
      ),
      'id',
      8,
    ),
    ...pair(
      'name',
      '名称',
      'Name',
      L('指标名称，用标准原文', "The indicator's name, in the standard's words"),
      36,
    ),
    ...pair(
      'description',
      '内容描述',
      'Description',
      L(
        '三级指标的内容描述（可选）',
        'The content description of a third-level indicator (optional)',
      ),
      36,
    ),
    ...pair('note', '备注', 'Note', L('备注（可选）', 'A note (optional)'), 20),
    col(
      'unit',
      L('单位', 'Unit'),
      L(
        '三级指标的单位（可选）：名、%、万元、次、h …',
        'The unit of a third-level indicator (optional): 名, %, 万元, 次, h …',
      ),
      'text',
      8,
    ),
    col(
      'weight',
      L('权重', 'Weight'),
      L(
        '一级指标的权重（可选）：全部填写且合计为 1，或全部不填（等权）。',
        'The weight of a first-level indicator (optional): all given and summing to 1, or none (equal).',
      ),
      'number',
      8,
    ),
    RULE,
    ...ruleColumns(),
    col(
      'clause',
      L('来源条款', 'Source clause'),
      L(
        '三级指标出自标准的哪一条（可选）',
        'The clause of the standard the indicator comes from (optional)',
      ),
      'text',
      12,
    ),
    col(
      'was',
      L('原编号', 'Was'),
      L(
        '新版本中编号改变的指标：它在上一版本（设置中的“上一版本”）中的编号；新增的指标写“新增”。编号未变的不填。',
        'In a new version, for an indicator whose code changed: its code in the previous version (Settings: Previous version); "new" for an added indicator. Leave empty where the code is unchanged.',
      ),
      'id',
      8,
    ),
    col(
      'records',
      L('记录数值', 'Records figure'),
      L(
        `三级指标取志愿服务记录中的哪一个数值（可选，fill --records 填入）：${RECORDS_MEASURE_IDS.join('、')}；每个数值最多一个指标。`,
        `The figure of a volunteer service records export this third-level indicator takes (optional; fill --records writes it): ${RECORDS_MEASURE_IDS.join(', ')}; each figure one indicator at most.`,
      ),
      'choice',
      14,
      RECORDS_MEASURE_IDS.map((m) => ({ value: m, label: L(m, m) })),
    ),
  ],
};

/** The heading of a profile's column on the indicators sheet: "方案：annex-b" / "Profile: annex-b". */
export function profileColumnHeader(id: string, lang: Lang): string {
  return lang === 'zh-CN' ? `方案：${id}` : `Profile: ${id}`;
}

export const PROFILE_COLUMN_HELP = L(
  '每个方案一列，列名为“方案：方案编号”。一级指标行填该方案的权重，三级指标行填 是/否（是否选入）。整列不填：全部指标、模板的权重。',
  'One column per profile, headed "Profile: its id". On first-level rows, the profile\'s weight; on third-level rows, yes/no (chosen or not). A column left empty: every indicator, the template\'s weights.',
);

export const PROFILES: DefinitionSheetSpec = {
  key: 'profiles',
  name: L('方案', 'Profiles'),
  required: ['id'],
  columns: [
    col(
      'id',
      L('方案编号', 'Profile id'),
      L(
        '小写字母、数字和连字符，如 annex-b-example',
        'Lower-case letters, digits and dashes, e.g. annex-b-example',
      ),
      'id',
      18,
    ),
    ...pair('name', '名称', 'Name', L('方案名称', "The profile's name"), 24),
    ...pair(
      'description',
      '说明',
      'Description',
      L('方案说明（可选）', 'What the profile is (optional)'),
      36,
    ),
    col(
      'method',
      L('汇总方法', 'Method'),
      L(
        'mean 或 sum（可选，默认为模板的方法）',
        "mean or sum (optional; the template's by default)",
      ),
      'choice',
      10,
      methodChoices,
    ),
  ],
};

export const PROFILE_RULES: DefinitionSheetSpec = {
  key: 'profileRules',
  name: L('方案规则', 'Profile rules'),
  required: ['profile', 'indicator', 'rule'],
  columns: [
    col('profile', L('方案', 'Profile'), L('方案编号', 'The profile id'), 'id', 18),
    col(
      'indicator',
      L('编号', 'Id'),
      L(
        '三级指标的编号：该方案对它采用本行的规则',
        "A third-level id: the profile scores it by this row's rule",
      ),
      'id',
      8,
    ),
    RULE,
    ...ruleColumns(),
  ],
};

export const GRADES: DefinitionSheetSpec = {
  key: 'grades',
  name: L('等级', 'Grades'),
  required: ['id', 'min'],
  columns: [
    col(
      'profile',
      L('方案', 'Profile'),
      L(
        '不填：模板的等级；填方案编号：该方案的等级',
        "Empty: the template's grades; a profile id: that profile's",
      ),
      'id',
      18,
    ),
    col('id', L('等级', 'Grade'), L('等级的代号，如 5A', "The grade's code, e.g. 5A"), 'id', 10),
    col(
      'min',
      L('下限', 'Lower bound'),
      L(
        '总分（0～100）达到此值即为该等级（含本数）',
        'A total (0..100) at or above this has the grade',
      ),
      'number',
      10,
    ),
    ...pair('label', '名称', 'Label', L('等级名称', "The grade's name"), 16),
  ],
};

export const SIZE_BANDS: DefinitionSheetSpec = {
  key: 'sizeBands',
  name: L('规模分档', 'Size bands'),
  required: ['id'],
  columns: [
    col(
      'id',
      L('分档', 'Band'),
      L('分档的代号，如 50-199', "The band's code, e.g. 50-199"),
      'id',
      12,
    ),
    col(
      'below',
      L('上限（不含）', 'Below'),
      L(
        '本档数值小于此值；最后一档不填',
        'The band holds figures below this; empty on the last band',
      ),
      'number',
      12,
    ),
    ...pair('label', '名称', 'Label', L('分档名称', "The band's name"), 20),
  ],
};

export const INSTRUCTIONS: DefinitionSheetSpec = {
  key: 'instructions',
  name: L('说明', 'Instructions'),
  required: [],
  columns: [
    col('sheet', L('工作表', 'Sheet'), L('', ''), 'text', 12),
    col('column', L('列', 'Column'), L('', ''), 'text', 18),
    col('zh', L('说明', 'Explanation (Chinese)'), L('', ''), 'text', 60),
    col('en', L('说明（英文）', 'Explanation'), L('', ''), 'text', 60),
  ],
};

/** One entry of the settings sheet: a row with its label, its value, and where it goes in the template. */
export interface SettingField {
  key: string;
  label: LocalizedText;
  help: LocalizedText;
  type: 'text' | 'id' | 'yesno' | 'choice';
  path: PathSegment[];
  choices?: DefColumn['choices'];
}

const setting = (
  key: string,
  path: PathSegment[],
  label: LocalizedText,
  help: LocalizedText,
  type: SettingField['type'] = 'text',
  choices?: DefColumn['choices'],
): SettingField => ({ key, path, label, help, type, ...(choices ? { choices } : {}) });

export const SETTING_FIELDS: readonly SettingField[] = [
  setting(
    'id',
    ['id'],
    L('模板编号', 'Template id'),
    L(
      '小写字母、数字和连字符，永不改变，如 gbt-40143-2021',
      'Lower-case letters, digits and dashes; never changes, e.g. gbt-40143-2021',
    ),
    'id',
  ),
  setting(
    'version',
    ['version'],
    L('版本', 'Version'),
    L('如 1.0.0；修订后的模板用新版本号', 'e.g. 1.0.0; a revised template gets a new version'),
    'id',
  ),
  setting(
    'previous',
    ['previous'],
    L('上一版本', 'Previous version'),
    L(
      '本版本修订自哪一版本（可选），如 1.0.0；“原编号”列据此对应',
      'The version this one revises (optional), e.g. 1.0.0; the Was column refers to it',
    ),
    'id',
  ),
  setting(
    'title_zh',
    ['title', 'zh-CN'],
    L('标题', 'Title (Chinese)'),
    L('模板标题', "The template's title"),
  ),
  setting(
    'title_en',
    ['title', 'en'],
    L('标题（英文）', 'Title'),
    L('模板标题（英文）', "The template's title (English)"),
  ),
  setting(
    'standard',
    ['source', 'standard'],
    L('标准', 'Standard'),
    L(
      '指标出自的标准，如 GB/T 40143-2021',
      'The standard the indicators come from, e.g. GB/T 40143-2021',
    ),
  ),
  setting(
    'clause',
    ['source', 'clause'],
    L('条款', 'Clause'),
    L(
      '标准中的条款或表格（可选），如 附录A 表A.1',
      'The clause or table of the standard (optional), e.g. Annex A, table A.1',
    ),
  ),
  setting(
    'normative',
    ['source', 'normative'],
    L('规范性', 'Normative'),
    L(
      '是：照录标准的表格；否：据标准文本派生',
      "yes: the standard's own table; no: derived from its text",
    ),
    'yesno',
  ),
  setting(
    'note_zh',
    ['source', 'note', 'zh-CN'],
    L('来源说明', 'Source note (Chinese)'),
    L(
      '哪些是模板自定的，不是标准的（可选）',
      "What is the template's own, not the standard's (optional)",
    ),
  ),
  setting(
    'note_en',
    ['source', 'note', 'en'],
    L('来源说明（英文）', 'Source note'),
    L('来源说明（英文）', 'The source note (English)'),
  ),
  setting(
    'method',
    ['method'],
    L('汇总方法', 'Method'),
    L(
      'mean（一级指标取三级指标得分的平均值）或 sum',
      'mean (a first-level score is the mean of its indicators) or sum',
    ),
    'choice',
    methodChoices,
  ),
  setting(
    'lang',
    ['lang'],
    L('工作簿语言', 'Workbook language'),
    L(
      '工作簿用哪种语言（可选，默认 zh-CN）：成员的语言，不是电脑的',
      "The language of its workbooks (optional, zh-CN by default): the members', not the machine's",
    ),
    'choice',
    LANGS.map((l) => ({ value: l, label: L(l, l) })),
  ),
  setting(
    'size_indicator',
    ['size', 'indicator'],
    L('规模指标', 'Size indicator'),
    L(
      '按规模分组时所依据的三级指标编号（可选），分档见“规模分档”表',
      'The third-level indicator whose figure decides the size (optional); bands on the Size bands sheet',
    ),
    'id',
  ),
  setting(
    'size_label_zh',
    ['size', 'label', 'zh-CN'],
    L('规模名称', 'Size label (Chinese)'),
    L('该数值是什么，如 在册志愿者人数', 'What the figure counts, e.g. registered volunteers'),
  ),
  setting(
    'size_label_en',
    ['size', 'label', 'en'],
    L('规模名称（英文）', 'Size label'),
    L('规模名称（英文）', 'The size label (English)'),
  ),
];

export const SETTINGS: DefinitionSheetSpec = {
  key: 'settings',
  name: L('设置', 'Settings'),
  required: ['item', 'value'],
  columns: [
    col('item', L('项目', 'Item'), L('', ''), 'text', 18),
    col('value', L('值', 'Value'), L('', ''), 'text', 48),
    col('help', L('说明', 'Explanation'), L('', ''), 'text', 60),
  ],
};

/** The sheets in the order the workbook has them. */
export const SHEETS: readonly DefinitionSheetSpec[] = [
  INSTRUCTIONS,
  SETTINGS,
  INDICATORS,
  PROFILES,
  PROFILE_RULES,
  GRADES,
  SIZE_BANDS,
];

/** Headings and sheet names compared as a person would: width, case, spaces and brackets folded. */
export function headingKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

/** The column of `spec` a heading names (in either language, or by its key), if any. */
export function columnOfHeading(spec: DefinitionSheetSpec, heading: string): DefColumn | undefined {
  const k = headingKey(heading);
  if (!k) return undefined;
  return spec.columns.find(
    (c) =>
      headingKey(c.header['zh-CN']) === k ||
      headingKey(c.header.en) === k ||
      headingKey(c.key) === k,
  );
}

/** The profile a heading of the indicators sheet names ("方案：annex-b", "Profile: annex-b"). */
export function profileOfHeading(heading: string): string | undefined {
  const m = /^(?:方案|profile)\s*:\s*(.+)$/i.exec(heading.normalize('NFKC').trim());
  return m ? m[1]!.trim() : undefined;
}

export function sheetOfName(name: string): DefinitionSheetSpec | undefined {
  const k = headingKey(name);
  return SHEETS.find((s) => headingKey(s.name['zh-CN']) === k || headingKey(s.name.en) === k);
}
