/**
 * The task pane: wires the form to Generate and Check. The spreadsheet host does the work
 * (spreadsheet-host.ts; office-main.ts hands it Excel's); this file only keeps the person
 * informed — what is happening, what was kept or dropped, and what to do when something goes
 * wrong.
 */
import {
  answerSuccession,
  creditCodeProblem,
  creditCodeWords,
  formatIssue,
  langFromLocale,
  normalizeCreditCode,
  parseEvaluationMode,
  readDefinition,
  readSubmission,
  text,
  type Issue,
  type Lang,
  type OrgDetails,
  type Template,
} from '../../core/index.ts';
import { checkWorkbook } from './check.ts';
import { prepareGeneration, writeGeneration, type PreparedGeneration } from './generate.ts';
import {
  ORG_FIELDS,
  allIds,
  choiceFromWorkbook,
  chosenWeights,
  defaultChoice,
  planChoice,
  weightShares,
  type PaneChoice,
} from './pane-choice.ts';
import { paneText, type PaneText } from './pane-text.ts';
import { checkResults, h, indicatorTree, weightTable } from './pane-view.ts';
import { SheetConflictError } from './sheet-replacement.ts';
import type { SpreadsheetHost } from './spreadsheet-host.ts';
import { bundledTemplates, findBundledTemplate } from './templates.ts';

const GENERATOR = 'scorebook add-in 0.1.0';

interface Pane {
  lang: Lang;
  T: PaneText;
  host: SpreadsheetHost;
  choice: PaneChoice;
  busy: boolean;
  /** the template defined in the open workbook's own definition sheets, if any */
  defined?: Template;
  /** the form works with that template, not a bundled one */
  useDefined: boolean;
}

/** The template select's value for the template defined in the workbook. */
const DEFINED = '__workbook__';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function template(p: Pane): Template {
  return p.useDefined && p.defined ? p.defined : findBundledTemplate(p.choice.templateId)!;
}

/** Templates by id (and version): the workbook's own where it is the one asked for, else the bundle's. */
function finder(p: Pane): (id: string, version?: string) => Template | undefined {
  return (id, version) =>
    p.defined && p.defined.id === id && (version === undefined || p.defined.version === version)
      ? p.defined
      : findBundledTemplate(id, version);
}

function say(kind: 'progress' | 'ok' | 'error', ...lines: string[]): void {
  const box = $('status');
  box.className = `status ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.replaceChildren(...lines.filter(Boolean).map((l) => h('p', {}, l)));
}

function setBusy(p: Pane, busy: boolean): void {
  p.busy = busy;
  for (const id of ['generate', 'check']) ($(id) as HTMLButtonElement).disabled = busy;
  document.body.setAttribute('aria-busy', String(busy));
}

function explain(p: Pane, e: unknown): string {
  if (e instanceof SheetConflictError) return p.T.conflict(e.sheet);
  const err = e as { code?: string; message?: string; name?: string };
  if (err && typeof err.code === 'string' && err.code !== '')
    return p.T.excelRefused(err.code, err.message ?? '');
  return p.T.failed(err?.message ?? String(e));
}

function issues(p: Pane, errors: Issue[]): string[] {
  return errors.slice(0, 5).map((e) => formatIssue(e, p.lang));
}

function indicatorName(t: Template | undefined, id: string, lang: Lang): string {
  for (const d of t?.dimensions ?? [])
    for (const g of d.groups)
      for (const i of g.indicators) if (i.id === id) return `${id} ${text(i.name, lang)}`;
  return id;
}

// ---- the form ------------------------------------------------------------------------------

function renderForm(p: Pane): void {
  const t = template(p);
  const tpl = $('template') as HTMLSelectElement;
  tpl.replaceChildren(
    ...(p.defined
      ? [
          h(
            'option',
            { value: DEFINED, selected: p.useDefined },
            p.T.definedHere(
              `${text(p.defined.title, p.lang)} (${p.defined.id} ${p.defined.version})`,
            ),
          ),
        ]
      : []),
    ...[...bundledTemplates().values()].map((x) =>
      h(
        'option',
        { value: x.id, selected: !p.useDefined && x.id === t.id },
        `${text(x.title, p.lang)} (${x.id})`,
      ),
    ),
  );
  const prof = $('profile') as HTMLSelectElement;
  prof.replaceChildren(
    ...(t.profiles ?? []).map((x) =>
      h('option', { value: x.id, selected: x.id === p.choice.profileId }, text(x.name, p.lang)),
    ),
    h('option', { value: '', selected: p.choice.profileId === '' }, p.T.noProfile),
  );
  const desc = t.profiles?.find((x) => x.id === p.choice.profileId)?.description;
  $('profile-description').textContent = desc ? text(desc, p.lang) : '';
  ($('method') as HTMLSelectElement).value = p.choice.method;
  renderChoice(p);
}

function renderChoice(p: Pane): void {
  const t = template(p);
  const open = new Set(
    [...document.querySelectorAll<HTMLDetailsElement>('#indicator-tree details[open]')].map(
      (d) => d.dataset.dimensionBlock,
    ),
  );
  const tree = indicatorTree(t, p.choice, p.lang, p.T, () => renderChoice(p));
  tree
    .querySelectorAll<HTMLDetailsElement>('details')
    .forEach((d) => (d.open = open.has(d.dataset.dimensionBlock)));
  $('indicator-tree').replaceWith(tree);
  $('weights').replaceWith(weightTable(t, p.choice, p.lang, p.T, () => renderChoice(p)));
}

function org(): OrgDetails {
  const v = (k: string) => ($(`org-${k}`) as HTMLInputElement).value.trim();
  const o: OrgDetails = {
    org_id: v('org_id'),
    org_name: v('org_name'),
    region: v('region'),
    org_type: v('org_type'),
    period: v('period'),
    evaluator: v('evaluator'),
  };
  if (v('contact')) o.contact = v('contact');
  const code = normalizeCreditCode(v('credit_code'));
  if (code) o.credit_code = code;
  const mode = parseEvaluationMode(v('evaluation_mode'));
  if (mode) o.evaluation_mode = mode;
  return o;
}

function wireForm(p: Pane): void {
  $('template').addEventListener('change', (e) => {
    const value = (e.target as HTMLSelectElement).value;
    p.useDefined = value === DEFINED && p.defined !== undefined;
    p.choice = defaultChoice(p.useDefined ? p.defined! : findBundledTemplate(value)!);
    renderForm(p);
  });
  $('profile').addEventListener('change', (e) => {
    p.choice = defaultChoice(template(p), (e.target as HTMLSelectElement).value);
    renderForm(p);
  });
  $('method').addEventListener(
    'change',
    (e) => (p.choice.method = (e.target as HTMLSelectElement).value as PaneChoice['method']),
  );
  $('tick-all').addEventListener('click', () => {
    p.choice.ticked = new Set(allIds(template(p)));
    renderChoice(p);
  });
  $('tick-none').addEventListener('click', () => {
    p.choice.ticked = new Set();
    renderChoice(p);
  });
  $('tick-profile').addEventListener('click', () => {
    p.choice.ticked = defaultChoice(template(p), p.choice.profileId).ticked;
    renderChoice(p);
  });
  $('generate').addEventListener('click', () => void generate(p));
  $('check').addEventListener('click', () => void check(p));
  $('confirm-cancel').addEventListener('click', () => {
    $('confirm').hidden = true;
    pending = undefined;
    say('ok', p.T.cancelled);
  });
  $('confirm-go').addEventListener('click', () => {
    $('confirm').hidden = true;
    const prepared = pending;
    pending = undefined;
    if (prepared) void write(p, prepared);
  });
}

// ---- Generate ------------------------------------------------------------------------------

let pending: PreparedGeneration | undefined;

async function generate(p: Pane): Promise<void> {
  if (p.busy) return;
  const t = template(p);
  if (p.choice.ticked.size === 0) return say('error', p.T.needIndicator);
  if (weightShares(t, p.choice).every((w) => w.raw === 0)) return say('error', p.T.weightsZero);
  // A wrong code would have the return refused at ingest: said now, where it can be corrected.
  const code = org().credit_code;
  const codeProblem = code ? creditCodeProblem(code) : undefined;
  if (code && codeProblem)
    return say('error', creditCodeWords({ value: code, ...codeProblem }, p.lang));
  $('confirm').hidden = true;
  $('results').replaceChildren();
  setBusy(p, true);
  try {
    say('progress', p.T.reading);
    const req = {
      template: t,
      choice: planChoice(p.choice),
      rawWeights: chosenWeights(t, p.choice),
      org: org(),
      lang: p.lang,
      generator: GENERATOR,
    };
    const prepared = await prepareGeneration(p.host, req, finder(p));
    if (!prepared.value) return say('error', ...issues(p, prepared.errors));
    const dropped = prepared.value.carried.dropped;
    if (dropped.length) {
      // Never silently: the person sees what goes and decides.
      pending = prepared.value;
      $('confirm-text').textContent = p.T.confirmDrop(dropped.length);
      $('confirm-list').replaceChildren(
        ...dropped.map((id) => h('li', {}, indicatorName(t, id, p.lang))),
      );
      $('confirm').hidden = false;
      $('confirm').scrollIntoView({ block: 'nearest' });
      say('progress', '');
      ($('confirm-go') as HTMLButtonElement).focus();
      return;
    }
    await write(p, prepared.value, true);
  } catch (e) {
    say('error', explain(p, e));
  } finally {
    setBusy(p, false);
  }
}

async function write(p: Pane, prepared: PreparedGeneration, insideGenerate = false): Promise<void> {
  if (!insideGenerate) setBusy(p, true);
  try {
    say('progress', p.T.writing(prepared.model.sheets.length, prepared.plan.indicators.length));
    const report = await writeGeneration(p.host, prepared);
    const t = template(p);
    const c = prepared.carried;
    say(
      'ok',
      p.T.generated(prepared.plan.indicators.length, report.syncs),
      c.kept.length ? p.T.keptAnswers(c.kept.length) : '',
      c.moved.length ? p.T.movedAnswers(c.moved.length) : '',
      c.dropped.length
        ? p.T.droppedAnswers(c.dropped.map((id) => indicatorName(t, id, p.lang)).join('、'))
        : '',
      c.unreadable.length
        ? p.T.unreadable(
            c.unreadable.map((u) => `${indicatorName(t, u.id, p.lang)} (${u.input})`).join('、'),
          )
        : '',
    );
  } catch (e) {
    say('error', explain(p, e));
  } finally {
    if (!insideGenerate) setBusy(p, false);
  }
}

// ---- Check ---------------------------------------------------------------------------------

async function check(p: Pane): Promise<void> {
  if (p.busy) return;
  $('confirm').hidden = true;
  setBusy(p, true);
  try {
    say('progress', p.T.checking);
    const r = await checkWorkbook(p.host, finder(p), p.lang);
    if (!r.value) {
      $('results').replaceChildren();
      return say('error', ...issues(p, r.errors));
    }
    say('ok', '');
    const t = template(p);
    $('results').replaceChildren(
      checkResults(r.value, p.lang, p.T, (id) => indicatorName(t, id, p.lang).replace(/^\S+ /, '')),
    );
    // The form is long; the answer to "Check" should not be below the fold.
    $('results').scrollIntoView({ block: 'start' });
  } catch (e) {
    say('error', explain(p, e));
  } finally {
    setBusy(p, false);
  }
}

// ---- start -----------------------------------------------------------------------------------

function translateStatic(p: Pane): void {
  document.documentElement.lang = p.lang;
  document.querySelectorAll<HTMLElement>('[data-t]').forEach((el) => {
    const v = p.T[el.dataset.t as keyof PaneText];
    if (typeof v === 'string') el.textContent = v;
  });
}

/** A template defined in the open workbook's own sheets is offered first; its problems are said. */
async function findDefinedTemplate(p: Pane): Promise<void> {
  const grids = await p.host.readDefinitionSheets();
  if (!grids) return;
  const r = readDefinition(grids);
  if (!r.value) {
    say('error', p.T.definitionProblems(r.errors.length), ...issues(p, r.errors));
    return;
  }
  p.defined = r.value;
  p.useDefined = true;
  p.choice = defaultChoice(r.value);
  say(
    'ok',
    p.T.definitionFound(`${text(r.value.title, p.lang)} (${r.value.id} ${r.value.version})`),
  );
}

/** Restores the choices a workbook was generated with, so that regenerating starts from them. */
async function restoreFromWorkbook(p: Pane): Promise<void> {
  const cells = await p.host.readContractCells();
  const find = finder(p);
  const sub = cells.metadata ? readSubmission(cells, find).value : undefined;
  if (!sub) return;
  p.useDefined = p.defined?.id === sub.metadata.template_id;
  // The form offers the newest version: an older workbook's choice follows the codes' succession.
  const t = p.useDefined ? p.defined! : findBundledTemplate(sub.metadata.template_id)!;
  const follow = answerSuccession(sub.metadata, t, find);
  const chosen = sub.metadata.indicators.split(',').map((x) => x.trim());
  const old = find(sub.metadata.template_id, sub.metadata.template_version);
  const all = old ? allIds(old) : [];
  const indicators =
    follow === undefined
      ? sub.metadata.indicators
      : chosen.length === all.length
        ? allIds(t).join(',')
        : chosen.flatMap((id) => follow.get(id) ?? []).join(',');
  p.choice = choiceFromWorkbook(t, { ...sub.metadata, indicators }, sub.rawWeights);
  for (const k of ORG_FIELDS) ($(`org-${k}`) as HTMLInputElement).value = sub.metadata[k] ?? '';
  renderForm(p);
  say(
    'ok',
    p.T.found(text(t.title, p.lang), sub.metadata.generated_at.slice(0, 16).replace('T', ' ')),
  );
}

export async function startPane(host: SpreadsheetHost, displayLanguage: string): Promise<void> {
  const lang = langFromLocale(displayLanguage);
  const first = [...bundledTemplates().values()][0]!;
  const p: Pane = {
    lang,
    T: paneText(lang),
    host,
    choice: defaultChoice(first),
    busy: false,
    useDefined: false,
  };
  translateStatic(p);
  try {
    await findDefinedTemplate(p);
  } catch (e) {
    say('error', explain(p, e));
  }
  renderForm(p);
  wireForm(p);
  try {
    await restoreFromWorkbook(p);
  } catch (e) {
    say('error', explain(p, e));
  }
  document.body.dataset.ready = 'true';
}

/**
 * No host to work in: office.js did not load, or the page was opened outside Excel (in a
 * browser tab). The pane says what to do, in the browser's language, and offers nothing to press.
 */
export function showNoHost(missing: 'office-js' | 'host'): void {
  const T = paneText(langFromLocale(navigator.language));
  const src = document.querySelector<HTMLScriptElement>('script[src*="office.js"]')?.src ?? '';
  say('error', missing === 'host' ? T.noHost : T.noOfficeJs(src));
  for (const id of ['generate', 'check']) ($(id) as HTMLButtonElement).disabled = true;
  document.body.dataset.ready = 'no-host';
}
