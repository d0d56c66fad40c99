/**
 * The one place where issue codes become words, in zh-CN and en. Each entry says what is wrong
 * and what to do about it; formatIssue adds where (file, line, path).
 */
import { formatPath, type Issue } from './issues.ts';
import type { Lang } from './text.ts';

type P = NonNullable<Issue['params']>;
type Say = (p: P) => string;
/** One issue code's words: what is wrong and what to do, in each language. */
export interface MessageEntry {
  'zh-CN': Say;
  en: Say;
}
type Entry = MessageEntry;

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const CATALOGUE: Record<string, Entry> = {
  'yaml.syntax': {
    'zh-CN': (p) => `YAML 语法错误：${s(p.message)}。请检查缩进、冒号和引号。`,
    en: (p) => `YAML syntax error: ${s(p.message)}. Check the indentation, colons and quotes.`,
  },
  'yaml.empty': {
    'zh-CN': () => '文件为空或不是一个 YAML 映射。模板应以 id：、version：等字段开头。',
    en: () =>
      'The file is empty or not a YAML mapping. A template starts with fields such as id: and version:.',
  },
  'yaml.too-big': {
    'zh-CN': (p) =>
      `文件超过 ${s(p.max)} MB，不可能是模板（模板一般只有几十 KB），因此没有解析它。请确认给出的是正确的文件。`,
    en: (p) =>
      `The file is larger than ${s(p.max)} MB and cannot be a template (templates are some tens of KB), so it was not parsed. Check that it is the right file.`,
  },
  'yaml.too-deep': {
    'zh-CN': (p) =>
      `从此行起嵌套超过 ${s(p.max)} 层，模板不会这么深（一般约十层），因此没有解析它。请检查缩进，或是否有成串未闭合的 [ 或 {。`,
    en: (p) =>
      `From this line on the nesting is more than ${s(p.max)} levels deep; no template is (about ten levels), so it was not parsed. Check the indentation, or a run of unclosed [ or {.`,
  },
  'yaml.aliases': {
    'zh-CN': (p) =>
      `别名（*name）展开超过 ${s(p.max)} 次，疑似“别名炸弹”，因此没有读取它。模板中请直接写出内容，不要层层引用锚点（&name）。`,
    en: (p) =>
      `Its aliases (*name) expand more than ${s(p.max)} times: an alias bomb, so it was not read. Write a template's content out instead of nesting references to anchors (&name).`,
  },
  'schema.not-a-number': {
    'zh-CN': (p) =>
      `${s(p.value)} 不是一个数字（YAML 中 ${s(p.value)} 表示非数或无穷大）。请写一个数字，如 0.2。`,
    en: (p) =>
      `${s(p.value)} is not a number (YAML reads ${s(p.value)} as not-a-number or infinity). Write a number, e.g. 0.2.`,
  },
  'file.read': {
    'zh-CN': (p) => `无法读取文件：${errnoWords(p.reason, 'zh-CN')}。请检查路径和权限。`,
    en: (p) =>
      `Cannot read the file: ${errnoWords(p.reason, 'en')}. Check the path and permissions.`,
  },
  'folder.read': {
    'zh-CN': (p) =>
      `无法读取此文件夹：${errnoWords(p.reason, 'zh-CN')}，其中的文件均未导入。请让运行 scorebook 的用户可以读取它（如 chmod a+rx），然后重新运行。`,
    en: (p) =>
      `Cannot list this folder: ${errnoWords(p.reason, 'en')}, so none of its files were ingested. Let the user running scorebook read it (e.g. chmod a+rx) and run again.`,
  },
  'schema.required': {
    'zh-CN': (p) => `缺少必填字段 "${s(p.key)}"。请添加它。`,
    en: (p) => `The required field "${s(p.key)}" is missing. Add it.`,
  },
  'schema.type': {
    'zh-CN': (p) =>
      `类型错误：应为 ${s(p.expected)}，实际为 ${s(p.received)}。${p.expected === 'string' ? '数字形式的 id 或版本号请加引号,如 "1.1"。' : ''}`,
    en: (p) =>
      `Wrong type: expected ${s(p.expected)}, got ${s(p.received)}.${p.expected === 'string' ? ' Quote ids and versions that look like numbers, e.g. "1.1".' : ''}`,
  },
  'schema.unknown-key': {
    'zh-CN': (p) => `无法识别的字段：${s(p.keys)}。请检查拼写，或删除该字段。`,
    en: (p) => `Unknown field: ${s(p.keys)}. Check the spelling or remove it.`,
  },
  'schema.enum': {
    'zh-CN': (p) => `取值 ${s(p.value)} 无效。可选值：${s(p.allowed)}。`,
    en: (p) => `The value ${s(p.value)} is not allowed. Use one of: ${s(p.allowed)}.`,
  },
  'schema.too-small': {
    'zh-CN': (p) =>
      p.origin === 'array'
        ? `至少需要 ${s(p.minimum)} 项。`
        : p.origin === 'string'
          ? '不能为空。'
          : p.inclusive === 'no'
            ? `应大于 ${s(p.minimum)}。`
            : `应不小于 ${s(p.minimum)}。`,
    en: (p) =>
      p.origin === 'array'
        ? `At least ${s(p.minimum)} item(s) are needed.`
        : p.origin === 'string'
          ? 'Must not be empty.'
          : p.inclusive === 'no'
            ? `Must be greater than ${s(p.minimum)}.`
            : `Must be at least ${s(p.minimum)}.`,
  },
  'schema.too-big': {
    'zh-CN': (p) =>
      p.origin === 'array' ? `最多 ${s(p.maximum)} 项。` : `应不大于 ${s(p.maximum)}。`,
    en: (p) =>
      p.origin === 'array'
        ? `At most ${s(p.maximum)} item(s) are allowed.`
        : `Must be at most ${s(p.maximum)}.`,
  },
  'schema.format': {
    'zh-CN': (p) => `格式错误：应为 ${s(p.expected)}。`,
    en: (p) => `Wrong format: expected ${s(p.expected)}.`,
  },
  'schema.invalid': {
    'zh-CN': (p) => `内容无效：${s(p.message)}`,
    en: (p) => `Invalid: ${s(p.message)}`,
  },
  'rule.unknown-kind': {
    'zh-CN': (p) => `未知的评分规则类型 ${s(p.value)}。可选：${s(p.allowed)}。`,
    en: (p) => `Unknown rule kind ${s(p.value)}. Use one of: ${s(p.allowed)}.`,
  },
  'rule.linear-flat': {
    'zh-CN': (p) =>
      `线性规则的 from 与 to 相同（${s(p.value)}），无法计算得分。请让 from（得 0 分）与 to（得 1 分）不同。`,
    en: (p) =>
      `The linear rule's from and to are equal (${s(p.value)}), so no score can be computed. Make from (score 0) and to (score 1) differ.`,
  },
  'rule.domain': {
    'zh-CN': (p) => `min(${s(p.min)})应小于 max(${s(p.max)})。`,
    en: (p) => `min (${s(p.min)}) must be smaller than max (${s(p.max)}).`,
  },
  'id.duplicate': {
    'zh-CN': (p) =>
      `编号 "${s(p.id)}" 重复（首次出现在 ${s(p.first)}）。每个一级、二级、三级指标的编号都必须唯一。`,
    en: (p) =>
      `The id "${s(p.id)}" is used twice (first at ${s(p.first)}). Every dimension, group and indicator needs its own id.`,
  },
  'id.position': {
    'zh-CN': (p) =>
      `编号 "${s(p.id)}" 与其在表中的位置不符，此处应为 "${s(p.expected)}"。编号按标准表格中的顺序排列（如 5.2.1 为第五个一级指标下第二个二级指标的第一个三级指标）。`,
    en: (p) =>
      `The id "${s(p.id)}" does not match its place in the table; here it must be "${s(p.expected)}". Ids are positional codes in the standard's order (5.2.1 is the first indicator of the second group of the fifth dimension).`,
  },
  'weights.partial': {
    'zh-CN': (p) =>
      `一级指标 "${s(p.id)}" 没有权重，而其他一级指标有。请为所有一级指标设置权重，或全部删除（即等权）。`,
    en: (p) =>
      `Dimension "${s(p.id)}" has no weight while others do. Give every dimension a weight, or none (equal weights).`,
  },
  'weights.sum': {
    'zh-CN': (p) => `权重之和为 ${s(p.sum)}，应为 1。请调整权重使其合计为 1。`,
    en: (p) => `The weights sum to ${s(p.sum)}; they must sum to 1. Adjust them.`,
  },
  'bands.two-lower': {
    'zh-CN': () => '一个分档不能同时有 above 和 atLeast。请只保留一个下界。',
    en: () => 'A band cannot have both above and atLeast. Keep one lower bound.',
  },
  'bands.two-upper': {
    'zh-CN': () => '一个分档不能同时有 below 和 atMost。请只保留一个上界。',
    en: () => 'A band cannot have both below and atMost. Keep one upper bound.',
  },
  'bands.first-bounded': {
    'zh-CN': (p) =>
      `第一个分档不应有下界（此处为 ${s(p.value)}）。请删除它，使低于该值的输入也有得分。`,
    en: (p) =>
      `The first band must have no lower bound (it has ${s(p.value)}). Remove it so that lower values score too.`,
  },
  'bands.last-bounded': {
    'zh-CN': (p) =>
      `最后一个分档不应有上界（此处为 ${s(p.value)}）。请删除它，使高于该值的输入也有得分。`,
    en: (p) =>
      `The last band must have no upper bound (it has ${s(p.value)}). Remove it so that higher values score too.`,
  },
  'bands.missing-lower': {
    'zh-CN': () => '该分档缺少下界（above 或 atLeast）。',
    en: () => 'This band has no lower bound (above or atLeast).',
  },
  'bands.missing-upper': {
    'zh-CN': () => '该分档缺少上界（below 或 atMost）。',
    en: () => 'This band has no upper bound (below or atMost).',
  },
  'bands.empty': {
    'zh-CN': (p) => `该分档为空：下界 ${s(p.lower)} 不小于上界 ${s(p.upper)}。`,
    en: (p) =>
      `This band is empty: its lower bound ${s(p.lower)} is not below its upper bound ${s(p.upper)}.`,
  },
  'bands.overlap': {
    'zh-CN': (p) =>
      `分档 ${s(p.previous)} 与分档 ${s(p.band)} 重叠（${s(p.prevValue)} / ${s(p.value)}）。边界值只能属于一个分档：如 atMost: ${s(p.prevValue)} 接 above: ${s(p.prevValue)}。`,
    en: (p) =>
      `Bands ${s(p.previous)} and ${s(p.band)} overlap (${s(p.prevValue)} / ${s(p.value)}). A bound belongs to one band only: e.g. atMost: ${s(p.prevValue)} then above: ${s(p.prevValue)}.`,
  },
  'bands.gap': {
    'zh-CN': (p) =>
      `分档 ${s(p.previous)} 与分档 ${s(p.band)} 之间有空隙（${s(p.prevValue)} 至 ${s(p.value)}）。下一分档应从上一分档结束处开始：如 atMost: ${s(p.prevValue)} 接 above: ${s(p.prevValue)}。`,
    en: (p) =>
      `There is a gap between bands ${s(p.previous)} and ${s(p.band)} (${s(p.prevValue)} to ${s(p.value)}). Start each band where the previous one ends: e.g. atMost: ${s(p.prevValue)} then above: ${s(p.prevValue)}.`,
  },
  'bands.direction': {
    'zh-CN': (p) =>
      `得分与 direction: ${s(p.direction)} 不一致。升序时得分应随数值增加而不减，降序时不增。`,
    en: (p) =>
      `The scores go against direction: ${s(p.direction)}. Ascending scores must not fall as the value rises; descending ones must not rise.`,
  },
  'bands.percent-scale': {
    'zh-CN': (p) => `百分比指标的边界应写为小数（85% 写作 0.85），此处为 ${s(p.value)}。`,
    en: (p) =>
      `Bounds of a % indicator are fractions (write 85 % as 0.85); this one is ${s(p.value)}.`,
  },
  'scale.list-item': {
    'zh-CN': (p) =>
      `等级 ${s(p.level)} 的名称 "${s(p.text)}" 含有 ${p.char === ',' ? '英文逗号 ,' : '双引号 "'}：它会成为输入单元格的下拉列表项，Excel 会把${p.char === ',' ? '逗号当作分隔符而把它拆成两项' : '双引号当作列表的结尾'}。请改用中文逗号，、顿号 、 或其他写法。`,
    en: (p) =>
      `The name of level ${s(p.level)}, "${s(p.text)}", contains ${p.char === ',' ? 'a comma' : 'a double quote'}: it becomes an item of the input cell's drop-down list, where Excel takes ${p.char === ',' ? 'a comma for the separator and splits the item in two' : 'a double quote for the end of the list'}. Reword it (a semicolon, a dash or a full-width ,).`,
  },
  'scale.list-too-long': {
    'zh-CN': (p) =>
      `等级名称过长：输入单元格的下拉列表（${s(p.lang)}，各项以逗号连接）共 ${s(p.length)} 个字符，Excel 最多接受 ${s(p.max)} 个。请缩短等级名称，把说明写进指标的内容描述。`,
    en: (p) =>
      `The level names are too long: the input cell's drop-down list (${s(p.lang)}, items joined by commas) has ${s(p.length)} characters and Excel accepts at most ${s(p.max)}. Shorten the names and put the explanation in the indicator's description.`,
  },
  'grades.duplicate': {
    'zh-CN': (p) => `等级 "${s(p.id)}" 重复。`,
    en: (p) => `The grade "${s(p.id)}" is defined twice.`,
  },
  'grades.range': {
    'zh-CN': (p) =>
      `等级下限 ${s(p.value)} 不在 0～100 之间。等级按百分制总分划分，下限应在 0 到 100 之间。`,
    en: (p) =>
      `The grade's lower bound ${s(p.value)} is not between 0 and 100. Grades divide the total out of 100: their bounds lie in 0..100.`,
  },
  'size.unknown-indicator': {
    'zh-CN': (p) =>
      `规模取自指标 "${s(p.id)}"，模板中没有这个三级指标。请填写记录该数值（如在册志愿者人数）的三级指标编号。`,
    en: (p) =>
      `The size is taken from the indicator "${s(p.id)}", which is not a third-level indicator of the template. Name the third-level indicator that records the figure (such as registered volunteers).`,
  },
  'records.measure-twice': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 与指标 "${s(p.first)}" 都取志愿服务记录中的同一数值（${s(p.measure)}）：一个数值只能填入一个指标。请删去其中一个的 records。`,
    en: (p) =>
      `The indicators "${s(p.id)}" and "${s(p.first)}" both take the same figure from volunteer records (${s(p.measure)}): a figure fills one indicator only. Remove records from one of them.`,
  },
  'size.band-order': {
    'zh-CN': (p) =>
      `规模分档 "${s(p.id)}" 的上限 ${s(p.below)} 不大于前一档的上限 ${s(p.previous)}。请从小到大排列各档，每档的上限大于前一档。`,
    en: (p) =>
      `The size band "${s(p.id)}" ends below ${s(p.below)}, not above the previous band's ${s(p.previous)}. List the bands smallest first, each ending above the one before.`,
  },
  'size.open-band': {
    'zh-CN': (p) =>
      `规模分档 "${s(p.id)}" 没有上限（below），但它不是最后一档。只有最后一档可以不设上限，它包含其余所有数值。`,
    en: (p) =>
      `The size band "${s(p.id)}" has no upper bound (below) but is not the last. Only the last band is open: it holds every larger figure.`,
  },
  'size.closed-last-band': {
    'zh-CN': (p) =>
      `最后一个规模分档 "${s(p.id)}" 设有上限 ${s(p.below)}，大于等于它的数值将不属于任何一档。请删除最后一档的 below。`,
    en: (p) =>
      `The last size band "${s(p.id)}" ends below ${s(p.below)}: a figure at or above it would fall in no band. Remove the last band's below.`,
  },
  'size.duplicate-band': {
    'zh-CN': (p) => `规模分档 "${s(p.id)}" 重复。每档需要不同的 id。`,
    en: (p) => `The size band "${s(p.id)}" is defined twice. Each band needs its own id.`,
  },
  'linear.percent-scale': {
    'zh-CN': (p) =>
      `百分比指标的线性规则端点应写为小数（85% 写作 0.85），此处为 ${s(p.value)}，按此永远达不到满分。`,
    en: (p) =>
      `The ends of a linear rule on a % indicator are fractions (write 85 % as 0.85); this one is ${s(p.value)}, which no percentage can reach.`,
  },
  'per.self': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 的 per 指向它自己。请改为它要折算的另一个指标（如在册志愿者人数 2.1.3）。`,
    en: (p) =>
      `The per of "${s(p.id)}" names the indicator itself. Name the other indicator it is taken per (e.g. registered volunteers, 2.1.3).`,
  },
  'per.unknown-indicator': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 的 per 指向不存在的指标 "${s(p.per)}"。请使用模板中三级指标的编号。`,
    en: (p) =>
      `The per of "${s(p.id)}" names an indicator that does not exist: "${s(p.per)}". Use the id of a third-level indicator of the template.`,
  },
  'per.not-figure': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 按 "${s(p.per)}" 的数值折算，但 "${s(p.per)}" 的规则为 ${s(p.kind)}，填写的不是数值。请让 "${s(p.per)}" 使用数值规则（bands、linear 或 record）。`,
    en: (p) =>
      `"${s(p.id)}" is taken per the figure of "${s(p.per)}", but "${s(p.per)}" has a ${s(p.kind)} rule, whose answer is not a figure. Give "${s(p.per)}" a numeric rule (bands, linear or record).`,
  },
  'per.not-chosen': {
    'zh-CN': (p) =>
      `方案 "${s(p.profile)}" 选择了 "${s(p.id)}"，它按 "${s(p.per)}" 的数值折算，但未选择 "${s(p.per)}"。请同时选择 "${s(p.per)}"，或为 "${s(p.id)}" 设置不折算的规则。`,
    en: (p) =>
      `Profile "${s(p.profile)}" chooses "${s(p.id)}", which is taken per the figure of "${s(p.per)}", but not "${s(p.per)}". Choose "${s(p.per)}" too, or give "${s(p.id)}" a rule without per.`,
  },
  'per.percent': {
    'zh-CN': (p) => `百分比指标本身已是比率，不能再按 "${s(p.indicator)}" 折算。请删除 per。`,
    en: (p) =>
      `A % indicator is already a share: it cannot be taken per the figure of "${s(p.indicator)}". Remove per.`,
  },
  'scale.duplicate-level': {
    'zh-CN': (p) =>
      `量表第 ${s(p.level)} 级的名称 "${s(p.text)}" 与第 ${s(p.first)} 级相同。填写该名称时无法判断是哪一级：请给每一级不同的名称。`,
    en: (p) =>
      `Level ${s(p.level)} of the scale is named "${s(p.text)}", as level ${s(p.first)} is. An answer with that name could not say which level it means: give each level its own name.`,
  },
  'profile.indicator-order': {
    'zh-CN': (p) =>
      `方案中的指标 "${s(p.id)}" 排在 "${s(p.after)}" 之后，与模板的顺序不符。请按模板（即标准表格）中的顺序列出所选指标。`,
    en: (p) =>
      `The profile lists "${s(p.id)}" after "${s(p.after)}", out of the template's order. List the chosen indicators in the template's (the standard's) order.`,
  },
  'grades.duplicate-min': {
    'zh-CN': (p) => `两个等级的下限相同（${s(p.value)}）。每个等级需要不同的下限。`,
    en: (p) => `Two grades share the lower bound ${s(p.value)}. Each grade needs its own.`,
  },
  'profile.duplicate': {
    'zh-CN': (p) => `方案 "${s(p.id)}" 重复（首次为 profiles[${s(p.first)}]）。`,
    en: (p) => `The profile "${s(p.id)}" is defined twice (first at profiles[${s(p.first)}]).`,
  },
  'profile.unknown-indicator': {
    'zh-CN': (p) =>
      `方案 "${s(p.profile)}" 引用了不存在的指标 "${s(p.id)}"。请使用模板中三级指标的编号。`,
    en: (p) =>
      `Profile "${s(p.profile)}" names an indicator that does not exist: "${s(p.id)}". Use the id of a third-level indicator of the template.`,
  },
  'profile.duplicate-indicator': {
    'zh-CN': (p) => `指标 "${s(p.id)}" 在方案中出现两次。`,
    en: (p) => `The indicator "${s(p.id)}" is listed twice in the profile.`,
  },
  'profile.unknown-dimension': {
    'zh-CN': (p) => `权重引用了不存在的一级指标 "${s(p.id)}"。`,
    en: (p) => `A weight names a dimension that does not exist: "${s(p.id)}".`,
  },
  'profile.weight-unused': {
    'zh-CN': (p) =>
      `一级指标 "${s(p.id)}" 有权重，但方案未选择其下任何指标。请删除该权重或选择其指标。`,
    en: (p) =>
      `Dimension "${s(p.id)}" has a weight but the profile chooses none of its indicators. Remove the weight or choose its indicators.`,
  },
  'profile.missing-weight': {
    'zh-CN': (p) => `一级指标 "${s(p.id)}" 有被选择的指标，但没有权重。请为它设置权重。`,
    en: (p) => `Dimension "${s(p.id)}" has chosen indicators but no weight. Give it one.`,
  },
  'profile.rule-not-chosen': {
    'zh-CN': (p) =>
      `方案 "${s(p.profile)}" 为未选择的指标 "${s(p.id)}" 设置了规则。请选择该指标或删除规则。`,
    en: (p) =>
      `Profile "${s(p.profile)}" sets a rule for "${s(p.id)}", which it does not choose. Choose it or remove the rule.`,
  },
  'profile.not-found': {
    'zh-CN': (p) =>
      `模板 "${s(p.template)}" 中没有方案 "${s(p.id)}"。可用方案：${s(p.available) || '（无）'}。`,
    en: (p) =>
      `Template "${s(p.template)}" has no profile "${s(p.id)}". Available: ${s(p.available) || '(none)'}.`,
  },
  'version.previous-not-older': {
    'zh-CN': (p) =>
      `上一版本 ${s(p.previous)} 不早于本版本 ${s(p.version)}。previous 应为本版本修订自的较早版本。`,
    en: (p) =>
      `The previous version ${s(p.previous)} is not older than this version ${s(p.version)}. previous names the earlier version this one revises.`,
  },
  'version.was-without-previous': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 写明了原编号（was），但模板没有写明上一版本（previous）。请写明原编号所属的版本，如 previous: "1.0.0"。`,
    en: (p) =>
      `The indicator "${s(p.id)}" gives the code it was (was), but the template names no previous version. Add the version that code belongs to, e.g. previous: "1.0.0".`,
  },
  'version.was-twice': {
    'zh-CN': (p) =>
      `原编号 "${s(p.was)}" 被指标 "${s(p.first)}" 和 "${s(p.id)}" 同时使用。上一版本的一个指标只能由一个指标延续：请改正其中一个。`,
    en: (p) =>
      `The old code "${s(p.was)}" is claimed by both "${s(p.first)}" and "${s(p.id)}". An indicator of the previous version is continued by one indicator only: correct one of them.`,
  },
  'version.was-unknown': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 的原编号 "${s(p.was)}" 在 ${s(p.template)} 的上一版本 ${s(p.previous)} 中不存在。请填写它在该版本中的编号，或写“新增”。`,
    en: (p) =>
      `The indicator "${s(p.id)}" was "${s(p.was)}", which version ${s(p.previous)} of ${s(p.template)} does not have. Give its code in that version, or "new".`,
  },
  'template.user-dir-missing': {
    'zh-CN': (p) =>
      `SCOREBOOK_TEMPLATES 中的文件夹 ${s(p.dir)} 不存在或不是文件夹。请改正该环境变量（多个文件夹用：分隔，Windows 用；）。`,
    en: (p) =>
      `The folder ${s(p.dir)} in SCOREBOOK_TEMPLATES does not exist or is not a folder. Correct the variable (folders separated by :, or ; on Windows).`,
  },
  'template.user-dir-hint': {
    'zh-CN': (p) =>
      `该模板来自 SCOREBOOK_TEMPLATES 中的文件夹 ${s(p.dir)}：请用 scorebook templates check 修正它，或将其移出该文件夹。`,
    en: (p) =>
      `The template comes from ${s(p.dir)} in SCOREBOOK_TEMPLATES: fix it (scorebook templates check shows every problem) or move it out of that folder.`,
  },
  'template.duplicate-id': {
    'zh-CN': (p) =>
      `模板编号 "${s(p.id)}"${p.version ? `（版本 ${s(p.version)}）` : ''}已被另一个模板使用。请给这个模板另起一个编号${p.version ? '，或者它若是修订版，给它一个新的版本号' : ''}。`,
    en: (p) =>
      `The template id "${s(p.id)}" is already taken by another template${p.version ? ` at version ${s(p.version)}` : ''}. Give this template an id of its own${p.version ? ', or, if it is a revision, a new version' : ''}.`,
  },
  'template.not-found': {
    'zh-CN': (p) =>
      `找不到模板 "${s(p.id)}"。可用模板：${s(p.available)}。运行 scorebook templates 查看列表。`,
    en: (p) =>
      `No template "${s(p.id)}". Available: ${s(p.available)}. Run scorebook templates to list them.`,
  },
  'choice.unknown-indicator': {
    'zh-CN': (p) => `指标 "${s(p.id)}" 不在模板中。`,
    en: (p) => `The indicator "${s(p.id)}" is not in the template.`,
  },
  'choice.per-missing': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 按${s(p.label)}计分，需要 "${s(p.per)}" 的数值：请同时选择 "${s(p.per)}"，或不选 "${s(p.id)}"。`,
    en: (p) =>
      `"${s(p.id)}" is scored ${s(p.label_en)} and needs the figure of "${s(p.per)}": choose "${s(p.per)}" too, or leave "${s(p.id)}" out.`,
  },
  'choice.empty': {
    'zh-CN': () => '没有选择任何指标。请至少选择一个三级指标。',
    en: () => 'No indicator is chosen. Choose at least one third-level indicator.',
  },
  'choice.weight': {
    'zh-CN': (p) => `一级指标 "${s(p.id)}" 的权重 ${s(p.value)} 无效，应为正数。`,
    en: (p) =>
      `The weight ${s(p.value)} of dimension "${s(p.id)}" is invalid; it must be a positive number.`,
  },
  'workbook.not-zip': {
    'zh-CN': () =>
      '不是 Excel 工作簿（.xlsx）：文件不是 zip 格式。请用 Excel 另存为 .xlsx 后重新提交。',
    en: () =>
      'Not an Excel workbook (.xlsx): the file is not a zip package. Save it as .xlsx in Excel and send it again.',
  },
  'workbook.encrypted': {
    'zh-CN': () =>
      '工作簿设置了打开密码（已加密），无法读取。请取消密码（文件 > 信息 > 保护工作簿）后重新提交。',
    en: () =>
      'The workbook is password-protected (encrypted) and cannot be read. Remove the password (File > Info > Protect Workbook) and send it again.',
  },
  'workbook.legacy-xls': {
    'zh-CN': () => '这是旧版 Excel 97-2003 文件（.xls）。请在 Excel 中另存为 .xlsx 后重新提交。',
    en: () =>
      'This is a legacy Excel 97-2003 file (.xls). Save it as .xlsx in Excel and send it again.',
  },
  'workbook.not-xlsx': {
    'zh-CN': () =>
      'zip 文件中没有 Excel 工作簿内容（xl/workbook.xml）。请提交 scorebook 生成的 .xlsx 文件。',
    en: () =>
      'The zip holds no Excel workbook (xl/workbook.xml). Send the .xlsx file scorebook generated.',
  },
  'workbook.too-big': {
    'zh-CN': (p) =>
      `解压后超过 ${s(p.max)} MB 的上限，疑似压缩炸弹或非评分表文件。如确为正常文件，可用 --max-mb 调高上限（如 scorebook ingest --max-mb 200）。`,
    en: (p) =>
      `It decompresses to more than the ${s(p.max)} MB limit: a zip bomb or not a scoring workbook. If it is genuine, raise the limit with --max-mb (scorebook ingest --max-mb 200).`,
  },
  'workbook.corrupt': {
    'zh-CN': (p) => `文件已损坏，无法读取（${s(p.reason)}）。请重新保存或重新生成后提交。`,
    en: (p) =>
      `The file is damaged and cannot be read (${s(p.reason)}). Save it again or regenerate it.`,
  },
  'workbook.damaged-part': {
    'zh-CN': (p) =>
      `文件已损坏，无法读取：${partProblem(p, 'zh-CN')}。请在 Excel 中重新保存，或请对方重新发送文件。`,
    en: (p) =>
      `The file is damaged and cannot be read: ${partProblem(p, 'en')}. Save it again in Excel, or ask for the file again.`,
  },
  'workbook.ods': {
    'zh-CN': () =>
      '这是 OpenDocument 电子表格（.ods），不是 Excel 工作簿。请用 LibreOffice 或 Excel 打开，另存为 Excel 工作簿（.xlsx）后重新提交。',
    en: () =>
      'This is an OpenDocument spreadsheet (.ods), not an Excel workbook. Open it in LibreOffice or Excel, save it as an Excel workbook (.xlsx) and send it again.',
  },
  'workbook.profile-hash': {
    'zh-CN': () =>
      '隐藏的元数据（_scorebook 工作表）被修改过：其中的模板、方案、评价方法或所选指标与生成时记录的 profile_hash 不符，因此无法确定得分的含义。请重新生成工作簿并重新填写（加载项会带入已填写的内容）。',
    en: () =>
      'The hidden metadata (the _scorebook sheet) was edited: its template, profile, method or chosen indicators no longer match the profile_hash recorded when the workbook was generated, so its scores cannot be trusted. Regenerate the workbook and fill it again (the add-in carries the answers over).',
  },
  'workbook.no-metadata': {
    'zh-CN': () =>
      '这不是 scorebook 生成的评分工作簿（缺少 _scorebook 元数据表）。请使用 scorebook generate 生成的文件。',
    en: () =>
      'This is not a scorebook scoring workbook (no _scorebook metadata sheet). Use a file made by scorebook generate.',
  },
  'workbook.metadata': {
    'zh-CN': (p) =>
      `${metadataProblem(p, 'zh-CN')}${p.key === 'org_id' || p.key === 'period' ? `导入时每份回报按机构和评价周期归档。请填写${p.key === 'org_id' ? '机构编号' : '评价周期'}后重新生成工作簿(scorebook generate --${p.key === 'org_id' ? 'org-id' : 'period'}、名册,或加载项的机构信息)。` : '工作簿的隐藏元数据可能被修改或丢失；请重新生成。'}`,
    en: (p) =>
      `${metadataProblem(p, 'en')} ${p.key === 'org_id' || p.key === 'period' ? `Ingest files each return under its organization and period: regenerate the workbook with its ${p.key === 'org_id' ? 'organization id' : 'period'} (scorebook generate --${p.key === 'org_id' ? 'org-id' : 'period'}, a roster, or the add-in's organization fields).` : "The workbook's hidden metadata may have been edited or lost; regenerate it."}`,
  },
  'workbook.unknown-template': {
    'zh-CN': (p) =>
      `未知的模板 ${[s(p.id), s(p.version)].filter(Boolean).join(' ')}。请升级 scorebook 或确认文件来源。`,
    en: (p) =>
      `Unknown template ${[s(p.id), s(p.version)].filter(Boolean).join(' ')}. Upgrade scorebook or check where the file came from.`,
  },
  'workbook.template-version': {
    'zh-CN': (p) =>
      `工作簿使用模板 ${s(p.id)} 的版本 ${s(p.version)}，本 scorebook 只有版本 ${s(p.known)}。请使用对应版本的 scorebook。`,
    en: (p) =>
      `The workbook uses version ${s(p.version)} of template ${s(p.id)}; this scorebook has version ${s(p.known)}. Use the matching scorebook.`,
  },
  'workbook.missing-name': {
    'zh-CN': (p) =>
      `工作簿缺少 ${s(p.count)} 个约定的名称（${s(p.names)}），评分表结构已被破坏。请重新生成并重新填写。`,
    en: (p) =>
      `The workbook lacks ${s(p.count)} of the contract's defined names (${s(p.names)}): its structure is broken. Regenerate it and fill it again.`,
  },
  'workbook.weight': {
    'zh-CN': (p) =>
      `一级指标 "${s(p.id)}" 的权重 "${s(p.value)}" 不是非负数。请在汇总表中填写数字。`,
    en: (p) =>
      `The weight "${s(p.value)}" of dimension "${s(p.id)}" is not a non-negative number. Enter a number on the summary sheet.`,
  },
  'ingest.id-conflict-run': {
    'zh-CN': (p) =>
      `工作簿编号 ${s(p.id)} 在本次导入中被两个机构使用：本文件属于机构 ${s(p.org)}，文件 ${s(p.otherFile)} 属于机构 ${s(p.other)}。一个工作簿只能属于一个机构，因此使用该编号的文件全部拒收。请确认各文件来源，为其中的机构重新生成工作簿。`,
    en: (p) =>
      `Workbook id ${s(p.id)} is claimed by two organizations in this run: this file is for ${s(p.org)}, the file ${s(p.otherFile)} for ${s(p.other)}. A workbook belongs to one organization, so every file with this id is rejected. Check where the files came from and regenerate the workbooks of the organization(s) concerned.`,
  },
  'ingest.id-conflict-db': {
    'zh-CN': (p) =>
      `工作簿编号 ${s(p.id)} 已在数据库中登记为机构 ${s(p.stored)} 的工作簿，本文件却属于机构 ${s(p.org)}。一个工作簿只能属于一个机构：本文件被拒收，已存的保持不变。请确认文件来源，必要时为机构 ${s(p.org)} 重新生成工作簿。`,
    en: (p) =>
      `Workbook id ${s(p.id)} is stored in the database for organization ${s(p.stored)}, but this file is for ${s(p.org)}. A workbook belongs to one organization: this file is rejected and the stored one kept. Check where the file came from; regenerate the workbook for ${s(p.org)} if needed.`,
  },
  'return.empty-field': {
    'zh-CN': (p) =>
      `必填字段 ${s(p.key)} 为空(第 ${s(p.row)} 行${p.rows && Number(p.rows) > 1 ? `等 ${s(p.rows)} 行` : ''})：每条回答都要写明所属的模板、机构和评价周期。请填写后重新提交。`,
    en: (p) =>
      `The required field ${s(p.key)} is empty (row ${s(p.row)}${p.rows && Number(p.rows) > 1 ? ` and ${Number(p.rows) - 1} more` : ''}): every answer must say its template, organization and period. Fill it in and send the file again.`,
  },
  'return.mode': {
    'zh-CN': (p) => `评价方式 "${s(p.value)}" 无效。请填 ${s(p.allowed)} 之一，或留空。`,
    en: (p) =>
      `"${s(p.value)}" is not an evaluation mode. Write one of ${s(p.allowed)}, or leave it empty.`,
  },
  'return.credit-code': {
    'zh-CN': (p) => `第 ${s(p.row)} 行的${creditCodeWords(p, 'zh-CN')}`,
    en: (p) => {
      const w = creditCodeWords(p, 'en');
      return `Row ${s(p.row)}: ${w[0]!.toUpperCase()}${w.slice(1)}`;
    },
  },
  'return.evaluation-mode': {
    'zh-CN': (p) =>
      `评价形式 "${s(p.value)}"（第 ${s(p.row)} 行）无效。请填 ${s(p.allowed)} 之一，或留空。`,
    en: (p) =>
      `"${s(p.value)}" (row ${s(p.row)}) is not an evaluation mode of GB/T 40143 8.1.3. Write one of ${s(p.allowed)}, or leave it empty.`,
  },
  'input.unknown-id': {
    'zh-CN': (p) =>
      `未知的指标编号 "${s(p.id)}"。请使用模板中的三级指标编号（scorebook templates show ${s(p.template)}）。`,
    en: (p) =>
      `Unknown indicator id "${s(p.id)}". Use a third-level id of the template (scorebook templates show ${s(p.template)}).`,
  },
  'input.not-in-profile': {
    'zh-CN': (p) =>
      `指标 "${s(p.id)}" 不在方案 "${s(p.profile)}" 中。请删除该行或换用包含它的方案。`,
    en: (p) =>
      `The indicator "${s(p.id)}" is not in profile "${s(p.profile)}". Remove the row or use a profile that has it.`,
  },
  'input.duplicate': {
    'zh-CN': (p) => `指标 "${s(p.id)}" 出现了两次（另见第 ${s(p.first)} 行）。每个指标只填一个值。`,
    en: (p) =>
      `The indicator "${s(p.id)}" appears twice (see also row ${s(p.first)}). Give each indicator one value.`,
  },
  'input.binary': {
    'zh-CN': (p) => `"${s(p.value)}" 不是有效的判定。请填 是/否、符合/不符合、1/0，或 不适用。`,
    en: (p) => `"${s(p.value)}" is not a verdict. Write yes/no, 是/否, 符合/不符合, 1/0, or NA.`,
  },
  'input.scale': {
    'zh-CN': (p) =>
      `"${s(p.value)}" 不是有效的等级。请填 1 至 ${s(p.max)} 的整数（或等级名称），或 不适用。`,
    en: (p) =>
      `"${s(p.value)}" is not a level. Write a whole number from 1 to ${s(p.max)} (or the level's name), or NA.`,
  },
  'input.number': {
    'zh-CN': (p) => `"${s(p.value)}" 不是数字。请填数字（百分比可写 85%），或 不适用。`,
    en: (p) => `"${s(p.value)}" is not a number. Write a number (a percentage as 85%), or NA.`,
  },
  'input.implausible': {
    'zh-CN': (p) =>
      `指标 ${s(p.id)} 的数值 ${s(p.value)} 大于模板给出的合理上限 ${s(p.above)}，已按原样存入。请核对这份回报：可能是输入错误，或是被 Excel 变成了日期的数字。`,
    en: (p) =>
      `Indicator ${s(p.id)} holds ${s(p.value)}, above the plausible ${s(p.above)} the template gives; it was stored as given. Check this return: a typo, or a figure Excel turned into a date?`,
  },
  'input.date': {
    'zh-CN': (p) =>
      `"${s(p.value)}" 是日期（或时间），此处应填数字。Excel 会把 2025/1/1 之类的输入变成日期：请把单元格格式设为“数值”，再填入数字。`,
    en: (p) =>
      `"${s(p.value)}" is a date (or a time) where a number is due. Excel turns entries such as 2025/1/1 into dates: format the cell as Number and type the figure again.`,
  },
  'input.not-percent': {
    'zh-CN': (p) =>
      `"${s(p.value)}" 是百分比，但该指标单位为 ${s(p.unit) || '数值'}。请填该单位的数值。`,
    en: (p) =>
      `"${s(p.value)}" is a percentage but this indicator's unit is ${s(p.unit) || 'a plain number'}. Write a number in that unit.`,
  },
  'input.percent-range': {
    'zh-CN': (p) => `"${s(p.value)}" 超出 0%–100%。百分比请写作 85% 或 0.85。`,
    en: (p) => `"${s(p.value)}" is outside 0 %–100 %. Write a percentage as 85% or 0.85.`,
  },
  'input.range': {
    'zh-CN': (p) => `"${s(p.value)}" 超出允许范围 ${s(p.min)} 至 ${s(p.max)}。`,
    en: (p) => `"${s(p.value)}" is outside the allowed range ${s(p.min)} to ${s(p.max)}.`,
  },
  'input.missing-column': {
    'zh-CN': (p) => `缺少列 "${s(p.column)}"。CSV 的表头应为 id,value。`,
    en: (p) => `The column "${s(p.column)}" is missing. The CSV header must be id,value.`,
  },
  'input.csv': {
    'zh-CN': (p) => `CSV 格式错误：${s(p.message)}。`,
    en: (p) => `CSV error: ${s(p.message)}.`,
  },
  'input.json': {
    'zh-CN': (p) =>
      `JSON 格式错误：${s(p.message)}。JSON 输入应为 {"1.1.1": "是", …} 或 [{"id": "1.1.1", "value": "是"}, …]。`,
    en: (p) =>
      `JSON error: ${s(p.message)}. JSON inputs are {"1.1.1": "yes", …} or [{"id": "1.1.1", "value": "yes"}, …].`,
  },
  'roster.empty': {
    'zh-CN': () =>
      '名册为空。第一行应为表头 org_id,org_name,region,org_type（或 机构编号，机构名称，地区，机构类型），其后每行一个机构。',
    en: () =>
      'The roster is empty. Its first row must be the header org_id,org_name,region,org_type (or 机构编号,机构名称,地区,机构类型), then one member organization per row.',
  },
  'roster.missing-column': {
    'zh-CN': (p) =>
      `名册缺少必填列 "${s(p.column)}"（找到的表头：${s(p.found) || '（无）'}）。请在第一行加入该列；必填列为 org_id,org_name,region,org_type（或 机构编号，机构名称，地区，机构类型）。`,
    en: (p) =>
      `The roster has no "${s(p.column)}" column (headers found: ${s(p.found) || '(none)'}). Add it to the first row; the required columns are org_id,org_name,region,org_type (or 机构编号,机构名称,地区,机构类型).`,
  },
  'roster.missing-id': {
    'zh-CN': (p) =>
      `该行${p.name ? `（"${s(p.name)}"）` : ''}缺少机构编号（org_id），已跳过。请填写该机构唯一的编号。`,
    en: (p) =>
      `This row${p.name ? ` ("${s(p.name)}")` : ''} has no org_id and was skipped. Give the organization its own id.`,
  },
  'roster.duplicate-id': {
    'zh-CN': (p) =>
      `机构编号 "${s(p.id)}" 重复（首次出现在第 ${s(p.first)} 行），该行已跳过。每个机构需要唯一的编号：请修改编号或删除重复的行。`,
    en: (p) =>
      `The org_id "${s(p.id)}" is used twice (first in row ${s(p.first)}); this row was skipped. Every organization needs its own id: change it or delete the repeated row.`,
  },
  'roster.missing-name': {
    'zh-CN': (p) => `机构 "${s(p.id)}" 缺少机构名称（org_name），已跳过。请填写机构名称。`,
    en: (p) => `The organization "${s(p.id)}" has no org_name and was skipped. Fill in its name.`,
  },
  'roster.quotes': {
    'zh-CN': () =>
      '该行有不成对的引号（例如单元格中间的 " 没有用引号把整个单元格括起来），此行之后的内容无法可靠地读出，因此整个名册未被使用，没有写出任何文件。请用 Excel 打开名册后另存为“CSV UTF-8”，或把含引号的单元格整体加上引号并把其中的 " 写成 ""。',
    en: () =>
      'This row has unpaired quotation marks (for instance a " inside a cell that is not itself in quotes), so nothing after it can be read reliably: the roster was not used and no file was written. Open the roster in Excel and save it again as "CSV UTF-8", or put the whole cell in quotes and double each " inside it ("").',
  },
  'roster.csv': {
    'zh-CN': (p) =>
      `名册 CSV 格式错误：${s(p.message)}。请检查引号是否成对；用 Excel 打开后另存为 CSV 通常可以修复。`,
    en: (p) =>
      `Roster CSV error: ${s(p.message)}. Check that quotes are paired; opening it in Excel and saving it as CSV again usually fixes it.`,
  },
};

/** A system error code (EACCES …) in words; an unknown code is shown as it is. */
export function errnoWords(code: unknown, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return zh ? '没有权限（permission denied）' : 'permission denied';
    case 'ENOENT':
      return zh
        ? '文件不存在（或链接指向的文件已不存在）'
        : 'file not found (or a link to a file that is gone)';
    case 'ENOTDIR':
      return zh ? '路径中的某一段不是文件夹' : 'a part of the path is not a folder';
    case 'EISDIR':
      return zh ? '这是一个文件夹，不是文件' : 'it is a folder, not a file';
    case 'ELOOP':
      return zh ? '符号链接循环' : 'a loop of symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return zh ? '打开的文件过多' : 'too many open files';
    case 'EIO':
      return zh ? '磁盘读写错误（EIO）' : 'a disk error (EIO)';
    case 'ENOSPC':
      return zh
        ? '磁盘已满（ENOSPC，设备上没有剩余空间）'
        : 'the disk is full (ENOSPC, no space left on device)';
    case 'EDQUOT':
      return zh ? '磁盘配额已用完（EDQUOT）' : 'the disk quota is used up (EDQUOT)';
    case 'EROFS':
      return zh ? '文件系统是只读的（EROFS）' : 'the file system is read-only (EROFS)';
    case 'EFBIG':
      return zh
        ? '文件超过了文件系统允许的大小（EFBIG）'
        : 'the file is larger than the file system allows (EFBIG)';
    case 'ENXIO':
      return zh
        ? '这是一个无法打开读取的特殊文件（ENXIO）'
        : 'a special file that cannot be opened for reading (ENXIO)';
    case 'EBUSY':
      return zh ? '文件正被占用（EBUSY）' : 'the file is busy (EBUSY)';
    case 'EAGAIN':
      return zh
        ? '它在导入开始时无法读取；请重新运行'
        : 'it could not be read when the run began; run again';
    default:
      return s(code);
  }
}

/** What is wrong with a damaged part of a package (workbook.damaged-part). */
function partProblem(p: P, lang: Lang): string {
  const part = s(p.part);
  const zh = lang === 'zh-CN';
  switch (p.problem) {
    case 'truncated':
      return zh
        ? `部件 ${part} 不完整（XML 在结尾前被截断）`
        : `the part ${part} is cut off (its XML stops before its end)`;
    case 'missing':
      return zh ? `缺少部件 ${part}` : `the part ${part} is missing`;
    case 'sheet-missing':
      return zh
        ? `工作表 "${part}" 在工作簿中列出，但包中没有它的内容`
        : `the sheet "${part}" is listed in the workbook but its content is not in the package`;
    case 'checksum':
      return zh
        ? `部件 ${part} 的校验和（CRC-32）不符`
        : `the part ${part} fails its checksum (CRC-32)`;
    case 'size':
      return zh
        ? `部件 ${part} 解压后的大小与 zip 目录记录的不符`
        : `the part ${part} does not decompress to the size the zip directory states`;
    case 'inflate':
      return zh ? `部件 ${part} 无法解压` : `the part ${part} cannot be decompressed`;
    case 'duplicate':
      return zh
        ? `压缩包中有两个同名的部件 ${part}（不同程序会读到不同的内容）`
        : `the package holds two parts named ${part} (programs would differ on which to read)`;
    case 'shared-string':
      return zh
        ? `单元格引用了第 ${s(p.index)} 个共享字符串，但 ${part} 中没有它`
        : `a cell refers to shared string ${s(p.index)}, which ${part} does not have`;
    default:
      return zh ? `部件 ${part} 的 zip 数据无效` : `the zip data of ${part} is invalid`;
  }
}

/**
 * Why a 统一社会信用代码 is refused (core/workbook/identity.ts), said once for the roster,
 * `generate --credit-code` and the metadata alike.
 */
export function creditCodeWords(p: P, lang: Lang): string {
  const code = s(p.value);
  const zh = lang === 'zh-CN';
  const why =
    p.reason === 'length'
      ? zh
        ? `有 ${s(p.length)} 位，应为 18 位`
        : `has ${s(p.length)} characters, not 18`
      : p.reason === 'character'
        ? zh
          ? `第 ${s(p.position)} 位 "${s(p.char)}" 不是代码字符（0-9 及除 I、O、S、V、Z 以外的大写字母）`
          : `character ${s(p.position)} "${s(p.char)}" is not a code character (0-9 and the capital letters but I, O, S, V, Z)`
        : zh
          ? `校验码（第 18 位）为 "${s(p.char)}"，按 GB 32100-2015 计算应为 "${s(p.expected)}"，代码可能抄错了一位`
          : `its check character (the 18th) is "${s(p.char)}", where GB 32100-2015 gives "${s(p.expected)}": a character was probably mistyped`;
  return zh
    ? `统一社会信用代码 "${code}" 无效：${why}。请核对营业执照或登记证书上的代码。`
    : `the unified social credit code "${code}" is invalid: ${why}. Check it against the registration certificate.`;
}

/** What is wrong with one metadata entry (workbook.metadata), without zod's wording. */
function metadataProblem(p: P, lang: Lang): string {
  const key = s(p.key);
  const zh = lang === 'zh-CN';
  switch (p.problem) {
    case 'missing':
      return zh
        ? `隐藏的元数据（_scorebook 工作表）缺少 "${key}" 项。`
        : `The hidden metadata (the _scorebook sheet) has no "${key}" entry.`;
    case 'empty':
      return zh ? `元数据项 "${key}" 为空。` : `The metadata entry "${key}" is empty.`;
    case 'value':
      return zh
        ? `元数据项 "${key}" 的值 "${s(p.value)}" 无效，应为 ${s(p.allowed)}。`
        : `The metadata entry "${key}" is "${s(p.value)}"; it must be ${s(p.allowed)}.`;
    case 'format':
      return zh
        ? `元数据项 "${key}" 的值 "${s(p.value)}" 格式不对，应为 ${key === 'profile_hash' ? 'SHA-256 散列值（64 位十六进制数字）' : s(p.expected)}。`
        : `The metadata entry "${key}" is "${s(p.value)}"; it must be ${key === 'profile_hash' ? 'a SHA-256 hash (64 hexadecimal digits)' : s(p.expected)}.`;
    case 'credit-code':
      return zh
        ? `元数据项 "${key}" ${creditCodeWords(p, 'zh-CN')}`
        : `The metadata entry "${key}": ${creditCodeWords(p, 'en')}`;
    case 'unknown-indicator':
      return zh
        ? `元数据项 "${key}" 列出了指标 ${s(p.value)}，模板 ${s(p.template)} 中没有这个指标。`
        : `The metadata entry "${key}" names the indicator ${s(p.value)}, which template ${s(p.template)} does not have.`;
    default:
      return zh ? `元数据项 "${key}" 无效。` : `The metadata entry "${key}" is invalid.`;
  }
}

/**
 * Words of other parts (the pipeline's errors and summaries) join this catalogue, so that every
 * issue, wherever it arises, is said by `message` and `formatIssue`. A code is defined once.
 */
const EXTRA: Record<string, Entry> = {};

export function registerMessages(entries: Readonly<Record<string, MessageEntry>>): void {
  for (const [code, entry] of Object.entries(entries)) {
    if ((code in CATALOGUE || code in EXTRA) && EXTRA[code] !== entry) {
      throw new Error(`The message ${code} is defined twice`);
    }
    EXTRA[code] = entry;
  }
}

export function hasMessage(code: string): boolean {
  return code in CATALOGUE || code in EXTRA;
}

export function message(issue: Issue, lang: Lang): string {
  const entry = CATALOGUE[issue.code] ?? EXTRA[issue.code];
  if (!entry) return `${issue.code} ${JSON.stringify(issue.params ?? {})}`;
  return entry[lang](issue.params ?? {});
}

/** `[指标 sheet, row 14, column 规则]`: where a person finds a cell, in words. */
export function cellPlace(at: NonNullable<Issue['cell']>, lang: Lang): string {
  return lang === 'zh-CN'
    ? `[${at.sheet} 工作表，第 ${at.row} 行，${at.column} 列]`
    : `[${at.sheet} sheet, row ${at.row}, column ${at.column}]`;
}

/** `file:line:col  path  message`, the way a compiler says it; a spreadsheet's cell instead of a path. */
export function formatIssue(issue: Issue, lang: Lang): string {
  if (issue.cell) {
    const file = issue.file ? `${issue.file} ` : '';
    return `${file}${cellPlace(issue.cell, lang)} ${message(issue, lang)}`;
  }
  const where: string[] = [];
  const file = issue.file ?? '';
  if (file || issue.line) {
    let loc = file;
    if (issue.line)
      loc += `${file ? ':' : ''}${issue.line}${issue.column ? `:${issue.column}` : ''}`;
    if (issue.row)
      loc += `${loc ? ' ' : ''}${lang === 'zh-CN' ? `第 ${issue.row} 行` : `row ${issue.row}`}`;
    where.push(loc);
  } else if (issue.row) {
    where.push(lang === 'zh-CN' ? `第 ${issue.row} 行` : `row ${issue.row}`);
  }
  if (issue.path.length) where.push(formatPath(issue.path));
  return `${where.join('  ')}${where.length ? '  ' : ''}${message(issue, lang)}`;
}
