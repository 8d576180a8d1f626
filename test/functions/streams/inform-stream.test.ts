import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationRef } from '../../../functions/lib/notify/delivery-message.js';
import { setDeliveryQueueForTests } from '../../../functions/lib/notify/delivery-queue.js';
import { type OutboundMessage, setNotifierForTests } from '../../../functions/lib/notify/notifier.js';
import { handler as deliver } from '../../../functions/queues/deliver-notification.js';
import { handler } from '../../../functions/streams/inform-stream.js';
import { aidUsageReport } from '../../../functions/use-cases/reports/aid-usage.js';
import {
  aidCaseItem,
  disbursementItem,
  notificationsOfCase,
  streamRecord,
} from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, lambdaContext } from '../../support/handler-env.js';
import { queueEvent, queueRecord } from '../../support/queue-messages.js';

let table: TestTable;
let accepted: OutboundMessage[];
/** Each enqueue request, as the delivery queue received it. */
let requests: NotificationRef[][];
/** Per request, the positions the queue refuses. */
let refusals: number[][];
let unreachable: boolean;
beforeAll(async () => {
  table = await handlerTable({ seed: false });
  setNotifierForTests({
    async send(message) {
      accepted.push(message);
      return { messageId: `msg-${accepted.length}` };
    },
  });
  setDeliveryQueueForTests({
    async enqueue(refs) {
      if (unreachable) throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'TimeoutError' });
      requests.push([...refs]);
      return refusals.shift() ?? [];
    },
  });
});
beforeEach(() => {
  accepted = [];
  requests = [];
  refusals = [];
  unreachable = false;
});
afterAll(async () => {
  setNotifierForTests(undefined);
  setDeliveryQueueForTests(undefined);
  await table.drop();
});

const run = (records: DynamoDBRecord[]) =>
  handler({ Records: records } as DynamoDBStreamEvent, lambdaContext);

/** What DeliverNotification does with everything queued so far (and empties the queue). */
async function deliverQueued() {
  const messages = requests.flat().map((ref) => queueRecord(ref));
  requests = [];
  return deliver(queueEvent(messages), lambdaContext);
}

const notificationItems = (caseId: string) => notificationsOfCase(table, caseId);

describe('the informing stream consumer', () => {
  it('turns a new application into one message, however often the stream delivers its records', async () => {
    const aidCase = aidCaseItem({ language: 'en' });
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: aidCase }));
    const caseInsert = streamRecord('INSERT', aidCase);

    await run([caseInsert]);
    const [written] = await notificationItems(aidCase.caseId);
    const notificationInsert = streamRecord('INSERT', written!);
    const first = await run([notificationInsert]);
    const queuedFirst = requests.flat();
    const delivered = await deliverQueued();
    const replay = await run([caseInsert, notificationInsert, caseInsert, notificationInsert]);
    const redelivered = await deliverQueued();

    expect(first.batchItemFailures).toEqual([]);
    expect(replay.batchItemFailures).toEqual([]);
    expect(queuedFirst).toEqual([{ pk: written?.pk, sk: written?.sk }]);
    expect([delivered.batchItemFailures, redelivered.batchItemFailures]).toEqual([[], []]);
    expect(await notificationItems(aidCase.caseId)).toHaveLength(1);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.text).toMatch(
      new RegExp(`^Your aid application ${aidCase.reference} has been received\\.`),
    );
  });

  it('sends nothing itself, and queues the new notifications of a batch in one request', async () => {
    const cases = [aidCaseItem(), aidCaseItem()];
    for (const c of cases) await table.doc.send(new PutCommand({ TableName: table.tableName, Item: c }));
    await run(cases.map((c) => streamRecord('INSERT', c)));
    const [one, two] = [
      (await notificationItems(cases[0]!.caseId))[0]!,
      (await notificationItems(cases[1]!.caseId))[0]!,
    ];

    const result = await run([
      streamRecord('INSERT', one),
      streamRecord('MODIFY', { ...one, status: 'sent' }, one),
      streamRecord('INSERT', two),
    ]);

    expect(result.batchItemFailures).toEqual([]);
    expect(accepted).toEqual([]);
    expect(requests).toEqual([[one, two].map((n) => ({ pk: n.pk, sk: n.sk }))]);
  });

  it('queues a message staff had sent again, and not the updates of its delivery', async () => {
    // Arrange
    const c = aidCaseItem();
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: c }));
    await run([streamRecord('INSERT', c)]);
    const [n] = await notificationItems(c.caseId);
    const failed = { ...n!, status: 'failed', failure: 'Throttled' };
    const requeued = { ...n!, status: 'requeued', requeuedBy: 'clerk' };
    requests = [];

    // Act
    const result = await run([
      streamRecord('MODIFY', requeued, failed),
      streamRecord('MODIFY', { ...requeued, status: 'sending' }, requeued),
    ]);

    // Assert
    expect(result.batchItemFailures).toEqual([]);
    expect(requests).toEqual([[{ pk: n!.pk, sk: n!.sk }]]);
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

  it('hands the batch back from the first record whose notification the queue refused, so none is lost', async () => {
    const one = aidCaseItem();
    const two = aidCaseItem();
    for (const c of [one, two]) await table.doc.send(new PutCommand({ TableName: table.tableName, Item: c }));
    await run([streamRecord('INSERT', one), streamRecord('INSERT', two)]);
    const records = [
      streamRecord('INSERT', (await notificationItems(one.caseId))[0]!),
      streamRecord('INSERT', aidCaseItem()),
      streamRecord('INSERT', (await notificationItems(two.caseId))[0]!),
    ];
    refusals.push([1]);

    const refused = await run(records);
    const retried = await run(records.slice(2));
    const delivered = await deliverQueued();

    expect(refused.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      records[2]?.dynamodb?.SequenceNumber,
    ]);
    expect(retried.batchItemFailures).toEqual([]);
    expect(delivered.batchItemFailures).toEqual([]);
    expect(accepted.map((m) => m.reference).sort()).toEqual([one.reference, two.reference].sort());
  });

  it('hands the whole batch back when the queue cannot be reached', async () => {
    const aidCase = aidCaseItem();
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: aidCase }));
    await run([streamRecord('INSERT', aidCase)]);
    const records = [
      streamRecord('INSERT', aidCase),
      streamRecord('INSERT', (await notificationItems(aidCase.caseId))[0]!),
    ];
    unreachable = true;

    const result = await run(records);

    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
      records.map((r) => r.dynamodb?.SequenceNumber),
    );
  });
});
