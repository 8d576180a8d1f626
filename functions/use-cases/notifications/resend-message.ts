import { mayResend } from '../../../domain/message-delivery.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http.js';
import { type NotificationRecord, notificationIdOf } from '../../lib/store/notification-records.js';
import { transitionNotification } from '../../lib/store/notification-writes.js';
import { notificationsOfCase } from '../../lib/store/reads.js';

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
  const messages = await notificationsOfCase<NotificationRecord>(caseId);
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
  // As read: a delivery that answered meanwhile, or another resend, wins.
  const requeued = await transitionNotification(
    { pk: message.pk, sk: message.sk },
    message.status,
    'requeued',
    { requeuedAt, requeuedBy: principal.username },
    ['claimedAt', 'failure', 'failedAt'],
    { claimedAt: message.claimedAt },
  );
  if (!requeued) throw refuse();
  return { notificationId, status: 'requeued', requeuedAt, requeuedBy: principal.username };
}
