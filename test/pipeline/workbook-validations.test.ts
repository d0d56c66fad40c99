/**
 * Every validated cell has exactly one validation, the one the model asks for, in the file the
 * exceljs writer makes (read from the sheet XML itself: <dataValidation sqref>) and in what the
 * add-in writes through Office.js — for every shipped template and profile, in both languages.
 * Before, exceljs's merging of per-cell validations wrote overlapping ranges (F6:F10 and F10;
 * exceljs issue #2820): Excel offered to repair the file and LibreOffice applied only the first.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  a1,
  resolvePlan,
  type Lang,
  type ValidationSpec,
  type WorkbookModel,
} from '../../core/index.ts';
import { FakeExcel } from '../../addin/fake/fake-excel.ts';
import { sheetByName, type ValidationState } from '../../addin/fake/workbook-state.ts';
import { writeWorkbookModel } from '../../addin/src/office-writer.ts';
import { validationPlan } from '../../addin/src/sheet-batches.ts';
import { shippedTemplates } from '../../pipeline/templates/registry.ts';
import { writeWorkbookBuffer } from '../../pipeline/xlsx/write-workbook.ts';
import { modelOf, syntheticPlan } from '../addin/support/models.ts';

/** Every shipped template, alone and with each of its profiles, and a large synthetic plan. */
function plans() {
  const out: { label: string; plan: ReturnType<typeof syntheticPlan> }[] = [];
  for (const t of shippedTemplates().values()) {
    out.push({ label: t.id, plan: resolvePlan(t, {}).value! });
    for (const p of t.profiles ?? [])
      out.push({
        label: `${t.id} --profile ${p.id}`,
        plan: resolvePlan(t, { profile: p.id }).value!,
      });
  }
  out.push({ label: 'synthetic 300', plan: syntheticPlan(300) });
  return out;
}

const CASES = plans().flatMap(({ label, plan }) =>
  (['zh-CN', 'en'] as Lang[]).map((lang) => ({
    label: `${label} (${lang})`,
    model: modelOf(plan, lang),
  })),
);

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "F6:F10 H3" → every cell, as "row,col" (0-based). */
function sqrefCells(sqref: string): string[] {
  const cells: string[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    const [from, to = from] = part.split(':') as [string, string?];
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(from)!;
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(to!)!;
    for (let r = Number(r1); r <= Number(r2); r++)
      for (let c = columnIndex(c1!); c <= columnIndex(c2!); c++) cells.push(`${r - 1},${c}`);
  }
  return cells;
}

interface FileRule {
  sqref: string;
  type: string;
  formula1?: string;
  formula2?: string;
  prompt?: string;
  promptTitle?: string;
  error?: string;
}

/** The <dataValidation> elements of one worksheet part, attributes and formulas unescaped. */
function fileRules(xml: string): FileRule[] {
  return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => {
    const attr = (n: string) => {
      const a = new RegExp(`\\b${n}="([^"]*)"`).exec(m[1]!);
      return a ? unescapeXml(a[1]!) : undefined;
    };
    const formula = (n: number) => {
      const f = new RegExp(`<formula${n}>([\\s\\S]*?)</formula${n}>`).exec(m[2]!);
      return f ? unescapeXml(f[1]!) : undefined;
    };
    const rule: FileRule = { sqref: attr('sqref')!, type: attr('type')! };
    for (const [k, v] of [
      ['formula1', formula(1)],
      ['formula2', formula(2)],
      ['prompt', attr('prompt')],
      ['promptTitle', attr('promptTitle')],
      ['error', attr('error')],
    ] as const)
      if (v !== undefined) rule[k] = v;
    return rule;
  });
}

/** What the file should hold for one of the model's validations. */
function expectedFileRule(v: ValidationSpec): Omit<FileRule, 'sqref'> {
  const formulas =
    v.type === 'list'
      ? { formula1: `"${v.list!.join(',')}"` }
      : {
          formula1: String(v.min ?? 0),
          ...(v.max !== undefined ? { formula2: String(v.max) } : {}),
        };
  return {
    type: v.type,
    ...formulas,
    prompt: v.prompt.text,
    promptTitle: v.prompt.title,
    error: v.error.text,
  };
}

async function sheetXml(model: WorkbookModel): Promise<string[]> {
  const files = unzipSync(await writeWorkbookBuffer(model));
  // exceljs names the parts in the order of the sheets.
  return model.sheets.map((_, i) => strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]!));
}

describe('data validations in the exceljs file', () => {
  it('cover each validated cell exactly once, with the model’s rule, and no other cell — every template and profile', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    for (const { label, model } of CASES) {
      const xmls = await sheetXml(model);
      model.sheets.forEach((sheet, i) => {
        const covered = new Map<string, string[]>();
        const ruleAt = new Map<string, Omit<FileRule, 'sqref'>>();
        for (const { sqref, ...rule } of fileRules(xmls[i]!)) {
          for (const cell of sqrefCells(sqref)) {
            covered.set(cell, [...(covered.get(cell) ?? []), sqref]);
            ruleAt.set(cell, rule);
          }
        }
        const twice = [...covered]
          .filter(([, refs]) => refs.length > 1)
          .map(([cell, refs]) => `${cell}: ${refs.join(' and ')}`);
        expect({ label, sheet: sheet.name, twice: twice.slice(0, 5) }).toEqual({
          label,
          sheet: sheet.name,
          twice: [],
        });
        const wanted = new Map(sheet.validations.map((v) => [`${v.row},${v.col}`, v]));
        expect({ label, sheet: sheet.name, cells: [...covered.keys()].sort() }).toEqual({
          label,
          sheet: sheet.name,
          cells: [...wanted.keys()].sort(),
        });
        for (const [cell, v] of wanted)
          expect({ label, at: a1(v.row, v.col), rule: ruleAt.get(cell) }).toEqual({
            label,
            at: a1(v.row, v.col),
            rule: expectedFileRule(v),
          });
      });
    }
  });

  it('are written as ranges: a run of one rule down a column is one <dataValidation>', async () => {
    const model = CASES.find(
      (c) => c.label === 'gbt-40143-2021 --profile annex-b-example (zh-CN)',
    )!.model;
    const refs = fileRules((await sheetXml(model))[0]!).map((r) => r.sqref);
    // 1.1.1–1.1.5 are rows 6–10: their inputs, N/A and mode cells, one range each.
    for (const col of ['F', 'G', 'I']) expect(refs).toContain(`${col}6:${col}10`);
    expect(
      refs.filter((r) => r.startsWith('F10') || r.startsWith('G10') || r.startsWith('I10')),
    ).toEqual([]);
  });
});

describe('data validations the add-in writes', () => {
  function officeRule(v: ValidationSpec): ValidationState {
    const rule: Excel.DataValidationRule =
      v.type === 'list'
        ? { list: { inCellDropDown: true, source: v.list!.join(',') } }
        : {
            decimal:
              v.max !== undefined
                ? {
                    operator: 'Between' as Excel.DataValidationOperator,
                    formula1: v.min ?? 0,
                    formula2: v.max,
                  }
                : {
                    operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator,
                    formula1: v.min ?? 0,
                  },
          };
    return {
      rule,
      ignoreBlanks: true,
      prompt: { showPrompt: true, title: v.prompt.title, message: v.prompt.text },
      errorAlert: {
        showAlert: true,
        style: (v.error.style[0]!.toUpperCase() +
          v.error.style.slice(1)) as Excel.DataValidationAlertStyle,
        title: v.error.title,
        message: v.error.text,
      },
    };
  }

  it('never lays two rules on one cell, and leaves each cell with the model’s rule or none — every template and profile', async () => {
    for (const { label, model } of CASES) {
      const excel = new FakeExcel({ apiVersion: 1.8 });
      await excel.run((ctx) => writeWorkbookModel(ctx, model));
      for (const sheet of model.sheets) {
        // The ranges a rule is set on are disjoint: nothing depends on how Excel replaces a rule.
        const laid = new Map<string, number>();
        for (const { rect } of validationPlan(sheet.validations).runs) {
          for (let r = rect.row; r < rect.row + rect.rows; r++)
            for (let c = rect.col; c < rect.col + rect.cols; c++)
              laid.set(`${r},${c}`, (laid.get(`${r},${c}`) ?? 0) + 1);
        }
        expect({
          label,
          sheet: sheet.name,
          twice: [...laid].filter(([, n]) => n > 1).map(([k]) => k),
        }).toEqual({ label, sheet: sheet.name, twice: [] });
        const state = sheetByName(excel.state, sheet.name)!;
        const got = Object.entries(state.cells)
          .filter(([, c]) => c.validation)
          .map(([k, c]) => [k, c.validation] as const);
        const wanted = new Map(sheet.validations.map((v) => [`${v.row},${v.col}`, officeRule(v)]));
        expect({ label, sheet: sheet.name, cells: got.map(([k]) => k).sort() }).toEqual({
          label,
          sheet: sheet.name,
          cells: [...wanted.keys()].sort(),
        });
        for (const [k, v] of got) expect({ label, k, v }).toEqual({ label, k, v: wanted.get(k) });
      }
    }
  });
});
