/**
 * One organization's report model (and its charts, already rendered to SVG) → a complete HTML
 * page. Every text goes through the escaping `html` template; the charts are our SVG.
 */
import { formatValue } from '../../core/index.ts';
import { html, type Html } from './html.ts';
import { figure, fmt0, fmt1, page, signed } from './page-shell.ts';
import type {
  DimensionScore,
  GroupScore,
  IndicatorScore,
  ReportModel,
  StarShare,
} from './report-model.ts';
import type { ReportWords } from './report-words.ts';
import { identityWords, type IdentityWords } from './identity-words.ts';

export interface ReportCharts {
  radar: string;
  /** null when there is only one period */
  trend: string | null;
}

/** The one group every statistic of the page is over, and why that one, in a sentence. */
export function comparedWith(m: ReportModel, w: ReportWords): string {
  const context = w.context(m.period, m.selection);
  const p = m.peer;
  if (p.by === null) {
    // Every grouping tried was under k: with all among them, say how few are ranked at all.
    const finer = p.skipped.filter((g) => g.length);
    return finer.length === p.skipped.length
      ? `${w.comparedWithNone(context)}${w.colon}${w.fewerShare(m.k, finer)}${w.fullStop}`
      : `${w.comparedWithNobody(m.k, p.n, context)}${w.fullStop}`;
  }
  const values = Object.values(p.by);
  const head = values.length
    ? w.comparedWithGroup(p.n, w.groupName(values), context)
    : w.comparedWithAll(p.n, context);
  return p.skipped.length
    ? `${head}${w.colon}${w.fewerShare(m.k, p.skipped)}${w.fullStop}`
    : `${head}${w.fullStop}`;
}

export function renderReportHtml(m: ReportModel, w: ReportWords, charts: ReportCharts): string {
  const few = html`<span class="suppressed">${w.fewerThan(m.k)}</span>`;
  const peerShown = m.peer.by !== null;
  // A partial return is shown its peers' figures, never a rank among them.
  const ranksShown = peerShown && m.ranked;
  const notRanked = html`<span class="suppressed">${w.notRanked}</span>`;
  const iw = identityWords(m.lang);
  const body = html`
<header>
  <h1>${m.org.name}</h1>
  <p class="sub">${w.reportTitle} · ${m.template.title} · ${w.period} ${m.period}</p>
  <ul class="meta">
    <li>${w.orgId} <b>${m.org.id}</b></li>
    <li>${w.region} <b>${m.org.region ?? '—'}</b></li>
    <li>${w.orgType} <b>${m.org.org_type ?? '—'}</b></li>
    ${m.org.size ? html`<li>${w.size} <b>${m.org.size}</b></li>` : ''}
    ${m.identity.creditCode ? html`<li data-credit-code>${iw.creditCode} <b>${m.identity.creditCode}</b></li>` : ''}
    ${m.identity.modes.length ? html`<li data-mode="${m.identity.modes.join(',')}">${iw.mode} <b>${m.identity.modes.map(iw.modeName).join(w.listSeparator)}</b></li>` : ''}
  </ul>
</header>
${
  m.partial
    ? html`<div class="flag" id="partial" data-partial="${m.partial.unanswered}"><p><b>${w.partialBanner(m.partial.unanswered, m.partial.applicable, m.ranked)}</b> ${w.partialNote(m.ranked)}</p>
  ${m.partial.ids.length ? html`<p>${w.unansweredList}${w.colon}${m.partial.ids.join(w.listSeparator)}</p>` : ''}</div>`
    : ''
}
${m.weightsChanged ? html`<p class="flag" id="weights-changed">${w.weightsChanged(fmt1(m.total), fmt1(m.weightsChanged.ownTotal))}</p>` : ''}
${m.flagged ? html`<p class="flag">${w.flagged}</p>` : ''}
<section id="headline" class="cards">
  <div class="card"><div class="label">${w.total}</div><div class="value" data-total>${fmt1(m.total)}<small> / 100</small></div>${m.raters ? html`<div class="note">${w.methodName(m.raters.consolidate)} · ${w.raters(m.raters.raters)}</div>` : ''}${m.weightsChanged ? html`<div class="note" data-own-total>${w.ownWeights(fmt1(m.weightsChanged.ownTotal))}</div>` : ''}</div>
  <div class="card"><div class="label">${w.grade}</div><div class="value">${m.grade ?? '—'}</div>${m.hasGrades ? '' : html`<div class="note">${w.noGrade}</div>`}</div>
  <div class="card"><div class="label">${w.percentileInGroup}</div><div class="value" data-percentile-group>${!m.ranked ? notRanked : m.peer.percentileInGroup === null ? few : fmt0(m.peer.percentileInGroup)}</div>
    <div class="note">${w.peerGroup}${w.colon}${peerShown ? (Object.keys(m.peer.by!).length ? w.groupName(Object.values(m.peer.by!)) : w.allMembers) : few}${peerShown ? html`${w.paren(`n = ${m.peer.n}`)}` : ''}</div></div>
  <div class="card"><div class="label">${w.peerMedian}</div><div class="value" data-peer-median>${m.peer.total ? fmt1(m.peer.total.median) : few}</div>
    ${m.peer.total ? html`<div class="note">${w.peerQuartiles}${w.colon}${fmt1(m.peer.total.q1)} – ${fmt1(m.peer.total.q3)}</div>` : ''}</div>
</section>
<p id="compared-with" data-level="${peerShown ? Object.keys(m.peer.by!).join(',') || 'all' : ''}">${comparedWith(m, w)}</p>
<p class="sub">${w.percentileHint}</p>

<section id="dimensions">
  <h2>${w.dimensionsTitle}</h2>
  ${figure('radar', charts.radar, w.radarCaption, w.dimensionsTitle)}
  ${notCharted(m, w)}
  ${peerShown ? '' : html`<p>${w.peerGroup}${w.colon}${few}${w.fullStop}</p>`}
  <table class="keep">
    <thead><tr><th>${w.dimension}</th><th class="num">${w.scoreScale}</th><th class="num">${w.peerMedian}</th><th class="num">${w.peerQuartiles}</th></tr></thead>
    <tbody>${m.dimensions.map((d) =>
      d.state === 'scored'
        ? html`<tr><td>${d.id} ${d.name}</td><td class="num">${fmt1(d.score)}</td><td class="num">${d.peer ? fmt1(d.peer.median) : few}</td><td class="num">${d.peer ? `${fmt1(d.peer.q1)} – ${fmt1(d.peer.q3)}` : few}</td></tr>`
        : html`<tr data-dimension-state="${d.state}"><td>${d.id} ${d.name}</td><td class="num">${dimensionValue(d, w)}</td><td class="num">—</td><td class="num">—</td></tr>`,
    )}</tbody>
  </table>
</section>

<section id="strengths-weaknesses" class="two">
  <div id="strengths">
    <h2>${w.strengthsTitle}</h2>
    ${m.strengths.length ? html`<ol class="items">${m.strengths.map((s) => html`<li><span class="id">${s.id}</span> ${s.name}<span class="score-pill">${fmt1(s.score)}</span></li>`)}</ol>` : html`<p>${w.strengthsNone}</p>`}
  </div>
  <div id="weakest">
    <h2>${w.weakestTitle}</h2>
    <p class="sub">${w.improvementIntro(m.template.clause)}</p>
    ${
      m.weakest.length
        ? html`<ol class="items">${m.weakest.map(
            (
              s,
            ) => html`<li data-indicator="${s.id}"><span class="id">${s.id}</span> ${s.name}<span class="score-pill">${fmt1(s.score)}</span>
            <span class="improve"><span class="tag">${w.improvement}${w.colon.trimEnd()}</span>${s.improvement}${s.fromDescription ? '' : html` <span class="suppressed">${w.fromName}</span>`}</span></li>`,
          )}</ol>`
        : html`<p>${w.weakestNone}</p>`
    }
  </div>
</section>

<section id="indicators">
  <h2>${w.indicatorsTitle}</h2>
  ${peerShown ? '' : html`<p>${w.percentile}${w.colon}${few}${w.fullStop}</p>`}
  <table>
    <thead><tr><th></th><th>${w.indicator}</th><th class="num">${w.scoreScale}</th>${ranksShown ? html`<th class="num">${w.percentile}</th>` : ''}</tr></thead>
    <tbody>${m.dimensions.map((d) => [
      html`<tr class="dimension"><td class="id">${d.id}</td><td>${d.name}</td><td class="num">${dimensionValue(d, w)}</td>${ranksShown ? html`<td></td>` : ''}</tr>`,
      m.groups.filter((g) => g.dimensionId === d.id).map((g) => groupRows(g, w, ranksShown, few)),
    ])}</tbody>
  </table>
</section>

<section id="trend">
  <h2>${w.trendTitle}</h2>
  ${charts.trend ? figure('trend', charts.trend, w.trendTitle, w.trendTitle) : html`<p>${w.trendOnePeriod}</p>`}
  ${m.trend.length > 1 ? trendTable(m, w) : ''}
</section>

${m.raters ? ratersSection(m, w) : ''}

${m.identity.stars ? starsSection(m.identity.stars, iw, null) : ''}

<footer>
  <p>${w.privacyNote(m.k)}</p>
  <p>${m.template.standard} · ${m.template.id} ${m.template.version} · ${w.generated} ${m.generatedAt} · scorebook</p>
</footer>`;
  return page(
    m.lang,
    `${w.reportTitle} · ${m.org.name} · ${m.period}`,
    body,
    `${m.org.name} · ${w.reportTitle} · ${m.period}`,
  );
}

/** A first-level score, or why there is none: recorded only (not scored), or nothing applicable. */
function dimensionValue(d: DimensionScore, w: ReportWords): Html | string {
  if (d.state === 'recorded') return html`<span class="recorded">${w.notScored}</span>`;
  if (d.state === 'na') return w.notApplicable;
  return fmt1(d.score);
}

/** The first-level indicators the radar leaves out, and why (never for want of peers: that is said elsewhere). */
function notCharted(m: ReportModel, w: ReportWords): Html | string {
  const list = (state: DimensionScore['state']) =>
    m.dimensions
      .filter((d) => d.state === state)
      .map((d) => `${d.id} ${d.name}`)
      .join(w.listSeparator);
  const recorded = list('recorded');
  const na = list('na');
  if (!recorded && !na) return '';
  return html`<p class="sub" data-not-charted>${recorded ? w.notChartedRecorded(recorded) : ''}${recorded && na ? ' ' : ''}${na ? w.notChartedNa(na) : ''}</p>`;
}

function groupRows(g: GroupScore, w: ReportWords, peerShown: boolean, few: Html): Html {
  const pctCell = (s: {
    percentile: number | null;
    peerSuppressed: boolean;
    score: number | null;
  }) =>
    peerShown
      ? html`<td class="num">${s.peerSuppressed ? few : s.percentile === null ? '—' : fmt0(s.percentile)}</td>`
      : '';
  return html`<tr class="group"><td class="id">${g.id}</td><td>${g.name}</td><td class="num">${fmt1(g.score)}</td>${pctCell(g)}</tr>
    ${g.indicators.map((i) => html`<tr data-indicator="${i.id}"><td class="id">${i.id}</td><td>${i.name}</td><td class="num">${indicatorValue(i, w)}</td>${pctCell(i)}</tr>`)}`;
}

function indicatorValue(i: IndicatorScore, w: ReportWords): Html | string {
  if (i.state === 'na') return w.notApplicable;
  if (i.state === 'unanswered')
    return html`<span class="suppressed" data-unanswered>${w.unanswered}</span>`;
  if (i.state === 'recorded')
    return html`<span title="${w.notScored}">${w.recorded} ${i.value === null ? '—' : formatValue(i.value, i.unit ?? undefined, 2)}</span>`;
  return fmt1(i.score);
}

function trendTable(m: ReportModel, w: ReportWords): Html {
  const last = m.trend[m.trend.length - 1]!;
  const prev = m.trend[m.trend.length - 2]!;
  return html`<table class="keep">
    <thead><tr><th>${w.period}</th><th class="num">${w.total}</th><th class="num">${w.peerMedian}</th>${m.dimensions.filter((d) => d.state !== 'recorded').map((d) => html`<th class="num">${d.id} ${d.name}</th>`)}</tr></thead>
    <tbody>${m.trend.map(
      (t) =>
        html`<tr><td>${t.period}</td><td class="num">${fmt1(t.total)}</td><td class="num">${t.peerMedian === null ? html`<span class="suppressed">${w.fewerThan(m.k)}</span>` : fmt1(t.peerMedian)}</td>${t.dimensions.map((d) => html`<td class="num">${fmt1(d.score)}</td>`)}</tr>`,
    )}
    <tr class="group"><td>${w.trendChange(prev.period, last.period)}</td><td class="num">${signed(last.total - prev.total)}</td><td></td>${last.dimensions.map(
      (d, i) => {
        const before = prev.dimensions[i]?.score ?? null;
        return html`<td class="num">${d.score === null || before === null ? '—' : signed(d.score - before)}</td>`;
      },
    )}</tr></tbody>
  </table>`;
}

function ratersSection(m: ReportModel, w: ReportWords): Html {
  const r = m.raters!;
  // Ties at the largest spread are never broken by picking some: past the few named, say how many share it.
  const tied =
    r.atLargestSpread > r.leastAgreement.length && r.largestSpread !== null
      ? html`<p data-tied="${r.atLargestSpread}">${w.leastAgreementTied(r.atLargestSpread, fmt1(r.largestSpread), r.largestSpread > 100 - 1e-7, r.leastAgreement.length)}</p>`
      : '';
  return html`<section id="raters">
  <h2>${w.ratersTitle}</h2>
  <p>${w.raters(r.raters)} · ${w.totalRange} ${fmt1(r.totalRange)}</p>
  <p data-consolidate="${r.consolidate}">${w.consolidated(r.consolidate, r.raters)}</p>
  ${
    r.leastAgreement.length
      ? html`<div class="keep"><h3>${w.leastAgreement}</h3>${tied}<table><thead><tr><th></th><th>${w.indicator}</th><th class="num">${w.spread}</th><th class="num">${w.score}${w.paren(w.methodName(r.consolidate))}</th></tr></thead>
      <tbody>${r.leastAgreement.map((x) => html`<tr data-indicator="${x.id}"><td class="id">${x.id}</td><td>${x.name}</td><td class="num">${fmt1(x.spread)}</td><td class="num">${fmt1(x.score)}</td></tr>`)}</tbody></table></div>`
      : html`<p>${w.allAgree}</p>`
  }
</section>`;
}

/**
 * Volunteers by star level: counts, and shares where they may be shown (an organization's own
 * always; the summary's, pooled over members, only over k of them: `note` says why not).
 */
export function starsSection(
  stars: readonly StarShare[],
  iw: IdentityWords,
  note: { intro: string; sharesHidden: string | null } | null,
): Html {
  const shares = !note?.sharesHidden;
  const total = stars.reduce((n, s) => n + s.volunteers, 0);
  return html`<section id="stars">
  <h2>${iw.starsTitle}</h2>
  ${note ? html`<p>${note.intro}</p>` : ''}
  ${note?.sharesHidden ? html`<p class="suppressed">${note.sharesHidden}</p>` : ''}
  <table class="keep">
    <thead><tr><th></th><th class="num">${iw.volunteers}</th>${shares ? html`<th class="num">${iw.share}</th>` : ''}</tr></thead>
    <tbody>${stars.map(
      (s) =>
        html`<tr data-star-level="${s.level}" data-volunteers="${s.volunteers}"><td>${iw.starLevel(s.level)} <span class="sub">${iw.starHours(s.level)}</span></td><td class="num">${s.volunteers}</td>${shares ? html`<td class="num" data-share>${s.share === null ? '—' : `${fmt1(s.share)}%`}</td>` : ''}</tr>`,
    )}
    <tr class="group"><td>${iw.starsTotal}</td><td class="num">${total}</td>${shares ? html`<td></td>` : ''}</tr></tbody>
  </table>
  <p class="sub">${iw.starsNote}</p>
</section>`;
}
