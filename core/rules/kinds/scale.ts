/**
 * `scale`: a level 1..N → (level − 1)/(N − 1). The input cell offers the levels as a list
 * ("1 初步开展"); the number, the list item in either language and the bare name all count.
 */
import { z } from 'zod';
import { issue, type Issue, type PathSegment } from '../../issues.ts';
import { sheetLabels, unitLabel } from '../../sheet/sheet-labels.ts';
import { localizedText, ruleDecision } from '../../template/schema-parts.ts';
import { LANGS, type Lang, type LocalizedText } from '../../text.ts';
import { num } from '../format-value.ts';
import type { ReadInput } from '../input-types.ts';
import { normalize } from '../typed-text.ts';
import { logistic, normal, pick } from './draws.ts';
import { DECISION_COLUMNS, decisionFromColumns, decisionToColumns } from './decision-columns.ts';
import type { RuleKindModule, TypedInput } from './rule-kind.ts';
import { column, type RuleCells } from './rule-columns.ts';

export const scaleRule = z
  .object({
    kind: z.literal('scale'),
    levels: z.array(localizedText).min(2).describe('level 1 first'),
    decision: ruleDecision,
  })
  .strict();
export type ScaleRule = z.infer<typeof scaleRule>;

/** Excel's limit on an inline list ("1 a,2 b,…") of a data validation, in characters. */
export const LIST_SOURCE_MAX = 255;

/** The items a scale's input list offers, and the ones its formula also understands. */
export function scaleListItems(levels: readonly LocalizedText[], lang: Lang): string[] {
  return levels.map((l, i) => `${i + 1} ${l[lang]}`);
}

/**
 * Every spelling of a scale's levels the formula understands: the numbers, the list items in
 * both languages and the names. Grouped so that MOD(position − 1, n) + 1 is the level.
 */
export function scaleTokens(levels: readonly LocalizedText[]): string[] {
  const n = levels.length;
  const byLevel = (f: (l: LocalizedText, i: number) => string) => levels.map(f);
  return [
    ...byLevel((_, i) => String(i + 1)),
    ...byLevel((l, i) => `${i + 1} ${l['zh-CN']}`),
    ...byLevel((l, i) => `${i + 1} ${l.en}`),
    ...byLevel((l) => l['zh-CN']),
    ...byLevel((l) => l.en),
  ].slice(0, 5 * n);
}

/**
 * The levels become the input cell's drop-down, an inline list ("1 初步开展,2 …") in the data
 * validation of both writers: a comma would split an item in two, a double quote would end the
 * list's formula, and Excel refuses a list longer than 255 characters.
 */
function check(rule: ScaleRule, _unit: string | undefined, path: PathSegment[]): Issue[] {
  const { levels } = rule;
  const errors: Issue[] = [];
  // Two levels of one name: the input "初步开展" could not say which level it means.
  for (const lang of LANGS) {
    const first = new Map<string, number>();
    levels.forEach((level, i) => {
      const key = level[lang].trim().toLowerCase();
      const was = first.get(key);
      if (was !== undefined)
        errors.push(
          issue('scale.duplicate-level', [...path, 'levels', i, lang], {
            text: level[lang],
            level: i + 1,
            first: was + 1,
          }),
        );
      else first.set(key, i);
    });
  }
  levels.forEach((level, i) => {
    for (const lang of LANGS) {
      const bad = [',', '"'].find((ch) => level[lang].includes(ch));
      if (bad)
        errors.push(
          issue('scale.list-item', [...path, 'levels', i, lang], {
            level: i + 1,
            text: level[lang],
            char: bad,
          }),
        );
    }
  });
  for (const lang of LANGS) {
    const length = scaleListItems(levels, lang).join(',').length;
    if (length > LIST_SOURCE_MAX)
      errors.push(
        issue('scale.list-too-long', [...path, 'levels'], { lang, length, max: LIST_SOURCE_MAX }),
      );
  }
  return errors;
}

function read(levels: readonly LocalizedText[], raw: TypedInput): ReadInput {
  const n = levels.length;
  let level: number | undefined;
  if (typeof raw === 'number') level = raw;
  else if (typeof raw === 'string') {
    const s = normalize(raw);
    // "2", "2 初步开展", "2. Initial" and the bare label all name level 2; "2.5" names none.
    const lead = /^\d+[.,]\d/.test(s) ? null : /^(\d+)(?:[\s.、:：-]+.*)?$/.exec(s);
    if (lead) level = Number(lead[1]);
    else {
      const idx = levels.findIndex(
        (l) => l['zh-CN'] === s || l.en.toLowerCase() === s.toLowerCase(),
      );
      if (idx >= 0) level = idx + 1;
    }
  }
  if (level === undefined || !Number.isInteger(level) || level < 1 || level > n) {
    return { state: 'invalid', code: 'input.scale', params: { value: String(raw), max: n } };
  }
  return { state: 'value', value: level };
}

function describe(rule: ScaleRule, _unit: string | undefined, lang: Lang): string {
  const n = rule.levels.length;
  return rule.levels
    .map((l, i) => `${i + 1} ${l[lang]} → ${num(Math.round((i / (n - 1)) * 100) / 100)}`)
    .join(lang === 'zh-CN' ? '；' : '; ');
}

const LEVEL_COLUMNS = [
  column(
    'levels_zh',
    { 'zh-CN': '等级', en: 'Levels (Chinese)' },
    {
      'zh-CN': 'scale：各等级的名称，从第 1 级起，每行一级（或用；分隔）。',
      en: 'scale: the names of the levels in Chinese, level 1 first, one per line (or separated by ;).',
    },
    16,
    { multiline: true },
  ),
  column(
    'levels_en',
    { 'zh-CN': '等级（英文）', en: 'Levels' },
    {
      'zh-CN': 'scale：各等级的英文名称，行数与“等级”相同。',
      en: 'scale: the names of the levels in English, as many lines as the Chinese ones.',
    },
    16,
    { multiline: true },
  ),
];

function fromColumns(cells: RuleCells): Record<string, unknown> {
  cells.locate(['levels'], 'levels_zh');
  const zh = cells.lines('levels_zh');
  const en = cells.lines('levels_en');
  if (!zh && !en) {
    cells.problem('definition.rule-needs', { kind: 'scale', column: 'levels_zh' });
    cells.locate(['levels'], 'rule');
    return { kind: 'scale' };
  }
  if (!zh || !en || zh.length !== en.length) {
    const at = !en || (zh && en.length < zh.length) ? 'levels_en' : 'levels_zh';
    cells.problem('definition.levels-count', { zh: zh?.length ?? 0, en: en?.length ?? 0 }, at);
    cells.locate(['levels'], at);
    return { kind: 'scale' };
  }
  zh.forEach((_, i) => {
    cells.locate(['levels', i, 'zh-CN'], 'levels_zh');
    cells.locate(['levels', i, 'en'], 'levels_en');
  });
  return {
    kind: 'scale',
    levels: zh.map((z, i) => ({ 'zh-CN': z, en: en[i]! })),
    ...decisionFromColumns(cells),
  };
}

export const scale = {
  schema: scaleRule,
  entry: 'choice',
  scored: true,
  check,
  domain: (rule) => ({ min: 1, max: rule.levels.length }),
  read: (rule, _unit, raw) => read(rule.levels, raw),
  score: (rule, value) => (value - 1) / (rule.levels.length - 1),
  cellValue: (rule, value, lang) => scaleListItems(rule.levels, lang)[value - 1]!,
  // Text, even "1": MATCH compares the trimmed input as text.
  constants(rule) {
    const tokens = scaleTokens(rule.levels);
    return {
      rows: tokens.map((t, i) => ({
        band: { value: (i % rule.levels.length) + 1, style: 'number' },
        lower: { value: t, style: 'text' },
      })),
      shareKey: JSON.stringify(tokens),
    };
  },
  formula(rule, { input: x, constants }) {
    const n = rule.levels.length;
    const list = constants.column('lower');
    return `IF(ISNUMBER(${x}),IF(AND(${x}>=1,${x}<=${n},${x}=INT(${x})),(${x}-1)/${n - 1},0),IFERROR(MOD(MATCH(TRIM(${x}),${list},0)-1,${n})/${n - 1},0))`;
  },
  describe,
  validation(rule, unit, lang) {
    const L = sheetLabels(lang);
    const t = `${L.scalePrompt(rule.levels.length)} ${describe(rule, unitLabel(unit, lang), lang)}`;
    return {
      type: 'list',
      list: scaleListItems(rule.levels, lang),
      prompt: { title: L.inputPromptTitle, text: t },
      error: { title: L.invalidTitle, text: t, style: 'stop' },
    };
  },
  plausibleAnswer(rule, _unit, { random, lang, strength }) {
    const n = rule.levels.length;
    const level = Math.min(
      n,
      Math.max(1, Math.round(1 + (n - 1) * logistic(0.6 * strength + 0.3) + 0.5 * normal(random))),
    );
    return scaleListItems(rule.levels, lang)[level - 1]!;
  },
  randomAnswer(rule, _unit, { random, lang }) {
    const n = rule.levels.length;
    const level = 1 + Math.floor(random() * n);
    return random() < 0.8
      ? scaleListItems(rule.levels, lang)[level - 1]!
      : pick(random, [level, String(level), rule.levels[level - 1]!['zh-CN']]);
  },
  columns: [...LEVEL_COLUMNS, ...DECISION_COLUMNS],
  toColumns: (rule) => ({
    levels_zh: rule.levels.map((l) => l['zh-CN']).join('\n'),
    levels_en: rule.levels.map((l) => l.en).join('\n'),
    ...decisionToColumns(rule.decision),
  }),
  fromColumns,
} satisfies RuleKindModule<ScaleRule>;
