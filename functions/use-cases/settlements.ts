import type { Money } from '../../domain/money.js';
import type { Delivery, Settlement } from '../../domain/payment-requests.js';
import { type PayoutChannel, repeatsDelivery, repeatsSettlement } from '../../domain/payments.js';
import { tableName } from '../lib/clients.js';
import { ConflictError, NotFoundError, TransientError, ValidationError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { officeDate } from '../lib/office-day.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { keys } from '../lib/store/keys.js';
import { getPaymentBatch } from '../lib/store/payment-batches.js';
import { getCase, getDisbursement, getReservation } from '../lib/store/reads.js';
import type { DeliveryRecord, DisbursementRecord, SettlementRecord } from '../lib/store/records.js';
import { reservationRelease, reservationSpend } from '../lib/store/reservation-writes.js';
import { transact } from '../lib/store/transactions.js';

/** What the settlement and delivery routes answer; the same body again for a repeated request. */
export interface SettlementView {
  readonly disbursementId: string;
  readonly caseReference: string;
  readonly status: DisbursementRecord['status'];
  readonly amount: Money;
  readonly fundingSource: string;
  readonly channel?: PayoutChannel | undefined;
  readonly paidAt?: string | undefined;
  readonly failedAt?: string | undefined;
  readonly settlement?: SettlementRecord | undefined;
  readonly delivery?: DeliveryRecord | undefined;
}

export function settlementView(d: DisbursementRecord): SettlementView {
  return {
    disbursementId: d.disbursementId,
    caseReference: d.caseReference,
    status: d.status,
    amount: d.amount,
    fundingSource: d.fundingSource,
    ...(d.channel ? { channel: d.channel } : {}),
    ...(d.paidAt ? { paidAt: d.paidAt } : {}),
    ...(d.failedAt ? { failedAt: d.failedAt } : {}),
    ...(d.settlement ? { settlement: d.settlement } : {}),
    ...(d.delivery ? { delivery: d.delivery } : {}),
  };
}

type Outcome =
  | { readonly kind: 'paid'; readonly settlement?: SettlementRecord; readonly delivery?: DeliveryRecord }
  | { readonly kind: 'failed'; readonly settlement: SettlementRecord };

/**
 * Records the bank's result for a disbursement. Paid: in ONE transaction the disbursement becomes
 * paid, its reservation spent, the budget's reserved money spent, and the case paid (with its
 * audit event). Failed: the disbursement fails, the reservation is released back to the budget's
 * remaining money, and the case becomes payment_failed; the stream then tells the workflow, which
 * opens a task to correct the payout and re-issue it, or close the case.
 *
 * Repeating the settlement recorded is a no-op answered with the same body; a different one → 409.
 */
export async function recordSettlement(input: {
  disbursementId: string;
  settlement: Settlement;
  principal: Principal;
  now: Date;
}): Promise<SettlementView> {
  const { settlement, principal } = input;
  return settle(input.disbursementId, principal, input.now, {
    repeats: (d) => d.settlement !== undefined && repeatsSettlement(d.settlement, settlement),
    refuse: (d) =>
      settlement.status === 'paid' && d.channel === 'delivery'
        ? {
            code: 'in_kind_needs_delivery',
            detail:
              'This is in-kind aid: confirm its delivery (POST /v1/disbursements/{disbursementId}/delivery) instead of a bank settlement.',
          }
        : undefined,
    outcome: (at) => {
      const record: SettlementRecord = {
        status: settlement.status,
        ...(settlement.bankReference ? { bankReference: settlement.bankReference } : {}),
        ...(settlement.reason ? { reason: settlement.reason } : {}),
        recordedBy: principal.username,
        recordedAt: at,
      };
      return settlement.status === 'paid'
        ? { kind: 'paid', settlement: record }
        : { kind: 'failed', settlement: record };
    },
  });
}

/**
 * Confirms that in-kind aid was handed over: it commits exactly like a paid settlement
 * (disbursement paid, reservation spent, budget spent, case paid), idempotent the same way.
 */
export async function recordDelivery(input: {
  disbursementId: string;
  delivery: Delivery;
  principal: Principal;
  now: Date;
}): Promise<SettlementView> {
  const { delivery, principal, now } = input;
  // Delivery dates are the office's days: at 01:30 on 1 January in Moscow, goods handed over
  // that day were not delivered "in the future" (UTC still says 31 December), and goods
  // authorised then cannot have been handed over on 31 December.
  if (delivery.deliveredAt > officeDate(now)) {
    throw new ValidationError([{ path: 'deliveredAt', message: 'The delivery date is in the future.' }]);
  }
  return settle(input.disbursementId, principal, now, {
    repeats: (d) => d.delivery !== undefined && repeatsDelivery(d.delivery, delivery),
    refuse: (d) => {
      if (d.channel !== 'delivery') {
        return {
          code: 'not_in_kind',
          detail:
            'This disbursement is paid through the bank or the cash desk: record its settlement instead of a delivery.',
        };
      }
      const authorisedOn = officeDate(d.createdAt);
      if (delivery.deliveredAt < authorisedOn) {
        return {
          code: 'delivered_before_authorised',
          detail: `The delivery date is before the disbursement was authorised (${authorisedOn}).`,
          authorisedOn,
        };
      }
      return undefined;
    },
    outcome: (at) => ({
      kind: 'paid',
      delivery: {
        deliveredAt: delivery.deliveredAt,
        ...(delivery.receivedBy ? { receivedBy: delivery.receivedBy } : {}),
        ...(delivery.note ? { note: delivery.note } : {}),
        recordedBy: principal.username,
        recordedAt: at,
      },
    }),
  });
}

async function settle(
  disbursementId: string,
  principal: Principal,
  now: Date,
  rules: {
    /** The request repeats what is recorded (answer it again, change nothing). */
    repeats: (d: DisbursementRecord) => boolean;
    /** Why this request does not fit this disbursement (409), if it does not: a code and its detail. */
    refuse: (
      d: DisbursementRecord,
    ) => ({ code: string; detail: string } & Record<string, unknown>) | undefined;
    outcome: (at: string) => Outcome;
  },
): Promise<SettlementView> {
  // A lost race (another settlement, a batch, a case write) is read again and judged anew.
  for (let round = 0; round < 5; round++) {
    const d = await getDisbursement(disbursementId);
    if (!d) throw new NotFoundError(`There is no disbursement ${disbursementId}.`);
    if (d.status === 'paid' || d.status === 'failed') {
      if (rules.repeats(d)) return settlementView(d);
      throw new ConflictError(
        `This disbursement was already settled as ${d.status}${d.delivery ? ' (delivered)' : ''}; a different result cannot be recorded.`,
        { code: 'already_settled', disbursementStatus: d.status, ...(d.delivery ? { delivered: true } : {}) },
      );
    }
    const refusal = rules.refuse(d);
    if (refusal) {
      const { detail, ...extra } = refusal;
      throw new ConflictError(detail, { ...extra, disbursementStatus: d.status });
    }
    // A batch not yet marked sent never reached the bank (or the cash desk): no result can have come
    // back for it. Recording one anyway would let a "failed" payment be re-issued while the first
    // file, still unsent, pays it too. A batch once sent stays sent, so no condition is needed below.
    if (d.status === 'batched' && d.batchId && !(await getPaymentBatch(d.batchId))?.sentAt) {
      throw new ConflictError(
        `This payment is in batch ${d.batchId}, which is not marked as sent to the bank: no result can have come back for it yet. Mark the batch sent once its file went to the bank.`,
        { code: 'batch_not_sent', batchId: d.batchId, disbursementStatus: d.status },
      );
    }

    const current = await getCase(d.caseId);
    const reservation = await getReservation(d.caseId);
    if (current?.status !== 'payment_authorised' || reservation?.status !== 'active') {
      throw new ConflictError(
        `The case ${d.caseReference} is not waiting for this payment (case ${current?.status ?? 'missing'}, reservation ${reservation?.status ?? 'missing'}).`,
        { code: 'case_not_waiting', caseStatus: current?.status ?? 'missing' },
      );
    }
    const at = now.toISOString();
    const outcome = rules.outcome(at);
    const paid = outcome.kind === 'paid';
    const settled: DisbursementRecord = {
      ...d,
      status: outcome.kind,
      version: d.version + 1,
      ...(paid ? { paidAt: at } : { failedAt: at }),
      ...(outcome.settlement ? { settlement: outcome.settlement } : {}),
      ...(paid && outcome.delivery ? { delivery: outcome.delivery } : {}),
    };
    const table = tableName();
    const fields: Record<string, unknown> = {
      gsi2pk: keys.disbursementsByStatus(outcome.kind, d.createdAt).gsi2pk,
      [paid ? 'paidAt' : 'failedAt']: at,
      ...(outcome.settlement ? { settlement: outcome.settlement } : {}),
      ...(paid && outcome.delivery ? { delivery: outcome.delivery } : {}),
    };
    const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
    const values: Record<string, unknown> = {
      ':to': outcome.kind,
      ':authorised': 'authorised',
      ':batched': 'batched',
      ':one': 1,
    };
    const sets = ['#status = :to', '#version = #version + :one'];
    Object.entries(fields).forEach(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    });
    const details = {
      disbursementId,
      amount: d.amount,
      source: d.fundingSource,
      ...(outcome.settlement?.bankReference ? { bankReference: outcome.settlement.bankReference } : {}),
      ...(paid && outcome.delivery ? { deliveredAt: outcome.delivery.deliveredAt } : {}),
    };
    let result: Awaited<ReturnType<typeof transact>>;
    try {
      result = await transact([
        {
          Update: {
            TableName: table,
            Key: keys.disbursement(disbursementId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: '#status IN (:authorised, :batched)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        ...(paid
          ? reservationSpend(table, reservation, at, disbursementId)
          : reservationRelease(table, reservation, at, 'payment_failed')),
        ...caseStatusChange(table, current, {
          to: paid ? 'paid' : 'payment_failed',
          at,
          actor: { kind: 'staff', username: principal.username, sub: principal.sub, roles: principal.roles },
          action: paid ? (outcome.delivery ? 'delivery.confirmed' : 'payment.settled') : 'payment.failed',
          set: paid ? { paidAt: at } : {},
          details,
        }),
      ]);
    } catch (error) {
      // Two settlements (or a batch) writing the same disbursement at once: judge again shortly.
      if (error instanceof TransientError) {
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
        continue;
      }
      throw error;
    }
    if (result.ok) return settlementView(settled);
    // Cancelled. When the disbursement moved (another settlement or a batch won), or the case did,
    // read again and judge anew. The budget and the reservation cannot refuse a disbursement that
    // is still as read unless the data is broken. (Which items a cancellation names differs
    // between DynamoDB and DynamoDB Local, so the disbursement is read rather than the reasons.)
    const reread = await getDisbursement(disbursementId);
    const [, budgetRefused, reservationRefused] = result.reasons.map((r) => r === 'ConditionalCheckFailed');
    if (reread?.version === d.version && (budgetRefused || reservationRefused)) {
      throw new Error(
        `reservation or budget of case ${d.caseId} out of step with disbursement ${disbursementId}`,
      );
    }
  }
  throw new TransientError(`disbursement ${disbursementId} kept changing while it was settled`);
}
