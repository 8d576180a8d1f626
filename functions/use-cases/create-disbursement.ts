import { tableName } from '../lib/clients.js';
import { PermanentStepError } from '../lib/errors.js';
import { auditPut, systemActor } from '../lib/store/audit.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getReservation } from '../lib/store/reads.js';
import type { DisbursementRecord } from '../lib/store/records.js';
import { transact } from '../lib/store/transactions.js';

/** One disbursement per case, ever: its id derives from the case, and the put is conditional. */
export const disbursementIdFor = (caseId: string) => `dsb_${caseId}`;

/**
 * Creates the authorised disbursement finance will batch and pay. A retried step finds the
 * disbursement it created and returns it: finance never sees a case twice (invariant 2).
 */
export async function createDisbursement(caseId: string, now: Date): Promise<{ disbursementId: string }> {
  const disbursementId = disbursementIdFor(caseId);
  const current = await getCase(caseId);
  if (!current) throw new PermanentStepError(`case ${caseId} not found`);
  const reservation = await getReservation(caseId);
  if (reservation?.status !== 'active') {
    throw new PermanentStepError(`case ${caseId} has no active reservation to disburse`);
  }
  const at = now.toISOString();
  const record: DisbursementRecord & Record<string, unknown> = {
    ...keys.disbursement(disbursementId),
    ...keys.disbursementsByStatus('authorised', at),
    sk: 'DISBURSEMENT',
    type: 'Disbursement',
    disbursementId,
    caseId,
    caseReference: current.reference,
    aidType: current.aidType,
    fundingSource: reservation.source,
    amount: reservation.amount,
    status: 'authorised',
    payee: { name: current.applicant.fullName, ...current.payout },
    createdAt: at,
    version: 1,
  };
  const table = tableName();
  await transact([
    { Put: { TableName: table, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    auditPut(table, {
      caseId,
      at,
      actor: systemActor('disbursements'),
      action: 'disbursement.created',
      after: { disbursementId, amount: reservation.amount, source: reservation.source, status: 'authorised' },
    }),
  ]);
  // Cancelled means it already exists: the earlier attempt's disbursement stands.
  return { disbursementId };
}
