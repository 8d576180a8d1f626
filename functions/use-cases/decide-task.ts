import { type AidStatus, InvalidTransitionError } from '../../domain/aid-lifecycle.js';
import { amountAboveRequested } from '../../domain/approved-amount.js';
import { commentProblem } from '../../domain/decision-comments.js';
import { lacksDeliveryAddress } from '../../domain/delivery-address.js';
import { infoRequestDueAt } from '../../domain/info-request.js';
import type { Money } from '../../domain/money.js';
import { headLimitMinor } from '../../domain/review-ladder.js';
import {
  isOwnApplication,
  ownApplicationReason,
  paymentStages,
  paymentStageViolation,
} from '../../domain/segregation.js';
import { allowedOutcomes, type TaskType } from '../../domain/tasks.js';
import { tableName } from '../lib/clients.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TransientError,
  ValidationError,
} from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { officeTimeZone } from '../lib/office-day.js';
import { caseAnnotation, caseStatusChange } from '../lib/store/case-writes.js';
import { defaultFundingSourcesOf } from '../lib/store/catalogue.js';
import { getCase, getTask } from '../lib/store/reads.js';
import type { AidCaseRecord, Decider, TaskDecision, TaskRecord } from '../lib/store/records.js';
import { taskDecisionUpdate } from '../lib/store/task-writes.js';
import { transact } from '../lib/store/transactions.js';
import { approvalLadderInForce, approvalRoute, recordCommissionVote } from './commission.js';
import { staffPersonKeys } from './staff-identity.js';
import { assertTaskRole, taskNotOpen } from './task-guards.js';

export interface DecisionInput {
  readonly outcome: string;
  readonly comment?: string | undefined;
  readonly amount?: Money | undefined;
  readonly fundingSource?: string | undefined;
  readonly answer?: string | undefined;
  /** Re-issuing a failed payment: the corrected payout details (domain/tasks.ts). */
  readonly payout?: AidCaseRecord['payout'] | undefined;
}

/**
 * Outcomes the aid workflow can act on, per task type (a subset of domain/tasks.ts where the
 * workflow has no branch for an outcome yet: offering it would strand the case).
 */
const aidWorkflowOutcomes: Partial<Record<TaskType, readonly string[]>> = {
  review: ['approve', 'reject', 'request_info'],
  approve: ['approve', 'reject'],
  commission_vote: ['approve', 'reject'],
  authorise_payment: ['approve', 'reject'],
  close_unanswered_request: ['reject', 'extend'],
  reissue_payment: ['reissue', 'close'],
};

export function outcomesFor(type: TaskType): readonly string[] {
  const supported = aidWorkflowOutcomes[type];
  return allowedOutcomes[type].filter((o) => !supported || supported.includes(o));
}

function nextStatus(type: TaskType, outcome: string): AidStatus {
  if (outcome === 'reject') return 'rejected';
  switch (type) {
    case 'review':
      return outcome === 'request_info' ? 'info_requested' : 'awaiting_approval';
    case 'close_unanswered_request':
      // extend: the applicant gets another deadline; the case keeps waiting for the answer.
      return 'info_requested';
    case 'approve':
    case 'commission_vote':
      return 'approved';
    case 'authorise_payment':
      return 'payment_authorised';
    case 'reissue_payment':
      // reissue: the case stays payment_failed until the money is reserved again (ReserveFunds).
      return outcome === 'close' ? 'rejected' : 'payment_failed';
    default:
      throw new ValidationError([
        { path: 'outcome', message: `Tasks of type ${type} are not part of aid cases.` },
      ]);
  }
}

/**
 * What segregation of duties reads of a case: the commission's inbox reads only these (it has no
 * staff keys to compare, so no name key); a decision also reads the name key.
 */
export type SegregationFacts = Pick<AidCaseRecord, 'personKey' | 'deciders' | 'reconsideration'> &
  Partial<Pick<AidCaseRecord, 'nameKey'>>;

/**
 * Why segregation of duties refuses a task: `code` (and `stage`, the task type of the earlier
 * step, or the contesting `appealReference`) for the desk to word, `detail` in English for the log.
 */
export interface SegregationRefusal {
  code:
    | 'own_application'
    | 'took_part_in_contested'
    | 'corrected_payout'
    | 'approved_this_aid'
    | 'decided_before';
  detail: string;
  stage?: string;
  appealReference?: string;
}

/**
 * Segregation of duties (domain/segregation.ts) with the reason for the 403. Nobody decides on
 * their own application (by the person keys recorded for them, `staffKeys`). Only approvals and
 * rejections count as deciding: a reviewer who asked the applicant a question reviews the answer.
 */
export function assertSegregation(
  current: SegregationFacts,
  task: Pick<TaskRecord, 'taskType'>,
  principal: Pick<Principal, 'sub'>,
  staffKeys: readonly string[] = [],
): void {
  const refusal = segregationReason(current, task, principal, staffKeys);
  if (refusal) {
    const { detail, ...fields } = refusal;
    throw new ForbiddenError(detail, fields);
  }
}

/**
 * The keys the applicant is stored under: the person key (one spelling, or the national id) and
 * the name key (the name however spelt), which a staff identity recorded since the name key has
 * too. On the side of refusing: a namesake born the same day with another national id is refused,
 * and a colleague takes the task. Not each spelling's key, as the caller search asks for: that
 * would put the spellings' code into this bundle, which is at its 300 KB goal (issue 7).
 */
function applicantKeys(current: SegregationFacts): string[] {
  return current.nameKey ? [current.personKey, current.nameKey] : [current.personKey];
}

/**
 * Why segregation of duties refuses this person the task, or undefined when it does not: what
 * `assertSegregation` answers 403 with, and what the commission's inbox hides a vote by.
 */
export function segregationReason(
  current: SegregationFacts,
  task: Pick<TaskRecord, 'taskType'>,
  principal: Pick<Principal, 'sub'>,
  staffKeys: readonly string[] = [],
): SegregationRefusal | undefined {
  if (staffKeys.length > 0 && isOwnApplication(staffKeys, applicantKeys(current))) {
    return { code: 'own_application', detail: ownApplicationReason };
  }
  // A reopened case is reconsidered only by people who took no part in what the appeal contests:
  // any step before the reopening counts, a request for information included.
  const round = current.reconsideration;
  const tookPart = round && current.deciders.find((d) => d.sub === principal.sub && d.at < round.requestedAt);
  if (round && tookPart) {
    return {
      code: 'took_part_in_contested',
      stage: tookPart.stage,
      appealReference: round.appealReference,
      detail: `You took part (${tookPart.stage}) in the decision appeal ${round.appealReference} contests; a colleague who did not must reconsider it (segregation of duties).`,
    };
  }
  // On the finance stages an earlier authorisation of this case is not a second decision: a
  // re-issue repeats the same check for a new payment attempt (domain/segregation.ts says why);
  // who corrected the payout details may not authorise the re-issued payment.
  const payment = paymentStages.has(task.taskType);
  const violation = payment
    ? paymentStageViolation({
        taskType: task.taskType,
        actorId: principal.sub,
        decisions: current.deciders.map((d) => ({ stage: d.stage, userId: d.sub, outcome: d.outcome })),
      })
    : undefined;
  if (violation) return { code: 'corrected_payout', detail: violation };
  const decided = current.deciders.filter(
    (d) => (d.outcome === 'approve' || d.outcome === 'reject') && !(payment && paymentStages.has(d.stage)),
  );
  const earlier = decided.find((d) => d.sub === principal.sub);
  if (!earlier) return undefined;
  if (task.taskType === 'authorise_payment' && earlier.outcome === 'approve') {
    return {
      code: 'approved_this_aid',
      stage: earlier.stage,
      detail: `You approved this aid (${earlier.stage}); someone who did not must authorise the payment (segregation of duties).`,
    };
  }
  return {
    code: 'decided_before',
    stage: earlier.stage,
    detail: `You already decided on this case (${earlier.stage}); a colleague must take this step (segregation of duties).`,
  };
}

const reissueNeedsAddress =
  'In-kind aid is delivered, and the case has no postal address of the applicant: give the address to deliver to in "deliveryAddress".';

/**
 * Records a staff decision on an open task. The task and the case change in one transaction with
 * the audit event; the workflow resumes from the task's stream record (SendTaskSuccess), so a
 * decision that was acknowledged is never lost between the table and the workflow.
 */
export async function decideTask(input: {
  taskId: string;
  decision: DecisionInput;
  principal: Principal;
  now: Date;
}): Promise<{ taskId: string; outcome: string; caseStatus: AidStatus }> {
  const { decision, principal } = input;
  const task = await getTask(input.taskId);
  if (!task) throw new NotFoundError(`There is no task ${input.taskId}.`);
  assertTaskRole(task, principal);
  if (task.status !== 'open') throw taskNotOpen(task);
  const outcomes = outcomesFor(task.taskType);
  if (!outcomes.includes(decision.outcome)) {
    throw new ValidationError([{ path: 'outcome', message: `Choose one of: ${outcomes.join(', ')}.` }]);
  }
  // A refusal's reasons, a question to the applicant, a vote's reasons (domain/decision.ts).
  const missingComment = commentProblem(task.taskType, decision);
  if (missingComment) {
    throw new ValidationError([{ path: 'comment', message: missingComment.message }]);
  }
  if (decision.payout && decision.outcome !== 'reissue') {
    throw new ValidationError([
      { path: 'payout', message: 'Payout details are only corrected when re-issuing a failed payment.' },
    ]);
  }
  // An approval of a review or of the head's task is checked against the approval ladder: read it
  // beside the case instead of after it (one round trip less for the reviewer and the head). Its
  // failure is heard where the ladder is used, after the checks that come first.
  const ladderRead = approvesAmount(task, decision) ? approvalLadderInForce() : undefined;
  ladderRead?.catch(() => undefined);
  const [current, staffKeys] = await Promise.all([getCase(task.caseId), staffPersonKeys(principal.username)]);
  if (!current) throw new NotFoundError(`The case of task ${task.taskId} no longer exists.`);

  assertSegregation(current, task, principal, staffKeys);
  // A re-issue switched to in-kind is delivered: as at intake, to the new delivery address, else to
  // the applicant's postal address; with neither, the goods would have nowhere to go.
  if (decision.payout && lacksDeliveryAddress(decision.payout, current.applicant.address)) {
    throw new ValidationError([{ path: 'payout.deliveryAddress', message: reissueNeedsAddress }]);
  }
  if (task.taskType === 'commission_vote') {
    return recordCommissionVote({ task, current, decision, principal, now: input.now });
  }

  const at = input.now.toISOString();
  const to = nextStatus(task.taskType, decision.outcome);
  const extra = await approvalTerms(task, current, decision);
  const ladder = extra.amount ? await (ladderRead ?? approvalLadderInForce()) : undefined;
  if (ladder && extra.amount && task.taskType === 'approve') {
    const limit = headLimitMinor(current.aidType, ladder);
    if (extra.amount.minor > limit) {
      throw new ForbiddenError(
        `The head of department may approve up to ${limit} minor units of ${ladder.currency} of this aid type; a larger amount needs the commission.`,
        { code: 'head_limit_exceeded', limit: { currency: ladder.currency, minor: limit } },
      );
    }
  }
  const route =
    ladder && extra.amount && task.taskType === 'review'
      ? approvalRoute(current.aidType, extra.amount, ladder)
      : undefined;
  const infoRequest =
    to === 'info_requested'
      ? {
          question:
            task.taskType === 'review' ? (decision.comment ?? '') : (current.infoRequest?.question ?? ''),
          requestedAt: at,
          requestedBy: principal.username,
          dueAt: infoRequestDueAt(input.now, officeTimeZone()),
        }
      : undefined;
  const recorded: TaskDecision = {
    outcome: decision.outcome,
    ...(decision.comment ? { comment: decision.comment } : {}),
    ...(extra.amount ? { amount: extra.amount } : {}),
    ...(extra.fundingSource ? { fundingSource: extra.fundingSource } : {}),
    ...(route ?? {}),
    ...(decision.payout ? { payoutChanged: true } : {}),
    decidedBy: principal.username,
    decidedBySub: principal.sub,
    decidedAt: at,
  };
  const decider: Decider = {
    stage: task.taskType,
    username: principal.username,
    sub: principal.sub,
    outcome: decision.outcome,
    at,
  };
  const table = tableName();
  await unlessDecidedMeanwhile(task, current.status, async () => {
    const outcome = await transact([
      taskDecisionUpdate(table, task, recorded),
      ...(to === current.status ? caseAnnotation : caseStatusChange)(table, current, {
        to,
        at,
        actor: { kind: 'staff', username: principal.username, sub: principal.sub, roles: principal.roles },
        action: `task.${task.taskType}.${decision.outcome}`,
        note: to === 'rejected' || infoRequest ? decision.comment : undefined,
        set: {
          deciders: [...current.deciders, decider],
          ...(infoRequest ? { infoRequest } : {}),
          ...(extra.amount ? { approvedAmount: extra.amount } : {}),
          ...(extra.fundingSource ? { fundingSource: extra.fundingSource } : {}),
          // The corrected details are kept on the case only (personal data); the next disbursement copies them.
          ...(decision.payout ? { payout: decision.payout } : {}),
          ...(to === 'rejected'
            ? {
                decision: {
                  outcome: 'rejected',
                  reasons: [
                    {
                      code: decision.outcome === 'close' ? 'payment_not_possible' : 'staff_decision',
                      message: decision.comment ?? '',
                    },
                  ],
                  decidedAt: at,
                },
              }
            : {}),
          ...(to === 'approved' && extra.amount
            ? { decision: { outcome: 'approved', reasons: [], amount: extra.amount, decidedAt: at } }
            : {}),
        },
        details: {
          taskId: task.taskId,
          outcome: decision.outcome,
          ...(extra.amount ? { amount: extra.amount } : {}),
          ...(route ? { approver: route.approver } : {}),
          ...(decision.payout ? { payoutChanged: true, payoutMethod: decision.payout.method } : {}),
        },
      }),
    ]);
    if (!outcome.ok) throw new TransientError('the case changed while deciding; try again');
  });
  return { taskId: task.taskId, outcome: decision.outcome, caseStatus: to };
}

/**
 * Runs a decision's transaction. Two colleagues deciding one task at once: the loser may have
 * read the task before the winner wrote it and the case after (its status change is then no
 * longer a valid transition), or meet the winner's transaction in flight (TransactionConflict).
 * Either way the loser hears who decided (409), not a 500 or a 503. A case that moved on
 * meanwhile (the applicant withdrew while finance authorised the payment) is a 409 saying so.
 */
async function unlessDecidedMeanwhile(task: TaskRecord, from: string, write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof InvalidTransitionError || error instanceof TransientError)) throw error;
    const now = await getTask(task.taskId);
    if (now && now.status !== 'open') throw taskNotOpen(now);
    const moved = error instanceof InvalidTransitionError ? error.from : (await getCase(task.caseId))?.status;
    if (moved && (moved !== from || error instanceof InvalidTransitionError)) {
      throw new ConflictError(
        moved === 'withdrawn'
          ? 'The applicant withdrew this application meanwhile.'
          : `The case moved on to "${moved}" meanwhile; reload it.`,
        { code: moved === 'withdrawn' ? 'case_withdrawn' : 'case_moved_on', caseStatus: moved },
      );
    }
    throw error;
  }
}

/** An approval of a review or of the head's task: it fixes the amount, within the approval ladder. */
function approvesAmount(task: TaskRecord, decision: DecisionInput): boolean {
  return decision.outcome === 'approve' && (task.taskType === 'review' || task.taskType === 'approve');
}

/** Amount and funding source fixed by an approval: what was asked unless the approver says otherwise. */
async function approvalTerms(
  task: TaskRecord,
  current: AidCaseRecord,
  decision: DecisionInput,
): Promise<{ amount?: Money; fundingSource?: string }> {
  if (!approvesAmount(task, decision)) {
    if (decision.amount || decision.fundingSource) {
      throw new ValidationError([
        {
          path: decision.amount ? 'amount' : 'fundingSource',
          message: 'Only an approval sets the amount and funding source.',
        },
      ]);
    }
    return {};
  }
  const amount = decision.amount ?? current.approvedAmount ?? current.requestedAmount;
  if (amount.currency !== current.requestedAmount.currency) {
    throw new ValidationError([
      { path: 'amount.currency', message: `Use ${current.requestedAmount.currency}.` },
    ]);
  }
  if (amount.minor <= 0)
    throw new ValidationError([{ path: 'amount.minor', message: 'The amount must be above zero.' }]);
  // Never more than the applicant asked for (domain/decision.ts): the desk checks it too.
  const above = amountAboveRequested(amount, current.requestedAmount);
  if (above) throw new ValidationError([{ path: 'amount.minor', message: above.message }]);
  // The stored catalogue's defaults: an aid type added without a release has its own.
  const defaults = await defaultFundingSourcesOf(current.aidType);
  const fundingSource = decision.fundingSource ?? current.fundingSource ?? defaults[0];
  return { amount, ...(fundingSource ? { fundingSource } : {}) };
}
