import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OutboundMessage, setNotifierForTests } from '../../../functions/lib/notify/notifier.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { handler } from '../../../functions/streams/inform-stream.js';
import { aidUsageReport } from '../../../functions/use-cases/reports/aid-usage.js';
import { aidCaseItem, disbursementItem, streamRecord } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, lambdaContext } from '../../support/handler-env.js';

let table: TestTable;
let accepted: OutboundMessage[];
let failures: Error[];
beforeAll(async () => {
  table = await handlerTable({ seed: false });
  setNotifierForTests({
    async send(message) {
      const failure = failures.shift();
      if (failure) throw failure;
      accepted.push(message);
      return { messageId: `msg-${accepted.length}` };
    },
  });
});
beforeEach(() => {
  accepted = [];
  failures = [];
});
afterAll(async () => {
  setNotifierForTests(undefined);
  await table.drop();
});

const run = (records: DynamoDBRecord[]) =>
  handler({ Records: records } as DynamoDBStreamEvent, lambdaContext);

async function notificationItems(caseId: string) {
  const { Items } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
      ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':n': 'NOTIFICATION#' },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

describe('the informing stream consumer', () => {
  it('turns a new application into one message, however often the stream delivers its records', async () => {
    const aidCase = aidCaseItem({ language: 'en' });
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: aidCase }));
    const caseInsert = streamRecord('INSERT', aidCase);

    await run([caseInsert]);
    const [written] = await notificationItems(aidCase.caseId);
    const notificationInsert = streamRecord('INSERT', written!);
    const first = await run([notificationInsert]);
    const replay = await run([caseInsert, notificationInsert, caseInsert, notificationInsert]);

    expect(first.batchItemFailures).toEqual([]);
    expect(replay.batchItemFailures).toEqual([]);
    expect(await notificationItems(aidCase.caseId)).toHaveLength(1);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.text).toMatch(
      new RegExp(`^Your aid application ${aidCase.reference} has been received\\.`),
    );
  });

  it('counts a paid disbursement in the aid usage report once, however often its record comes', async () => {
    const aidCase = aidCaseItem({ year: 2036, status: 'paid' });
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: aidCase }));
    const authorised = disbursementItem(aidCase);
    const paid = streamRecord('MODIFY', { ...authorised, status: 'paid' }, authorised);

    await run([paid]);
    await run([paid]);
    const report = await aidUsageReport(2036);

    expect(report.totals.pensioners).toEqual({ amount: { currency: 'RUB', minor: 500_000 }, persons: 1 });
  });

  it('hands the failing record and the rest of the batch back for retry, so order is kept', async () => {
    const one = aidCaseItem();
    const two = aidCaseItem();
    for (const c of [one, two]) await table.doc.send(new PutCommand({ TableName: table.tableName, Item: c }));
    await run([streamRecord('INSERT', one), streamRecord('INSERT', two)]);
    const inserts = [
      streamRecord('INSERT', (await notificationItems(one.caseId))[0]!),
      streamRecord('INSERT', (await notificationItems(two.caseId))[0]!),
    ];
    failures.push(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));

    const throttled = await run(inserts);
    const retried = await run(inserts);

    expect(throttled.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
      inserts.map((r) => r.dynamodb?.SequenceNumber),
    );
    expect(retried.batchItemFailures).toEqual([]);
    expect(accepted.map((m) => m.reference)).toEqual([one.reference, two.reference]);
  });
});
