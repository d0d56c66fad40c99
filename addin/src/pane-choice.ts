/**
 * What the evaluator has chosen in the pane, and the defaults a template or profile gives:
 * ticked indicators, raw first-level weights (renormalized by their sum, as in the sheet),
 * method. Pure, so the rules of the form do not hide in event handlers.
 */
import {
  METADATA_KEYS,
  type Method,
  type OrgDetails,
  type PlanChoice,
  type Template,
  type WorkbookMetadata,
} from '../../core/index.ts';

export interface PaneChoice {
  templateId: string;
  /** '' = no profile: every indicator, the template's rules. */
  profileId: string;
  method: Method;
  ticked: Set<string>;
  /** Raw weights by first-level id, for every first-level indicator of the template. */
  weights: Record<string, number>;
}

export const ORG_FIELDS = [
  'org_id',
  'org_name',
  'region',
  'org_type',
  'period',
  'evaluator',
  'contact',
  'credit_code',
  'evaluation_mode',
] as const satisfies readonly (keyof OrgDetails & (typeof METADATA_KEYS)[number])[];

export function allIds(t: Template): string[] {
  return t.dimensions.flatMap((d) => d.groups.flatMap((g) => g.indicators.map((i) => i.id)));
}

/** A template's or profile's own choice. */
export function defaultChoice(t: Template, profileId?: string): PaneChoice {
  const profile =
    profileId === undefined ? t.profiles?.[0] : t.profiles?.find((p) => p.id === profileId);
  const weights: Record<string, number> = {};
  for (const d of t.dimensions) weights[d.id] = profile?.weights?.[d.id] ?? d.weight ?? 1;
  return {
    templateId: t.id,
    profileId: profile?.id ?? '',
    method: profile?.method ?? t.method,
    ticked: new Set(profile?.indicators ?? allIds(t)),
    weights,
  };
}

/** The choice a generated workbook was made with: its metadata and the weights in its WT_ cells. */
export function choiceFromWorkbook(
  t: Template,
  meta: WorkbookMetadata,
  weights: Record<string, number>,
): PaneChoice {
  const base = defaultChoice(t, meta.profile || '');
  return {
    ...base,
    method: meta.method,
    ticked: new Set(
      meta.indicators
        .split(',')
        .map((s) => s.trim())
        .filter((id) => allIds(t).includes(id)),
    ),
    weights: { ...base.weights, ...weights },
  };
}

/** The chosen first-level indicators (those with a ticked indicator) and their share of the weight. */
export function weightShares(
  t: Template,
  c: PaneChoice,
): { id: string; raw: number; share: number }[] {
  const used = t.dimensions.filter((d) =>
    d.groups.some((g) => g.indicators.some((i) => c.ticked.has(i.id))),
  );
  const sum = used.reduce((a, d) => a + (c.weights[d.id] ?? 0), 0);
  return used.map((d) => ({
    id: d.id,
    raw: c.weights[d.id] ?? 0,
    share: sum > 0 ? (c.weights[d.id] ?? 0) / sum : 0,
  }));
}

export function planChoice(c: PaneChoice): PlanChoice {
  return {
    ...(c.profileId ? { profile: c.profileId } : {}),
    method: c.method,
    indicators: [...c.ticked],
  };
}

/** Only the chosen first-level indicators' weights; resolvePlan takes these as the evaluator's. */
export function chosenWeights(t: Template, c: PaneChoice): Record<string, number> {
  return Object.fromEntries(weightShares(t, c).map((w) => [w.id, w.raw]));
}
