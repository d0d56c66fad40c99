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
    return s
      .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
      .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXml(part)))
      .join('');
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

/** The pattern of `elements`: group 1 the attributes, group 2 the body (undefined when self-closing). */
export function elementPattern(name: string): string {
  return `<${P}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${name}>)`;
}

export function* elements(
  xml: string,
  name: string,
): Generator<{ attrs: string; body: string | undefined }> {
  const re = new RegExp(elementPattern(name), 'g');
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

const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');

/** Concatenated text runs of a shared or inline string, without phonetic (rPh) runs. */
export function stringItemText(body: string): string {
  // Nearly every item is one unprefixed run, <t>…</t> or <t xml:space="preserve">…</t>, with no
  // markup inside: its text is read directly, as the general path below would read it.
  if (body.startsWith('<t') && body.endsWith('</t>')) {
    const c = body.charCodeAt(2);
    const gt = c === 62 ? 2 : c === 32 ? body.indexOf('>', 3) : -1;
    if (gt > 0 && body.charCodeAt(gt - 1) !== 47 && body.indexOf('<', gt) === body.length - 4)
      return decodeXml(body.slice(gt + 1, -4));
  }
  const withoutPhonetic = body.replace(PHONETIC, '');
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
  /** The cell's style (an index into styles.xml's cellXfs): its number format tells a date. */
  s: number | undefined;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

const V = new RegExp(`<${P}v\\b[^>]*?(?:/>|>([^<]*)</${P}v>)`);
const F = new RegExp(`<${P}f\\b[^>]*?(?:/>|>([^<]*)</${P}f>)`);

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Where a start tag whose attributes begin at `i` ends: the index of its '>' (quote-aware), or -1. */
function tagEnd(xml: string, i: number): number {
  let gt = xml.indexOf('>', i);
  for (let j = i; j < gt; j++) {
    const c = xml.charCodeAt(j);
    if (c !== 34 && c !== 39) continue;
    // A quoted value may hold '>': the tag ends after it.
    j = xml.indexOf(c === 34 ? '"' : "'", j + 1);
    if (j < 0) return -1;
    if (j > gt) gt = xml.indexOf('>', j);
  }
  return gt;
}

const T_ATTR = /\st\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const S_ATTR = /\ss\s*=\s*(?:"(\d+)"|'(\d+)')/;

/** Where the tag name starting at `i` ends (at whitespace, '/', '>' or the end). */
function nameEnd(xml: string, i: number): number {
  const n = xml.length;
  for (; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62 || c === 47 || isSpace(c)) break;
  }
  return i;
}

/** The local name (after any prefix) of the tag name in [from, to) is exactly `local`. */
function localIs(xml: string, from: number, to: number, local: string): boolean {
  const start = to - local.length;
  if (start < from || !xml.startsWith(local, start)) return false;
  return start === from || xml.charCodeAt(start - 1) === 58;
}

/**
 * The document's root element is closed: by its end tag at the very end (after it only
 * whitespace and comments), or by being empty (`<root …/>`). A part cut off anywhere ends
 * before its root's end tag, so this catches truncation, which a lenient scan would otherwise
 * read as a shorter sheet. It looks at the prolog and the tail only, never the body.
 */
export function rootCloses(xml: string): boolean {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return false;
    const c = xml.charCodeAt(i + 1);
    if (c === 63) {
      // <?xml …?> and other processing instructions
      const e = xml.indexOf('?>', i + 2);
      if (e < 0) return false;
      i = e + 2;
    } else if (c === 33) {
      // <!-- … --> or <!DOCTYPE …>
      const e = xml.startsWith('<!--', i) ? xml.indexOf('-->', i + 4) : xml.indexOf('>', i + 2);
      if (e < 0) return false;
      i = e + 1;
    } else break;
  }
  const ne = nameEnd(xml, i + 1);
  if (ne === i + 1) return false;
  const name = xml.slice(i + 1, ne);
  let end = xml.length;
  for (;;) {
    while (end > 0 && isSpace(xml.charCodeAt(end - 1))) end--;
    if (end >= 7 && xml.startsWith('-->', end - 3)) {
      const open = xml.lastIndexOf('<!--', end - 3);
      if (open < 0) return false;
      end = open;
      continue;
    }
    break;
  }
  if (xml.charCodeAt(end - 1) !== 62) return false;
  const rootEnd = tagEnd(xml, ne);
  // An empty root, <root …/>, ending the document.
  if (rootEnd === end - 1) return xml.charCodeAt(end - 2) === 47;
  let j = end - 2;
  while (j > 0 && isSpace(xml.charCodeAt(j))) j--;
  const from = j + 1 - name.length;
  return (
    from >= 2 &&
    xml.startsWith(name, from) &&
    xml.charCodeAt(from - 1) === 47 &&
    xml.charCodeAt(from - 2) === 60
  );
}

/**
 * Every wanted cell of a worksheet, in document order, positions filled in where `r` is omitted.
 * `xml` may be the part decoded as latin1 (fast, and all markup is ASCII): text is then passed
 * through `text` to be decoded as UTF-8, only for the cells that are wanted.
 *
 * Cells are the hot path (a scoring sheet has over a thousand, a few hundred wanted), so this is
 * a hand-written pass over the tags that allocates nothing for the cells it skips: it looks only
 * at `row` and `c` elements (any prefix), reads their `r` and `t` attributes, and hands the
 * body of a wanted cell to the element patterns above.
 */
export function* scanCells(
  xml: string,
  wanted: (row: number, col: number) => boolean = () => true,
  text: (s: string) => string = (s) => s,
  formulas = true,
): Generator<ScannedCell> {
  const n = xml.length;
  let row = -1;
  let col = -1;
  let pos = 0;
  // Without a prefixed </…:c> anywhere (no ":c>" at all, a cheap test), a cell's body ends at the next "</c>".
  const plainClose = !xml.includes(':c>');
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    const c0 = xml.charCodeAt(lt + 1);
    if (c0 === 33) {
      // <!-- comment --> and <![CDATA[ … ]]>: skipped whole, so markup inside them is not read.
      const close = xml.startsWith('<!--', lt)
        ? xml.indexOf('-->', lt + 4)
        : xml.startsWith('<![CDATA[', lt)
          ? xml.indexOf(']]>', lt + 9)
          : xml.indexOf('>', lt);
      pos = close < 0 ? n : close + 1;
      continue;
    }
    if (c0 === 47) {
      // The cells end with their container: what follows (data validations, conditional formats,
      // about a fifth of a generated sheet) holds no cell and is not scanned.
      if (localIs(xml, lt + 2, nameEnd(xml, lt + 2), 'sheetData')) break;
      pos = lt + 2;
      continue;
    }
    if (c0 === 63) {
      pos = lt + 2;
      continue;
    }
    let ne: number;
    let isRow: boolean;
    let isCell: boolean;
    // Fast paths for the unprefixed <c …> and <row …> that Excel writes, else any prefix.
    if (
      c0 === 99 &&
      (xml.charCodeAt(lt + 2) === 32 ||
        xml.charCodeAt(lt + 2) === 62 ||
        xml.charCodeAt(lt + 2) === 47)
    ) {
      ne = lt + 2;
      isRow = false;
      isCell = true;
    } else {
      ne = nameEnd(xml, lt + 1);
      isRow = localIs(xml, lt + 1, ne, 'row');
      isCell = !isRow && localIs(xml, lt + 1, ne, 'c');
      if (!isRow && !isCell) {
        pos = ne;
        continue;
      }
    }
    let rFrom = -1;
    let rTo = -1;
    let tFrom = -1;
    let tTo = -1;
    let sFrom = -1;
    let sTo = -1;
    let selfClosing = false;
    let end = -1;
    // Excel writes r="…" first; when it is, the rest of the start tag is only searched for its end
    // (and t="…" for the few cells we want), else the attributes are parsed one by one.
    if (xml.startsWith(' r="', ne)) {
      rFrom = ne + 4;
      rTo = xml.indexOf('"', rFrom);
      end = rTo < 0 ? -1 : tagEnd(xml, rTo + 1);
      if (end >= 0 && xml.charCodeAt(end - 1) === 47) selfClosing = true;
      if (end >= 0) tFrom = -2;
    } else {
      let i = ne;
      while (i < n) {
        const c = xml.charCodeAt(i);
        if (isSpace(c)) {
          i++;
          continue;
        }
        if (c === 62) {
          end = i;
          break;
        }
        if (c === 47) {
          if (xml.charCodeAt(i + 1) === 62) {
            selfClosing = true;
            end = i + 1;
            break;
          }
          i++;
          continue;
        }
        const aFrom = i;
        while (i < n) {
          const d = xml.charCodeAt(i);
          if (d === 61 || d === 62 || d === 47 || isSpace(d)) break;
          i++;
        }
        const aTo = i;
        while (i < n && isSpace(xml.charCodeAt(i))) i++;
        if (xml.charCodeAt(i) !== 61) continue;
        i++;
        while (i < n && isSpace(xml.charCodeAt(i))) i++;
        const q = xml.charCodeAt(i);
        if (q !== 34 && q !== 39) continue;
        const vTo = xml.indexOf(q === 34 ? '"' : "'", i + 1);
        if (vTo < 0) {
          i = n;
          break;
        }
        if (aTo - aFrom === 1) {
          const a = xml.charCodeAt(aFrom);
          if (a === 114) {
            rFrom = i + 1;
            rTo = vTo;
          } else if (a === 116) {
            tFrom = i + 1;
            tTo = vTo;
          } else if (a === 115) {
            sFrom = i + 1;
            sTo = vTo;
          }
        }
        i = vTo + 1;
      }
    }
    if (end < 0) break;
    pos = end + 1;
    if (isRow) {
      row = rFrom >= 0 && rTo > rFrom ? Number(xml.slice(rFrom, rTo)) - 1 : row + 1;
      col = -1;
      continue;
    }
    // The cell's reference: letters then digits, nothing else; otherwise the next column.
    let letters = 0;
    let j = rFrom;
    let ci = 0;
    if (rFrom >= 0) {
      for (; j < rTo; j++) {
        const d = xml.charCodeAt(j);
        if (d < 65 || d > 90) break;
        ci = ci * 26 + (d - 64);
        letters++;
      }
    }
    let digits = 0;
    let ri = 0;
    if (letters) {
      for (; j < rTo; j++) {
        const d = xml.charCodeAt(j);
        if (d < 48 || d > 57) break;
        ri = ri * 10 + (d - 48);
        digits++;
      }
    }
    if (letters && digits && j === rTo) {
      col = ci - 1;
      row = ri - 1;
    } else col++;
    let bodyFrom = -1;
    let bodyTo = -1;
    if (!selfClosing) {
      // The body runs to the first </c> (any prefix).
      bodyFrom = pos;
      let k = pos;
      for (;;) {
        if (plainClose) {
          const close = xml.indexOf('</c>', k);
          if (close < 0) bodyFrom = -1;
          else {
            bodyTo = close;
            pos = close + 4;
          }
          break;
        }
        const close = xml.indexOf('</', k);
        if (close < 0) {
          bodyFrom = -1;
          break;
        }
        if (xml.charCodeAt(close + 2) === 99 && xml.charCodeAt(close + 3) === 62) {
          bodyTo = close;
          pos = close + 4;
          break;
        }
        const ce = nameEnd(xml, close + 2);
        if (xml.charCodeAt(ce) === 62 && localIs(xml, close + 2, ce, 'c')) {
          bodyTo = close;
          pos = ce + 1;
          break;
        }
        k = close + 2;
      }
      // No closing tag at all: the cell is not well formed; it is read without a body.
      if (bodyFrom < 0) pos = end + 1;
    }
    if (!wanted(row, col)) continue;
    if (tFrom === -2) {
      // Fast path above: find t="…" now, within the start tag.
      const m = T_ATTR.exec(xml.slice(rTo + 1, end));
      tFrom = -1;
      if (m) {
        const value = m[1] ?? m[2]!;
        tFrom = rTo + 1 + m.index + m[0].length - 1 - value.length;
        tTo = tFrom + value.length;
      }
    }
    const t = tFrom >= 0 ? xml.slice(tFrom, tTo) : 'n';
    // The style, for a number only (a date is a number in a date format): found in the start tag.
    let style: number | undefined;
    if (t === 'n') {
      if (sFrom >= 0) style = Number(xml.slice(sFrom, sTo));
      else if (rFrom >= 0 && end > rTo) {
        const m = S_ATTR.exec(xml.slice(rTo + 1, end));
        if (m) style = Number(m[1] ?? m[2]);
      }
    }
    let v: string | undefined;
    let f: string | undefined;
    let inline: string | undefined;
    if (bodyTo > bodyFrom) {
      const body = xml.slice(bodyFrom, bodyTo);
      // Most wanted cells hold just <v>…</v>: read directly, as the patterns below would read it.
      if (
        body.startsWith('<v>') &&
        body.indexOf('<', 3) === body.length - 4 &&
        body.endsWith('</v>')
      )
        v = decodeXml(text(body.slice(3, -4)));
      else {
        const vm = V.exec(body);
        if (vm) v = decodeXml(text(vm[1] ?? ''));
        const fm = F.exec(body);
        // Formula text is long and entity-laden; decoding it cost more than the rest of the read.
        if (fm) f = formulas ? decodeXml(text(fm[1] ?? '')) : '';
        if (t === 'inlineStr') inline = stringItemText(text(childBody(body, 'is') ?? ''));
      }
    }
    yield { row, col, t, v, f, inline, s: style };
  }
}
