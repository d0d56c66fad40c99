/**
 * A definition workbook → a Template, like a compiler and like XLSForm: the cells are read as a
 * person meant them, the template they make goes through the same schema and checks as a YAML
 * file, and every problem of every stage comes back at once, each at its cell (sheet, row,
 * column heading), never as a path into a document the person never saw.
 */
import type { z } from 'zod';
import { issue, type Issue, type PathSegment } from '../issues.ts';
import {
  RULE_KINDS_MODULES,
  type Rule,
  type RuleKind,
  type RuleKindModule,
} from '../rules/kinds/index.ts';
import {
  rule as ruleSchema,
  template as templateSchema,
  type Template,
} from '../template/schema.ts';
import { checkTemplate } from '../template/check-template.ts';
import { zodIssues } from '../template/parse-template.ts';
import type { Lang } from '../text.ts';
import type { SheetGrid } from './definition-book.ts';
import {
  GRADES,
  INDICATORS,
  PROFILE_RULES,
  PROFILES,
  RULE_COLUMNS,
  SETTINGS,
  SETTING_FIELDS,
  SIZE_BANDS,
  headingKey,
  sheetOfName,
  type SettingField,
  type SheetKey,
  type DefinitionSheetSpec,
} from './definition-sheets.ts';
import { Locator } from './locator.ts';
import { SheetReader, cellKey, type ReadContext, type RowReader } from './sheet-reader.ts';
import { BAD, isEmpty, readNumberCell, readYesNo } from './cell-values.ts';
import './definition-messages.ts';

export interface DefinitionReading {
  value: Template | undefined;
  errors: Issue[];
  /** Where each part of the template was read from: further checks' issues go to their cells. */
  locator: Locator;
}

type Obj = Record<string, unknown>;

function setIn(root: Obj, path: readonly PathSegment[], value: unknown): void {
  let o: Obj = root;
  path.slice(0, -1).forEach((seg) => {
    o = (o[seg as string] ??= {}) as Obj;
  });
  o[path[path.length - 1] as string] = value;
}

/** The settings a template cannot be without: an empty one is said as such, at its row. */
const REQUIRED_SETTINGS = ['id', 'version', 'title_zh', 'title_en', 'standard', 'normative'];

function readSettings(sheet: SheetReader, raw: Obj): void {
  const seen = new Map<string, RowReader>();
  for (const row of sheet.dataRows()) {
    const item = row.text('item');
    if (item === undefined) continue;
    const k = headingKey(item);
    const field = SETTING_FIELDS.find(
      (f) =>
        headingKey(f.label['zh-CN']) === k ||
        headingKey(f.label.en) === k ||
        headingKey(f.key) === k,
    );
    if (!field) {
      row.problem('definition.unknown-setting', { item }, 'item');
      continue;
    }
    if (seen.has(field.key)) {
      row.problem(
        'definition.duplicate-setting',
        { item, first: seen.get(field.key)!.index + 1 },
        'item',
      );
      continue;
    }
    seen.set(field.key, row);
    row.locate(field.path, 'value');
    for (let n = 1; n < field.path.length; n++)
      sheet.ctx.locator.setIfAbsent(field.path.slice(0, n), row.at('value'));
    const value = settingValue(row, field);
    if (value !== undefined) setIn(raw, field.path, value);
  }
  const next = sheet.headerRow + 1 + sheet.dataRows().length;
  for (const key of REQUIRED_SETTINGS) {
    const field = SETTING_FIELDS.find((f) => f.key === key)!;
    const row = seen.get(key);
    if (!row)
      sheet.problem(
        'definition.missing-setting',
        { item: field.label[sheet.ctx.lang] },
        next,
        sheet.header('item'),
      );
    else if (!row.has('value'))
      row.problem('definition.empty-setting', { item: row.text('item') }, 'value');
  }
  // A text in both languages: one alone is said at the other's row.
  for (const [zh, en] of [
    ['title_zh', 'title_en'],
    ['note_zh', 'note_en'],
    ['size_label_zh', 'size_label_en'],
  ] as const) {
    const a = seen.get(zh);
    const b = seen.get(en);
    const has = (r: RowReader | undefined) => r !== undefined && r.has('value');
    if (has(a) !== has(b)) {
      const [filled, empty] = has(a) ? [a!, b] : [b!, a];
      if (empty && !REQUIRED_SETTINGS.includes(zh))
        empty.problem(
          'definition.one-language',
          { filled: filled.text('item'), empty: empty.text('item') },
          'value',
        );
    }
  }
  if (seen.has('size_indicator')) seen.get('size_indicator')!.locate(['size'], 'value');
}

function settingValue(row: RowReader, field: SettingField): unknown {
  switch (field.type) {
    case 'id':
      return row.code('value');
    case 'yesno':
      return row.yesNo('value');
    case 'choice':
      return row.choice('value', field.choices);
    default:
      return row.text('value');
  }
}

/** A level cell: 1, 2, 3, "二级", "三级指标", "level 3"; undefined when empty or unreadable (said). */
function readLevel(row: RowReader): number | undefined {
  const v = row.raw('level');
  if (isEmpty(v)) return undefined;
  const s = String(v).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const m = /^(?:level)?([123一二三])(?:级(?:指标)?)?$/.exec(s);
  const n = m
    ? (({ 一: 1, 二: 2, 三: 3 } as Record<string, number>)[m[1]!] ?? Number(m[1]))
    : undefined;
  if (n === undefined) row.problem('definition.level', { value: String(v) }, 'level');
  return n;
}

/** Columns that only rows of some levels may fill. */
const LEVEL_ONLY: Record<string, readonly number[]> = {
  weight: [1],
  description_zh: [3],
  description_en: [3],
  unit: [3],
  rule: [3],
  clause: [3],
  was: [3],
  records: [3],
  ...Object.fromEntries(RULE_COLUMNS.map((c) => [c.key, [3]])),
};

/** A rule from its kind's columns; other kinds' columns left filled are said at their cells. */
function readRule(row: RowReader, at: PathSegment[]): Obj | undefined {
  row.locate(at, 'rule');
  const kind = row.choice('rule', undefined, 'rule.unknown-kind');
  if (kind === undefined) {
    if (!row.has('rule')) row.problem('definition.no-rule', {}, 'rule');
    return undefined;
  }
  const module = RULE_KINDS_MODULES[kind as RuleKind] as RuleKindModule<Rule>;
  const own = new Set(module.columns.map((c) => c.key));
  for (const c of RULE_COLUMNS)
    if (!own.has(c.key) && row.has(c.key))
      row.problem(
        'definition.column-not-for-kind',
        { kind, column: row.sheet.header(c.key) },
        c.key,
      );
  return module.fromColumns(row.ruleCells(at), row.text('unit'));
}

interface IndicatorRows {
  /** the row of each dimension, by id, for the profiles' weights */
  dimensionRows: Map<string, RowReader>;
}

function readIndicators(
  sheet: SheetReader,
  raw: Obj,
  profileIndex: Map<string, number>,
): IndicatorRows {
  const dims: Obj[] = [];
  raw.dimensions = dims;
  // The dimensions as a whole: their weights (weights.sum), or, with none, the first row.
  sheet.ctx.locator.set(['dimensions'], sheet.at(sheet.headerRow, sheet.header('weight')));
  const dimensionRows = new Map<string, RowReader>();
  const chosen = new Map<string, { ids: string[]; any: boolean }>();
  const weights = new Map<string, Obj>();
  const profileCols = sheet.profileColumns.filter((pc) => {
    if (profileIndex.has(pc.id)) return true;
    sheet.problem('definition.unknown-profile', { id: pc.id }, sheet.headerRow, pc.header);
    return false;
  });
  for (const pc of profileCols) {
    const p = profileIndex.get(pc.id)!;
    sheet.ctx.locator.set(['profiles', p, 'indicators'], sheet.at(sheet.headerRow, pc.header));
    sheet.ctx.locator.set(['profiles', p, 'weights'], sheet.at(sheet.headerRow, pc.header));
    chosen.set(pc.id, { ids: [], any: false });
  }
  let dim: Obj | undefined;
  let group: Obj | undefined;
  let dimPath: PathSegment[] = [];
  let groupPath: PathSegment[] = [];

  for (const row of sheet.dataRows()) {
    const id = row.code('id');
    const level = readLevel(row) ?? (id !== undefined ? id.split('.').length : undefined);
    if (level === undefined) {
      if (!row.has('level')) row.problem('definition.no-id', {}, 'id');
      continue;
    }
    if (id !== undefined && id.split('.').length !== level && /^\d+(\.\d+)*$/.test(id))
      row.problem('definition.level-id', { id, level }, 'id');
    if (id === undefined) row.problem('definition.no-id', {}, 'id');
    if (level < 1 || level > 3) {
      row.problem('definition.level', { value: String(level) }, 'level');
      continue;
    }
    for (const [key, levels] of Object.entries(LEVEL_ONLY))
      if (!levels.includes(level) && row.has(key))
        row.problem('definition.not-for-level', { level, column: row.sheet.header(key) }, key);

    const node: Obj = {};
    if (id !== undefined) node.id = id;
    let path: PathSegment[];
    if (level === 1) {
      path = ['dimensions', dims.length];
      dims.push(node);
      dim = node;
      dimPath = path;
      group = undefined;
      node.groups = [];
      if (id !== undefined) dimensionRows.set(id, row);
    } else if (level === 2) {
      if (!dim) {
        row.problem('definition.orphan', { level }, 'id');
        continue;
      }
      const groups = dim.groups as Obj[];
      path = [...dimPath, 'groups', groups.length];
      groups.push(node);
      group = node;
      groupPath = path;
      node.indicators = [];
    } else {
      if (!group) {
        row.problem('definition.orphan', { level }, 'id');
        continue;
      }
      const inds = group.indicators as Obj[];
      path = [...groupPath, 'indicators', inds.length];
      inds.push(node);
    }
    row.locate(path, 'id');
    row.locate([...path, 'id'], 'id');
    const texts: [string, string, string][] = [
      ['name', 'name_zh', 'name_en'],
      ['note', 'note_zh', 'note_en'],
      ...(level === 3
        ? ([['description', 'description_zh', 'description_en']] as [string, string, string][])
        : []),
    ];
    for (const [field, zh, en] of texts) {
      row.locate([...path, field], zh);
      row.locate([...path, field, 'zh-CN'], zh);
      row.locate([...path, field, 'en'], en);
      const t = row.localized(zh, en);
      if (t) node[field] = t;
    }
    if (level === 1) {
      row.locate([...path, 'weight'], 'weight');
      const w = row.number('weight');
      if (w !== undefined) node.weight = w;
    }
    if (level === 3) {
      const unit = row.text('unit');
      row.locate([...path, 'unit'], 'unit');
      if (unit !== undefined) node.unit = unit;
      const rule = readRule(row, [...path, 'rule']);
      if (rule) node.rule = rule;
      const clause = row.text('clause');
      row.locate([...path, 'clause'], 'clause');
      if (clause !== undefined) node.clause = clause;
      row.locate([...path, 'was'], 'was');
      const was = row.text('was');
      if (was !== undefined) node.was = /^(新增|new)$/i.test(was.trim()) ? 'new' : row.code('was');
      row.locate([...path, 'records'], 'records');
      const records = row.choice('records');
      if (records !== undefined) node.records = records;
    }
    for (const pc of profileCols) {
      const v = row.rawAt(pc.col);
      if (isEmpty(v)) continue;
      const p = profileIndex.get(pc.id)!;
      const at = sheet.at(row.index, pc.header);
      if (level === 2) {
        sheet.problem(
          'definition.not-for-level',
          { level, column: pc.header },
          row.index,
          pc.header,
        );
      } else if (level === 1) {
        const n = readNumberOrSay(sheet, row, pc.col, pc.header);
        if (n !== undefined && id !== undefined) {
          const w = weights.get(pc.id) ?? {};
          w[id] = n;
          weights.set(pc.id, w);
          sheet.ctx.locator.set(['profiles', p, 'weights', id], at);
        }
      } else {
        const yes = readYesNoOrSay(sheet, row, pc.col, pc.header);
        const c = chosen.get(pc.id)!;
        if (yes !== undefined) c.any = true;
        if (yes && id !== undefined) {
          sheet.ctx.locator.set(['profiles', p, 'indicators', c.ids.length], at);
          c.ids.push(id);
        }
      }
    }
  }
  if (dims.length === 0) {
    sheet.problem('definition.no-indicators', {}, sheet.headerRow + 1, sheet.header('id'));
    sheet.ctx.locator.set(['dimensions'], sheet.at(sheet.headerRow + 1, sheet.header('id')));
  }
  const profiles = (raw.profiles ?? []) as Obj[];
  for (const pc of profileCols) {
    const p = profiles[profileIndex.get(pc.id)!]!;
    const c = chosen.get(pc.id)!;
    if (c.any) p.indicators = c.ids;
    if (weights.has(pc.id)) p.weights = weights.get(pc.id);
  }
  return { dimensionRows };
}

function readNumberOrSay(
  sheet: SheetReader,
  row: RowReader,
  col: number,
  header: string,
): number | undefined {
  const v = readNumberCell(row.rawAt(col));
  if (v !== BAD) return v;
  sheet.problem('definition.number', { value: String(row.rawAt(col)) }, row.index, header);
  return undefined;
}

function readYesNoOrSay(
  sheet: SheetReader,
  row: RowReader,
  col: number,
  header: string,
): boolean | undefined {
  const v = readYesNo(row.rawAt(col));
  if (v !== BAD) return v;
  sheet.problem('definition.yes-no', { value: String(row.rawAt(col)) }, row.index, header);
  return undefined;
}

function readProfiles(sheet: SheetReader | undefined, raw: Obj): Map<string, number> {
  const index = new Map<string, number>();
  if (!sheet) return index;
  const profiles: Obj[] = [];
  for (const row of sheet.dataRows()) {
    const p = profiles.length;
    const path: PathSegment[] = ['profiles', p];
    const id = row.code('id');
    if (id === undefined) {
      row.problem('definition.no-id', {}, 'id');
      continue;
    }
    if (index.has(id)) {
      row.problem('definition.duplicate-profile', { id }, 'id');
      continue;
    }
    index.set(id, p);
    const node: Obj = { id };
    row.locate(path, 'id');
    row.locate([...path, 'id'], 'id');
    for (const [field, zh, en] of [
      ['name', 'name_zh', 'name_en'],
      ['description', 'description_zh', 'description_en'],
    ] as const) {
      row.locate([...path, field], zh);
      row.locate([...path, field, 'zh-CN'], zh);
      row.locate([...path, field, 'en'], en);
      const t = row.localized(zh, en);
      if (t) node[field] = t;
    }
    row.locate([...path, 'method'], 'method');
    const method = row.choice('method');
    if (method) node.method = method;
    profiles.push(node);
  }
  if (profiles.length) raw.profiles = profiles;
  return index;
}

function readProfileRules(
  sheet: SheetReader | undefined,
  raw: Obj,
  profileIndex: Map<string, number>,
): void {
  if (!sheet) return;
  const profiles = (raw.profiles ?? []) as Obj[];
  for (const row of sheet.dataRows()) {
    const pid = row.code('profile');
    const iid = row.code('indicator');
    const p = pid === undefined ? undefined : profileIndex.get(pid);
    if (pid === undefined) row.problem('definition.no-id', {}, 'profile');
    else if (p === undefined) row.problem('definition.unknown-profile', { id: pid }, 'profile');
    if (iid === undefined) row.problem('definition.no-id', {}, 'indicator');
    if (p === undefined || iid === undefined) continue;
    const rules = ((profiles[p]!.rules as Obj | undefined) ?? {}) as Obj;
    if (iid in rules) {
      row.problem('definition.duplicate-rule', { id: iid, profile: pid! }, 'indicator');
      continue;
    }
    const at: PathSegment[] = ['profiles', p, 'rules', iid];
    const rule = readRule(row, at);
    if (rule) {
      rules[iid] = rule;
      profiles[p]!.rules = rules;
    }
  }
}

function readGrades(
  sheet: SheetReader | undefined,
  raw: Obj,
  profileIndex: Map<string, number>,
): void {
  if (!sheet) return;
  const profiles = (raw.profiles ?? []) as Obj[];
  for (const row of sheet.dataRows()) {
    const pid = row.code('profile');
    let owner: Obj = raw;
    let base: PathSegment[] = [];
    if (pid !== undefined) {
      const p = profileIndex.get(pid);
      if (p === undefined) {
        row.problem('definition.unknown-profile', { id: pid }, 'profile');
        continue;
      }
      owner = profiles[p]!;
      base = ['profiles', p];
    }
    const list = ((owner.grades as Obj[] | undefined) ?? []) as Obj[];
    owner.grades = list;
    list.push(labelledBound(row, [...base, 'grades', list.length], 'min'));
  }
}

/**
 * A grade or a size band: an id, the bound its column names (a grade's `min`, a band's
 * `below`) and a label in both languages, each located at its cell.
 */
function labelledBound(row: RowReader, path: PathSegment[], bound: 'min' | 'below'): Obj {
  const node: Obj = {};
  row.locate(path, 'id');
  row.locate([...path, 'id'], 'id');
  row.locate([...path, bound], bound);
  row.locate([...path, 'label'], 'label_zh');
  row.locate([...path, 'label', 'zh-CN'], 'label_zh');
  row.locate([...path, 'label', 'en'], 'label_en');
  const id = row.code('id');
  if (id !== undefined) node.id = id;
  const value = row.number(bound);
  if (value !== undefined) node[bound] = value;
  const label = row.localized('label_zh', 'label_en');
  if (label) node.label = label;
  return node;
}

function readSizeBands(sheet: SheetReader | undefined, raw: Obj): void {
  if (!sheet) return;
  const bands: Obj[] = [];
  for (const row of sheet.dataRows()) {
    bands.push(labelledBound(row, ['size', 'bands', bands.length], 'below'));
  }
  if (bands.length) {
    const size = ((raw.size as Obj | undefined) ?? {}) as Obj;
    size.bands = bands;
    raw.size = size;
    sheet.ctx.locator.set(['size', 'bands'], sheet.at(sheet.headerRow, sheet.header('id')));
  }
}

/**
 * What the checker can look at when the schema refused the template: rules the schema refuses
 * are set aside (their problems are said already), so that every other problem is said too.
 */
function checkable(raw: Obj): Template {
  const copy = structuredClone(raw) as unknown as Template;
  const fix = (r: unknown) => (ruleSchema.safeParse(r).success ? r : { kind: 'manual' });
  for (const d of (copy.dimensions ?? []) as unknown as Obj[])
    for (const g of (d.groups ?? []) as Obj[])
      for (const i of (g.indicators ?? []) as Obj[]) i.rule = fix(i.rule);
  for (const p of (copy.profiles ?? []) as unknown as Obj[])
    for (const [k, r] of Object.entries((p.rules ?? {}) as Obj)) (p.rules as Obj)[k] = fix(r);
  return copy;
}

const keyOf = (i: Issue) => (i.cell ? cellKey(i.cell) : undefined);

/** Issues of a later stage not already said at the same cell by an earlier one. */
function fresh(said: Set<string>, issues: Issue[]): Issue[] {
  const out = issues.filter((i) => {
    const k = keyOf(i);
    return k === undefined || !said.has(k);
  });
  for (const i of out) {
    const k = keyOf(i);
    if (k) said.add(k);
  }
  return out;
}

function sheetLang(grids: readonly SheetGrid[]): Lang {
  const g = grids.find((x) => sheetOfName(x.name)?.key === 'indicators');
  return g && headingKey(g.name) === headingKey(INDICATORS.name.en) ? 'en' : 'zh-CN';
}

export function readDefinition(grids: readonly SheetGrid[]): DefinitionReading {
  const locator = new Locator();
  const ctx: ReadContext = { problems: [], locator, lang: sheetLang(grids), quiet: new Set() };
  const found = new Map<SheetKey, SheetGrid>();
  for (const g of grids) {
    const spec = sheetOfName(g.name);
    if (spec && !found.has(spec.key)) found.set(spec.key, g);
  }
  const missing = [SETTINGS, INDICATORS].filter((s) => !found.has(s.key));
  if (missing.length)
    return {
      value: undefined,
      errors: missing.map((s) =>
        issue('definition.missing-sheet', [], {
          sheet: s.name[ctx.lang],
          found: grids.map((g) => g.name).join(', '),
        }),
      ),
      locator,
    };
  const reader = (spec: DefinitionSheetSpec) => {
    const g = found.get(spec.key);
    return g ? new SheetReader(g, spec, ctx) : undefined;
  };
  const settings = reader(SETTINGS)!;
  locator.set([], settings.at(settings.headerRow, settings.header('item')));
  const raw: Obj = {};
  readSettings(settings, raw);
  const profileIndex = readProfiles(reader(PROFILES), raw);
  readIndicators(reader(INDICATORS)!, raw, profileIndex);
  readProfileRules(reader(PROFILE_RULES), raw, profileIndex);
  readGrades(reader(GRADES), raw, profileIndex);
  readSizeBands(reader(SIZE_BANDS), raw);

  const said = new Set<string>();
  const errors = fresh(said, ctx.problems);
  for (const k of ctx.quiet) said.add(k);
  const parsed = templateSchema.safeParse(raw);
  let value: Template | undefined;
  if (parsed.success) {
    errors.push(...fresh(said, locator.place(checkTemplate(parsed.data))));
    if (errors.length === 0) value = parsed.data;
  } else {
    errors.push(
      ...fresh(said, locator.place(zodIssues(parsed.error.issues as z.core.$ZodIssue[], raw))),
    );
    try {
      errors.push(...fresh(said, locator.place(checkTemplate(checkable(raw)))));
    } catch {
      // What the schema refused left the checker nothing sound to look at; the schema's issues stand.
    }
  }
  return { value: errors.length ? undefined : value, errors: sortByCell(errors, grids), locator };
}

/** In the workbook's order: sheet, row, then column as the sheet has them. */
function sortByCell(issues: Issue[], grids: readonly SheetGrid[]): Issue[] {
  const sheetOrder = new Map(grids.map((g, i) => [g.name, i]));
  const colOf = (i: Issue) => {
    const g = grids.find((x) => x.name === i.cell!.sheet);
    if (!g) return 0;
    for (let r = 0; r < Math.min(10, g.rows.length); r++) {
      const c = (g.rows[r] ?? []).findIndex(
        (v) => typeof v === 'string' && v.trim() === i.cell!.column,
      );
      if (c >= 0) return c;
    }
    return 0;
  };
  const key = (i: Issue): [number, number, number] =>
    i.cell ? [sheetOrder.get(i.cell.sheet) ?? -1, i.cell.row, colOf(i)] : [-2, 0, 0];
  return issues
    .map((i, n) => ({ i, n, k: key(i) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.n - b.n)
    .map((x) => x.i);
}
