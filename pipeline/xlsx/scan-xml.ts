/**
 * A light scanner for the few SpreadsheetML shapes the reader needs (workbook sheets and
 * defined names, shared strings, sheet rows and cells). A full XML parser spent most of the
 * ingest time building events for markup we skip; this reads only elements we name, accepts
 * any namespace prefix, decodes entities and CDATA, and ignores everything else.
 */

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('<')) return s;
  if (s.includes('<![CDATA[')) {
    return s.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXml(part))).join('');
  }
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** Local name attribute lookup: `r:id` and `id` in any prefix. */
export function attr(a: Record<string, string>, local: string): string | undefined {
  if (local in a) return a[local];
  for (const k of Object.keys(a)) if (k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

const P = '(?:[A-Za-z_][\\w.-]*:)?';

export function* elements(xml: string, name: string): Generator<{ attrs: string; body: string | undefined }> {
  const re = new RegExp(`<${P}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${name}>)`, 'g');
  for (const m of xml.matchAll(re)) yield { attrs: m[1]!, body: m[2] };
}

/** The raw inner markup of the first `<name>` element in `body` ('' if empty); undefined when absent. */
export function childBody(body: string, name: string): string | undefined {
  const m = new RegExp(`<${P}${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}${name}>)`).exec(body);
  return m ? (m[1] ?? '') : undefined;
}

/** The decoded text of the first `<name>` element in `body`; undefined when absent. */
export function childText(body: string, name: string): string | undefined {
  const inner = childBody(body, name);
  return inner === undefined ? undefined : decodeXml(inner);
}

/** Concatenated text runs of a shared or inline string, without phonetic (rPh) runs. */
export function stringItemText(body: string): string {
  const withoutPhonetic = body.replace(new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g'), '');
  let out = '';
  for (const t of elements(withoutPhonetic, 't')) out += decodeXml(t.body ?? '');
  return out;
}

export interface ScannedCell {
  row: number;
  col: number;
  t: string;
  v: string | undefined;
  f: string | undefined;
  inline: string | undefined;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

const CELL_OR_ROW = new RegExp(`<${P}row\\b([^>]*?)/?>|<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const V = new RegExp(`<${P}v\\b[^>]*?(?:/>|>([^<]*)</${P}v>)`);
const F = new RegExp(`<${P}f\\b[^>]*?(?:/>|>([^<]*)</${P}f>)`);
const R_ATTR = /\br="([A-Z]+)(\d+)"/;
const T_ATTR = /\bt="([^"]*)"/;

/**
 * Every wanted cell of a worksheet, in document order, positions filled in where `r` is omitted.
 * `xml` may be the part decoded as latin1 (fast, and all markup is ASCII): text is then passed
 * through `text` to be decoded as UTF-8, only for the cells that are wanted.
 */
export function* scanCells(xml: string, wanted: (row: number, col: number) => boolean = () => true, text: (s: string) => string = (s) => s, formulas = true): Generator<ScannedCell> {
  const re = new RegExp(CELL_OR_ROW.source, 'g');
  let row = -1;
  let col = -1;
  for (const m of xml.matchAll(re)) {
    if (m[1] !== undefined) {
      const r = attributes(m[1]).r;
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    // Cells are the hot path: fixed regexes instead of a general attribute parse.
    const attrs = m[2]!;
    const ref = R_ATTR.exec(attrs);
    if (ref) {
      col = columnIndex(ref[1]!);
      row = Number(ref[2]) - 1;
    } else col++;
    if (!wanted(row, col)) continue;
    const t = T_ATTR.exec(attrs)?.[1] ?? 'n';
    const body = m[3];
    let v: string | undefined;
    let f: string | undefined;
    if (body) {
      const vm = V.exec(body);
      if (vm) v = decodeXml(text(vm[1] ?? ''));
      const fm = F.exec(body);
      // Formula text is long and entity-laden; decoding it cost more than the rest of the read.
      if (fm) f = formulas ? decodeXml(text(fm[1] ?? '')) : '';
    }
    yield { row, col, t, v, f, inline: body && t === 'inlineStr' ? stringItemText(text(childBody(body, 'is') ?? '')) : undefined };
  }
}
