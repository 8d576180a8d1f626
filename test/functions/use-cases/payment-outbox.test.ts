import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, TaskTimedOut } from '@aws-sdk/client-sfn';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/streams/table-stream.js';
import { lambdaContext, useMockedAwsClients } from '../../support/handler-env.js';

const sfn = mockClient(SFNClient);

function modify(seq: string, newImage: object, oldImage: object) {
  return {
    eventID: `e${seq}`,
    eventName: 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-central-1',
    dynamodb: {
      SequenceNumber: seq,
      NewImage: marshall(newImage, { removeUndefinedValues: true }),
      OldImage: marshall(oldImage, { removeUndefinedValues: true }),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      SizeBytes: 100,
    },
  };
}

const disbursement = (status: string, taskToken: string, extra: object = {}) => ({
  pk: 'DISBURSEMENT#dsb_c1',
  sk: 'DISBURSEMENT',
  type: 'Disbursement',
  disbursementId: 'dsb_c1',
  caseId: 'c1',
  status,
  taskToken,
  attempt: 1,
  payee: { name: 'Secret Name', method: 'bank_transfer', iban: 'DE89370400440532013000' },
  ...extra,
});

const run = (records: ReturnType<typeof modify>[]) =>
  handler({ Records: records } as unknown as DynamoDBStreamEvent, lambdaContext);

describe('the settlement outbox (table stream → the workflow waiting in "Create the disbursement")', () => {
  beforeAll(() => useMockedAwsClients());
  beforeEach(() => sfn.reset());
  afterAll(() => sfn.restore());

  it('resumes the workflow when a disbursement is paid, with ids only', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    const paid = disbursement('paid', 'tok-1', { paidAt: '2026-03-01T10:00:00.000Z' });
    const result = await run([modify('1', paid, disbursement('batched', 'tok-1'))]);
    expect(result.batchItemFailures).toEqual([]);
    const calls = sfn.commandCalls(SendTaskSuccessCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.taskToken).toBe('tok-1');
    expect(JSON.parse(calls[0]?.args[0].input.output ?? '')).toEqual({
      disbursementId: 'dsb_c1',
      status: 'paid',
      paidAt: '2026-03-01T10:00:00.000Z',
      attempt: 1,
    });
    expect(calls[0]?.args[0].input.output).not.toContain('Secret');
  });

  it('fails the wait with PaymentFailed when the bank returned the payment, without the reason', async () => {
    sfn.on(SendTaskFailureCommand).resolves({});
    const failed = disbursement('failed', 'tok-2', {
      settlement: { status: 'failed', reason: 'account of Secret Name closed' },
    });
    await run([modify('2', failed, disbursement('authorised', 'tok-2'))]);
    const calls = sfn.commandCalls(SendTaskFailureCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toMatchObject({ taskToken: 'tok-2', error: 'PaymentFailed' });
    expect(calls[0]?.args[0].input.cause).not.toContain('Secret');
  });

  it('answers a settled disbursement again when the wait was re-entered with a new token', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    await run([modify('3', disbursement('paid', 'tok-new'), disbursement('paid', 'tok-old'))]);
    expect(sfn.commandCalls(SendTaskSuccessCommand).map((c) => c.args[0].input.taskToken)).toEqual([
      'tok-new',
    ]);
  });

  it('says nothing for batching or for a change that leaves a settled disbursement as it was', async () => {
    await run([
      modify('4', disbursement('batched', 'tok-3'), disbursement('authorised', 'tok-3')),
      modify('5', disbursement('paid', 'tok-4', { note: 'x' }), disbursement('paid', 'tok-4')),
    ]);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
    expect(sfn.commandCalls(SendTaskFailureCommand)).toHaveLength(0);
  });

  it('drops a settlement for a wait that timed out meanwhile (the re-entered wait gets it instead)', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'gone', $metadata: {} }));
    const result = await run([modify('6', disbursement('paid', 'tok-5'), disbursement('batched', 'tok-5'))]);
    expect(result.batchItemFailures).toEqual([]);
  });
});
