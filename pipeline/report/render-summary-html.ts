/** The secretariat's summary page and the index of reports → HTML pages (charts already SVG). */
import { html } from './html.ts';
import { figure, fmt1, groupLabel, page } from './page-shell.ts';
import type { ReportWords } from './report-words.ts';
import type { SummaryModel } from './summary-model.ts';
import { identityWords, type IdentityWords } from './identity-words.ts';
import { starsSection } from './render-report-html.ts';

export interface SummaryCharts {
  /** null when there are fewer than k organizations */
  histogram: string | null;
  grades: string | null;
  heatmap: string | null;
}

const rate = (part: number, whole: number) => (whole ? `${fmt1((100 * part) / whole)}%` : '—');

export function renderSummaryHtml(
  s: SummaryModel,
  w: ReportWords,
  charts: SummaryCharts,
  indexFile: string,
): string {
  const few = html`<span class="suppressed">${w.fewerThan(s.k)}</span>`;
  const iw = identityWords(s.lang);
  const body = html`
<header>
  <h1>${w.summaryTitle}</h1>
  <p class="sub">${s.template.title} · ${s.selection} · ${w.period} ${s.period}${s.mode ? html` · <span data-mode="${s.mode}">${iw.mode} ${iw.modeName(s.mode)}</span>` : ''} · <a href="${indexFile}">${w.indexLink}</a></p>
</header>
<section id="headline" class="cards">
  <div class="card"><div class="label">${w.organizations}</div><div class="value">${s.n}</div></div>
  <div class="card"><div class="label">${w.rankedCount}</div><div class="value" data-ranked>${s.ranked}</div>${s.partial.length ? html`<div class="note">${w.partialCount(s.partial.length, s.includePartial)}</div>` : ''}</div>
  <div class="card"><div class="label">${w.median}</div><div class="value" data-median>${s.total ? fmt1(s.total.median) : few}</div></div>
  ${s.returns ? html`<div class="card"><div class="label">${w.returnRate}</div><div class="value" data-return-rate>${rate(s.returns.returned, s.returns.rosterSize)}</div><div class="note">${s.returns.returned} / ${s.returns.rosterSize}</div></div>` : ''}
  <div class="card"><div class="label">${w.flaggedTitle}</div><div class="value">${s.flagged.length}</div></div>
</section>

<section id="distribution">
  <h2>${w.distributionTitle}</h2>
  ${
    s.total
      ? html`<table class="keep"><thead><tr><th class="num">${w.min}</th><th class="num">${w.q1}</th><th class="num">${w.median}</th><th class="num">${w.q3}</th><th class="num">${w.max}</th><th class="num">${w.mean}</th></tr></thead>
      <tbody><tr>${[s.total.min, s.total.q1, s.total.median, s.total.q3, s.total.max, s.total.mean].map((x) => html`<td class="num">${fmt1(x)}</td>`)}</tr></tbody></table>`
      : html`<p>${few}</p>`
  }
  ${charts.histogram ? figure('histogram', charts.histogram, w.histogramCaption, w.distributionTitle) : ''}
  <h3>${w.gradesTitle}</h3>
  ${charts.grades ? figure('grades', charts.grades, w.gradesTitle, w.gradesTitle) : html`<p>${s.total ? w.noGrades : few}</p>`}
</section>

<section id="heatmap">
  <h2>${w.heatmapTitle}</h2>
  ${charts.heatmap ? figure('heatmap', charts.heatmap, w.heatmapCaption(s.k), w.heatmapTitle) : ''}
  <table>
    <thead><tr><th>${w.peerGroup}</th>${s.heatmap.dimensions.map((d) => html`<th class="num">${d.id} ${d.name}</th>`)}</tr></thead>
    <tbody>${s.heatmap.rows.map((r) => html`<tr><td>${r.label}</td>${r.cells.map((c) => html`<td class="num">${c === null ? few : fmt1(c)}</td>`)}</tr>`)}</tbody>
  </table>
  ${s.heatmap.recordedOnly.length ? html`<p class="sub" data-not-scored>${w.notInHeatmap(s.heatmap.recordedOnly.map((d) => `${d.id} ${d.name}`).join(w.listSeparator))}</p>` : ''}
</section>

<section id="groups">
  <h2>${w.groupsTitle}</h2>
  <p data-groupings>${w.peerGroupsNote(s.groupings, s.k)}</p>
  <table>
    <thead><tr><th>${w.peerGroup}</th><th class="num">${w.n}</th><th class="num">${w.q1}</th><th class="num">${w.median}</th><th class="num">${w.q3}</th><th class="num">${w.mean}</th><th>${w.comparedWithColumn}</th></tr></thead>
    <tbody>${s.groups.map(
      (g) =>
        html`<tr${g.fallback ? html` class="group" data-fallback` : ''}><td>${g.label}</td><td class="num">${g.n}</td>${
          g.total
            ? html`<td class="num">${fmt1(g.total.q1)}</td><td class="num">${fmt1(g.total.median)}</td><td class="num">${fmt1(g.total.q3)}</td><td class="num">${fmt1(g.total.mean)}</td>`
            : html`<td colspan="4">${few}</td>`
        }<td>${g.comparedWith ?? ''}</td></tr>`,
    )}</tbody>
  </table>
</section>

<section id="partial">
  <h2>${w.partialTitle(s.includePartial)}${w.paren(String(s.partial.length))}</h2>
  ${
    s.partial.length
      ? html`<table><thead><tr><th>${w.orgId}</th><th>${w.orgName}</th><th class="num">${w.unanswered}</th></tr></thead>
      <tbody>${s.partial.map((p) => html`<tr><td>${p.org_id}</td><td>${p.org_name}</td><td class="num">${p.unanswered} / ${p.applicable}</td></tr>`)}</tbody></table>`
      : html`<p>${w.partialNone}</p>`
  }
</section>

<section id="returns">
  <h2>${w.returnsTitle}</h2>
  ${
    s.returns
      ? html`<p>${w.returned} ${s.returns.returned} / ${s.returns.rosterSize}${w.paren(rate(s.returns.returned, s.returns.rosterSize))}</p>
      <table><thead><tr><th>${w.region}</th><th class="num">${w.roster}</th><th class="num">${w.returned}</th><th class="num">${w.returnRate}</th></tr></thead>
      <tbody>${s.returns.byRegion.map((r) => html`<tr><td>${r.region}</td><td class="num">${r.rosterSize}</td><td class="num">${r.returned}</td><td class="num">${rate(r.returned, r.rosterSize)}</td></tr>`)}</tbody></table>
      <h3>${w.notReturned}${w.paren(String(s.returns.notReturned.length))}</h3>
      ${s.returns.notReturned.length ? html`<table id="not-returned"><thead><tr><th>${w.orgId}</th><th>${w.orgName}</th><th>${w.region}</th></tr></thead><tbody>${s.returns.notReturned.map((m) => html`<tr><td>${m.org_id}</td><td>${m.org_name}</td><td>${m.region}</td></tr>`)}</tbody></table>` : html`<p>—</p>`}
      ${s.returns.notOnRoster.length ? html`<p>${w.notOnRoster}${w.colon}${s.returns.notOnRoster.join(w.listSeparator)}</p>` : ''}`
      : html`<p>${w.returnsNone}</p>`
  }
</section>

${starsOfMembers(s, iw)}

<section id="flagged">
  <h2>${w.flaggedTitle}</h2>
  ${
    s.flagged.length
      ? html`<table><thead><tr><th>${w.orgId}</th><th>${w.orgName}</th><th>${w.evaluator}</th><th>${w.file}</th><th class="num">${w.mismatches}</th></tr></thead>
      <tbody>${s.flagged.map((f) => html`<tr><td>${f.org_id}</td><td>${f.org_name ?? '—'}</td><td>${f.evaluator ?? '—'}</td><td>${f.file_name ?? '—'}</td><td class="num">${f.mismatches}</td></tr>`)}</tbody></table>`
      : html`<p>${w.flaggedNone}</p>`
  }
  <p class="sub">${w.rejectedFiles(s.rejected)}</p>
</section>

<footer>
  <p>${w.summaryPrivacy(s.k)}</p>
  <p>${s.template.id} ${s.template.version} · ${w.generated} ${s.generatedAt} · scorebook</p>
</footer>`;
  return page(s.lang, `${w.summaryTitle} · ${s.template.title} · ${s.period}`, body);
}

export function renderIndexHtml(s: SummaryModel, w: ReportWords, summaryFile: string): string {
  const body = html`
<header>
  <h1>${w.indexTitle}</h1>
  <p class="sub">${s.template.title} · ${w.period} ${s.period} · ${w.organizations} ${s.n} · <a href="${summaryFile}">${w.summaryLink}</a></p>
</header>
<table id="reports">
  <thead><tr><th>${w.orgId}</th><th>${w.orgName}</th><th>${w.peerGroup}</th><th class="num">${w.total}</th><th>${w.grade}</th><th></th></tr></thead>
  <tbody>${s.index.map(
    (e) =>
      html`<tr${e.ranked ? '' : html` data-not-ranked`}><td>${e.org_id}</td><td>${e.org_name}${e.flagged ? ' ⚑' : ''}${e.ranked ? '' : html` <span class="suppressed">${w.notRanked}</span>`}</td><td>${groupLabel(e.region, e.org_type)}</td><td class="num">${fmt1(e.total)}</td><td>${e.grade ?? '—'}</td><td><a href="${encodeURIComponent(e.file)}">${w.openReport}</a></td></tr>`,
  )}</tbody>
</table>
<footer><p>${s.template.id} ${s.template.version} · ${w.generated} ${s.generatedAt} · scorebook</p></footer>`;
  return page(s.lang, `${w.indexTitle} · ${s.template.title} · ${s.period}`, body);
}

/**
 * The members' volunteers by star level, summed: counts always (each member's own figures, as
 * its report shows them); the pooled shares, a statistic over members, only over k of them.
 */
function starsOfMembers(s: SummaryModel, iw: IdentityWords) {
  if (!s.stars) return '';
  return starsSection(s.stars.stars, iw, {
    intro: iw.starsMembers(s.stars.members),
    sharesHidden: s.stars.members < s.k ? iw.starsSharesFew(s.k) : null,
  });
}
