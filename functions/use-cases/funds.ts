import { aidTypes } from '../../domain/catalogue.js';
import { tableName } from '../lib/clients.js';
import { PermanentStepError, TransientError } from '../lib/errors.js';
import { auditPut, systemActor } from '../lib/store/audit.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getReservation } from '../lib/store/reads.js';
import type { ReservationRecord } from '../lib/store/records.js';
import { transact } from '../lib/store/transactions.js';

export type ReserveOutcome = 'reserved' | 'insufficient_funds';

/**
 * Reserves the approved amount from a funding source's budget for the case's year. The budget
 * decrement, the reservation item and the case status are one transaction, conditional on
 * `remaining >= amount` and on no reservation existing: a budget is never overdrawn, even under
 * concurrent approvals, and a retried step never reserves twice (invariants 2 and 3).
 */
export async function reserveFunds(
  caseId: string,
  now: Date,
): Promise<{ outcome: ReserveOutcome; source?: string }> {
  const current = await getCase(caseId);
  if (!current) throw new PermanentStepError(`case ${caseId} not found`);
  const existing = await getReservation(caseId);
  if (existing && existing.status !== 'released') return { outcome: 'reserved', source: existing.source };
  if (current.status === 'waitlisted') return { outcome: 'insufficient_funds' };
  if (current.status !== 'approved')
    throw new PermanentStepError(`case ${caseId} is ${current.status}, not approved`);

  const amount = current.approvedAmount ?? current.requestedAmount;
  const defaults = aidTypes.find((t) => t.code === current.aidType)?.defaultFundingSources ?? [];
  const candidates = current.fundingSource ? [current.fundingSource] : [...defaults];
  const at = now.toISOString();
  const table = tableName();

  for (const source of candidates) {
    const reservation: ReservationRecord = {
      ...keys.reservation(caseId),
      sk: 'RESERVATION',
      type: 'Reservation',
      caseId,
      source,
      year: current.year,
      amount,
      status: 'active',
      reservedAt: at,
    };
    const outcome = await transact([
      {
        Update: {
          TableName: table,
          Key: keys.budget(current.year, source),
          UpdateExpression:
            'SET reserved = reserved + :a, remaining = remaining - :a, #version = #version + :one',
          ConditionExpression: 'remaining >= :a AND currency = :currency',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':a': amount.minor, ':one': 1, ':currency': amount.currency },
        },
      },
      {
        Put: {
          TableName: table,
          Item: reservation,
          // A released reservation may be replaced (re-approval after a failed payment).
          ConditionExpression: 'attribute_not_exists(pk) OR #rstatus = :released',
          ExpressionAttributeNames: { '#rstatus': 'status' },
          ExpressionAttributeValues: { ':released': 'released' },
        },
      },
      ...caseStatusChange(table, current, {
        to: 'funds_reserved',
        at,
        actor: systemActor('funds'),
        action: 'funds.reserved',
        set: { fundingSource: source },
        details: { source, year: current.year, amount },
      }),
    ]);
    if (outcome.ok) return { outcome: 'reserved', source };
    if (outcome.reasons[1] === 'ConditionalCheckFailed') {
      const raced = await getReservation(caseId);
      if (raced && raced.status !== 'released') return { outcome: 'reserved', source: raced.source };
    }
    if (outcome.reasons[2] === 'ConditionalCheckFailed')
      throw new TransientError('case changed while reserving');
    // Otherwise this budget cannot cover it (or has no line this year): try the next source.
  }

  const outcome = await transact(
    caseStatusChange(table, current, {
      to: 'waitlisted',
      at,
      actor: systemActor('funds'),
      action: 'funds.insufficient',
      note: 'Approved; waiting for funds to become available',
      details: { tried: candidates, amount },
    }),
  );
  if (!outcome.ok) throw new TransientError('case changed while waitlisting');
  return { outcome: 'insufficient_funds' };
}

/**
 * Gives a reservation back to its budget (payment not authorised, payment failed). Idempotent:
 * only an active reservation is released, in the same transaction as the budget increment.
 */
export async function releaseFunds(
  caseId: string,
  reason: string,
  now: Date,
): Promise<{ released: boolean }> {
  const reservation = await getReservation(caseId);
  if (reservation?.status !== 'active') return { released: false };
  const at = now.toISOString();
  const table = tableName();
  const outcome = await transact([
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
        Key: keys.reservation(caseId),
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
    auditPut(table, {
      caseId,
      at,
      actor: systemActor('funds'),
      action: 'funds.released',
      before: { reservation: 'active' },
      after: { reservation: 'released', reason, source: reservation.source, amount: reservation.amount },
    }),
  ]);
  if (outcome.ok) return { released: true };
  const again = await getReservation(caseId);
  if (again?.status === 'released') return { released: false };
  throw new TransientError('budget or reservation changed while releasing');
}
