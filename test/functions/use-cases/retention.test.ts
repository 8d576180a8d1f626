import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionExpiry } from '../../../domain/retention.js';
import {
  type AppealCaseRecord,
  appealChange,
  appealKeys,
} from '../../../functions/lib/store/appeal-records.js';
import { caseReopening, caseStatusChange } from '../../../functions/lib/store/case-writes.js';
import { keys } from '../../../functions/lib/store/keys.js';
import type { AidCaseRecord } from '../../../functions/lib/store/records.js';
import { transact } from '../../../functions/lib/store/transactions.js';
import { handler as tableStream } from '../../../functions/streams/table-stream.js';
import { aidCaseItem, disbursementItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, lambdaContext } from '../../support/handler-env.js';

const reviewer = { kind: 'staff', username: 'reviewer', sub: 'sub-reviewer', roles: ['reviewer'] } as const;
const closedAt = '2031-03-05T10:00:00.000Z';

let sequence = 0;

/** The stream record of a case item's deletion: by DynamoDB's TTL, or by anybody's DeleteItem. */
function removal(oldImage: object, byTtl: boolean) {
  sequence += 1;
  return {
    eventID: `r${sequence}`,
    eventName: 'REMOVE',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-central-1',
    dynamodb: {
      SequenceNumber: String(sequence).padStart(21, '0'),
      Keys: marshall({ pk: (oldImage as { pk: string }).pk, sk: 'CASE' }),
      OldImage: marshall(oldImage, { removeUndefinedValues: true }),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      SizeBytes: 100,
    },
    ...(byTtl ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
    eventSourceARN: 'arn:aws:dynamodb:eu-central-1:000000000000:table/aidflow/stream/x',
  };
}

describe('retention of closed cases', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable({ seed: false });
  });
  afterAll(async () => table.drop());

  const put = (Item: Record<string, unknown>) =>
    table.doc.send(new PutCommand({ TableName: table.tableName, Item }));
  const get = async <T = Record<string, unknown>>(key: { pk: string; sk: string }) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true })))
      .Item as T | undefined;
  const partition = async (pk: string) =>
    (
      await table.doc.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];

  it('sets expiresAt on an aid case as it closes: the policy counted from its closing', async () => {
    // Arrange
    const item = aidCaseItem({ status: 'in_review' });
    await put(item);

    // Act
    const closing = caseStatusChange(table.tableName, item as unknown as AidCaseRecord, {
      to: 'rejected',
      at: closedAt,
      actor: reviewer,
      action: 'task.review.reject',
    });
    const outcome = await transact(closing);

    // Assert
    expect(outcome.ok).toBe(true);
    expect((await get<AidCaseRecord>(keys.case(item.caseId)))?.expiresAt).toBe(
      retentionExpiry('aid', closedAt),
    );
  });

  it("counts the term from the office's year: an aid case closed at 01:30 on 1 January in Moscow is kept a year longer than UTC says", async () => {
    // Arrange: 22:30 UTC on 31 December 2031 is 1 January 2032 in Moscow (the default jurisdiction).
    const item = aidCaseItem({ status: 'in_review' });
    await put(item);

    // Act
    const outcome = await transact(
      caseStatusChange(table.tableName, item as unknown as AidCaseRecord, {
        to: 'rejected',
        at: '2031-12-31T22:30:00.000Z',
        actor: reviewer,
        action: 'task.review.reject',
      }),
    );

    // Assert: 1 January 2038 (closed in 2032, kept five years from 1 January 2033).
    expect(outcome.ok).toBe(true);
    expect((await get<AidCaseRecord>(keys.case(item.caseId)))?.expiresAt).toBe(
      Date.parse('2038-01-01T00:00:00Z') / 1000,
    );
  });

  it('clears expiresAt when an appeal reopens the rejected case', async () => {
    // Arrange
    const item = aidCaseItem({ status: 'in_review' });
    await put(item);
    await transact(
      caseStatusChange(table.tableName, item as unknown as AidCaseRecord, {
        to: 'rejected',
        at: closedAt,
        actor: reviewer,
        action: 'task.review.reject',
      }),
    );
    const rejected = (await get<AidCaseRecord>(keys.case(item.caseId))) as AidCaseRecord;

    // Act
    const outcome = await transact(
      caseReopening(table.tableName, rejected, {
        at: '2031-04-01T10:00:00.000Z',
        actor: { kind: 'system', username: 'appeals' },
        action: 'case.reopened',
      }),
    );

    // Assert
    expect(rejected.expiresAt).toBeDefined();
    expect(outcome.ok).toBe(true);
    const reopened = await get<AidCaseRecord>(keys.case(item.caseId));
    expect(reopened?.status).toBe('in_review');
    expect(reopened).not.toHaveProperty('expiresAt');
  });

  it('leaves an open case without expiresAt', async () => {
    const item = aidCaseItem({ status: 'in_review' });
    await put(item);

    await transact(
      caseStatusChange(table.tableName, item as unknown as AidCaseRecord, {
        to: 'awaiting_approval',
        at: closedAt,
        actor: reviewer,
        action: 'task.review.approve',
      }),
    );

    expect(await get(keys.case(item.caseId))).not.toHaveProperty('expiresAt');
  });

  it('sets expiresAt on an appeal as the applicant closes it', async () => {
    // Arrange
    const caseId = randomUUID();
    const appeal = {
      ...keys.case(caseId),
      type: 'AppealCase',
      caseId,
      kind: 'appeal',
      status: 'answered',
      version: 4,
      submittedAt: '2031-02-01T10:00:00.000Z',
      timeline: [],
    };
    await put(appeal);

    // Act
    const outcome = await transact(
      appealChange(table.tableName, appeal as unknown as AppealCaseRecord, {
        to: 'closed',
        at: closedAt,
        actor: { kind: 'applicant' },
        action: 'appeal.feedback',
      }),
    );

    // Assert
    expect(outcome.ok).toBe(true);
    expect((await get<AppealCaseRecord>(keys.case(caseId)))?.expiresAt).toBe(
      retentionExpiry('appeal', closedAt),
    );
  });

  it('deletes the rest of a case that TTL expired, and keeps the yearly aggregates', async () => {
    // Arrange: a paid case with its audit trail, partition items, task, disbursement in a batch,
    // and the aggregates it counted in. (Its person index entry is the case item's own.)
    const item = aidCaseItem({ status: 'payment_authorised' });
    await put(item);
    await transact(
      caseStatusChange(table.tableName, item as unknown as AidCaseRecord, {
        to: 'paid',
        at: closedAt,
        actor: { kind: 'system', username: 'settlement' },
        action: 'disbursement.paid',
      }),
    );
    const { caseId } = item;
    const paid = (await get<AidCaseRecord>(keys.case(caseId))) as AidCaseRecord & Record<string, unknown>;
    const batchId = `bat_${randomUUID().slice(0, 8)}`;
    const dsb = disbursementItem(item, { status: 'paid', batchId });
    const aggregates = [
      { ...keys.budget(2031, 'regional_budget'), type: 'Budget', spent: 500_000 },
      { pk: 'AID_USAGE#2031', sk: 'ROW#regional_budget#cash', type: 'AidUsageRow', people: 1 },
      { ...appealKeys.statsDay('2031-03-05'), type: 'AppealStatsDay', received: 1 },
      { ...keys.paymentBatch(batchId), type: 'PaymentBatch', count: 1, totals: { RUB: 500_000 } },
    ];
    for (const extra of [
      { ...keys.reservation(caseId), type: 'Reservation', status: 'spent' },
      { ...appealKeys.notification(caseId, closedAt, 'n1'), type: 'Notification' },
      { ...appealKeys.counted(caseId, 'paid'), type: 'Counted' },
      {
        ...keys.task(`t-${caseId}`),
        ...keys.tasksOfCase(caseId, closedAt),
        type: 'Task',
        taskId: `t-${caseId}`,
        caseId,
      },
      { ...dsb },
      { ...keys.paymentBatchItem(batchId, dsb.disbursementId), type: 'PaymentBatchItem' },
      ...aggregates,
    ])
      await put(extra);
    const other = aidCaseItem({ status: 'in_review' });
    await put(other);
    const expired = { ...paid, disbursementId: dsb.disbursementId, paymentAttempts: 1 };
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: keys.case(caseId) }));

    // Act
    const response = await tableStream(
      { Records: [removal(expired, true)] } as unknown as DynamoDBStreamEvent,
      lambdaContext,
    );

    // Assert
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await partition(`CASE#${caseId}`)).toEqual([]);
    expect(await get(keys.task(`t-${caseId}`))).toBeUndefined();
    expect(await get(keys.disbursement(dsb.disbursementId))).toBeUndefined();
    expect(await get(keys.paymentBatchItem(batchId, dsb.disbursementId))).toBeUndefined();
    for (const aggregate of aggregates)
      expect(await get({ pk: aggregate.pk, sk: aggregate.sk })).toEqual(aggregate);
    expect(await get(keys.case(other.caseId))).toBeDefined();
  });

  it('purges nothing when a case item is deleted by anyone but the TTL', async () => {
    // Arrange
    const item = aidCaseItem({ status: 'rejected' });
    const reservation = { ...keys.reservation(item.caseId), type: 'Reservation', status: 'released' };
    await put(reservation);

    // Act
    const response = await tableStream(
      { Records: [removal(item, false)] } as unknown as DynamoDBStreamEvent,
      lambdaContext,
    );

    // Assert
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await get(keys.reservation(item.caseId))).toEqual(reservation);
  });
});
