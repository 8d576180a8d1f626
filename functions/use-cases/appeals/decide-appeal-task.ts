import { extendedTexts } from '../../../domain/appeal-messages.js';
import { headOf } from '../../../domain/audit-chain.js';
import { toIsoDate } from '../../../domain/dates.js';
import { deadlinePolicy, extendDueDate, type Jurisdiction, termStart } from '../../../domain/deadlines.js';
import { checkDecision, type Decision } from '../../../domain/decision.js';
import { tableName } from '../../lib/clients.js';
import { ConflictError, NotFoundError, TransientError, ValidationError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http.js';
import {
  type AppealCaseRecord,
  type AppealTaskRecord,
  appealChange,
  isAppealCase,
} from '../../lib/store/appeal-records.js';
import { type Actor, auditHeadMove, auditPut, chainAuditEvent } from '../../lib/store/audit.js';
import { keys } from '../../lib/store/keys.js';
import { getItem, getTask } from '../../lib/store/reads.js';
import type { TaskDecision } from '../../lib/store/records.js';
import { taskDecisionUpdate } from '../../lib/store/task-writes.js';
import { transact } from '../../lib/store/transactions.js';
import { assertTaskRole, taskNotOpen } from '../task-guards.js';
import { notificationPut } from './notifications.js';
import { isAppealTaskType } from './open-appeal-task.js';

type TransactItems = Parameters<typeof transact>[0];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Outcomes that must say why (the applicant or the coordinator is told). */
/**
 * A department's answer: its own key of the case's `departmentAnswers` map. Departments answer in
 * parallel, so this write is not conditional on the case version; it bumps the version, so any
 * writer that read the case before notices. It is conditional on the audit chain's head it read
 * (one chain per case, never forked): of two simultaneous answers one loses that race and is
 * tried again on a fresh read (decideAppealTask), never refused.
 */
function departmentAnswerWrites(
  table: string,
  current: AppealCaseRecord,
  department: string,
  answer: { status: 'answered'; text: string; by: string; at: string },
  actor: Actor,
  taskId: string,
): TransactItems {
  const event = {
    caseId: current.caseId,
    at: answer.at,
    actor,
    action: 'task.department_answer.answer',
    after: { taskId, department },
  };
  const head = headOf(current);
  const link = chainAuditEvent(head, event);
  const move = auditHeadMove(head, link);
  return [
    {
      Update: {
        TableName: table,
        Key: keys.case(current.caseId),
        UpdateExpression: `SET departmentAnswers.#d = :answer, updatedAt = :at, ${move.sets.join(', ')} ADD #version :one`,
        ConditionExpression: `attribute_exists(departmentAnswers) AND ${move.condition}`,
        ExpressionAttributeNames: { '#d': department, '#version': 'version', ...move.names },
        ExpressionAttributeValues: { ':answer': answer, ':at': answer.at, ':one': 1, ...move.values },
      },
    },
    auditPut(table, event, link),
  ];
}

/**
 * Records a staff decision on an appeal task, in one transaction with what it changes on the
 * case; the workflow resumes from the task's stream record, as for aid tasks.
 */
export async function decideAppealTask(input: {
  taskId: string;
  decision: Decision;
  principal: Principal;
  now: Date;
}): Promise<{ taskId: string; outcome: string; caseStatus: string; dueDate?: string }> {
  const { decision, principal } = input;
  const task = (await getTask(input.taskId)) as AppealTaskRecord | undefined;
  if (!task || !isAppealTaskType(task.taskType))
    throw new NotFoundError(`There is no appeal task ${input.taskId}.`);
  assertTaskRole(task, principal);
  if (task.status !== 'open') throw taskNotOpen(task);
  // Includes a reason (or the body forwarded to) that the outcome needs (domain/decision-comments.ts).
  const problems = checkDecision(task.taskType, decision);
  if (problems.length > 0) {
    throw new ValidationError(problems.map((p) => ({ path: p.path.join('.'), message: p.message })));
  }
  const attempts = task.taskType === 'department_answer' ? 6 : 1;
  for (let attempt = 1; ; attempt++) {
    const found = await getItem<unknown>(keys.case(task.caseId));
    if (!isAppealCase(found)) throw new NotFoundError(`The appeal of task ${task.taskId} no longer exists.`);
    const current: AppealCaseRecord = found;

    const at = input.now.toISOString();
    const table = tableName();
    const actor: Actor = {
      kind: 'staff',
      username: principal.username,
      sub: principal.sub,
      roles: principal.roles,
    };
    const recorded: TaskDecision = {
      outcome: decision.outcome,
      ...(decision.comment ? { comment: decision.comment } : {}),
      ...(decision.answer ? { answer: decision.answer } : {}),
      decidedBy: principal.username,
      decidedBySub: principal.sub,
      decidedAt: at,
    };
    const base = {
      at,
      actor,
      action: `task.${task.taskType}.${decision.outcome}`,
      details: { taskId: task.taskId },
    };
    const comment = decision.comment?.trim() ?? '';
    const policy = deadlinePolicy(current.jurisdiction as Jurisdiction);
    let caseWrites: TransactItems;
    let dueDate: string | undefined;

    switch (task.taskType) {
      case 'department_answer':
        caseWrites = departmentAnswerWrites(
          table,
          current,
          task.department ?? 'unknown',
          { status: 'answered', text: decision.answer ?? '', by: principal.username, at },
          actor,
          task.taskId,
        );
        break;
      case 'consolidate_answer':
        if (decision.outcome === 'answer') {
          caseWrites = appealChange(table, current, { ...base, set: { answerDraft: decision.answer } });
        } else if (decision.outcome === 'extend') {
          // Ask for the longest extension the policy still allows; the head approves or refuses it.
          const days = longestAllowed(current, policy, input.now);
          if (days === undefined) {
            const refusal = extendDueDate({
              policy,
              termStartsOn: termStartOf(current, policy),
              currentDue: current.dueDate,
              extensionsSoFar: current.extensions,
              days: 1,
              today: toIsoDate(input.now, policy.timeZone),
            });
            throw new ConflictError(
              refusal.ok ? 'The deadline cannot be extended any further.' : refusal.refusal.message,
              { code: 'extension_refused', refusal: refusal.ok ? 'too_long' : refusal.refusal.code },
            );
          }
          caseWrites = appealChange(table, current, {
            ...base,
            set: { extensionRequest: { reason: comment, days, by: principal.username, at } },
          });
        } else if (decision.outcome === 'forward') {
          caseWrites = appealChange(table, current, {
            ...base,
            set: { forwardRequest: { to: comment, by: principal.username, at } },
          });
        } else {
          caseWrites = appealChange(table, current, { ...base, note: comment });
        }
        break;
      case 'sign_off_answer':
        caseWrites = appealChange(table, current, {
          ...base,
          ...(decision.outcome === 'reject' ? { set: { signOffComment: comment } } : {}),
        });
        break;
      case 'approve_extension': {
        const request = current.extensionRequest;
        if (decision.outcome === 'reject' || !request) {
          caseWrites = appealChange(table, current, { ...base, set: { extensionRequest: null } });
          break;
        }
        const result = extendDueDate({
          policy,
          termStartsOn: termStartOf(current, policy),
          currentDue: current.dueDate,
          extensionsSoFar: current.extensions,
          days: request.days,
          today: toIsoDate(input.now, policy.timeZone),
        });
        if (!result.ok) {
          throw new ConflictError(result.refusal.message, {
            code: 'extension_refused',
            refusal: result.refusal.code,
          });
        }
        dueDate = result.dueDate;
        caseWrites = [
          ...appealChange(table, current, {
            ...base,
            note: `Deadline extended to ${result.dueDate}: ${request.reason}`,
            noteCode: 'deadline_extended',
            noteArgs: { dueDate: result.dueDate, reason: request.reason },
            set: {
              dueDate: result.dueDate,
              extensions: current.extensions + 1,
              overdue: false,
              escalation: 'none',
              extensionRequest: null,
            },
            details: { taskId: task.taskId, dueDate: result.dueDate, days: result.days },
          }),
          notificationPut(
            table,
            {
              caseId: current.caseId,
              at,
              applicant: current.applicant,
              language: current.language,
              message: {
                kind: 'extended',
                reference: current.reference,
                dueDate: result.dueDate,
                reason: request.reason,
              },
            },
            extendedTexts,
          ),
        ];
        break;
      }
    }

    let outcome: Awaited<ReturnType<typeof transact>>;
    try {
      outcome = await transact([taskDecisionUpdate(table, task, recorded), ...caseWrites]);
    } catch (error) {
      // DynamoDB cancels one of two transactions on one item at the same instant (TransactionConflict).
      if (!(error instanceof TransientError) || attempt >= attempts) throw error;
      await pause(10 + Math.random() * 40 * attempt);
      continue;
    }
    if (!outcome.ok) {
      const now = await getTask(task.taskId);
      if (now && now.status !== 'open') throw taskNotOpen(now);
      // Parallel department answers race for the case's audit head: each tries again on a fresh
      // read rather than turning a lost race into a 409 for the person answering.
      if (attempt < attempts) {
        await pause(10 + Math.random() * 40 * attempt);
        continue;
      }
      throw new TransientError('the appeal changed while deciding; try again');
    }
    return {
      taskId: task.taskId,
      outcome: decision.outcome,
      caseStatus: current.status,
      ...(dueDate ? { dueDate } : {}),
    };
  }
}

/** The day the appeal's term runs from: for a Ukrainian letter registered days late, the day it arrived. */
function termStartOf(current: AppealCaseRecord, policy: ReturnType<typeof deadlinePolicy>): string {
  const receivedOn = toIsoDate(new Date(current.receivedAt ?? current.submittedAt), policy.timeZone);
  return termStart(policy, { registeredOn: current.registeredOn, receivedOn });
}

/** The most days an extension may still add (Ukraine's 45-day cap can leave fewer than maxDays). */
function longestAllowed(
  current: AppealCaseRecord,
  policy: ReturnType<typeof deadlinePolicy>,
  now: Date,
): number | undefined {
  for (let days = policy.extension.maxDays; days >= 1; days--) {
    const r = extendDueDate({
      policy,
      termStartsOn: termStartOf(current, policy),
      currentDue: current.dueDate,
      extensionsSoFar: current.extensions,
      days,
      today: toIsoDate(now, policy.timeZone),
    });
    if (r.ok) return days;
    if (r.refusal.code !== 'too_long') return undefined;
  }
  return undefined;
}
