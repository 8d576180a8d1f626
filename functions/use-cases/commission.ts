import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decidedOutcome, type Minutes, type RecordedVote, voteProblem } from '../../domain/commission.js';
import type { Money } from '../../domain/money.js';
import {
  type ApprovalLadder,
  type Approver,
  approvalLadderSchema,
  approverFor,
} from '../../domain/review-ladder.js';
import { dynamo, tableName } from '../lib/clients.js';
import {
  ConflictError,
  NotFoundError,
  PermanentStepError,
  TransientError,
  ValidationError,
} from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { systemActor } from '../lib/store/audit.js';
import { caseAnnotation, caseStatusChange } from '../lib/store/case-writes.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getItem, getTask, lastWithPrefix } from '../lib/store/reads.js';
import type { AidCaseRecord, Decider, TaskDecision, TaskRecord } from '../lib/store/records.js';
import { taskDecisionUpdate } from '../lib/store/task-writes.js';
import { transact } from '../lib/store/transactions.js';
import { taskNotOpen } from './task-guards.js';

/** The approval ladder in force (seeded with the demo ladder; changed by an administrator). */
export async function approvalLadderInForce(): Promise<ApprovalLadder> {
  const stored = await getItem<{ value: unknown }>(keys.approvalLadder());
  if (!stored) throw new PermanentStepError('no approval ladder is configured');
  return approvalLadderSchema.parse(stored.value);
}

/**
 * Who approves an amount the review proposed, for the workflow's "Review outcome?" choice; for the
 * commission also its seats, over which the workflow's Map opens one vote task each.
 */
export function approvalRoute(
  aidType: string,
  amount: Money,
  ladder: ApprovalLadder,
): { approver: Approver; commissionSeats?: number[] } {
  const approver = approverFor({ aidType, amount, ladder });
  if (approver === 'head') return { approver };
  return {
    approver,
    commissionSeats: Array.from({ length: ladder.commission.members }, (_, i) => i + 1),
  };
}

/** A vote task the majority made unnecessary: closed, and the workflow told so via the stream. */
function notNeeded(at: string): TaskDecision {
  return {
    outcome: 'not_needed',
    comment: 'The commission had already decided by majority.',
    decidedBy: 'system',
    decidedBySub: 'system',
    decidedAt: at,
  };
}

/**
 * Opens one member's vote task. The case item is the point where votes and vote tasks meet: the
 * task is written in one transaction with its entry in the case's `commissionTasks`, conditional
 * on the case version, so a vote that reaches a majority always sees every task it must close,
 * and a task opened after the majority is born closed. Idempotent per task token.
 */
export async function openCommissionVote(input: {
  caseId: string;
  taskId: string;
  seat: number;
  task: TaskRecord & Record<string, unknown>;
  now: Date;
}): Promise<{ taskId: string }> {
  // The seats open in parallel and each moves the case's version: a lost race is re-read and
  // tried again here, so the workflow is not billed a retry for the usual case.
  for (let attempt = 1; ; attempt++) {
    const result = await tryOpenCommissionVote(input).catch((error: Error) => {
      if (error instanceof TransientError) return 'conflict' as const;
      throw error;
    });
    if (result !== 'conflict') return result;
    if (attempt >= 5)
      throw new TransientError('the case kept changing while opening a vote; the step retries');
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 50 * attempt)));
  }
}

async function tryOpenCommissionVote(input: {
  caseId: string;
  taskId: string;
  seat: number;
  task: TaskRecord & Record<string, unknown>;
  now: Date;
}): Promise<{ taskId: string } | 'conflict'> {
  const existing = await getTask(input.taskId);
  if (existing) return { taskId: input.taskId };
  const current = await getCase(input.caseId);
  if (!current) throw new PermanentStepError(`case ${input.caseId} not found`);
  const ladder = await approvalLadderInForce();
  const at = input.now.toISOString();
  const decided = decidedOutcome(current.commissionVotes ?? [], ladder.commission);
  const seats = current.commissionTasks ?? [];
  const stale = seats.filter((s) => s.seat === input.seat);
  const { gsi2pk: _open, gsi2sk: _openSort, ...closedTask } = input.task;
  const item = decided ? { ...closedTask, status: 'closed', decision: notNeeded(at) } : input.task;
  const table = tableName();
  const outcome = await transact([
    { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...caseAnnotation(table, current, {
      at,
      actor: systemActor('OpenTask'),
      action: 'commission.vote_opened',
      set: {
        commissionTasks: [
          ...seats.filter((s) => s.seat !== input.seat),
          { seat: input.seat, taskId: input.taskId },
        ],
      },
      details: { seat: input.seat, taskId: input.taskId, ...(decided ? { closed: true } : {}) },
    }),
  ]);
  if (!outcome.ok) {
    if (outcome.reasons[0] === 'ConditionalCheckFailed') return { taskId: input.taskId };
    return 'conflict';
  }
  // A re-asked seat (its wait timed out) replaces the member's earlier task.
  for (const s of stale) {
    await dynamo()
      .send(
        new UpdateCommand({
          TableName: table,
          Key: keys.task(s.taskId),
          UpdateExpression: 'SET #status = :superseded, #version = #version + :one REMOVE gsi2pk, gsi2sk',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':superseded': 'superseded', ':open': 'open', ':one': 1 },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
  return { taskId: input.taskId };
}

/**
 * One member's vote. The vote, the task and the case change in one transaction; the vote that
 * reaches a majority also closes the other members' open vote tasks, so the workflow's Map ends
 * without waiting for votes that can no longer change the outcome.
 */
export async function recordCommissionVote(input: {
  task: TaskRecord;
  current: AidCaseRecord;
  decision: {
    outcome: string;
    comment?: string | undefined;
    amount?: Money | undefined;
    fundingSource?: string | undefined;
  };
  principal: Principal;
  now: Date;
}): Promise<{ taskId: string; outcome: string; caseStatus: AidCaseRecord['status'] }> {
  const { task, current, decision, principal } = input;
  if (decision.amount || decision.fundingSource) {
    throw new ValidationError([
      {
        path: decision.amount ? 'amount' : 'fundingSource',
        message: 'The commission votes on the amount and source the review proposed; remove this field.',
      },
    ]);
  }
  const outcome = decision.outcome === 'approve' ? 'approve' : 'reject';
  const votes = current.commissionVotes ?? [];
  const problem = voteProblem({ outcome, comment: decision.comment });
  if (problem) throw new ValidationError([{ path: 'comment', message: problem }]);
  const ladder = await approvalLadderInForce();
  const at = input.now.toISOString();
  const comment = decision.comment?.trim();
  const vote: RecordedVote = {
    memberId: principal.sub,
    username: principal.username,
    seat: task.seat ?? 0,
    outcome,
    ...(comment ? { comment } : {}),
    at,
  };
  const allVotes = [...votes, vote];
  const decided = decidedOutcome(allVotes, ladder.commission);
  const seats = current.commissionTasks ?? [];
  const others = decided
    ? (await Promise.all(seats.filter((s) => s.taskId !== task.taskId).map((s) => getTask(s.taskId)))).filter(
        (t): t is TaskRecord => t?.status === 'open',
      )
    : [];
  const decider: Decider = {
    stage: 'commission_vote',
    username: principal.username,
    sub: principal.sub,
    outcome,
    at,
  };
  const recorded: TaskDecision = {
    outcome,
    ...(comment ? { comment } : {}),
    decidedBy: principal.username,
    decidedBySub: principal.sub,
    decidedAt: at,
  };
  const table = tableName();
  const result = await transact([
    taskDecisionUpdate(table, task, recorded),
    ...others.map((other) => ({
      Update: {
        TableName: table,
        Key: keys.task(other.taskId),
        UpdateExpression:
          'SET #status = :closed, #decision = :decision, #version = :next REMOVE gsi2pk, gsi2sk',
        ConditionExpression: '#status = :open AND #version = :expected',
        ExpressionAttributeNames: { '#status': 'status', '#decision': 'decision', '#version': 'version' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':open': 'open',
          ':decision': notNeeded(at),
          ':expected': other.version,
          ':next': other.version + 1,
        },
      },
    })),
    ...caseAnnotation(table, current, {
      at,
      actor: { kind: 'staff', username: principal.username, sub: principal.sub, roles: principal.roles },
      action: `task.commission_vote.${outcome}`,
      set: { commissionVotes: allVotes, deciders: [...current.deciders, decider] },
      details: { taskId: task.taskId, outcome, seat: vote.seat, ...(decided ? { majority: decided } : {}) },
    }),
  ]);
  if (!result.ok) {
    const now = await getTask(task.taskId);
    if (now && now.status !== 'open') {
      throw now.status === 'closed'
        ? new ConflictError('The commission had already decided by majority before your vote.', {
            code: 'commission_decided',
            taskStatus: now.status,
          })
        : taskNotOpen(now);
    }
    throw new TransientError('the case changed while voting; try again');
  }
  return { taskId: task.taskId, outcome, caseStatus: current.status };
}

/**
 * After the vote (workflow step "Tally the commission"): the outcome by majority, the minutes,
 * and the case's move to approved or rejected, in one transaction. Idempotent: once the minutes
 * exist their outcome is returned.
 */
export async function tallyCommission(caseId: string, now: Date): Promise<{ outcome: 'approve' | 'reject' }> {
  const current = await getCase(caseId);
  if (!current) throw new PermanentStepError(`case ${caseId} not found`);
  // Each decision round has its own minutes: a reconsideration is voted and minuted afresh.
  const minutesKey = keys.minutes(caseId, current.reconsideration?.round ?? 0);
  const existing = await getItem<{ minutes: Minutes }>(minutesKey);
  if (existing) return { outcome: existing.minutes.outcome };
  const ladder = await approvalLadderInForce();
  const votes = current.commissionVotes ?? [];
  const outcome = decidedOutcome(votes, ladder.commission);
  if (!outcome) throw new PermanentStepError(`the commission on case ${caseId} has not decided yet`);
  const at = now.toISOString();
  const amount = current.approvedAmount ?? current.requestedAmount;
  const minutes: Minutes = {
    caseReference: current.reference,
    aidType: current.aidType,
    amount,
    members: ladder.commission.members,
    votesToDecide: ladder.commission.votesToDecide,
    votes,
    outcome,
    decidedAt: at,
  };
  const reasons = votes
    .filter((v) => v.outcome === 'reject' && v.comment)
    .map((v) => ({ code: 'commission_decision', message: v.comment ?? '' }));
  const table = tableName();
  const result = await transact([
    {
      Put: {
        TableName: table,
        Item: { ...minutesKey, type: 'CommissionMinutes', caseId, minutes, createdAt: at },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...caseStatusChange(table, current, {
      to: outcome === 'approve' ? 'approved' : 'rejected',
      at,
      actor: systemActor('TallyCommission'),
      action: `commission.${outcome}`,
      ...(outcome === 'reject' ? { note: reasons.map((r) => r.message).join(' ') } : {}),
      set: {
        decision:
          outcome === 'approve'
            ? { outcome: 'approved', reasons: [], amount, decidedAt: at }
            : { outcome: 'rejected', reasons, decidedAt: at },
      },
      details: {
        votesToApprove: votes.filter((v) => v.outcome === 'approve').length,
        votesToReject: votes.filter((v) => v.outcome === 'reject').length,
      },
    }),
  ]);
  if (!result.ok) {
    const again = await getItem<{ minutes: Minutes }>(minutesKey);
    if (again) return { outcome: again.minutes.outcome };
    throw new TransientError(`commission tally not recorded: ${result.reasons.join(',')}`);
  }
  return { outcome };
}

/** The latest stored minutes of a case's commission (of its last round the commission decided). */
export async function minutesOf(caseId: string): Promise<Minutes> {
  // The first round's key is the prefix of every round's, and rounds sort in order (MINUTES#R001 …).
  const { pk, sk } = keys.minutes(caseId);
  const stored = await lastWithPrefix<{ minutes: Minutes }>(pk, sk);
  if (!stored)
    throw new NotFoundError('This case has no commission minutes (the commission has not decided it).');
  return stored.minutes;
}
