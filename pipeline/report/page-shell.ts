/**
 * The frame every page shares: one self-contained HTML document (inline CSS, inline SVG, no
 * script, no external resource) whose Content-Security-Policy forbids loading anything, so a
 * report opens offline and cannot call out even if a browser were asked to.
 */
import type { Lang } from '../../core/index.ts';
import { html, trusted, type Html } from './html.ts';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const CSS = `
:root { --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --accent: #1d4ed8; --warn: #b45309; --bg-soft: #f9fafb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.6 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.3; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 18px 0 8px; }
p { margin: 6px 0; }
.sub { color: var(--muted); margin: 0 0 16px; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0; padding: 0; list-style: none; color: var(--muted); }
.meta b { color: var(--ink); font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 20px 0 8px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--bg-soft); }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 26px; font-weight: 700; line-height: 1.25; }
.card .value small { font-size: 14px; color: var(--muted); font-weight: 400; }
.card .note { font-size: 12px; color: var(--muted); }
.suppressed { color: var(--muted); font-style: italic; }
.value .suppressed { font-size: 14px; font-weight: 400; }
figure { margin: 8px 0 16px; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.group td { background: #eef2ff; font-weight: 600; }
tr.dimension td { background: #e0e7ff; font-weight: 700; }
td.id { white-space: nowrap; color: var(--muted); }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
@media (max-width: 720px) { .two { grid-template-columns: 1fr; } }
ol.items { padding-left: 20px; margin: 0; }
ol.items li { margin: 0 0 10px; }
.improve { display: block; margin-top: 2px; padding: 6px 10px; border-left: 3px solid var(--warn); background: #fffbeb; }
.improve .tag { color: var(--warn); font-weight: 600; margin-right: 4px; }
.score-pill { display: inline-block; min-width: 3.2em; padding: 0 6px; border-radius: 10px; background: #e5e7eb; text-align: center; font-size: 12px; margin-left: 6px; }
.flag { border: 1px solid #fcd34d; background: #fffbeb; padding: 8px 12px; border-radius: 6px; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
a { color: var(--accent); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, tr, .card, ol.items li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

export function page(lang: Lang, title: string, body: Html): string {
  return `<!DOCTYPE html>\n${
    html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="scorebook">
<title>${title}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.value
  }`;
}

/** A chart as a figure: the SVG ECharts rendered, a caption, and a name the tests can find. */
export function figure(name: string, svg: string, caption: string, label: string): Html {
  return html`<figure data-chart="${name}" role="img" aria-label="${label}">${trusted(inlineSvg(svg))}<figcaption>${caption}</figcaption></figure>`;
}

/**
 * ECharts writes an SVG for a file of its own, declaring the svg and xlink namespaces. Inline in
 * HTML5 the parser gives <svg> its namespace (and xlink:href its own), so both declarations
 * go: they were the only URLs in a page that must open offline, and a check for any URL in it
 * should find none.
 */
export function inlineSvg(svg: string): string {
  return svg.replace(/^<svg\b[^>]*>/, (tag) => tag.replace(/\s+xmlns(?::xlink)?="[^"]*"/g, ''));
}

export const fmt1 = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : (Math.round(x * 10) / 10).toFixed(1);
export const fmt0 = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : String(Math.round(x));
export const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${fmt1(Math.abs(x))}`;

/** A peer group as people read it: "深圳 · 社会团体". */
export function groupLabel(region: string | null, orgType: string | null): string {
  return `${region ?? '—'} · ${orgType ?? '—'}`;
}
