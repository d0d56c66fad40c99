/**
 * Checked records + a period → the figures they give (records-measures.ts; a template says which
 * of its indicators takes each), each with how it was counted (a coded issue, said in words by
 * the catalogue), every volunteer's cumulative service hours and star level (GB/T 40143-2021
 * clause 6.6.2), and the count per star level.
 *
 * The counting rules (docs/records.md says them to users):
 * - a volunteer is registered from the registration date, or from the first session when that
 *   is earlier or no row gives the date; several registration dates: the earliest;
 * - sessions in the period count toward its indicators; sessions before it only toward
 *   cumulative hours; sessions after its end toward nothing (they are counted and said);
 * - only service counts toward stars: 6.6.2 counts service time, not training.
 */
import { issue, type Issue, type Result } from '../issues.ts';
import { VOLUNTEER_STAR_LEVELS, volunteerStarLevel } from '../grades/volunteer-stars.ts';
import { parseRecordPeriod } from './record-period.ts';
import { toMicro } from './record-values.ts';
import type { Day, RecordPeriod, RecordRow } from './records-model.ts';
import { RECORDS_MEASURES, type RecordsMeasure } from './records-measures.ts';

export interface DerivedFigure {
  id: RecordsMeasure;
  unit: string;
  /** null when it cannot be computed (an average over nobody); a % is a fraction 0..1. */
  value: number | null;
  how: Issue;
}

export interface VolunteerStanding {
  id: string;
  name: string;
  /** The earliest registration date any row gives, if any. */
  registered: Day | null;
  /** Registered from: the registration date or the first session, whichever is earlier. */
  since: Day;
  /** Service hours up to the period's end, all years: what the star level counts. */
  cumulativeHours: number;
  periodServiceHours: number;
  periodTrainingHours: number;
  /** 0 (no star yet) to 5. */
  star: number;
}

export interface StarCount {
  level: number;
  minHours: number;
  volunteers: number;
}

export interface RecordRowCounts {
  /** rows given (checked and kept) */
  rows: number;
  registrationOnly: number;
  beforePeriod: number;
  inPeriod: number;
  afterPeriod: number;
}

export interface DerivedRecords {
  period: RecordPeriod;
  figures: DerivedFigure[];
  /** Volunteers registered by the period's end, by id. */
  volunteers: VolunteerStanding[];
  /** Levels 1 to 5, each with the volunteers at exactly that level. */
  stars: StarCount[];
  counts: RecordRowCounts;
}

interface Tally {
  name: string;
  registered: Day | null;
  firstSession: Day | null;
  cumulative: number;
  service: number;
  training: number;
  servedInPeriod: boolean;
  trainedInPeriod: boolean;
}

const hoursOf = (micro: number) => micro / 1e6;

export function deriveIndicators(
  rows: readonly RecordRow[],
  periodText: string,
): Result<DerivedRecords> {
  const parsed = parseRecordPeriod(periodText);
  if (!parsed.value) return { value: undefined, errors: parsed.errors };
  const period = parsed.value;
  const { start, end } = period;

  const tallies = new Map<string, Tally>();
  const counts: RecordRowCounts = {
    rows: rows.length,
    registrationOnly: 0,
    beforePeriod: 0,
    inPeriod: 0,
    afterPeriod: 0,
  };
  const activities = { ids: new Set<string>(), named: new Set<string>(), dated: new Set<string>() };
  let servicePersonTimes = 0;
  let serviceMicro = 0;
  let trainingPersonTimes = 0;
  let trainingMicro = 0;

  for (const r of rows) {
    let t = tallies.get(r.volunteerId);
    if (!t) {
      t = {
        name: r.volunteerName,
        registered: null,
        firstSession: null,
        cumulative: 0,
        service: 0,
        training: 0,
        servedInPeriod: false,
        trainedInPeriod: false,
      };
      tallies.set(r.volunteerId, t);
    }
    if (!t.name && r.volunteerName) t.name = r.volunteerName;
    if (r.registered && (!t.registered || r.registered < t.registered)) t.registered = r.registered;
    const s = r.session;
    if (!s) {
      counts.registrationOnly++;
      continue;
    }
    if (!t.firstSession || s.date < t.firstSession) t.firstSession = s.date;
    if (s.date > end) {
      counts.afterPeriod++;
      continue;
    }
    const micro = toMicro(s.hours);
    if (s.kind === 'service') t.cumulative += micro;
    if (s.date < start) {
      counts.beforePeriod++;
      continue;
    }
    counts.inPeriod++;
    if (s.kind === 'training') {
      trainingPersonTimes++;
      trainingMicro += micro;
      t.training += micro;
      t.trainedInPeriod = true;
      continue;
    }
    servicePersonTimes++;
    serviceMicro += micro;
    t.service += micro;
    t.servedInPeriod = true;
    if (s.activityId) activities.ids.add(s.activityId);
    else if (s.activity) activities.named.add(JSON.stringify([s.activity, s.date]));
    else activities.dated.add(s.date);
  }

  const volunteers: VolunteerStanding[] = [];
  let undated = 0;
  for (const [id, t] of tallies) {
    const since = [t.registered, t.firstSession].filter((d): d is Day => d !== null).sort()[0]!;
    if (since > end) continue;
    if (!t.registered) undated++;
    const cumulativeHours = hoursOf(t.cumulative);
    volunteers.push({
      id,
      name: t.name,
      registered: t.registered,
      since,
      cumulativeHours,
      periodServiceHours: hoursOf(t.service),
      periodTrainingHours: hoursOf(t.training),
      star: volunteerStarLevel(cumulativeHours),
    });
  }
  volunteers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const registered = volunteers.length;
  const active = volunteers.filter((v) => {
    const t = tallies.get(v.id)!;
    return t.servedInPeriod || t.trainedInPeriod;
  }).length;
  const served = volunteers.filter((v) => tallies.get(v.id)!.servedInPeriod).length;
  const trained = volunteers.filter((v) => tallies.get(v.id)!.trainedInPeriod).length;
  const serviceHours = hoursOf(serviceMicro);
  const trainingHours = hoursOf(trainingMicro);
  const activityCount = activities.ids.size + activities.named.size + activities.dated.size;
  const span = { start, end };
  const how = (code: string, params: Issue['params']) =>
    issue(`records.how.${code}`, [], { ...span, ...params });
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

  const values: Record<RecordsMeasure, { value: number | null; how: Issue }> = {
    registered: { value: registered, how: how('registered', { count: registered, undated }) },
    'active-share': {
      value: ratio(active, registered),
      how: how('active-share', { active, registered }),
    },
    activities: {
      value: activityCount,
      how: how('activities', {
        count: activityCount,
        byId: activities.ids.size,
        byName: activities.named.size,
        byDate: activities.dated.size,
      }),
    },
    'service-person-times': {
      value: servicePersonTimes,
      how: how('service-person-times', { count: servicePersonTimes }),
    },
    'service-hours': {
      value: serviceHours,
      how: how('service-hours', { hours: serviceHours, rows: servicePersonTimes }),
    },
    'service-average': {
      value: ratio(serviceHours, served),
      how: how('service-average', { hours: serviceHours, volunteers: served }),
    },
    'training-person-times': {
      value: trainingPersonTimes,
      how: how('training-person-times', { count: trainingPersonTimes }),
    },
    'training-average': {
      value: ratio(trainingHours, trained),
      how: how('training-average', { hours: trainingHours, volunteers: trained }),
    },
    mobilized: { value: served, how: how('mobilized', { count: served }) },
  };
  const figures = RECORDS_MEASURES.map(({ id, unit }) => ({ id, unit, ...values[id] }));

  const stars = [...VOLUNTEER_STAR_LEVELS]
    .map((band) => ({ level: Number(band.id[0]), minHours: band.min }))
    .sort((a, b) => a.level - b.level)
    .map((s) => ({ ...s, volunteers: volunteers.filter((v) => v.star === s.level).length }));

  return { value: { period, figures, volunteers, stars, counts }, errors: [] };
}
