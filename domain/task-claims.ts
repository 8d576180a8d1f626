/**
 * "I am looking at this one": a member of staff who opens a task claims it for a while, so that
 * colleagues working the same inbox take the next task instead of the same one and do not write a
 * reasoned decision only to be told that someone else has just decided it. The claim is advice,
 * not a lock: the decision stays the one guard (a task is decided once), a claim lapses on its own
 * when the person goes home with the page open, and a colleague may take the task over.
 */

/** How long a claim lasts from its last renewal: long enough to read a case, short enough to lapse. */
export const claimLeaseMs = 20 * 60_000;

export interface TaskClaim {
  readonly taskId: string;
  readonly claimedBy: string;
  readonly claimedAt: string;
  /** Instant (ISO) after which the claim is void. */
  readonly until: string;
}

/** What tells whether a claim holds, and for whom: as stored, or as the inbox lists it. */
type ClaimHolder = Pick<TaskClaim, 'claimedBy' | 'until'>;

/** The claim if it still holds at `now`. */
export function activeClaim<T extends ClaimHolder>(claim: T | undefined, now: Date): T | undefined {
  return claim && claim.until > now.toISOString() ? claim : undefined;
}

/** Someone else's claim that still holds: the one a member of staff should know of before starting. */
export function heldByOther<T extends ClaimHolder>(
  claim: T | undefined,
  username: string,
  now: Date,
): T | undefined {
  const active = activeClaim(claim, now);
  return active && active.claimedBy !== username ? active : undefined;
}

export function newClaim(taskId: string, username: string, now: Date): TaskClaim {
  return {
    taskId,
    claimedBy: username,
    claimedAt: now.toISOString(),
    until: new Date(now.getTime() + claimLeaseMs).toISOString(),
  };
}
