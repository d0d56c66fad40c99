/**
 * The pane's DOM: the form (template, profile, indicators, weights, organization) and the Check
 * results. Everything a template or a workbook says goes in through textContent, never as
 * HTML: names come from strangers' workbooks too.
 */
import {
  formatIssue,
  formatNumber,
  formatPoints,
  text,
  type Lang,
  type Template,
} from '../../core/index.ts';
import type { CheckReport } from './check.ts';
import { allIds, weightShares, type PaneChoice } from './pane-choice.ts';
import type { PaneText } from './pane-text.ts';

type Attrs = Record<string, string | boolean | number | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k in el && typeof v !== 'string') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function fmt(n: number | null | undefined, digits = 2): string {
  return formatNumber(n, digits);
}

/** The indicator tree: one collapsible block per first-level indicator, ticks per indicator. */
export function indicatorTree(
  t: Template,
  c: PaneChoice,
  lang: Lang,
  T: PaneText,
  onChange: () => void,
): HTMLElement {
  const root = h('div', { class: 'tree', id: 'indicator-tree' });
  for (const d of t.dimensions) {
    const ids = d.groups.flatMap((g) => g.indicators.map((i) => i.id));
    const n = ids.filter((id) => c.ticked.has(id)).length;
    const box = h('input', {
      type: 'checkbox',
      'data-dimension': d.id,
      'aria-label': `${d.id} ${text(d.name, lang)}`,
    });
    box.checked = n === ids.length;
    box.indeterminate = n > 0 && n < ids.length;
    box.addEventListener('click', (e) => e.stopPropagation());
    box.addEventListener('change', () => {
      for (const id of ids) box.checked ? c.ticked.add(id) : c.ticked.delete(id);
      onChange();
    });
    const list = h('div', { class: 'indicators' });
    for (const g of d.groups) {
      list.append(
        h('div', { class: 'group' }, h('span', { class: 'code' }, g.id), ' ', text(g.name, lang)),
      );
      for (const ind of g.indicators) {
        const tick = h('input', { type: 'checkbox', 'data-indicator': ind.id });
        tick.checked = c.ticked.has(ind.id);
        tick.addEventListener('change', () => {
          tick.checked ? c.ticked.add(ind.id) : c.ticked.delete(ind.id);
          onChange();
        });
        list.append(
          h(
            'label',
            { class: 'indicator' },
            tick,
            h('span', { class: 'code' }, ind.id),
            h('span', {}, text(ind.name, lang)),
          ),
        );
      }
    }
    const details = h(
      'details',
      { 'data-dimension-block': d.id },
      h(
        'summary',
        {},
        box,
        h('span', { class: 'code' }, d.id),
        h('span', { class: 'grow' }, text(d.name, lang)),
        h('span', { class: 'count' }, `${n}/${ids.length}`),
      ),
      list,
    );
    root.append(details);
  }
  root.prepend(
    h('p', { class: 'count-line', id: 'chosen-count' }, T.chosen(c.ticked.size, allIds(t).length)),
  );
  return root;
}

/** One number per chosen first-level indicator, its share, and the sum. */
export function weightTable(
  t: Template,
  c: PaneChoice,
  lang: Lang,
  T: PaneText,
  onChange: () => void,
): HTMLElement {
  const shares = weightShares(t, c);
  const rows = shares.map((w) => {
    const d = t.dimensions.find((x) => x.id === w.id)!;
    const input = h('input', {
      type: 'number',
      min: '0',
      step: '0.1',
      inputmode: 'decimal',
      value: String(w.raw),
      'data-weight': w.id,
      'aria-label': `${T.weight} ${d.id}`,
    });
    input.addEventListener('change', () => {
      const v = Number(input.value);
      c.weights[w.id] = Number.isFinite(v) && v >= 0 ? v : 0;
      onChange();
    });
    return h(
      'tr',
      {},
      h('td', { class: 'code' }, d.id),
      h('td', {}, text(d.name, lang)),
      h('td', {}, input),
      h('td', { class: 'num', 'data-share': w.id }, `${(w.share * 100).toFixed(1)}%`),
    );
  });
  const sum = shares.reduce((a, w) => a + w.raw, 0);
  return h(
    'div',
    { id: 'weights' },
    h('table', { class: 'weights' }, h('tbody', {}, ...rows)),
    h(
      'p',
      { class: sum > 0 ? 'hint' : 'hint error', id: 'weights-sum' },
      sum > 0 ? T.weightsSum(String(Math.round(sum * 1000) / 1000)) : T.weightsZero,
    ),
  );
}

export function checkResults(
  r: CheckReport,
  lang: Lang,
  T: PaneText,
  nameOf: (id: string) => string,
): HTMLElement {
  const value = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? T.blank
      : typeof v === 'number'
        ? String(Math.round(v * 1e6) / 1e6)
        : String(v);
  const box = h(
    'section',
    { id: 'check-results', class: 'results', 'aria-live': 'polite' },
    h(
      'div',
      { class: 'total' },
      h('span', { class: 'label' }, T.total),
      h('span', { class: 'big', id: 'check-total' }, fmt(r.total)),
      r.grade ? h('span', { class: 'grade', id: 'check-grade' }, `${T.grade}: ${r.grade}`) : null,
    ),
    h(
      'table',
      { class: 'dims', id: 'check-dimensions' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, ''),
          h('th', {}, T.dimScore),
          h('th', { class: 'num' }, T.weight),
          h('th', { class: 'num' }, T.applicable),
        ),
      ),
      h(
        'tbody',
        {},
        ...r.dimensions.map((d) =>
          h(
            'tr',
            { 'data-dimension': d.id },
            h('td', {}, `${d.id} ${d.name}`),
            h('td', { class: 'num' }, formatPoints(d.points)),
            h('td', { class: 'num' }, `${(d.weight * 100).toFixed(1)}%`),
            h('td', { class: 'num' }, String(d.count)),
          ),
        ),
      ),
    ),
  );
  if (r.mismatches.length) {
    box.append(
      h(
        'div',
        { class: 'warning', role: 'alert', id: 'check-mismatches' },
        h('p', {}, T.mismatch(r.mismatches.length)),
        h(
          'ul',
          {},
          ...r.mismatches
            .slice(0, 20)
            .map((m) => h('li', {}, T.sheetSays(m.name, value(m.cached), value(m.engine)))),
        ),
      ),
    );
  } else {
    box.append(h('p', { class: 'ok', id: 'check-agree' }, T.agree(r.indicators)));
  }
  if (r.inputErrors.length) {
    box.append(
      h(
        'div',
        { class: 'warning', id: 'check-input-errors' },
        h('p', {}, T.inputErrors(r.inputErrors.length)),
        h('ul', {}, ...r.inputErrors.slice(0, 20).map((e) => h('li', {}, formatIssue(e, lang)))),
      ),
    );
  }
  if (r.unanswered.length) {
    const list = h(
      'ul',
      { class: 'unanswered' },
      ...r.unanswered.map((u) =>
        h('li', {}, h('span', { class: 'code' }, u.id), ' ', nameOf(u.id) || u.name),
      ),
    );
    box.append(
      h(
        'details',
        { id: 'check-unanswered', open: r.unanswered.length <= 8 },
        h('summary', {}, T.unanswered(r.unanswered.length)),
        list,
      ),
    );
  } else {
    box.append(h('p', { class: 'ok' }, T.allAnswered));
  }
  return box;
}
