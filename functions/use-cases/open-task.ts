import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type TaskType, taskRole } from '../../domain/tasks.js';
import { sha256 } from '../lib/access-codes.js';
import { dynamo, tableName } from '../lib/clients.js';
import { PermanentStepError, TransientError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { keys } from '../lib/store/keys.js';
import { getCase, tasksOfCase } from '../lib/store/reads.js';
import type { TaskRecord } from '../lib/store/records.js';
import { openCommissionVote } from './commission.js';

/** Days a task may stay open before it shows as overdue in the inbox. */
const dueDays: Partial<Record<TaskType, number>> = {
  review: 10,
  approve: 5,
  commission_vote: 10,
  authorise_payment: 3,
  close_unanswered_request: 5,
  reissue_payment: 5,
};

const throttled = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

/** Task ids derive from the task token, so a retried OpenTask finds its own task, not a twin. */
export const taskIdFor = (taskToken: string) => `tsk_${sha256(taskToken).slice(0, 24)}`;

/**
 * Opens a staff task for a waiting workflow step. Idempotent: the same token opens the same
 * task once. A task of the same type left open on the case (its wait timed out and the workflow
 * asked again) is superseded, so the inbox never shows two.
 */
export async function openTask(input: {
  caseId: string;
  type: TaskType;
  taskToken: string;
  executionId?: string | undefined;
  /** Commission votes: the member's seat (one task per seat). */
  seat?: number | undefined;
  now: Date;
}): Promise<{ taskId: string }> {
  const current = await getCase(input.caseId);
  if (!current) throw new PermanentStepError(`case ${input.caseId} not found`);
  const taskId = taskIdFor(input.taskToken);
  const createdAt = input.now.toISOString();
  const role = taskRole[input.type];
  const dueAt = new Date(input.now.getTime() + (dueDays[input.type] ?? 10) * 86_400_000).toISOString();
  const task: TaskRecord & Record<string, unknown> = {
    ...keys.task(taskId),
    ...keys.tasksOfCase(input.caseId, createdAt),
    ...keys.openTasks(role, createdAt, taskId),
    type: 'Task',
    taskId,
    taskType: input.type,
    role,
    caseId: input.caseId,
    caseReference: current.reference,
    status: 'open',
    version: 1,
    createdAt,
    dueAt,
    taskToken: input.taskToken,
    ...(input.executionId ? { executionId: input.executionId } : {}),
    ...(input.seat !== undefined ? { seat: input.seat } : {}),
  };
  if (input.type === 'commission_vote') {
    return openCommissionVote({ caseId: input.caseId, taskId, seat: input.seat ?? 0, task, now: input.now });
  }
  // A conditional put, not a one-item transaction: a transactional write is billed twice (issue 7).
  const opened = await dynamo()
    .send(
      new PutCommand({ TableName: tableName(), Item: task, ConditionExpression: 'attribute_not_exists(pk)' }),
    )
    .then(
      () => true,
      (error: Error) => {
        if (error.name === 'ConditionalCheckFailedException') return false;
        // Retried by the workflow, as transact() would have had it.
        if (throttled.has(error.name)) throw new TransientError(error.message);
        throw error;
      },
    );
  if (!opened) return { taskId }; // already opened by an earlier attempt

  const { items } = await tasksOfCase(input.caseId);
  for (const stale of items.filter(
    (t) => t.status === 'open' && t.taskType === input.type && t.taskId !== taskId,
  )) {
    await dynamo()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.task(stale.taskId),
          UpdateExpression: 'SET #status = :superseded, #version = #version + :one REMOVE gsi2pk, gsi2sk',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':superseded': 'superseded', ':open': 'open', ':one': 1 },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
    logger.info('superseded a stale task', { taskId: stale.taskId, by: taskId });
  }
  return { taskId };
}
