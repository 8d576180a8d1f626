import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidApplicationSchema } from '../../../domain/aid-application.js';
import { dynamo } from '../../../functions/lib/clients.js';
import { getTask, tasksOfCase } from '../../../functions/lib/store/reads.js';
import { checkEligibility } from '../../../functions/use-cases/check-eligibility.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { distinctApplication } from '../../support/api-client.js';
import { recordCommandNames, type TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

describe('opening a staff task for a waiting workflow step', () => {
  let table: TestTable;
  let caseId: string;
  let requests: string[] = [];
  const now = new Date();

  beforeAll(async () => {
    table = await handlerTable();
    ({ caseId } = await submitAidApplication({
      application: aidApplicationSchema.parse(distinctApplication()),
      now,
    }));
    await checkEligibility(caseId, now);
    requests = recordCommandNames(dynamo());
  });
  afterAll(async () => table.drop());

  it('opens the task with one conditional put (no transaction), and a retry with the same token opens no twin', async () => {
    // Act
    requests.length = 0;
    const first = await openTask({ caseId, type: 'review', taskToken: 'token-a', now });
    const writes = requests.filter((r) => r === 'PutItemCommand' || r === 'TransactWriteItemsCommand');
    const retry = await openTask({ caseId, type: 'review', taskToken: 'token-a', now });

    // Assert
    expect(writes).toEqual(['PutItemCommand']);
    expect(retry).toEqual(first);
    expect((await tasksOfCase(caseId)).items.map((t) => t.taskId)).toEqual([first.taskId]);
  });

  it('supersedes the open task of the same type when the workflow asks again (its wait timed out)', async () => {
    // Arrange
    const { items } = await tasksOfCase(caseId);
    const stale = items[0];

    // Act
    const again = await openTask({
      caseId,
      type: 'review',
      taskToken: 'token-b',
      now: new Date(now.getTime() + 1),
    });

    // Assert
    expect((await getTask(stale?.taskId ?? ''))?.status).toBe('superseded');
    expect((await getTask(again.taskId))?.status).toBe('open');
  });
});
