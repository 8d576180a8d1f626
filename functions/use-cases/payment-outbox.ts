import type { DisbursementRecord } from '../lib/store/records.js';
import { sendFailure, sendSuccess } from './workflow-outbox.js';

/** The error a failed payment raises in the workflow's "Create the disbursement" wait. */
export const paymentFailedError = 'PaymentFailed';

/**
 * Tells the workflow waiting in "Create the disbursement" how the payment ended: success (paid or
 * delivered) ends the workflow; `PaymentFailed` is caught into the task that corrects the payout.
 * Only ids pass: the bank's reason stays on the disbursement, where finance reads it.
 */
export async function resumeAfterSettlement(
  d: DisbursementRecord,
): Promise<'resumed' | 'stale' | 'not-waiting'> {
  if (!d.taskToken) return 'not-waiting';
  const context = { disbursementId: d.disbursementId, caseId: d.caseId };
  if (d.status === 'paid') {
    return sendSuccess(
      d.taskToken,
      { disbursementId: d.disbursementId, status: 'paid', paidAt: d.paidAt, attempt: d.attempt ?? 1 },
      context,
    );
  }
  return sendFailure(
    d.taskToken,
    {
      error: paymentFailedError,
      cause: JSON.stringify({ disbursementId: d.disbursementId, attempt: d.attempt ?? 1 }),
    },
    context,
  );
}

/**
 * Whether a change to a disbursement obliges the workflow to hear of it: it was settled (its
 * status became paid or failed), or a settled one got a new token (the wait was re-entered after
 * a timeout, so the earlier answer went to a token nobody waits on).
 */
export function settlementToDeliver(
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown> | undefined,
): boolean {
  if (newImage?.type !== 'Disbursement') return false;
  if (newImage.status !== 'paid' && newImage.status !== 'failed') return false;
  if (typeof newImage.taskToken !== 'string') return false;
  return oldImage?.status !== newImage.status || oldImage?.taskToken !== newImage.taskToken;
}
