import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TransientError } from '../../../../functions/lib/errors.js';
import { countFacts, countOnce } from '../../../../functions/lib/store/counted-facts.js';
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

  describe('several facts onto one aggregate', () => {
    const payment = { marker: { pk: 'COUNTED#case-1', sk: 'PAID#d-1' }, add: { general_minor: 100_000 } };
    const person = { marker: { pk: 'COUNTED#person-1', sk: 'PERSON#2026' }, add: { general_persons: 1 } };
    const row = { pk: 'REPORT#AID_USAGE#2026', sk: 'ROW#regional_budget#cash' };
    const itemsOf = (call: number) =>
      ddb.commandCalls(TransactWriteCommand)[call]?.args[0].input.TransactItems ?? [];

    it('writes both markers and the summed counters in one transaction', async () => {
      ddb.on(TransactWriteCommand).resolves({});

      const counted = await countFacts({ counter: row, facts: [payment, person] });

      expect(counted).toEqual([true, true]);
      expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
      const items = itemsOf(0);
      expect(items.map((item) => item.Put?.Item?.sk ?? item.Update?.Key?.sk)).toEqual([
        'PAID#d-1',
        'PERSON#2026',
        row.sk,
      ]);
      expect(Object.values(items[2]?.Update?.ExpressionAttributeValues ?? {})).toEqual([100_000, 1]);
    });

    it('leaves out a fact counted already and counts the rest in a second transaction', async () => {
      ddb
        .on(TransactWriteCommand)
        .rejectsOnce(
          new TransactionCanceledException({
            message: 'cancelled',
            $metadata: {},
            CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
          }),
        )
        .resolves({});

      const counted = await countFacts({ counter: row, facts: [payment, person] });

      expect(counted).toEqual([true, false]);
      const retried = itemsOf(1);
      expect(retried.map((item) => item.Put?.Item?.sk ?? item.Update?.Key?.sk)).toEqual(['PAID#d-1', row.sk]);
      expect(Object.values(retried[1]?.Update?.ExpressionAttributeNames ?? {})).toEqual(['general_minor']);
    });

    it('adds nothing when every fact was counted already', async () => {
      ddb.on(TransactWriteCommand).rejects(
        new TransactionCanceledException({
          message: 'cancelled',
          $metadata: {},
          CancellationReasons: [
            { Code: 'ConditionalCheckFailed' },
            { Code: 'ConditionalCheckFailed' },
            { Code: 'None' },
          ],
        }),
      );

      expect(await countFacts({ counter: row, facts: [payment, person] })).toEqual([false, false]);
      expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    });
  });
});
