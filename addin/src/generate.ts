/**
 * Generate, as the task pane does it, without the page: read what the workbook holds, carry the
 * answers into the new plan, lay the sheets out with core, and write them. Split in two so the
 * pane can ask before answers are dropped: prepare (reads only) and write.
 */
import {
  answerSuccession,
  buildMetadata,
  layoutWorkbook,
  resolvePlan,
  type Issue,
  type Lang,
  type OrgDetails,
  type PlanChoice,
  type ScoringPlan,
  type Template,
  type WorkbookModel,
} from '../../core/index.ts';
import { carryAnswers, previousWork, workbookCodes, type Carried } from './carry-answers.ts';
import type { SpreadsheetHost, WriteReport } from './spreadsheet-host.ts';

export interface GenerateRequest {
  template: Template;
  choice: PlanChoice;
  /** The weights as typed (any non-negative numbers); written to the weight cells. */
  rawWeights: Record<string, number>;
  org: OrgDetails;
  lang: Lang;
  generator: string;
  newId?: () => string;
  now?: () => Date;
}

export interface PreparedGeneration {
  plan: ScoringPlan;
  model: WorkbookModel;
  carried: Carried;
  /** The workbook already had a scoring sheet. */
  regenerating: boolean;
}

export async function prepareGeneration(
  host: SpreadsheetHost,
  req: GenerateRequest,
  /** the template of this id and version where known, else the newest of the id */
  findTemplate: (id: string, version?: string) => Template | undefined,
): Promise<{ value?: PreparedGeneration; errors: Issue[] }> {
  const resolved = resolvePlan(req.template, { ...req.choice, weights: req.rawWeights });
  if (!resolved.value) return { errors: resolved.errors };
  const plan = resolved.value;
  const cells = await host.readContractCells();
  const previous = previousWork(cells, findTemplate);
  // A workbook of an earlier version of the template: its answers follow the codes' succession.
  const follow = answerSuccession(
    previous.metadata ?? workbookCodes(cells.metadata),
    req.template,
    findTemplate,
  );
  const carried = carryAnswers(previous, plan, req.lang, follow);
  // The same organization's workbook keeps its id across regenerations; another one gets its own.
  const keepId =
    previous.metadata && previous.metadata.org_id === req.org.org_id
      ? previous.metadata.workbook_id
      : undefined;
  const meta = buildMetadata(plan, req.org, {
    workbook_id: keepId ?? (req.newId ?? (() => crypto.randomUUID()))(),
    generated_at: (req.now ?? (() => new Date()))().toISOString(),
    lang: req.lang,
    generator: req.generator,
  });
  const model = layoutWorkbook(plan, meta, {
    lang: req.lang,
    answers: carried.answers,
    rawWeights: rawWeightsOf(plan, req.rawWeights),
    // An evaluator's own workbook: its weights stay editable, the issued ones recorded all the same.
    editableWeights: true,
    generator: req.generator,
  });
  return {
    value: { plan, model, carried, regenerating: cells.metadata !== undefined },
    errors: [],
  };
}

/** Only the chosen first-level indicators have weight cells. */
function rawWeightsOf(plan: ScoringPlan, raw: Record<string, number>): Record<string, number> {
  return Object.fromEntries(plan.dimensions.map((d) => [d.id, raw[d.id] ?? d.weight]));
}

export async function writeGeneration(
  host: SpreadsheetHost,
  prepared: PreparedGeneration,
): Promise<WriteReport> {
  return host.applyWorkbookModel(prepared.model);
}
