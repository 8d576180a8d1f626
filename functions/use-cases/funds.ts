import { tableName } from '../lib/clients.js';
import { PermanentStepError, TransientError } from '../lib/errors.js';
import { auditAppend, systemActor } from '../lib/store/audit.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { defaultFundingSourcesOf } from '../lib/store/catalogue.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getReservation } from '../lib/store/reads.js';
import type { ReservationRecord } from '../lib/store/records.js';
import { reservationRelease } from '../lib/store/reservation-writes.js';
import { transact } from '../lib/store/transactions.js';
import { waitlistFunded, waitlistPut } from './waitlist.js';

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
  // A waitlisted case is tried again when a budget gains money (waitlist.ts fundWaitlist).
  const waitlisted = current.status === 'waitlisted';
  // Re-issue after a failed payment: its reservation was released with the failure, so the same
  // approved amount is reserved again (or the case waits for money) before a new authorisation.
  const reissue = current.status === 'payment_failed';
  if (current.status !== 'approved' && !waitlisted && !reissue)
    throw new PermanentStepError(`case ${caseId} is ${current.status}, not approved`);

  const amount = current.approvedAmount ?? current.requestedAmount;
  const defaults = await defaultFundingSourcesOf(current.aidType);
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
      // Last, so the indexes above stay put: the case leaves the waitlist with its reservation.
      ...(waitlisted ? [waitlistFunded(table, caseId, { at, source })] : []),
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

  // Still no source can cover it: it keeps its place on the waitlist.
  if (waitlisted) return { outcome: 'insufficient_funds' };
  const outcome = await transact([
    ...caseStatusChange(table, current, {
      to: 'waitlisted',
      at,
      actor: systemActor('funds'),
      action: 'funds.insufficient',
      note: 'Approved; waiting for funds to become available',
      noteCode: 'waiting_for_funds',
      details: { tried: candidates, amount },
    }),
    waitlistPut(table, current, { at, amount, sources: candidates }),
  ]);
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
  // The case item holds the audit chain's head (read after the reservation: older is safe, the
  // head's condition refuses a stale one).
  const holder = (await getCase(caseId)) ?? { caseId };
  const at = now.toISOString();
  const table = tableName();
  const outcome = await transact([
    ...reservationRelease(table, reservation, at, reason),
    // The case's head moves only if no other event was chained since it was read.
    ...auditAppend(table, holder, {
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
  throw new TransientError('budget, reservation or case changed while releasing');
}
