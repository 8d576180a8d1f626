import type { RecordedVote } from './commission.js';

/**
 * The secrecy of a commission vote while it runs (issue 5): a member sees how the others voted
 * only once they have voted themselves, so nobody just follows the first vote. Pure: the staff
 * views (task and case) apply it to what they read from the table.
 */

export interface VoteViewer {
  readonly username: string;
  readonly sub?: string;
  readonly roles: readonly string[];
}

/** The vote of a case's tasks as the views list them: an open `commission_vote` task means it runs. */
interface TaskLike {
  readonly type: string;
  readonly status: string;
}

/**
 * Whether this viewer may see the votes cast so far. Members of the commission may not while the
 * vote runs and they have not voted; everyone else (the head, the auditor) and every member once
 * they voted or the vote ended may. A member is recognised by username or by sub, as votes record both.
 */
export function maySeeVotes(
  viewer: VoteViewer,
  votes: readonly RecordedVote[],
  tasks: readonly TaskLike[],
): boolean {
  if (!viewer.roles.includes('commission')) return true;
  const running = tasks.some((t) => t.type === 'commission_vote' && t.status === 'open');
  if (!running) return true;
  return votes.some(
    (v) => v.username === viewer.username || (viewer.sub !== undefined && v.memberId === viewer.sub),
  );
}

/** The votes as a staff view shows them (no member ids: the username names the member). */
export function publicVotes(votes: readonly RecordedVote[]) {
  return votes.map((v) => ({
    username: v.username,
    seat: v.seat,
    outcome: v.outcome,
    ...(v.comment ? { comment: v.comment } : {}),
    at: v.at,
  }));
}

/**
 * A staff view of a case with every trace of how members voted taken out: the votes themselves,
 * the commission entries of `deciders`, and the outcome, decider, comment and amount of each vote
 * task (its status stays: that a seat was taken says nothing of the vote).
 */
export function withholdVotes<
  C extends Record<string, unknown>,
  T extends TaskLike & {
    outcome?: string;
    decidedBy?: string;
    decidedAt?: string;
    comment?: string;
    amount?: unknown;
  },
>(caseView: C, tasks: readonly T[]): { caseView: C; tasks: T[] } {
  const { commissionVotes: _votes, ...rest } = caseView;
  const deciders = Array.isArray(caseView.deciders)
    ? (caseView.deciders as { stage?: string }[]).filter((d) => d.stage !== 'commission_vote')
    : undefined;
  return {
    caseView: { ...rest, ...(deciders ? { deciders } : {}) } as unknown as C,
    tasks: tasks.map((t) => {
      if (t.type !== 'commission_vote') return t;
      const { outcome: _o, decidedBy: _b, decidedAt: _a, comment: _c, amount: _m, ...kept } = t;
      return kept as T;
    }),
  };
}
