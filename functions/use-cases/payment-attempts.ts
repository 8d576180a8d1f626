import type { Money } from '../../domain/money.js';
import { type DisbursementStatus, disbursementIdFor, type PayoutChannel } from '../../domain/payments.js';
import { itemsByKey } from '../lib/store/index-items.js';
import { keys } from '../lib/store/keys.js';
import { disbursementsByStatus } from '../lib/store/reads.js';
import type { AidCaseRecord, DisbursementRecord, PaymentBatchRecord } from '../lib/store/records.js';

/*
 * A case's payment attempts: the first disbursement, and one more for each re-issue after a
 * failed payment (dsb_<caseId>, dsb_<caseId>_2, …; the case counts them in `paymentAttempts`).
 * The finance desk reads them so that a re-issued payment never looks like a first one: the
 * authorisation task says which attempt it is and why the one before failed, and a failed payment
 * in the list says what became of it.
 */

export interface PaymentAttemptView {
  readonly attempt: number;
  readonly disbursementId: string;
  readonly status: DisbursementStatus;
  readonly amount: Money;
  readonly channel?: PayoutChannel;
  readonly createdAt: string;
  readonly batchId?: string;
  readonly paidAt?: string;
  readonly failedAt?: string;
  /** The bank's result as recorded: for a failed attempt, the reason and who recorded it. */
  readonly settlement?: DisbursementRecord['settlement'];
}

const attemptView = (d: DisbursementRecord): PaymentAttemptView => ({
  attempt: d.attempt ?? 1,
  disbursementId: d.disbursementId,
  status: d.status,
  amount: d.amount,
  ...(d.channel ? { channel: d.channel } : {}),
  createdAt: d.createdAt,
  ...(d.batchId ? { batchId: d.batchId } : {}),
  ...(d.paidAt ? { paidAt: d.paidAt } : {}),
  ...(d.failedAt ? { failedAt: d.failedAt } : {}),
  ...(d.settlement ? { settlement: d.settlement } : {}),
});

/** Every payment attempt of a case so far, oldest first (none before the first is created). */
export async function paymentAttemptsOf(
  c: Pick<AidCaseRecord, 'caseId' | 'paymentAttempts'>,
): Promise<PaymentAttemptView[]> {
  const count = c.paymentAttempts ?? 0;
  const ids = Array.from({ length: count }, (_, i) => disbursementIdFor(c.caseId, i + 1));
  const found = await itemsByKey<DisbursementRecord>(ids.map(keys.disbursement));
  return found.map(attemptView);
}

/**
 * What became of a failed payment: re-issued (a later attempt exists, with its status now), a
 * re-issue on its way (the money is being reserved and authorised again), waiting for finance to
 * correct it, or the case closed without payment.
 */
export type FailedPaymentFollowUp =
  | {
      readonly kind: 'reissued';
      readonly attempt: number;
      readonly disbursementId: string;
      readonly status: string;
    }
  | { readonly kind: 'reissue_pending'; readonly caseStatus: string }
  | { readonly kind: 'awaiting_correction' }
  | { readonly kind: 'closed'; readonly caseStatus: string };

const closedStatuses = new Set(['rejected', 'withdrawn', 'paid']);

export function followUpOf(
  d: Pick<DisbursementRecord, 'attempt'>,
  c: Pick<AidCaseRecord, 'status' | 'paymentAttempts' | 'disbursementId'>,
  later: Pick<DisbursementRecord, 'status'> | undefined,
): FailedPaymentFollowUp {
  const attempt = d.attempt ?? 1;
  const attempts = c.paymentAttempts ?? attempt;
  if (attempts > attempt && c.disbursementId) {
    return {
      kind: 'reissued',
      attempt: attempts,
      disbursementId: c.disbursementId,
      status: later?.status ?? 'unknown',
    };
  }
  if (c.status === 'payment_failed') return { kind: 'awaiting_correction' };
  if (closedStatuses.has(c.status)) return { kind: 'closed', caseStatus: c.status };
  return { kind: 'reissue_pending', caseStatus: c.status };
}

/** A disbursement as the finance desk lists it: the record's fields, and what became of a failed one. */
export type DisbursementListItem = Pick<
  DisbursementRecord,
  | 'disbursementId'
  | 'caseId'
  | 'caseReference'
  | 'aidType'
  | 'fundingSource'
  | 'amount'
  | 'status'
  | 'payee'
  | 'createdAt'
  | 'channel'
  | 'attempt'
  | 'batchId'
  | 'paidAt'
  | 'settlement'
  | 'delivery'
> & {
  readonly followUp?: FailedPaymentFollowUp;
  /** A batched one: whether its batch was marked sent, so that a result can be recorded for it. */
  readonly batchSent?: boolean;
};

/**
 * Disbursements by status, oldest first, a page at a time. A failed one says what became of it
 * (`followUp`), read from its case and the case's latest attempt.
 */
export async function listDisbursements(input: {
  status: DisbursementStatus;
  limit: number;
  cursor?: string | undefined;
}): Promise<{ items: DisbursementListItem[]; cursor?: string }> {
  const page = await disbursementsByStatus(input.status, input.limit, input.cursor);
  const followUps = input.status === 'failed' ? await followUpsOf(page.items) : new Map();
  const sentBatches = input.status === 'batched' ? await sentBatchesOf(page.items) : new Set<string>();
  return {
    items: page.items.map((d) => {
      const followUp = followUps.get(d.disbursementId);
      return {
        disbursementId: d.disbursementId,
        caseId: d.caseId,
        caseReference: d.caseReference,
        aidType: d.aidType,
        fundingSource: d.fundingSource,
        amount: d.amount,
        status: d.status,
        payee: d.payee,
        createdAt: d.createdAt,
        ...(d.channel ? { channel: d.channel } : {}),
        ...(d.attempt ? { attempt: d.attempt } : {}),
        ...(d.batchId ? { batchId: d.batchId } : {}),
        ...(d.paidAt ? { paidAt: d.paidAt } : {}),
        // The bank's reason for a failed payment: what the officer correcting the payout reads.
        ...(d.settlement ? { settlement: d.settlement } : {}),
        ...(d.delivery ? { delivery: d.delivery } : {}),
        ...(followUp ? { followUp } : {}),
        ...(input.status === 'batched' && d.batchId ? { batchSent: sentBatches.has(d.batchId) } : {}),
      };
    }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/** The batches of these disbursements that were marked sent (a page holds a few batches at most). */
async function sentBatchesOf(batched: readonly DisbursementRecord[]): Promise<Set<string>> {
  const ids = [...new Set(batched.flatMap((d) => (d.batchId ? [d.batchId] : [])))];
  const headers = await itemsByKey<PaymentBatchRecord>(ids.map(keys.paymentBatch));
  return new Set(headers.filter((h) => h.sentAt).map((h) => h.batchId));
}

async function followUpsOf(
  failed: readonly DisbursementRecord[],
): Promise<Map<string, FailedPaymentFollowUp>> {
  const cases = new Map(
    (await itemsByKey<AidCaseRecord>([...new Set(failed.map((d) => d.caseId))].map(keys.case))).map((c) => [
      c.caseId,
      c,
    ]),
  );
  const laterIds = failed.flatMap((d) => {
    const c = cases.get(d.caseId);
    return c?.disbursementId && c.disbursementId !== d.disbursementId ? [c.disbursementId] : [];
  });
  const later = new Map(
    (await itemsByKey<DisbursementRecord>([...new Set(laterIds)].map(keys.disbursement))).map((d) => [
      d.disbursementId,
      d,
    ]),
  );
  const out = new Map<string, FailedPaymentFollowUp>();
  for (const d of failed) {
    const c = cases.get(d.caseId);
    if (c)
      out.set(d.disbursementId, followUpOf(d, c, c.disbursementId ? later.get(c.disbursementId) : undefined));
  }
  return out;
}
