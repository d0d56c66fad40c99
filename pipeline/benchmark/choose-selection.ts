/**
 * One comparison to make: a selection (template, template version, profile_hash) and a period,
 * chosen from what the database holds (bench_selections) by `--template`, `--profile` (a
 * profile id, or the first hex digits of a selection's hash) and `--period`, and for one
 * organization's report by `--org`. The only selection that fits is used, with the period given
 * or its latest; when several fit, the choice is refused and the choices are listed in words:
 * averaging an organization's Annex B return with its full return, or ranking one against the
 * other, would be a number nobody asked for. benchmark, report, status and export all choose here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../store/query-rows.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { UserError } from '../user-error.ts';
import type { SelectionNames } from './selection-label.ts';
import type { Only } from './selection-filter.ts';

export interface Selection extends SelectionNames {
  period: string;
}

export interface ChooseOptions {
  template?: string;
  profile?: string;
  period?: string;
  /** only the selections and periods this organization has a scored return in */
  org?: string;
}

/** One row of bench_selections: a selection in a period. */
export interface SelectionPeriod extends Selection {
  organizations: number;
  submissions: number;
  complete: number;
}

const key = (s: SelectionNames) =>
  JSON.stringify([s.template_id, s.template_version, s.profile_hash]);

/** Whether a selection without a profile of `indicators` indicators is the whole template (as this scorebook has it). */
export function isWholeTemplate(
  templateId: string,
  profile: string | null,
  indicators: number,
): boolean {
  const t = shippedTemplates().get(templateId);
  return (
    !profile &&
    t !== undefined &&
    indicators ===
      t.dimensions.reduce((n, d) => n + d.groups.reduce((m, g) => m + g.indicators.length, 0), 0)
  );
}

/** Every selection and period the database holds, in template, version, label and period order. */
export async function selectionsHeld(con: DuckDBConnection): Promise<SelectionPeriod[]> {
  return (
    await queryRows(
      con,
      'SELECT * FROM bench_selections ORDER BY template_id, template_version, label, profile_hash, period',
    )
  ).map((r) => {
    const profile = r.profile ? String(r.profile) : null;
    const indicators = Number(r.indicators);
    return {
      template_id: String(r.template_id),
      template_version: String(r.template_version),
      profile,
      profile_hash: String(r.profile_hash),
      indicators,
      whole: isWholeTemplate(String(r.template_id), profile, indicators),
      period: String(r.period),
      organizations: Number(r.organizations),
      submissions: Number(r.submissions),
      complete: Number(r.complete),
    };
  });
}

/**
 * Whether `--profile P` names this selection: its profile id; `none`, a selection without a
 * profile (the template's indicators, or a choice of them); or a prefix (4 hex digits or more)
 * of its hash.
 */
export function profileMatches(s: SelectionNames, p: string): boolean {
  if (s.profile === p) return true;
  if (p === 'none' && !s.profile) return true;
  const hex = p.toLowerCase();
  return /^[0-9a-f]{4,64}$/.test(hex) && s.profile_hash.startsWith(hex);
}

/** The choices as a message's parameter (JSON: messages take plain values). */
function choicesParam(rows: SelectionPeriod[], period: string | undefined): string {
  const bySel = new Map<string, SelectionPeriod[]>();
  for (const r of rows) bySel.set(key(r), [...(bySel.get(key(r)) ?? []), r]);
  return JSON.stringify(
    [...bySel.values()].map((rs) => {
      const at = period ? rs.find((r) => r.period === period)! : rs[rs.length - 1]!;
      return { ...at, periods: rs.map((r) => r.period) };
    }),
  );
}

/** Which option tells the fitting selections apart: --template when their templates differ, else --profile. */
function optionFor(rows: SelectionPeriod[]): string {
  return new Set(rows.map((r) => r.template_id)).size > 1 ? '--template' : '--profile';
}

/** Several selections fit: refused, each listed with its organizations, and the option that tells them apart. */
export function refuseSeveral(rows: SelectionPeriod[], period?: string, org?: string): never {
  throw UserError.of('selection.several', {
    choices: choicesParam(rows, period),
    period: period ?? null,
    option: optionFor(rows),
    ...(org !== undefined ? { org } : {}),
  });
}

/** The selections and periods that fit `opts` (each refusal said in words), before one is picked. */
export function fitting(held: SelectionPeriod[], opts: ChooseOptions): SelectionPeriod[] {
  let rows = held;
  if (opts.template !== undefined) {
    const templates = [...new Set(rows.map((r) => r.template_id))];
    rows = rows.filter((r) => r.template_id === opts.template);
    if (!rows.length)
      throw UserError.of('benchmark.no-template', {
        template: opts.template,
        templates: templates.join(', '),
      });
  }
  if (opts.profile !== undefined) {
    const before = rows;
    rows = rows.filter((r) => profileMatches(r, opts.profile!));
    if (!rows.length)
      throw UserError.of('selection.no-profile', {
        profile: opts.profile,
        choices: choicesParam(before, undefined),
      });
  }
  return rows;
}

export async function chooseSelection(
  con: DuckDBConnection,
  opts: ChooseOptions,
): Promise<Selection> {
  const held = await selectionsHeld(con);
  if (!held.length) throw UserError.of('benchmark.empty');
  let rows = fitting(held, opts);
  if (opts.org !== undefined) {
    const org = opts.org;
    const mine = new Set(
      (
        await queryRows(
          con,
          'SELECT DISTINCT template_id, template_version, profile_hash, period FROM bench_org_period WHERE org_id = $1',
          [org],
        )
      ).map((r) => JSON.stringify([r.template_id, r.template_version, r.profile_hash, r.period])),
    );
    const before = rows;
    rows = rows.filter((r) => mine.has(JSON.stringify([...JSON.parse(key(r)), r.period])));
    if (!rows.length) {
      const anywhere = held.filter((r) =>
        mine.has(JSON.stringify([...JSON.parse(key(r)), r.period])),
      );
      if (!anywhere.length) throw UserError.of('scope.no-org', { org });
      throw UserError.of('selection.org-none', {
        org,
        choices: choicesParam(anywhere, undefined),
        asked: choicesParam(before, undefined),
      });
    }
  }
  if (opts.period !== undefined) {
    const before = rows;
    rows = rows.filter((r) => r.period === opts.period);
    if (!rows.length)
      throw UserError.of('benchmark.no-period', {
        period: opts.period,
        template: [...new Set(before.map((r) => r.template_id))].join(', '),
        periods: [...new Set(before.map((r) => r.period))].sort().join(', '),
        ...(opts.org !== undefined ? { org: opts.org } : {}),
      });
  }
  if (new Set(rows.map(key)).size > 1) refuseSeveral(rows, opts.period, opts.org);
  // Rows come in period order: the last is the latest.
  const { organizations: _o, submissions: _s, complete: _c, ...chosen } = rows[rows.length - 1]!;
  return chosen;
}

/**
 * The part of the database an export is limited to: nothing given, all of it; a template, its
 * rows; a profile, the one selection it names (several: refused, as benchmark refuses them);
 * a period, that period's.
 */
export async function chooseExportPart(
  con: DuckDBConnection,
  opts: { template?: string; profile?: string; period?: string },
): Promise<Only> {
  if (opts.template === undefined && opts.profile === undefined && opts.period === undefined)
    return {};
  const held = await selectionsHeld(con);
  if (!held.length) throw UserError.of('benchmark.empty');
  let rows = fitting(held, opts);
  if (opts.period !== undefined) {
    const before = rows;
    rows = rows.filter((r) => r.period === opts.period);
    if (!rows.length)
      throw UserError.of('benchmark.no-period', {
        period: opts.period,
        template: [...new Set(before.map((r) => r.template_id))].join(', '),
        periods: [...new Set(before.map((r) => r.period))].sort().join(', '),
      });
  }
  const only: Only = {};
  if (opts.template !== undefined) only.template_id = opts.template;
  if (opts.profile !== undefined) {
    if (new Set(rows.map(key)).size > 1) refuseSeveral(rows, opts.period);
    Object.assign(only, {
      template_id: rows[0]!.template_id,
      template_version: rows[0]!.template_version,
      profile_hash: rows[0]!.profile_hash,
    });
  }
  if (opts.period !== undefined) only.period = opts.period;
  return only;
}
