import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { hashAccessCode } from '../../functions/lib/access-codes.js';
import { keys } from '../../functions/lib/store/keys.js';
import type { NotificationRecord } from '../../functions/lib/store/notification-records.js';
import { openTask } from '../../functions/use-cases/open-task.js';
import type { TestTable } from './dynamodb.js';

/** An aid case item as intake and the workflow leave it (only what readers of it need). */
export function aidCaseItem(overrides: Record<string, unknown> = {}) {
  const caseId = String(overrides.caseId ?? randomUUID());
  const year = Number(overrides.year ?? 2031);
  const at = `${year}-03-01T10:00:00.000Z`;
  return {
    ...keys.case(caseId),
    type: 'AidCase',
    caseId,
    kind: 'aid',
    reference: `AID-${year}-${caseId.slice(0, 6).toUpperCase()}`,
    year,
    status: 'submitted',
    version: 1,
    submittedAt: at,
    updatedAt: at,
    language: 'ru',
    applicant: {
      fullName: 'Анна Иванова',
      birthDate: '1950-04-02',
      email: 'anna@example.org',
      phone: '+7 912 345-67-89',
      preferredLanguage: 'ru',
    },
    categories: ['pensioner'],
    household: { size: 2, children: 0, monthlyIncome: { currency: 'RUB', minor: 1_800_000 } },
    aidType: 'cash',
    requestedAmount: { currency: 'RUB', minor: 500_000 },
    reason: 'Лекарства после операции',
    payout: { method: 'cash_desk' },
    personKey: `person-${caseId}`,
    deciders: [],
    timeline: [{ at, status: 'submitted' }],
    ...overrides,
    ...keys.case(caseId),
  };
}

/**
 * Puts an aid case (`aidCaseItem` with `overrides`) that an applicant can open: its reference's
 * index entry, and the hash of `accessCode`. Its id and reference.
 */
export async function putOpenableAidCase(
  table: TestTable,
  accessCode: string,
  overrides: Record<string, unknown> = {},
): Promise<{ caseId: string; reference: string }> {
  const caseId = String(overrides.caseId ?? randomUUID());
  const year = Number(overrides.year ?? 2031);
  const reference = String(overrides.reference ?? `AID-${year}-${caseId.slice(0, 6).toUpperCase()}`);
  await table.doc.send(
    new PutCommand({
      TableName: table.tableName,
      Item: {
        ...aidCaseItem({
          ...overrides,
          caseId,
          year,
          reference,
          accessCodeHash: await hashAccessCode(accessCode, caseId),
        }),
        ...keys.caseByReference(reference),
      },
    }),
  );
  return { caseId, reference };
}

/** A disbursement of a case, as settlement leaves it (`paid`) or before (`authorised`). */
export function disbursementItem(
  aidCase: { caseId: string; reference: string; aidType: string },
  overrides: Record<string, unknown> = {},
) {
  const disbursementId = String(overrides.disbursementId ?? `dsb_${aidCase.caseId}`);
  return {
    ...keys.disbursement(disbursementId),
    type: 'Disbursement',
    disbursementId,
    caseId: aidCase.caseId,
    caseReference: aidCase.reference,
    aidType: aidCase.aidType,
    fundingSource: 'regional_budget',
    amount: { currency: 'RUB', minor: 500_000 },
    status: 'authorised',
    payee: { name: 'Анна Иванова', method: 'cash_desk' },
    createdAt: '2031-03-02T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

let sequence = 0;

/** A DynamoDB stream record as Lambda receives it (NEW_AND_OLD_IMAGES). */
export function streamRecord(
  eventName: 'INSERT' | 'MODIFY',
  newImage: object,
  oldImage?: object,
): DynamoDBRecord {
  sequence += 1;
  const seq = String(sequence).padStart(21, '0');
  return {
    eventID: `event-${seq}`,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-central-1',
    dynamodb: {
      SequenceNumber: seq,
      NewImage: marshall(newImage, { removeUndefinedValues: true }) as never,
      ...(oldImage ? { OldImage: marshall(oldImage, { removeUndefinedValues: true }) as never } : {}),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      SizeBytes: 100,
    },
    eventSourceARN: 'arn:aws:dynamodb:eu-central-1:000000000000:table/aidflow/stream/x',
  };
}

/** A fresh budget line of a source and year: all of it allocated and remaining, nothing used. */
export function budgetItem(year: number, source: string, allocated: number) {
  return {
    ...keys.budget(year, source),
    type: 'Budget',
    source,
    year,
    currency: 'RUB',
    opening: 0,
    allocated,
    reserved: 0,
    spent: 0,
    remaining: allocated,
    version: 1,
  };
}

/** A case's notifications as the table holds them now (strongly consistent), in sort-key order. */
export async function notificationsOfCase(table: TestTable, caseId: string): Promise<NotificationRecord[]> {
  const { Items } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
      ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':n': 'NOTIFICATION#' },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as NotificationRecord[];
}

/**
 * An aid case above the head's limit as the workflow leaves it for the commission: awaiting
 * approval, its three seats' vote tasks open (open-task.ts, as the workflow opens them).
 */
export async function commissionVoteUnderWay(
  table: TestTable,
  now: Date,
): Promise<{ caseId: string; seats: string[] }> {
  const at = now.toISOString();
  const item = aidCaseItem({
    year: now.getUTCFullYear(),
    status: 'awaiting_approval',
    submittedAt: at,
    updatedAt: at,
    requestedAmount: { currency: 'RUB', minor: 4_000_000 },
    approvedAmount: { currency: 'RUB', minor: 4_000_000 },
    timeline: [{ at, status: 'awaiting_approval' }],
  });
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
  const seats: string[] = [];
  for (const seat of [1, 2, 3]) {
    const { taskId } = await openTask({
      caseId: item.caseId,
      type: 'commission_vote',
      taskToken: `${item.caseId}-${seat}`,
      seat,
      now,
    });
    seats.push(taskId);
  }
  return { caseId: item.caseId, seats };
}
