/**
 * HTML built by a tagged template that escapes every interpolated value unless it is already
 * Html (made by `html` itself or, for markup we produced such as ECharts' SVG, by `trusted`).
 * Text from the database (organization names, regions, evaluators …) can therefore never
 * become markup: forgetting to escape is not possible, only trusting on purpose is.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text → HTML text, safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** html`<td>${name}</td>`: `name` is escaped; nested html`` fragments and arrays of them are not. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup we generated ourselves (ECharts' SVG, our stylesheet): inserted as is. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/**
 * Text → a CSS string literal ("…"), for the one place text goes into our stylesheet (the page
 * footer's running head). A <style> element's content is raw text that HTML escaping cannot
 * reach, so every character but letters, digits and spaces is written as a CSS hex escape: no
 * quote, backslash or line break ends the string and no "</style" ends the element.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
