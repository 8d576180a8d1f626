import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';
import type { ReservationRecord } from './records.js';

/**
 * The two writes that close a reservation, for one transaction with whatever settles it: the
 * budget line and the reservation item. Each is conditional (the budget must hold the reserved
 * money, the reservation must still be active), so a reservation is spent or released once, and
 * `allocated + opening = remaining + reserved + spent` holds after every commit (invariant 3).
 */

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The money was paid out: reserved → spent. */
export function reservationSpend(
  table: string,
  reservation: ReservationRecord,
  at: string,
  disbursementId: string,
): TransactItem[] {
  return [
    {
      Update: {
        TableName: table,
        Key: keys.budget(reservation.year, reservation.source),
        UpdateExpression: 'SET reserved = reserved - :a, spent = spent + :a, #version = #version + :one',
        ConditionExpression: 'reserved >= :a',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':a': reservation.amount.minor, ':one': 1 },
      },
    },
    {
      Update: {
        TableName: table,
        Key: keys.reservation(reservation.caseId),
        UpdateExpression: 'SET #status = :spent, spentAt = :at, disbursementId = :d',
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':spent': 'spent',
          ':active': 'active',
          ':at': at,
          ':d': disbursementId,
        },
      },
    },
  ];
}

/** The money went back to the budget (a failed payment): reserved → remaining. */
export function reservationRelease(
  table: string,
  reservation: ReservationRecord,
  at: string,
  reason: string,
): TransactItem[] {
  return [
    {
      Update: {
        TableName: table,
        Key: keys.budget(reservation.year, reservation.source),
        UpdateExpression:
          'SET reserved = reserved - :a, remaining = remaining + :a, #version = #version + :one',
        ConditionExpression: 'reserved >= :a',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':a': reservation.amount.minor, ':one': 1 },
      },
    },
    {
      Update: {
        TableName: table,
        Key: keys.reservation(reservation.caseId),
        UpdateExpression: 'SET #status = :released, releasedAt = :at, releaseReason = :reason',
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':released': 'released',
          ':active': 'active',
          ':at': at,
          ':reason': reason,
        },
      },
    },
  ];
}
