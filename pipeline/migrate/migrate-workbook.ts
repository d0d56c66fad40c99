/**
 * One filled workbook of a template's earlier version → the new version's workbook with every
 * answer whose indicator remains, on the indicator it was given for (following the new version's
 * `was` codes through every version between), for the same organization, evaluator and period.
 * The new workbook has an id of its own and names the old one in `migrated_from`. What could not
 * be carried, and what is new to answer, is reported.
 */
import {
  carryAnswers,
  compareVersions,
  isAnswered,
  issue,
  resolvePlan,
  succession,
  type Issue,
  type OrgDetails,
  type PlanChoice,
  type Result,
  type Template,
} from '../../core/index.ts';
import { templateVersions } from '../templates/registry.ts';
import { workbookBytes } from '../workbooks/make-workbook.ts';
import { openSubmissionFile } from '../xlsx/open-submission.ts';

export interface MigrationReport {
  from: string;
  to: string;
  workbookId: string;
  migratedFrom: string;
  /** answers carried, by new code */
  kept: string[];
  moved: { from: string; to: string }[];
  /** answered before (old codes), not carried: removed, or not chosen in the new version */
  dropped: string[];
  unreadable: { id: string; input: string }[];
  /** indicators of the new workbook no old one continues: to be answered */
  added: string[];
}

export interface Migration {
  bytes: Buffer;
  report: MigrationReport;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set([...a, ...b]).size === a.length;

export async function migrateWorkbook(
  file: string,
  target: Template,
  opts: { period?: string; editableWeights?: boolean } = {},
): Promise<Result<Migration> & { skip?: Issue }> {
  const { value: sub, errors } = openSubmissionFile(file);
  if (!sub) return { value: undefined, errors };
  const meta = sub.metadata;
  const label = (id: string, v: string) => `${id} ${v}`;
  const from = label(meta.template_id, meta.template_version);
  const to = label(target.id, target.version);
  const fail = (code: string) => ({
    value: undefined,
    errors: [{ ...issue(code, [], { file, from, to }), file }],
  });
  if (meta.template_id !== target.id) return fail('cli.migrate.other-template');
  const order = compareVersions(meta.template_version, target.version);
  if (order === 0)
    return {
      value: undefined,
      errors: [],
      skip: issue('cli.migrate.same-version', [], { file, to }),
    };
  if (order > 0) return fail('cli.migrate.older');
  const versions = templateVersions();
  const old = versions.get(`${meta.template_id}@${meta.template_version}`)!;
  const s = succession(old, target, (id, v) => versions.get(`${id}@${v}`));
  if (!s.ok)
    return {
      value: undefined,
      errors: [
        { ...issue('cli.diff.versions-missing', [], { from, to, missing: s.missing }), file },
      ],
    };

  // The same choice in the new version: the profile's (or every indicator) where the old
  // workbook had it, else its own indicators, each under its new code.
  const profile = target.profiles?.some((p) => p.id === meta.profile) ? meta.profile : undefined;
  const base = resolvePlan(old, { ...(meta.profile ? { profile: meta.profile } : {}) }).value;
  const chosen = sub.plan.indicators.map((i) => i.id);
  const choice: PlanChoice = { method: meta.method, ...(profile ? { profile } : {}) };
  if (
    !base ||
    !sameSet(
      chosen,
      base.indicators.map((i) => i.id),
    )
  )
    choice.indicators = chosen.flatMap((id) => s.map.get(id) ?? []);
  const planned = resolvePlan(target, choice);
  if (!planned.value)
    return { value: undefined, errors: planned.errors.map((e) => ({ ...e, file })) };
  const plan = planned.value;

  const carried = carryAnswers(
    {
      metadata: meta,
      answers: new Map([...sub.answers].filter(([, a]) => isAnswered(a))),
      rawWeights: sub.rawWeights,
    },
    plan,
    meta.lang,
    s.map,
  );
  const continued = new Set(s.map.values());
  const org: OrgDetails = {
    org_id: meta.org_id,
    org_name: meta.org_name,
    region: meta.region,
    org_type: meta.org_type,
    period: opts.period ?? meta.period,
    evaluator: meta.evaluator,
    ...(meta.contact ? { contact: meta.contact } : {}),
    // Who is evaluated and how stay; the star counts (of the records' period) are filled again.
    ...(meta.credit_code ? { credit_code: meta.credit_code } : {}),
    ...(meta.evaluation_mode ? { evaluation_mode: meta.evaluation_mode } : {}),
  };
  const { bytes, workbookId } = await workbookBytes(plan, org, meta.lang, {
    answers: carried.answers,
    migratedFrom: meta.workbook_id,
    ...(opts.editableWeights ? { editableWeights: true } : {}),
  });
  return {
    value: {
      bytes,
      report: {
        from,
        to,
        workbookId,
        migratedFrom: meta.workbook_id,
        kept: carried.kept,
        moved: carried.moved,
        dropped: carried.dropped,
        unreadable: carried.unreadable,
        added: plan.indicators.map((i) => i.id).filter((id) => !continued.has(id)),
      },
    },
    errors: [],
  };
}
