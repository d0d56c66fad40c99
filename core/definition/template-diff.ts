/**
 * What changed between two versions of a template, indicator by indicator, following the
 * succession the newer one declares (template-versions.ts): added, removed, renamed (the same
 * code in new words), moved (continued under another code, by `was`), and rules changed. Where
 * the newer version declares no `was`, codes whose words now match another indicator are
 * suggested as `was`. And which indicators two versions share comparably, for trends.
 */
import type { Indicator, Template } from '../template/schema.ts';
import type { LocalizedText } from '../text.ts';
import { indicatorsOf, succession, type Succession } from './template-versions.ts';

export interface DiffIndicator {
  id: string;
  name: LocalizedText;
}

export interface TemplateDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** how old codes were followed: declared `was` (and `previous`), or bare codes */
  by: 'was' | 'ids';
  added: DiffIndicator[];
  removed: DiffIndicator[];
  /** the same code, continued, in new words */
  renamed: { id: string; from: LocalizedText; to: LocalizedText }[];
  /** continued under another code */
  moved: { from: string; to: string; name: LocalizedText; renamed: boolean }[];
  /** continued, with another rule or unit */
  ruleChanged: {
    from: string;
    to: string;
    rule: { from: string; to: string };
    unit: { from: string | null; to: string | null };
  }[];
  /** `was` the newer version might declare: an indicator whose words match an old one's elsewhere */
  suggestions: { id: string; was: string; name: LocalizedText }[];
}

/** Words compared as a person reads them: width, spaces and punctuation folded. */
function wordsKey(t: LocalizedText): string {
  return t['zh-CN']
    .normalize('NFKC')
    .replace(/[\s\p{P}]+/gu, '')
    .toLowerCase();
}

const sameWords = (a: LocalizedText, b: LocalizedText) =>
  a['zh-CN'].trim() === b['zh-CN'].trim() && a.en.trim() === b.en.trim();

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as object).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

const sameRule = (a: Indicator, b: Indicator) =>
  canonical(a.rule) === canonical(b.rule) && (a.unit ?? null) === (b.unit ?? null);

export function diffTemplates(
  from: Template,
  to: Template,
  lookup: (id: string, version: string) => Template | undefined = () => undefined,
): { value?: TemplateDiff; missing?: string } {
  const s: Succession = succession(from, to, lookup);
  if (!s.ok) return { missing: s.missing };
  const olds = new Map(indicatorsOf(from).map((x) => [x.ind.id, x.ind]));
  const news = new Map(indicatorsOf(to).map((x) => [x.ind.id, x.ind]));
  const continued = new Set(s.map.values());
  const diff: TemplateDiff = {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    by: s.by,
    added: [],
    removed: [],
    renamed: [],
    moved: [],
    ruleChanged: [],
    suggestions: [],
  };
  for (const [oldId, o] of olds) {
    const newId = s.map.get(oldId);
    if (newId === undefined) {
      diff.removed.push({ id: oldId, name: o.name });
      continue;
    }
    const n = news.get(newId)!;
    const words = !sameWords(o.name, n.name);
    if (newId !== oldId) diff.moved.push({ from: oldId, to: newId, name: n.name, renamed: words });
    else if (words) diff.renamed.push({ id: newId, from: o.name, to: n.name });
    if (!sameRule(o, n))
      diff.ruleChanged.push({
        from: oldId,
        to: newId,
        rule: { from: o.rule.kind, to: n.rule.kind },
        unit: { from: o.unit ?? null, to: n.unit ?? null },
      });
  }
  for (const [id, n] of news) if (!continued.has(id)) diff.added.push({ id, name: n.name });

  // An old indicator whose words a new one has under another code, where nothing was declared.
  const oldByWords = new Map([...olds].map(([id, o]) => [wordsKey(o.name), id]));
  const declared = new Set(
    indicatorsOf(to)
      .filter((x) => x.ind.was !== undefined)
      .map((x) => x.ind.id),
  );
  const continuedFrom = new Map([...s.map].map(([o, n]) => [n, o]));
  for (const [id, n] of news) {
    if (declared.has(id)) continue;
    const match = oldByWords.get(wordsKey(n.name));
    if (match !== undefined && match !== continuedFrom.get(id))
      diff.suggestions.push({ id, was: match, name: n.name });
  }
  return { value: diff };
}

/**
 * The indicators two versions share comparably — continued, with the same rule and unit — as
 * pairs of codes: what a trend across a revision may compare (and say it compares only these).
 */
export function sharedIndicators(
  from: Template,
  to: Template,
  lookup: (id: string, version: string) => Template | undefined = () => undefined,
): { from: string; to: string }[] | undefined {
  const s = succession(from, to, lookup);
  if (!s.ok) return undefined;
  const olds = new Map(indicatorsOf(from).map((x) => [x.ind.id, x.ind]));
  const news = new Map(indicatorsOf(to).map((x) => [x.ind.id, x.ind]));
  return [...s.map]
    .filter(([o, n]) => sameRule(olds.get(o)!, news.get(n)!))
    .map(([o, n]) => ({ from: o, to: n }));
}
