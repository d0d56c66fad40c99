/**
 * A Template → its definition workbook, laid out as plain data (definition-book.ts): every fact
 * of the template in a cell of the sheet a standard writer would look for it in, so that reading
 * the workbook back (read-definition.ts) gives the same template. Without a template: the blank
 * workbook a new standard starts from.
 */
import { ruleKind } from '../rules/kinds/index.ts';
import type { Profile, Template } from '../template/schema.ts';
import type { Lang, LocalizedText } from '../text.ts';
import { YES_NO } from './cell-values.ts';
import type { LaidBook, LaidColumn, LaidSheet, PlainCell } from './definition-book.ts';
import {
  GRADES,
  INDICATORS,
  INSTRUCTIONS,
  PROFILE_RULES,
  PROFILES,
  SETTINGS,
  SETTING_FIELDS,
  SIZE_BANDS,
  profileColumnHeader,
  type DefColumn,
  type DefinitionSheetSpec,
} from './definition-sheets.ts';
import { instructionRows } from './instructions.ts';
import { LINE_POINTS, heightForLines, wrappedLines } from '../sheet/row-heights.ts';

/** Rows offered drop-downs below the last one written: room for a standard's indicators. */
const SPARE_ROWS = 300;

type Row = Record<string, PlainCell | undefined>;

function laidColumn(c: DefColumn, lang: Lang): LaidColumn {
  const out: LaidColumn = { header: c.header[lang], width: c.width };
  if (c.choices) out.list = c.choices.map((x) => x.label[lang]);
  if (c.type === 'yesno') out.list = YES_NO[lang];
  if (c.type === 'id') out.text = true;
  if (c.type === 'lines') out.wrap = true;
  if (c.type === 'number') out.number = true;
  if (c.type === 'level') out.center = true;
  if (c.type === 'text' && c.width >= 24) out.wrap = true;
  return out;
}

function sheet(
  spec: DefinitionSheetSpec,
  lang: Lang,
  rows: Row[],
  extra: LaidColumn[] = [],
): LaidSheet {
  return {
    key: spec.key,
    name: spec.name[lang],
    columns: [...spec.columns.map((c) => laidColumn(c, lang)), ...extra],
    rows: rows.map((r) => spec.columns.map((c) => r[c.key] ?? null)),
    spareRows: SPARE_ROWS,
  };
}

const both = (key: string, t: LocalizedText | undefined): Row => ({
  [`${key}_zh`]: t?.['zh-CN'] ?? null,
  [`${key}_en`]: t?.en ?? null,
});

function yesNo(v: boolean, lang: Lang): string {
  return YES_NO[lang][v ? 0 : 1];
}

function settingsSheet(t: Template | undefined, lang: Lang): LaidSheet {
  const values: Record<string, PlainCell | undefined> = t
    ? {
        id: t.id,
        version: t.version,
        previous: t.previous,
        title_zh: t.title['zh-CN'],
        title_en: t.title.en,
        standard: t.source.standard,
        clause: t.source.clause,
        normative: yesNo(t.source.normative, lang),
        note_zh: t.source.note?.['zh-CN'],
        note_en: t.source.note?.en,
        method: t.method,
        lang: t.lang,
        size_indicator: t.size?.indicator,
        size_label_zh: t.size?.label['zh-CN'],
        size_label_en: t.size?.label.en,
      }
    : { version: '1.0.0', method: 'mean' };
  const laid = sheet(
    SETTINGS,
    lang,
    SETTING_FIELDS.map((f) => ({ item: f.label[lang], value: values[f.key], help: f.help[lang] })),
  );
  // Each row's value has its own kind: the drop-downs go on the cells, not the column.
  laid.cellLists = SETTING_FIELDS.flatMap((f, i): NonNullable<LaidSheet['cellLists']> =>
    f.type === 'yesno'
      ? [{ row: i, col: 1, list: YES_NO[lang] }]
      : f.choices
        ? [{ row: i, col: 1, list: f.choices.map((c) => c.label[lang]) }]
        : [],
  );
  laid.textCells = SETTING_FIELDS.flatMap((f, i) => (f.type === 'id' ? [{ row: i, col: 1 }] : []));
  laid.spareRows = 0;
  return laid;
}

/** The profiles that choose indicators or set weights get a column on the indicators sheet. */
function profileColumns(t: Template | undefined): Profile[] {
  return (t?.profiles ?? []).filter((p) => p.indicators !== undefined || p.weights !== undefined);
}

function indicatorsSheet(t: Template | undefined, lang: Lang): LaidSheet {
  const profiles = profileColumns(t);
  const rows: Row[] = [];
  const profileCells: PlainCell[][] = [];
  const levelOne: number[] = [];
  for (const d of t?.dimensions ?? []) {
    levelOne.push(rows.length);
    rows.push({
      level: 1,
      id: d.id,
      ...both('name', d.name),
      ...both('note', d.note),
      weight: d.weight,
    });
    profileCells.push(profiles.map((p) => p.weights?.[d.id] ?? null));
    for (const g of d.groups) {
      rows.push({ level: 2, id: g.id, ...both('name', g.name), ...both('note', g.note) });
      profileCells.push(profiles.map(() => null));
      for (const i of g.indicators) {
        rows.push({
          level: 3,
          id: i.id,
          ...both('name', i.name),
          ...both('description', i.description),
          ...both('note', i.note),
          unit: i.unit,
          rule: i.rule.kind,
          ...ruleKind(i.rule).toColumns(i.rule, i.unit),
          clause: i.clause,
          was: i.was === 'new' ? (lang === 'zh-CN' ? '新增' : 'new') : i.was,
          records: i.records,
        });
        profileCells.push(
          profiles.map((p) =>
            p.indicators === undefined ? null : yesNo(p.indicators.includes(i.id), lang),
          ),
        );
      }
    }
  }
  const laid = sheet(
    INDICATORS,
    lang,
    rows,
    profiles.map((p) => ({
      header: profileColumnHeader(p.id, lang),
      width: Math.max(10, profileColumnHeader(p.id, lang).length + 2),
      list: YES_NO[lang],
      listSkipsRows: levelOne,
    })),
  );
  laid.rows = laid.rows.map((r, k) => [...r, ...(profileCells[k] ?? [])]);
  return laid;
}

function profilesSheet(t: Template | undefined, lang: Lang): LaidSheet {
  return sheet(
    PROFILES,
    lang,
    (t?.profiles ?? []).map((p) => ({
      id: p.id,
      ...both('name', p.name),
      ...both('description', p.description),
      method: p.method,
    })),
  );
}

function profileRulesSheet(t: Template | undefined, lang: Lang): LaidSheet {
  const units = new Map(
    (t?.dimensions ?? []).flatMap((d) =>
      d.groups.flatMap((g) => g.indicators.map((i) => [i.id, i.unit])),
    ),
  );
  return sheet(
    PROFILE_RULES,
    lang,
    (t?.profiles ?? []).flatMap((p) =>
      Object.entries(p.rules ?? {}).map(([id, r]) => ({
        profile: p.id,
        indicator: id,
        rule: r.kind,
        ...ruleKind(r).toColumns(r, units.get(id)),
      })),
    ),
  );
}

function gradesSheet(t: Template | undefined, lang: Lang): LaidSheet {
  const rows: Row[] = [
    ...(t?.grades ?? []).map((g) => ({
      profile: null,
      id: g.id,
      min: g.min,
      ...both('label', g.label),
    })),
    ...(t?.profiles ?? []).flatMap((p) =>
      (p.grades ?? []).map((g) => ({
        profile: p.id,
        id: g.id,
        min: g.min,
        ...both('label', g.label),
      })),
    ),
  ];
  return sheet(GRADES, lang, rows);
}

function sizeBandsSheet(t: Template | undefined, lang: Lang): LaidSheet {
  return sheet(
    SIZE_BANDS,
    lang,
    (t?.size?.bands ?? []).map((b) => ({ id: b.id, below: b.below, ...both('label', b.label) })),
  );
}

function instructionsSheet(lang: Lang): LaidSheet {
  return {
    key: 'instructions',
    name: INSTRUCTIONS.name[lang],
    columns: INSTRUCTIONS.columns.map((c) => ({
      header: c.header[lang],
      width: c.width,
      wrap: c.width > 20,
    })),
    rows: instructionRows(lang),
    spareRows: 0,
    plain: true,
  };
}

/** Rows as tall as their wrapped texts: neither Excel nor LibreOffice fits them when a file opens. */
export function fitRowHeights(sheet: LaidSheet, lang: Lang): LaidSheet {
  const points = lang === 'zh-CN' ? LINE_POINTS.cjk : LINE_POINTS.latin;
  const heights = sheet.rows.map((row) =>
    heightForLines(
      Math.max(
        1,
        ...row.map((v, c) => {
          const col = sheet.columns[c];
          return col?.wrap && v !== null ? wrappedLines(String(v), col.width) : 1;
        }),
      ),
      points,
    ),
  );
  return heights.some((h) => h !== undefined) ? { ...sheet, rowHeights: heights } : sheet;
}

/** The definition workbook of `t`, or the blank one a new standard starts from. */
export function layDefinition(t: Template | undefined, lang: Lang): LaidBook {
  return {
    lang,
    sheets: [
      instructionsSheet(lang),
      settingsSheet(t, lang),
      indicatorsSheet(t, lang),
      profilesSheet(t, lang),
      profileRulesSheet(t, lang),
      gradesSheet(t, lang),
      sizeBandsSheet(t, lang),
    ].map((sheet) => fitRowHeights(sheet, lang)),
  };
}
