/**
 * Which of a commission vote's seats a member's inbox shows. Every member holds the role the
 * vote tasks are for, so each seat's task is in every member's inbox; a member votes once per case,
 * so the inbox shows one seat per case, and none once they voted (or may not vote at all). Pure:
 * the inbox (functions/use-cases/staff-tasks.ts) reads the case's seats and votes and applies it.
 */

export interface CommissionSeats {
  /** The vote tasks opened for the case's current round, one per seat. */
  readonly commissionTasks?: readonly { readonly seat: number; readonly taskId: string }[] | undefined;
  /** The votes cast in the current round, by seat. */
  readonly commissionVotes?: readonly { readonly seat: number }[] | undefined;
}

/**
 * The task id of the seat to show `member`, or undefined when there is no open seat. Seats voted
 * on are taken. Of the open ones: one the member has open themselves, else one nobody has open,
 * else one a colleague has open (`claimedBy`: domain/task-claims.ts); the lowest seat first. So two
 * members working at once are shown different seats, and whichever seat a member is shown, the
 * same one is shown on every page of the inbox.
 */
export function seatToShow(
  member: string,
  seats: CommissionSeats,
  claimedBy: (taskId: string) => string | undefined,
): string | undefined {
  const voted = new Set((seats.commissionVotes ?? []).map((v) => v.seat));
  const rank = (taskId: string): number => {
    const by = claimedBy(taskId);
    return by === member ? 0 : by === undefined ? 1 : 2;
  };
  const open = (seats.commissionTasks ?? [])
    .filter((s) => !voted.has(s.seat))
    .sort((a, b) => rank(a.taskId) - rank(b.taskId) || a.seat - b.seat);
  return open[0]?.taskId;
}
