import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { disbursementIdFor, endToEndIdFor, payoutChannel } from '../../domain/payments.js';
import { dynamo, tableName } from '../lib/clients.js';
import { PermanentStepError, TransientError } from '../lib/errors.js';
import { systemActor } from '../lib/store/audit.js';
import { caseAnnotation } from '../lib/store/case-writes.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getDisbursement, getReservation } from '../lib/store/reads.js';
import type { AidCaseRecord, DisbursementRecord } from '../lib/store/records.js';
import { transact } from '../lib/store/transactions.js';

/** The put of a disbursement is conditional: one per payment attempt, ever (domain/payments.ts). */
export { disbursementIdFor };

export interface CreateDisbursementInput {
  readonly caseId: string;
  /** The workflow's wait for the settlement ("Create the disbursement" is a callback Task). */
  readonly taskToken?: string | undefined;
  readonly executionId?: string | undefined;
  readonly now: Date;
}

/**
 * Creates the authorised disbursement finance will batch (or deliver) and settle, and stores the
 * workflow's task token on it: the workflow waits there until the settlement, which the stream
 * turns into SendTaskSuccess (paid) or SendTaskFailure `PaymentFailed` (outbox).
 *
 * Idempotent (invariant 2): a retried or re-entered step (the wait timed out and asked again)
 * finds the disbursement of the current attempt and only refreshes its token. When that attempt
 * was already settled, the refreshed token makes the stream deliver the settlement again.
 */
export async function createDisbursement(
  input: CreateDisbursementInput,
): Promise<{ disbursementId: string }> {
  const { caseId } = input;
  for (let round = 0; round < 5; round++) {
    const current = await getCase(caseId);
    if (!current) throw new PermanentStepError(`case ${caseId} not found`);
    const latest = current.disbursementId ? await getDisbursement(current.disbursementId) : undefined;
    // A failed disbursement is the current one only while the case still waits for its re-issue;
    // after a re-issue and a new authorisation (case payment_authorised) a new attempt begins.
    if (latest && (latest.status !== 'failed' || current.status === 'payment_failed')) {
      await storeToken(latest, input);
      return { disbursementId: latest.disbursementId };
    }
    const created = await tryCreate(current, (current.paymentAttempts ?? 0) + 1, input);
    if (created) return created;
  }
  throw new TransientError(`case ${caseId} kept changing while its disbursement was created`);
}

async function tryCreate(
  current: AidCaseRecord,
  firstAttempt: number,
  input: CreateDisbursementInput,
): Promise<{ disbursementId: string } | undefined> {
  const { caseId } = current;
  const reservation = await getReservation(caseId);
  if (reservation?.status !== 'active') {
    throw new PermanentStepError(`case ${caseId} has no active reservation to disburse`);
  }
  const at = input.now.toISOString();
  const authorisation = current.deciders
    .filter((d) => d.stage === 'authorise_payment' && d.outcome === 'approve')
    .at(-1);
  const table = tableName();
  // Skips attempts whose disbursement exists already (failed ones of a case that predates
  // `paymentAttempts`); the conditional put is what makes two racing steps create one.
  for (let attempt = firstAttempt; attempt < firstAttempt + 10; attempt++) {
    const disbursementId = disbursementIdFor(caseId, attempt);
    const record: DisbursementRecord & Record<string, unknown> = {
      ...keys.disbursement(disbursementId),
      ...keys.disbursementsByStatus('authorised', at),
      type: 'Disbursement',
      disbursementId,
      caseId,
      caseReference: current.reference,
      aidType: current.aidType,
      fundingSource: reservation.source,
      amount: reservation.amount,
      status: 'authorised',
      payee: { name: current.applicant.fullName, ...current.payout },
      channel: payoutChannel(current.aidType, current.payout),
      attempt,
      endToEndId: endToEndIdFor(caseId, attempt),
      ...(authorisation ? { authorisedBy: authorisation.username, authorisedBySub: authorisation.sub } : {}),
      ...(input.taskToken ? { taskToken: input.taskToken } : {}),
      ...(input.executionId ? { executionId: input.executionId } : {}),
      createdAt: at,
      version: 1,
    };
    const outcome = await transact([
      { Put: { TableName: table, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...caseAnnotation(table, current, {
        at,
        actor: systemActor('disbursements'),
        action: 'disbursement.created',
        set: { disbursementId, paymentAttempts: attempt },
        details: {
          disbursementId,
          attempt,
          amount: reservation.amount,
          source: reservation.source,
          status: 'authorised',
        },
      }),
    ]);
    if (outcome.ok) return { disbursementId };
    if (outcome.reasons[0] !== 'ConditionalCheckFailed') return undefined; // the case changed: read it again
    const existing = await getDisbursement(disbursementId);
    if (existing && existing.status !== 'failed') {
      // A racing attempt of this step created it a moment ago (or an older version did).
      await storeToken(existing, input);
      return { disbursementId };
    }
  }
  throw new PermanentStepError(`case ${caseId} has too many payment attempts`);
}

/**
 * Stores the wait's token on the disbursement. Not conditional on `version`: a settlement racing
 * with it changes only the status, and whichever write lands last carries both, so the stream
 * always sees the settled status together with the token the workflow waits on.
 */
async function storeToken(disbursement: DisbursementRecord, input: CreateDisbursementInput): Promise<void> {
  if (!input.taskToken || disbursement.taskToken === input.taskToken) return;
  const update = dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.disbursement(disbursement.disbursementId),
      UpdateExpression:
        'SET taskToken = :token, tokenStoredAt = :at' +
        (input.executionId ? ', executionId = :execution' : ''),
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: {
        ':token': input.taskToken,
        ':at': input.now.toISOString(),
        ...(input.executionId ? { ':execution': input.executionId } : {}),
      },
    }),
  );
  await update.catch((error: Error) => {
    // A settlement's transaction holds the item this instant: the workflow retries the step.
    if (error.name === 'TransactionConflictException') throw new TransientError(error.message);
    throw error;
  });
}
