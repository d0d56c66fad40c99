/**
 * The instructions sheet of a definition workbook, in both languages side by side: what the
 * workbook is for, how to use it, every sheet's columns (from the same words the reader knows
 * them by), the rule kinds, and a small example written as the indicators sheet would hold it.
 */
import { RULE_KINDS } from '../rules/kinds/index.ts';
import type { Lang, LocalizedText } from '../text.ts';
import type { PlainCell } from './definition-book.ts';
import {
  GRADES,
  INDICATORS,
  PROFILE_COLUMN_HELP,
  PROFILE_RULES,
  PROFILES,
  SETTINGS,
  SETTING_FIELDS,
  SIZE_BANDS,
  profileColumnHeader,
  type DefinitionSheetSpec,
} from './definition-sheets.ts';

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

const INTRO: LocalizedText[] = [
  L(
    '本工作簿用表格定义一套评价指标体系（scorebook 的“模板”）：标准的一、二、三级指标，各三级指标的评分规则，以及可选的方案、等级和规模分档。填好后，scorebook 就能据此生成评分工作簿、导入回收的评分表并做对标分析。',
    "This workbook defines a system of evaluation indicators (a scorebook template) in tables: the standard's first-, second- and third-level indicators, each third-level indicator's scoring rule, and optional profiles, grades and size bands. Once filled in, scorebook generates scoring workbooks from it, ingests the returned ones and benchmarks them.",
  ),
  L(
    '检查：scorebook templates check 本文件.xlsx —— 每个问题都标明工作表、行和列，并说明如何改正。',
    'Check it: scorebook templates check this-file.xlsx — every problem is given with its sheet, row and column, and what to do.',
  ),
  L(
    '使用：scorebook generate --template-file 本文件.xlsx --out 评分表.xlsx；或把本文件放入 SCOREBOOK_TEMPLATES 所列的文件夹；或在 Excel 加载项中选择“本工作簿中定义的模板”。转换为 YAML：scorebook templates import 本文件.xlsx --out 模板.yaml。',
    'Use it: scorebook generate --template-file this-file.xlsx --out scoring.xlsx; or put it in a folder named in SCOREBOOK_TEMPLATES; or, in the Excel add-in, choose "a template defined in this workbook". To YAML: scorebook templates import this-file.xlsx --out template.yaml.',
  ),
  L(
    '每段文字都有中文和英文两列，两列都要填写。编号是标准表格中的位置编码（5.2.1 为第 5 个一级指标下第 2 个二级指标的第 1 个三级指标）。数字可写作 0.85 或 85%；表头可用中文或英文；scorebook 不认识的列会被忽略，可用于自己的备注。',
    "Every text has a Chinese and an English column; fill in both. Ids are positional codes in the standard's table (5.2.1 is the first indicator of the second group of the fifth dimension). Numbers may be written 0.85 or 85%; headings may be in Chinese or English; columns scorebook does not know are ignored, so they can hold your own notes.",
  ),
  L(
    '修订：新版本在“设置”中写明“上一版本”，并在“原编号”列为编号改变的指标写上它在上一版本中的编号（新增指标写“新增”）。scorebook templates diff 列出两版之间的变化，scorebook migrate 把上一版本评分表中的回答带到新版本。',
    'Revisions: a new version names its Previous version in Settings and, in the Was column, gives each indicator whose code changed its code in that version ("new" for an added one). scorebook templates diff lists the changes between two versions; scorebook migrate carries the answers of an earlier version\'s workbooks into the new one.',
  ),
];

const KINDS: Record<string, LocalizedText> = {
  binary: L('符合/不符合：符合得 1 分，不符合得 0 分。', 'conforms or not: 1 or 0.'),
  bands: L(
    '按数值所在的分档得分，分档写在“分档”列。',
    'the score of the band the value falls in; the bands go in the Bands column.',
  ),
  linear: L(
    '在“得 0 分的值”与“得 1 分的值”之间按直线计分。',
    'a straight line from "Scores 0 at" to "Scores 1 at".',
  ),
  scale: L(
    '第 1～N 级，得分 (级数−1)/(N−1)；各级名称写在“等级”列。',
    'a level 1..N scores (level − 1)/(N − 1); the names go in the Levels columns.',
  ),
  manual: L('评价人直接填写 0～1 的得分。', 'the evaluator enters the score, 0..1.'),
  record: L(
    '只记录数值（如人数、金额），不计分，用于对标。',
    'a figure kept for benchmarking, not scored.',
  ),
};

/** The example: one dimension, one group, a yes/no indicator and a banded one. */
function exampleRows(lang: Lang): PlainCell[][] {
  const cols = ['level', 'id', 'name_zh', 'name_en', 'unit', 'weight', 'rule', 'bands'];
  const header = cols.map((k) => INDICATORS.columns.find((c) => c.key === k)!.header[lang]);
  return [
    [...header, profileColumnHeader('example', lang)],
    [1, '1', '基础条件', 'Basic conditions', null, 0.4, null, null, 1],
    [2, '1.1', '机构设置', 'Institutional setup', null, null, null, null, null],
    [
      3,
      '1.1.1',
      '依法登记',
      'Registered according to law',
      null,
      null,
      'binary',
      null,
      lang === 'zh-CN' ? '是' : 'yes',
    ],
    [
      3,
      '1.1.2',
      '服务对象满意率',
      'Satisfaction rate of service recipients',
      '%',
      null,
      'bands',
      'x ≤ 60% → 0\n60% < x < 85% → 0.5\nx ≥ 85% → 1',
      lang === 'zh-CN' ? '否' : 'no',
    ],
  ];
}

function sheetRows(spec: DefinitionSheetSpec, lang: Lang): PlainCell[][] {
  return spec.columns
    .filter((c) => c.help['zh-CN'] !== '')
    .map((c) => [spec.name[lang], c.header[lang], c.help['zh-CN'], c.help.en]);
}

/** The sheet's rows: sheet, column, the words in Chinese, the words in English. */
export function instructionRows(lang: Lang): PlainCell[][] {
  const rows: PlainCell[][] = [
    [
      'scorebook',
      null,
      '定义工作簿：用表格编写评价指标体系',
      'Definition workbook: an indicator system written in tables',
    ],
    ...INTRO.map((t) => [null, null, t['zh-CN'], t.en]),
    [],
    [
      SETTINGS.name[lang],
      null,
      '每行一项：在“值”列填写。',
      'One item per row: fill in the Value column.',
    ],
    ...SETTING_FIELDS.map((f) => [SETTINGS.name[lang], f.label[lang], f.help['zh-CN'], f.help.en]),
    [],
    ...sheetRows(INDICATORS, lang),
    [
      INDICATORS.name[lang],
      profileColumnHeader('…', lang),
      PROFILE_COLUMN_HELP['zh-CN'],
      PROFILE_COLUMN_HELP.en,
    ],
    [],
    ...RULE_KINDS.map((k) => [INDICATORS.name[lang], k, KINDS[k]!['zh-CN'], KINDS[k]!.en]),
    [],
    ...sheetRows(PROFILES, lang),
    ...sheetRows(PROFILE_RULES, lang).slice(0, 2),
    [
      PROFILE_RULES.name[lang],
      null,
      '其余各列同“指标”工作表的规则列。',
      "The other columns are the Indicators sheet's rule columns.",
    ],
    ...sheetRows(GRADES, lang),
    ...sheetRows(SIZE_BANDS, lang),
    [],
    [
      null,
      null,
      '示例（“指标”工作表的前几列）：',
      'Example (the first columns of the Indicators sheet):',
    ],
    ...exampleRows(lang),
  ];
  return rows;
}
