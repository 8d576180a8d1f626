/**
 * Segregation of duties (DESIGN.md §3): nobody decides twice on one case, and nobody decides on
 * their own application. Handlers answer a violation with 403 and this reason.
 *
 * Only approvals and rejections count as "deciding": a reviewer who asked the applicant for more
 * information reviews the answer too, and extending a deadline decides nothing.
 */
export interface PriorDecision {
  userId: string;
  outcome: string;
}

export interface StaffIdentity {
  userId: string;
  email?: string;
  nationalId?: string;
}

export interface ApplicantIdentity {
  email?: string;
  nationalId?: string;
}

const decidingOutcomes: ReadonlySet<string> = new Set(['approve', 'reject']);

const normalEmail = (s: string) => s.trim().toLowerCase();
const normalId = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();

/** The reason the actor may not decide this case, or undefined when they may. */
export function segregationViolation(input: {
  actor: StaffIdentity;
  priorDecisions: readonly PriorDecision[];
  applicant: ApplicantIdentity;
}): string | undefined {
  const { actor, priorDecisions, applicant } = input;
  const ownByEmail =
    actor.email !== undefined &&
    applicant.email !== undefined &&
    normalEmail(actor.email) === normalEmail(applicant.email);
  const ownById =
    actor.nationalId !== undefined &&
    applicant.nationalId !== undefined &&
    normalId(actor.nationalId) === normalId(applicant.nationalId);
  if (ownByEmail || ownById) {
    return 'You cannot decide on your own application: a colleague has to take this task.';
  }
  if (priorDecisions.some((d) => d.userId === actor.userId && decidingOutcomes.has(d.outcome))) {
    return 'You have already decided on this case: a second decision has to come from a colleague.';
  }
  return undefined;
}

/** The 403's reason when a member of staff would decide on their own application. */
export const ownApplicationReason =
  'You are the applicant on this case: nobody decides on their own application (segregation of duties). A colleague has to take this task.';

/**
 * Whether the case is the staff member's own application: one of the person keys recorded for
 * them (PUT /v1/staff/{username}/identity) is one the applicant could be keyed by (the stored one,
 * or another spelling's: a member of staff is not to escape this by writing Петр for Пётр).
 */
export function isOwnApplication(
  staffPersonKeys: readonly string[],
  applicantPersonKeys: readonly string[],
): boolean {
  return applicantPersonKeys.some((key) => staffPersonKeys.includes(key));
}

/**
 * A decision on the case as the segregation rules of the payment stages see it: the task type it
 * was taken on, who took it and what they decided.
 */
export interface StageDecision {
  readonly stage: string;
  readonly userId: string;
  readonly outcome: string;
}

/** The finance stages: authorising a payment and correcting a failed one for re-issue. */
export const paymentStages: ReadonlySet<string> = new Set(['authorise_payment', 'reissue_payment']);

/**
 * Segregation on the finance stages after a payment failed and is re-issued:
 * - whoever corrected the payout details (outcome `reissue`, the latest one) may not authorise
 *   the re-issued payment: changing where money goes and releasing it are two people's acts —
 *   the classic fraud is to redirect a payment to one's own account and authorise it;
 * - an earlier authorisation of this case does NOT bar the same officer from authorising the
 *   re-issue. It is the same check (this approved amount may be paid) repeated for a new payment
 *   attempt, not a second, independent decision, so "nobody decides twice" would add no control;
 *   and in an office with two finance officers it would leave nobody able to authorise (one
 *   corrected the details, the other authorised the first attempt). The approvers of the aid
 *   stay barred from authorising every attempt (see the general rule in decide-task).
 */
export function paymentStageViolation(input: {
  taskType: string;
  actorId: string;
  decisions: readonly StageDecision[];
}): string | undefined {
  if (input.taskType !== 'authorise_payment') return undefined;
  const corrected = input.decisions
    .filter((d) => d.stage === 'reissue_payment' && d.outcome === 'reissue')
    .at(-1);
  if (corrected?.userId === input.actorId) {
    return 'You corrected the payout details of this payment: a colleague must authorise the re-issued payment (segregation of duties).';
  }
  return undefined;
}
