/**
 * Each roster member's state for one comparison, from what the database holds: its current
 * submissions of the selection and period, else the latest rejected file that names it, else
 * nothing. Pure: the rows are read by status-action.ts.
 *
 * A member with a current submission is `partial` when an applicable indicator is left blank
 * (what the secretariat must chase first), else `weights-changed` when the return's weights
 * differ from the issued ones, else `flagged` when a cached value disagrees with the engine,
 * else `accepted`; several evaluators: the first of these any of them has. A file saved without
 * cached values (calculated false) is a note, not a state.
 */
import { safeFileName } from '../roster/safe-file-name.ts';

export const STATES = [
  'accepted',
  'partial',
  'weights-changed',
  'flagged',
  'rejected',
  'missing',
] as const;
export type State = (typeof STATES)[number];

export interface Member {
  org_id: string;
  org_name: string;
  contact?: string;
}

/** A current submission of the selection and period. */
export interface SubmissionFacts {
  org_id: string;
  complete: boolean;
  unanswered: number;
  applicable: number;
  weights_changed: boolean;
  flagged: boolean;
  /** cells whose cached value disagreed */
  mismatches: number;
  calculated: boolean | null;
  file_name: string | null;
  /** the applicable indicators it left blank */
  blank: string[];
}

/** A rejected file, oldest first; what it names where that could be read. */
export interface RejectionFacts {
  file: string;
  org_id: string | null;
  reason: string;
  /** the reason in the reader's language */
  words: string;
}

export interface MemberStatus {
  org_id: string;
  org_name: string;
  contact: string | null;
  state: State;
  /** the submission's applicable indicators left blank (partial), else null */
  unanswered: number | null;
  applicable: number | null;
  /** the blank indicators' ids (partial) */
  missing_indicators: string[];
  /** the rejection reason's code (rejected) */
  rejection: string | null;
  /** why, in the reader's language (rejected; the other states' words are the printer's) */
  reason: string | null;
  /** the file the state is about: the return, or the rejected file */
  file: string | null;
  /** mismatching cells (flagged) */
  mismatches: number | null;
  /** false: a file saved without cached values (nothing compared); null: a CSV return or none */
  calculated: boolean | null;
  returned: boolean;
  complete: boolean;
}

const RANK: Record<State, number> = {
  partial: 0,
  'weights-changed': 1,
  flagged: 2,
  accepted: 3,
  rejected: 4,
  missing: 5,
};

/** The file names a roster generation gives a member's workbook start with its id and a dash. */
function namesMember(file: string, m: Member): boolean {
  const base = file.split(/[\\/]/).pop()!;
  const id = safeFileName([m.org_id], '');
  return base.startsWith(`${id}-`) || base.replace(/\.[^.]*$/, '') === id;
}

export function memberStates(
  members: readonly Member[],
  submissions: readonly SubmissionFacts[],
  rejections: readonly RejectionFacts[],
): MemberStatus[] {
  const byOrg = new Map<string, SubmissionFacts[]>();
  for (const s of submissions) byOrg.set(s.org_id, [...(byOrg.get(s.org_id) ?? []), s]);
  return members.map((m) => {
    const base = {
      org_id: m.org_id,
      org_name: m.org_name,
      contact: m.contact || null,
    };
    const subs = byOrg.get(m.org_id) ?? [];
    if (subs.length) {
      const stateOf = (s: SubmissionFacts): State =>
        !s.complete
          ? 'partial'
          : s.weights_changed
            ? 'weights-changed'
            : s.flagged
              ? 'flagged'
              : 'accepted';
      const worst = [...subs].sort((a, b) => RANK[stateOf(a)] - RANK[stateOf(b)])[0]!;
      const state = stateOf(worst);
      const calculated = subs.some((s) => s.calculated === false)
        ? false
        : subs.every((s) => s.calculated === null)
          ? null
          : true;
      return {
        ...base,
        state,
        unanswered: state === 'partial' ? worst.unanswered : 0,
        applicable: worst.applicable,
        missing_indicators: state === 'partial' ? worst.blank : [],
        rejection: null,
        reason: null,
        file: worst.file_name,
        mismatches: state === 'flagged' ? worst.mismatches : null,
        calculated,
        returned: true,
        complete: subs.every((s) => s.complete),
      };
    }
    // The latest rejected file naming the member: by the id its metadata states, else by its name.
    const rejected = [...rejections]
      .reverse()
      .find((r) => (r.org_id !== null ? r.org_id === m.org_id : namesMember(r.file, m)));
    return {
      ...base,
      state: rejected ? 'rejected' : 'missing',
      unanswered: null,
      applicable: null,
      missing_indicators: [],
      rejection: rejected?.reason ?? null,
      reason: rejected?.words ?? null,
      file: rejected?.file ?? null,
      mismatches: null,
      calculated: null,
      returned: false,
      complete: false,
    };
  });
}
