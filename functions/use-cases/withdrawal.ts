import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AidStatus } from '../../domain/aid-lifecycle.js';
import { withdrawalRefusal } from '../../domain/withdrawal.js';
import { dynamo, tableName } from '../lib/clients.js';
import { ConflictError, TransientError } from '../lib/errors.js';
import { caseStatusChange } from '../lib/store/case-writes.js';
import { keys } from '../lib/store/keys.js';
import { getCase, getReservation, tasksOfCase } from '../lib/store/reads.js';
import { reservationRelease } from '../lib/store/reservation-writes.js';
import { transact } from '../lib/store/transactions.js';
import { authenticateApplicant } from './case-status.js';
import { waitlistWithdrawn } from './waitlist.js';

/**
 * The applicant withdraws an application (DOMAIN.md: rejection, withdrawal or payment failure
 * release the reservation). One transaction: the case → withdrawn (which also frees the person's
 * open-application lock and starts the retention clock), the reserved money back to its budget,
 * the case out of the waitlist. The table stream then stops the case's workflow and closes its
 * open tasks (table-stream.ts). Withdrawing twice answers the same; once the payment is
 * authorised, 409 with the reason (`code` payment_authorised or case_closed, and `caseStatus`).
 */
export async function withdrawApplication(input: {
  reference: string;
  accessCode: string | undefined;
  reason?: string | undefined;
  sourceIp: string;
  now: Date;
}): Promise<{ reference: string; status: 'withdrawn' }> {
  const found = await authenticateApplicant(input);
  const done = { reference: found.reference, status: 'withdrawn' as const };
  if (found.status === 'withdrawn') return done;
  const refusal = withdrawalRefusal(found.status);
  if (refusal) throw new ConflictError(refusal.message, { code: refusal.code, caseStatus: found.status });

  const at = input.now.toISOString();
  const table = tableName();
  const reservation = await getReservation(found.caseId);
  const reason = input.reason?.trim();
  const outcome = await transact([
    ...caseStatusChange(table, found, {
      to: 'withdrawn',
      at,
      actor: { kind: 'applicant' },
      action: 'case.withdrawn',
      note: 'Withdrawn by the applicant.',
      noteCode: 'withdrawn_by_applicant',
      set: { withdrawal: { at, ...(reason ? { reason } : {}) } },
      details: { released: reservation?.status === 'active' ? reservation.amount : null },
    }),
    ...(reservation?.status === 'active' ? reservationRelease(table, reservation, at, 'withdrawn') : []),
    ...(found.status === 'waitlisted' ? [waitlistWithdrawn(table, found.caseId, at)] : []),
  ]);
  if (outcome.ok) return done;
  // Someone else moved the case meanwhile (a decision, a reservation): look again.
  const now = await getCase(found.caseId);
  if (now?.status === 'withdrawn') return done;
  const refusedNow = now && withdrawalRefusal(now.status as AidStatus);
  if (refusedNow)
    throw new ConflictError(refusedNow.message, { code: refusedNow.code, caseStatus: now.status });
  throw new TransientError('the case changed while withdrawing; try again');
}

/**
 * After a withdrawal (from the table stream): the case's open tasks leave every inbox, as a task
 * whose wait timed out does (superseded). Conditional per task, so repeating it changes nothing.
 */
export async function closeTasksOfWithdrawnCase(caseId: string): Promise<number> {
  const { items } = await tasksOfCase(caseId);
  let closed = 0;
  for (const task of items.filter((t) => t.status === 'open')) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.task(task.taskId),
          UpdateExpression: 'SET #status = :superseded, #version = #version + :one REMOVE gsi2pk, gsi2sk',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':superseded': 'superseded', ':open': 'open', ':one': 1 },
        }),
      );
      closed++;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return closed;
}
