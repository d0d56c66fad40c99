/** One scoring workbook for one organization: plan + org details → model → .xlsx bytes. */
import { randomUUID } from 'node:crypto';
import {
  buildMetadata,
  layoutWorkbook,
  type Lang,
  type OrgDetails,
  type RowAnswer,
  type ScoringPlan,
  type WorkbookModel,
} from '../../core/index.ts';
import { writeWorkbookBuffer } from '../xlsx/write-workbook.ts';

export const GENERATOR = 'scorebook 0.1.0';

export function workbookModel(
  plan: ScoringPlan,
  org: OrgDetails,
  lang: Lang,
  extra: {
    answers?: ReadonlyMap<string, RowAnswer>;
    rawWeights?: Record<string, number>;
    /** Leave the weight cells editable; locked (as issued) by default. */
    editableWeights?: boolean;
    /**
     * The plan the workbook was issued with, when `plan` carries weights the member set since
     * (a return whose weights were edited, for the demo and tests): the metadata is the issued
     * plan's, every cell and cached value the edited one's.
     */
    issued?: ScoringPlan;
    workbookId?: string;
    generatedAt?: string;
    /** the workbook id of the earlier version's workbook it continues (scorebook migrate) */
    migratedFrom?: string;
  } = {},
): WorkbookModel {
  const meta = buildMetadata(extra.issued ?? plan, org, {
    workbook_id: extra.workbookId ?? randomUUID(),
    generated_at: extra.generatedAt ?? new Date().toISOString(),
    lang,
    generator: GENERATOR,
    ...(extra.migratedFrom ? { migrated_from: extra.migratedFrom } : {}),
  });
  return layoutWorkbook(plan, meta, {
    lang,
    generator: GENERATOR,
    ...(extra.answers ? { answers: extra.answers } : {}),
    ...(extra.rawWeights ? { rawWeights: extra.rawWeights } : {}),
    ...(extra.editableWeights ? { editableWeights: true } : {}),
  });
}

export async function workbookBytes(
  plan: ScoringPlan,
  org: OrgDetails,
  lang: Lang,
  extra: Parameters<typeof workbookModel>[3] = {},
): Promise<{ bytes: Buffer; workbookId: string }> {
  const model = workbookModel(plan, org, lang, extra);
  const meta = model.sheets.find((s) => s.state === 'veryHidden')!;
  const idRow = meta.rows.find((r) => r?.[0]?.value === 'workbook_id');
  return { bytes: await writeWorkbookBuffer(model), workbookId: String(idRow?.[1]?.value ?? '') };
}
