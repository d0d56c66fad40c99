/**
 * The frame every page shares: one self-contained HTML document (inline CSS, inline SVG, no
 * script, no external resource) whose Content-Security-Policy forbids loading anything, so a
 * report opens offline and cannot call out even if a browser were asked to.
 */
import { displayWidth, formatNumber, MINUS, type Lang } from '../../core/index.ts';
import { cssString, html, trusted, type Html } from './html.ts';
import { reportWords } from './report-words.ts';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const CSS = `
:root { --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --accent: #1d4ed8; --warn: #b45309; --bg-soft: #f9fafb; }
* { box-sizing: border-box; }
/* The type is set on the root, which the printed page's margin boxes (its foot) inherit from. */
html { -webkit-text-size-adjust: 100%; font: 14px/1.6 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif; }
body { margin: 0; color: var(--ink); background: #fff; }
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
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
/* A figure never wraps; its column's header does, or long first-level names in a header row push a table off the page. */
td.num { white-space: nowrap; }
th.num { min-width: 4.5em; }
td.num .suppressed { white-space: normal; }
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
@page {
  size: A4;
  margin: 14mm 12mm 16mm;
  @bottom-left { width: 75%; font-size: 8pt; color: #6b7280; vertical-align: top; padding-top: 3mm; white-space: nowrap; }
  @bottom-right { width: 25%; font-size: 8pt; color: #6b7280; vertical-align: top; padding-top: 3mm; white-space: nowrap; text-align: right; }
}
@media print {
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  figure, tr, .card, ol.items li, .improve, .keep { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * Paper's running foot, in the page's language: the running title (the organization's name on
 * its report) at the left of every page, "page N of M" at the right. CSS paged media, so the
 * same foot prints from `report --pdf` and from a browser's print.
 */
function pageFoot(lang: Lang, runningTitle: string): string {
  const [PAGE, PAGES] = ['\u0000', '\u0001'];
  const pageOf = reportWords(lang)
    .pageOf(PAGE, PAGES)
    .split(/([\u0000\u0001])/)
    .filter((part) => part !== '')
    .map((part) =>
      part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
  return `@page { @bottom-left { content: ${cssString(clip(runningTitle, FOOT_WIDTH))}; } @bottom-right { content: ${pageOf}; } }`;
}

/**
 * How much of the running title the foot's left box holds on one line, in display columns
 * (a CJK character takes two). A margin box neither clips nor ellipsizes what overflows it: a
 * longer title would run under the page number.
 */
const FOOT_WIDTH = 80;

function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 1; // the ellipsis
  for (const ch of text) {
    used += displayWidth(ch);
    if (used > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** A page titled `title`; on paper every page's foot carries `runningTitle` (default: the title) and its number. */
export function page(lang: Lang, title: string, body: Html, runningTitle: string = title): string {
  return `<!DOCTYPE html>\n${
    html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="scorebook">
<title>${title}</title>
<style>${trusted(CSS)}${trusted(pageFoot(lang, runningTitle))}</style>
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

/** A score or statistic as every table and chart label prints it: "80.0", "—" when missing. */
export const fmt1 = (x: number | null | undefined): string => formatNumber(x, 1, { minus: MINUS });
/** A percentile: "59". */
export const fmt0 = (x: number | null | undefined): string => formatNumber(x, 0, { minus: MINUS });
/** A change between periods: "+2.3", "−1.5", and "0.0" for one that rounds to nothing. */
export const signed = (x: number): string => formatNumber(x, 1, { signed: true, minus: MINUS });

/** A peer group as people read it: "深圳 · 社会团体". */
export function groupLabel(region: string | null, orgType: string | null): string {
  return `${region ?? '—'} · ${orgType ?? '—'}`;
}
