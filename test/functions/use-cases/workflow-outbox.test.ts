import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TaskType } from '../../../domain/tasks.js';
import type { TaskRecord } from '../../../functions/lib/store/records.js';
import { resumeWorkflow } from '../../../functions/use-cases/workflow-outbox.js';
import { useMockedAwsClients } from '../../support/handler-env.js';

const sfn = mockClient(SFNClient);

const decided = (taskType: TaskType, outcome: string): TaskRecord => ({
  pk: 'TASK#t1',
  sk: 'TASK',
  type: 'Task',
  taskId: 't1',
  taskType,
  role: 'head',
  caseId: 'c1',
  caseReference: 'AID-2026-000001',
  status: 'decided',
  version: 2,
  createdAt: '2026-03-01T10:00:00.000Z',
  dueAt: '2026-03-06T10:00:00.000Z',
  taskToken: 'token-1',
  decision: {
    outcome,
    comment: 'private note',
    decidedBy: 'head',
    decidedBySub: 'sub-head',
    decidedAt: '2026-03-02T10:00:00.000Z',
  },
});

describe('delivering a decision to the waiting workflow', () => {
  beforeAll(() => useMockedAwsClients());
  beforeEach(() => {
    sfn.reset();
    sfn.on(SendTaskSuccessCommand).resolves({});
    sfn.on(SendTaskFailureCommand).resolves({});
  });
  afterAll(() => sfn.restore());

  it.each(['approve', 'authorise_payment'] as const)(
    'fails the wait of a rejected %s task with DecisionRejected, for the state’s Catch (no Choice after it)',
    async (taskType) => {
      // Act
      const result = await resumeWorkflow(decided(taskType, 'reject'));

      // Assert
      expect(result).toBe('resumed');
      expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
      const input = sfn.commandCalls(SendTaskFailureCommand)[0]?.args[0].input;
      expect(input?.taskToken).toBe('token-1');
      expect(input?.error).toBe('DecisionRejected');
      // What the workflow records is the decision without its free text.
      expect(JSON.parse(input?.cause ?? '{}')).toEqual({
        outcome: 'reject',
        decidedBy: 'head',
        taskId: 't1',
      });
    },
  );

  it.each(['approve', 'authorise_payment'] as const)(
    'resumes an approved %s task with its decision',
    async (taskType) => {
      // Act
      await resumeWorkflow(decided(taskType, 'approve'));

      // Assert
      expect(sfn.commandCalls(SendTaskFailureCommand)).toHaveLength(0);
      const input = sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input;
      expect(JSON.parse(input?.output ?? '{}')).toEqual({
        outcome: 'approve',
        decidedBy: 'head',
        taskId: 't1',
      });
    },
  );

  it('fails an approval task with an outcome the workflow does not know as UnexpectedDecision', async () => {
    // Act
    await resumeWorkflow(decided('approve', 'extend'));

    // Assert
    expect(sfn.commandCalls(SendTaskFailureCommand)[0]?.args[0].input.error).toBe('UnexpectedDecision');
  });

  it.each([
    ['review', 'reject'],
    ['close_unanswered_request', 'reject'],
    ['commission_vote', 'reject'],
    ['reissue_payment', 'close'],
  ] as const)(
    'resumes a %s task decided %s with its outcome, for the workflow’s choice',
    async (taskType, outcome) => {
      // Act
      await resumeWorkflow(decided(taskType, outcome));

      // Assert
      expect(sfn.commandCalls(SendTaskFailureCommand)).toHaveLength(0);
      const input = sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input;
      expect(JSON.parse(input?.output ?? '{}')).toMatchObject({ outcome });
    },
  );
});
