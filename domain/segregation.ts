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
