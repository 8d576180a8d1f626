import {
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/streams/table-stream.js';
import { lambdaContext, useMockedAwsClients } from '../../support/handler-env.js';

const sfn = mockClient(SFNClient);

function record(eventName: 'INSERT' | 'MODIFY', seq: string, newImage: object, oldImage?: object) {
  return {
    eventID: `e${seq}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-central-1',
    dynamodb: {
      SequenceNumber: seq,
      NewImage: marshall(newImage, { removeUndefinedValues: true }),
      ...(oldImage ? { OldImage: marshall(oldImage, { removeUndefinedValues: true }) } : {}),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      SizeBytes: 100,
    },
    eventSourceARN: 'arn:aws:dynamodb:eu-central-1:000000000000:table/aidflow/stream/x',
  };
}

const newCase = (caseId: string) => ({
  pk: `CASE#${caseId}`,
  sk: 'CASE',
  type: 'AidCase',
  caseId,
  applicant: { fullName: 'Secret Name' },
});
const task = (status: string) => ({
  pk: 'TASK#t1',
  sk: 'TASK',
  type: 'Task',
  taskId: 't1',
  status,
  taskToken: 'token-1',
  decision:
    status === 'decided' ? { outcome: 'approve', comment: 'private note', decidedBy: 'head' } : undefined,
});

const run = (records: ReturnType<typeof record>[]) =>
  handler({ Records: records } as unknown as DynamoDBStreamEvent, lambdaContext);

describe('the table stream (transactional outbox)', () => {
  beforeAll(() =>
    useMockedAwsClients({
      AID_STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:000000000000:stateMachine:AidApplication',
    }),
  );
  beforeEach(() => sfn.reset());
  afterAll(() => sfn.restore());

  it('starts one execution per new case, named by the case id', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:x', startDate: new Date() });
    const result = await run([record('INSERT', '1', newCase('c1'))]);
    expect(result.batchItemFailures).toEqual([]);
    const calls = sfn.commandCalls(StartExecutionCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({ name: 'c1', input: JSON.stringify({ caseId: 'c1' }) });
  });

  it('treats an execution that already exists as done (a redelivered record)', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    const result = await run([record('INSERT', '1', newCase('c1'))]);
    expect(result.batchItemFailures).toEqual([]);
  });

  it('reports the failed record and every later one, and holds back the rest of its case, so order is kept on retry', async () => {
    // Arrange: c2's workflow cannot be started; a decision on c2's task follows in the batch.
    sfn
      .on(StartExecutionCommand, { name: 'c1' })
      .resolves({ executionArn: 'a', startDate: new Date() })
      .on(StartExecutionCommand, { name: 'c2' })
      .rejects(Object.assign(new Error('unavailable'), { name: 'ServiceUnavailable' }))
      .on(StartExecutionCommand, { name: 'c3' })
      .resolves({ executionArn: 'c', startDate: new Date() });
    sfn.on(SendTaskSuccessCommand).resolves({});
    const decidedOnC2 = record(
      'MODIFY',
      '4',
      { ...task('decided'), caseId: 'c2' },
      { ...task('open'), caseId: 'c2' },
    );

    // Act
    const result = await run([
      record('INSERT', '1', newCase('c1')),
      record('INSERT', '2', newCase('c2')),
      record('INSERT', '3', newCase('c3')),
      decidedOnC2,
    ]);

    // Assert: everything from c2's record on comes again; c2's decision waited for its start.
    // (c3, another case, did not wait: starting it again on the retry is answered ExecutionAlreadyExists.)
    expect(result.batchItemFailures).toEqual([
      { itemIdentifier: '2' },
      { itemIdentifier: '3' },
      { itemIdentifier: '4' },
    ]);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
  });

  it('resumes the workflow when a task is decided, without the free-text comment', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    const result = await run([record('MODIFY', '5', task('decided'), task('open'))]);
    expect(result.batchItemFailures).toEqual([]);
    const call = sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input;
    expect(call?.taskToken).toBe('token-1');
    expect(JSON.parse(call?.output ?? '{}')).toEqual({ outcome: 'approve', decidedBy: 'head', taskId: 't1' });
  });

  it('drops a decision the workflow no longer waits for instead of retrying forever', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'timed out', $metadata: {} }));
    const result = await run([record('MODIFY', '6', task('decided'), task('open'))]);
    expect(result.batchItemFailures).toEqual([]);
  });

  it('resumes "Wait for funds" once a waitlisted case is funded, and only once', async () => {
    // Arrange
    sfn.on(SendTaskSuccessCommand).resolves({});
    const waiting = { pk: 'CASE#c9', sk: 'WAITLIST', type: 'Waitlist', caseId: 'c9', status: 'waiting' };
    const withToken = { ...waiting, taskToken: 'token-9' };
    const funded = { ...withToken, status: 'funded', fundedFrom: 'charity' };

    // Act
    const result = await run([
      record('MODIFY', '8', withToken, waiting),
      record('MODIFY', '9', funded, withToken),
      record('MODIFY', '10', { ...funded, fundedAt: 'later' }, funded),
    ]);

    // Assert
    expect(result.batchItemFailures).toEqual([]);
    const calls = sfn.commandCalls(SendTaskSuccessCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.taskToken).toBe('token-9');
    expect(JSON.parse(calls[0]?.args[0].input.output ?? '{}')).toEqual({
      outcome: 'reserved',
      source: 'charity',
    });
  });

  it('runs the next step of a waitlist walk from its continuation record', async () => {
    // Arrange: the line is gone by now (the walk then has nothing to do); what matters is which it reads.
    const ddb = mockClient(DynamoDBDocumentClient);
    ddb.on(GetCommand).resolves({});
    const walk = {
      pk: 'WAITLIST_WALK#2031#charity',
      sk: 'WALK',
      type: 'WaitlistWalk',
      year: 2031,
      source: 'charity',
      step: 2,
    };

    // Act
    const result = await run([record('MODIFY', '8', walk, { ...walk, step: 1 })]);

    // Assert
    ddb.restore();
    expect(result.batchItemFailures).toEqual([]);
    const reads = ddb.commandCalls(GetCommand).map((c) => c.args[0].input.Key);
    expect(reads).toEqual([{ pk: 'BUDGET#2031', sk: 'SOURCE#charity' }]);
  });

  it('ignores changes that oblige the workflows to nothing', async () => {
    const result = await run([record('MODIFY', '7', task('open'), task('open'))]);
    expect(result.batchItemFailures).toEqual([]);
    expect(sfn.calls()).toHaveLength(0);
  });
});
