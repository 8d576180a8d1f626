import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TransientError } from '../../../../functions/lib/errors.js';
import { countOnce } from '../../../../functions/lib/store/counted-facts.js';
import { useMockedAwsClients } from '../../../support/handler-env.js';

const ddb = mockClient(DynamoDBDocumentClient);
const conflict = () =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
  });
const fact = {
  marker: { pk: 'COUNTED#case-1', sk: 'PAID#d-1' },
  counter: { pk: 'REPORT#AID_USAGE#2026', sk: 'ROW#regional_budget#cash' },
  add: { general_minor: 100_000 },
};

// A conflicting transaction on the aggregate row: DynamoDB Local serialises transactions and never
// produces one, so the SDK is mocked here.
describe('counting a report fact once', () => {
  beforeAll(() => useMockedAwsClients());
  beforeEach(() => ddb.reset());
  afterAll(() => ddb.restore());

  it('tries again when another transaction on the aggregate row got in the way', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(conflict()).rejectsOnce(conflict()).resolves({});

    const counted = await countOnce(fact);

    expect(counted).toBe(true);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('hands the conflict on after its last try, for the stream to retry the record', async () => {
    ddb.on(TransactWriteCommand).rejects(conflict());

    await expect(countOnce(fact)).rejects.toBeInstanceOf(TransientError);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(4);
  });

  it('does not try again when the fact was counted already', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );

    expect(await countOnce(fact)).toBe(false);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
