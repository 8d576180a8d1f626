import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { toIsoDate } from '../../../domain/dates.js';
import { addDays, deadlinePolicy, departmentDueDate, type Jurisdiction } from '../../../domain/deadlines.js';
import { taskRole } from '../../../domain/tasks.js';
import { dynamo, tableName } from '../../lib/clients.js';
import { PermanentStepError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { type AppealTaskRecord, isAppealCase } from '../../lib/store/appeal-records.js';
import { keys } from '../../lib/store/keys.js';
import { getItem, tasksOfCase } from '../../lib/store/reads.js';
import { transact } from '../../lib/store/transactions.js';
import { taskIdFor } from '../open-task.js';

export const appealTaskTypes = [
  'department_answer',
  'consolidate_answer',
  'sign_off_answer',
  'approve_extension',
] as const;
export type AppealTaskType = (typeof appealTaskTypes)[number];

export function isAppealTaskType(type: string): type is AppealTaskType {
  return (appealTaskTypes as readonly string[]).includes(type);
}

/** The end of a civil day in UTC: a task due "on the 20th" is late from the 21st. */
const endOf = (date: string) => `${date}T23:59:59.999Z`;

/**
 * When an appeal task is due. A department answers well before the case's legal deadline (so that
 * the answer can be consolidated and signed); the coordinator by the deadline itself; the head's
 * sign-off and extension approval within two days, never after the deadline.
 */
function dueAtFor(type: AppealTaskType, jurisdiction: Jurisdiction, today: string, caseDue: string): string {
  const policy = deadlinePolicy(jurisdiction);
  switch (type) {
    case 'department_answer':
      return endOf(departmentDueDate(policy, today, caseDue));
    case 'consolidate_answer':
      return endOf(caseDue);
    default: {
      const soon = addDays(today, 2);
      return endOf(soon < caseDue ? soon : caseDue < today ? today : caseDue);
    }
  }
}

/**
 * Opens a staff task for a waiting step of the appeal workflow; idempotent like OpenTask (the id
 * derives from the token). Departments answer in parallel, so a task left open by an earlier
 * wait is superseded only when it is of the same type *and* the same department.
 */
export async function openAppealTask(input: {
  caseId: string;
  type: AppealTaskType;
  department?: string | undefined;
  taskToken: string;
  executionId?: string | undefined;
  now: Date;
}): Promise<{ taskId: string }> {
  const found = await getItem<unknown>(keys.case(input.caseId));
  if (!isAppealCase(found)) throw new PermanentStepError(`appeal ${input.caseId} not found`);
  if (input.type === 'department_answer' && !input.department) {
    throw new PermanentStepError('a department_answer task needs its department');
  }
  const taskId = taskIdFor(input.taskToken);
  const createdAt = input.now.toISOString();
  const role = taskRole[input.type];
  const policy = deadlinePolicy(found.jurisdiction as Jurisdiction);
  const today = toIsoDate(input.now, policy.timeZone);
  const task: AppealTaskRecord & Record<string, unknown> = {
    ...keys.task(taskId),
    ...keys.tasksOfCase(input.caseId, createdAt),
    ...keys.openTasks(role, createdAt, taskId),
    type: 'Task',
    taskId,
    taskType: input.type,
    role,
    caseId: input.caseId,
    caseReference: found.reference,
    status: 'open',
    version: 1,
    createdAt,
    dueAt: dueAtFor(input.type, policy.jurisdiction, today, found.dueDate),
    taskToken: input.taskToken,
    ...(input.executionId ? { executionId: input.executionId } : {}),
    ...(input.department ? { department: input.department } : {}),
  };
  const outcome = await transact([
    { Put: { TableName: tableName(), Item: task, ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
  if (!outcome.ok) return { taskId }; // already opened by an earlier attempt

  const { items } = await tasksOfCase(input.caseId);
  const stale = (items as AppealTaskRecord[]).filter(
    (t) =>
      t.status === 'open' &&
      t.taskType === input.type &&
      t.department === input.department &&
      t.taskId !== taskId,
  );
  for (const old of stale) {
    await dynamo()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.task(old.taskId),
          UpdateExpression: 'SET #status = :superseded, #version = #version + :one REMOVE gsi2pk, gsi2sk',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':superseded': 'superseded', ':open': 'open', ':one': 1 },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
    logger.info('superseded a stale appeal task', { taskId: old.taskId, by: taskId });
  }
  return { taskId };
}
