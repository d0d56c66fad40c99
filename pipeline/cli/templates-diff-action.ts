/** What `scorebook templates diff OLD NEW` does: the indicators added, removed, renamed, moved and re-ruled. */
import { diffTemplates, text, type Lang, type TemplateDiff } from '../../core/index.ts';
import { templateVersions } from '../templates/registry.ts';
import { UserError } from '../user-error.ts';
import { say } from './cli-print.ts';
import { templateOrExit } from './template-arg.ts';

export function diffCommand(
  oldRef: string,
  newRef: string,
  opts: { json?: boolean; lang: Lang },
): void {
  const from = templateOrExit(oldRef, opts.lang);
  const to = templateOrExit(newRef, opts.lang);
  const versions = templateVersions();
  const d = diffTemplates(from, to, (id, v) => versions.get(`${id}@${v}`));
  const label = (t: { id: string; version: string }) => `${t.id} ${t.version}`;
  if (!d.value)
    throw UserError.of('cli.diff.versions-missing', {
      from: label(from),
      to: label(to),
      missing: d.missing,
    });
  if (from.id !== to.id)
    process.stderr.write(
      `${say(opts.lang, 'cli.diff.other-template', { from: label(from), to: label(to) })}\n`,
    );
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(d.value, null, 2)}\n`);
    return;
  }
  printDiff(d.value, opts.lang);
}

function printDiff(d: TemplateDiff, lang: Lang): void {
  const w = (line: string) => process.stdout.write(`${line}\n`);
  const name = (t: { 'zh-CN': string; en: string }) => text(t, lang);
  w(
    say(lang, 'cli.diff.head', {
      from: `${d.from.id} ${d.from.version}`,
      to: `${d.to.id} ${d.to.version}`,
      by: d.by,
    }),
  );
  const sections: [keyof TemplateDiff, string[]][] = [
    ['added', d.added.map((x) => `  + ${x.id} ${name(x.name)}`)],
    ['removed', d.removed.map((x) => `  - ${x.id} ${name(x.name)}`)],
    ['renamed', d.renamed.map((x) => `  ~ ${x.id} ${name(x.from)} → ${name(x.to)}`)],
    ['moved', d.moved.map((x) => `  > ${x.from} → ${x.to} ${name(x.name)}`)],
    [
      'ruleChanged',
      d.ruleChanged.map(
        (x) =>
          `  * ${x.from === x.to ? x.to : `${x.from} → ${x.to}`} ${x.rule.from} → ${x.rule.to}${x.unit.from !== x.unit.to ? ` [${x.unit.from ?? '-'} → ${x.unit.to ?? '-'}]` : ''}`,
      ),
    ],
  ];
  let any = false;
  for (const [kind, lines] of sections) {
    if (!lines.length) continue;
    any = true;
    w(say(lang, 'cli.diff.section', { kind, count: lines.length }));
    lines.forEach(w);
  }
  if (!any) w(say(lang, 'cli.diff.none'));
  if (d.suggestions.length) {
    w(say(lang, 'cli.diff.section', { kind: 'suggestions', count: d.suggestions.length }));
    for (const s of d.suggestions) w(say(lang, 'cli.diff.suggest', { id: s.id, was: s.was }));
  }
}
