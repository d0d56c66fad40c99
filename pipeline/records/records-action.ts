/**
 * `scorebook records FILE --period P [--org ID] [--json]`: the indicators a volunteer service
 * records export supports, each with how it was counted, the star levels of clause 6.6.2, and
 * every row left out with its row number and reason.
 *
 * Exit codes: 0 every row was kept; 3 some rows were rejected (the rest are counted and
 * printed); 1 the file or the request could not be used.
 */
import {
  displayWidth,
  formatIssue,
  issue,
  message,
  rejectReason,
  text,
  VOLUNTEER_STAR_LEVELS,
  recordsIndicators,
  type DerivedFigure,
  type Indicator,
  type RecordsMeasure,
  type Issue,
  type Lang,
} from '../../core/index.ts';
import { CliExit } from '../cli/cli-context.ts';
import { printIssues } from '../cli/cli-print.ts';
import { terminalLines, terminalText } from '../terminal/escape.ts';
import { shippedTemplates } from '../templates/registry.ts';
import { templateOrExit } from '../cli/template-arg.ts';
import '../messages/index.ts';
import { loadRecords, type LoadedRecords } from './load-records.ts';

export interface RecordsCommandOptions {
  period: string;
  org?: string;
  /** the template whose indicators the figures are shown as (an id or a file) */
  template?: string;
  json?: boolean;
  /** The day "in the future" is measured against (default: today, local time). */
  today?: string;
  lang: Lang;
}

/** How many rejected rows the text output lists before it says how many more there are. */
const LISTED_REJECTIONS = 20;

const say = (code: string, lang: Lang, params: Issue['params'] = {}) =>
  message(issue(code, [], params), lang);

export function runRecords(file: string, opts: RecordsCommandOptions): void {
  const takes = opts.template ? takersOf(opts.template, opts.lang) : recordsTakers();
  const loaded = loadRecords(file, {
    period: opts.period,
    ...(opts.org !== undefined ? { org: opts.org } : {}),
    ...(opts.today !== undefined ? { today: opts.today } : {}),
  });
  if (!loaded.value) {
    printIssues(loaded.errors, opts.lang);
    throw new CliExit(1);
  }
  const out = opts.json
    ? `${JSON.stringify(recordsJson(loaded.value, opts.lang, takes), null, 2)}\n`
    : terminalLines(recordsText(loaded.value, opts.lang, takes));
  process.stdout.write(out);
  if (loaded.value.rejected.length) throw new CliExit(3);
}

type Takers = Map<RecordsMeasure, Indicator>;

/** The shipped templates whose indicators take figures from records, by id, with what each takes. */
function takingTemplates(): { id: string; takes: Takers }[] {
  return [...shippedTemplates().values()]
    .map((t) => ({ id: t.id, takes: recordsIndicators(t) }))
    .filter((t) => t.takes.size)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * By default the figures are shown as the indicators of the shipped template that takes them
 * (the first by id, should several), as the templates themselves say (`records`).
 */
function recordsTakers(): Takers {
  return takingTemplates()[0]?.takes ?? new Map();
}

/** --template: its indicators, or a refusal naming those that take figures when it takes none. */
function takersOf(ref: string, lang: Lang): Takers {
  const template = templateOrExit(ref, lang);
  const takes = recordsIndicators(template);
  if (takes.size) return takes;
  printIssues(
    [
      issue('records.template-takes-none', [], {
        template: template.id,
        takers: takingTemplates()
          .map((t) => t.id)
          .join(', '),
      }),
    ],
    lang,
  );
  throw new CliExit(1);
}

/** `{ period, indicators: [ { id, figure, value, how } ], stars, rejected_rows: [ { row, reason } ] … }` */
export function recordsJson(r: LoadedRecords, lang: Lang, takes: Takers = recordsTakers()) {
  const { period, figures, volunteers, stars, counts } = r.derived;
  return {
    file: r.file,
    org: r.org || null,
    period: period.text,
    start: period.start,
    end: period.end,
    indicators: figures.map((i) => ({
      id: takes.get(i.id)?.id ?? null,
      figure: i.id,
      unit: i.unit,
      value: i.value,
      how: message(i.how, lang),
    })),
    stars: stars.map((s) => ({ level: s.level, min_hours: s.minHours, volunteers: s.volunteers })),
    volunteers: volunteers.map((v) => ({
      id: v.id,
      name: v.name,
      registered: v.registered,
      since: v.since,
      cumulative_hours: v.cumulativeHours,
      period_service_hours: v.periodServiceHours,
      period_training_hours: v.periodTrainingHours,
      star: v.star,
    })),
    rows: {
      read: r.read,
      kept: counts.rows,
      rejected: r.rejected.length,
      registration_only: counts.registrationOnly,
      before_period: counts.beforePeriod,
      in_period: counts.inPeriod,
      after_period: counts.afterPeriod,
    },
    rejected_rows: r.rejected.map((e) => ({
      row: e.row ?? null,
      reason: rejectReason(e),
      message: message(e, lang),
    })),
  };
}

/** A figure as the indicator's unit shows it: a % from its fraction, hours to 2 decimals. */
function shownValue(i: DerivedFigure): string {
  if (i.value === null) return '—';
  if (i.unit === '%') return `${(Math.round(i.value * 10000) / 100).toFixed(2)}%`;
  if (i.unit.startsWith('h')) return (Math.round(i.value * 100) / 100).toFixed(2);
  return String(i.value);
}

function table(cells: string[][], rightAligned: ReadonlySet<number>): string[] {
  // A volunteer's name or id from the export: a line break or an escape in it must not break the table.
  const rows = cells.map((r) => r.map(terminalText));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, c) => {
        const gap = ' '.repeat(widths[c]! - displayWidth(cell));
        return rightAligned.has(c) ? gap + cell : cell + gap;
      })
      .join('  ')
      .trimEnd(),
  );
}

export function recordsText(r: LoadedRecords, lang: Lang, takes: Takers = recordsTakers()): string {
  const { period, figures, volunteers, stars, counts } = r.derived;
  const lines: string[] = [];
  lines.push(
    say('records.out.title', lang, {
      file: r.file,
      org: r.org,
      period: period.text,
      start: period.start,
      end: period.end,
    }),
    say('records.out.rows', lang, {
      read: r.read,
      kept: counts.rows,
      inPeriod: counts.inPeriod,
      before: counts.beforePeriod,
      after: counts.afterPeriod,
      registration: counts.registrationOnly,
      rejected: r.rejected.length,
    }),
    '',
  );

  const head = say('records.out.head', lang).split('|');
  const rows = [
    head,
    ...figures.map((f) => {
      const ind = takes.get(f.id);
      return [ind?.id ?? '—', ind ? text(ind.name, lang) : f.id, shownValue(f), f.unit];
    }),
  ];
  const [headLine, ...bodyLines] = table(rows, new Set([2]));
  lines.push(headLine!);
  // "how" under each indicator, in line with its name (ids are 5 wide, then the gap).
  bodyLines.forEach((line, k) => lines.push(line, `       ${message(figures[k]!.how, lang)}`));

  lines.push('', say('records.out.stars', lang, { end: period.end }));
  const starRows = [...stars].reverse().map((s) => {
    const band = VOLUNTEER_STAR_LEVELS.find((b) => Number(b.id[0]) === s.level)!;
    return [
      text(band.label, lang),
      say('records.out.at-least', lang, { hours: s.minHours }),
      String(s.volunteers),
    ];
  });
  starRows.push([
    say('records.out.no-star', lang),
    '',
    String(volunteers.filter((v) => v.star === 0).length),
  ]);
  for (const line of table(starRows, new Set([2]))) lines.push(`  ${line}`);

  if (volunteers.length) {
    lines.push(
      '',
      say('records.out.volunteers', lang, { count: volunteers.length, end: period.end }),
    );
    const hours = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
    const volunteerRows = [
      say('records.out.volunteer-head', lang, { period: period.text }).split('|'),
      ...volunteers.map((v) => [
        v.id,
        v.name,
        v.since,
        hours(v.cumulativeHours),
        hours(v.periodServiceHours),
        hours(v.periodTrainingHours),
        String(v.star),
      ]),
    ];
    for (const line of table(volunteerRows, new Set([3, 4, 5, 6]))) lines.push(`  ${line}`);
  }

  if (r.rejected.length) {
    lines.push('', say('records.out.rejected', lang, { count: r.rejected.length }));
    for (const e of r.rejected.slice(0, LISTED_REJECTIONS)) lines.push(`  ${formatIssue(e, lang)}`);
    if (r.rejected.length > LISTED_REJECTIONS)
      lines.push(
        `  ${say('records.out.more', lang, { count: r.rejected.length - LISTED_REJECTIONS })}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** A day as YYYY-MM-DD that exists. */
