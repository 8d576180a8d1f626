import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mayResend } from '../../../domain/message-delivery.js';
import { dynamo, tableName } from '../../lib/clients.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http.js';
import { keys } from '../../lib/store/keys.js';
import { type NotificationRecord, notificationIdOf } from '../../lib/store/notification-records.js';
import { queryPartition } from '../../lib/store/reads.js';

/**
 * Staff have a message to the applicant sent again: one the provider refused (`failed`) or one
 * whose send was claimed and never confirmed (domain/message-delivery.ts). Delivery is at most
 * once and never repeats such a message on its own, because it cannot tell whether it went out;
 * a person who has looked at the case can decide that a second copy is better than none. The
 * message becomes `requeued`, and the stream queues it for delivery as it does a new one
 * (InformStream), where it is claimed and sent once more.
 */
export async function resendMessage(input: {
  caseId: string;
  notificationId: string;
  principal: Principal;
  now: Date;
}): Promise<{ notificationId: string; status: 'requeued'; requeuedAt: string; requeuedBy: string }> {
  const { caseId, notificationId, principal, now } = input;
  const notFound = () => new NotFoundError(`Case ${caseId} has no message ${notificationId}.`);
  if (!/^[\w-]{1,64}$/.test(caseId)) throw notFound();
  const messages = await queryPartition<NotificationRecord>(keys.case(caseId).pk, 'NOTIFICATION#');
  const message = messages.find((m) => notificationIdOf(m) === notificationId);
  if (!message) throw notFound();
  const refuse = () =>
    new ConflictError(
      message.status === 'sending'
        ? 'This message is being sent now; it can be sent again only if its send is not confirmed within ten minutes.'
        : `This message is ${message.status}: only a failed or unconfirmed e-mail or SMS can be sent again.`,
      { status: message.status },
    );
  if (!mayResend(message, now.getTime())) throw refuse();
  const requeuedAt = now.toISOString();
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: message.pk, sk: message.sk },
        UpdateExpression:
          'SET #status = :requeued, requeuedAt = :at, requeuedBy = :by REMOVE claimedAt, failure, failedAt',
        // As read: a delivery that answered meanwhile, or another resend, wins.
        ConditionExpression: message.claimedAt
          ? '#status = :was AND claimedAt = :claimedAt'
          : '#status = :was AND attribute_not_exists(claimedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':requeued': 'requeued',
          ':was': message.status,
          ':at': requeuedAt,
          ':by': principal.username,
          ...(message.claimedAt ? { ':claimedAt': message.claimedAt } : {}),
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw refuse();
    throw error;
  }
  return { notificationId, status: 'requeued', requeuedAt, requeuedBy: principal.username };
}
