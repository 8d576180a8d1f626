import { resendKind } from '../../../domain/message-delivery.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http.js';
import {
  type NotificationRecord,
  notificationIdOf,
  notificationKeys,
} from '../../lib/store/notification-records.js';
import { transitionNotification } from '../../lib/store/notification-writes.js';
import { notificationsOfCase } from '../../lib/store/reads.js';

/**
 * Staff have a message to the applicant sent again (domain/message-delivery.ts `resendKind`): one
 * the provider refused (`failed`), one whose send was claimed and never confirmed, one that went
 * out but never arrived, as the person tells staff; a posted letter goes back to the print queue. Delivery is at most
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
}): Promise<{
  notificationId: string;
  status: 'requeued' | 'to_print';
  requeuedAt: string;
  requeuedBy: string;
}> {
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
        : `This message is ${message.status}: only an e-mail or SMS that failed, was never confirmed or went out, or a letter that was posted, can be sent again.`,
      {
        code: message.status === 'sending' ? 'message_sending' : 'message_not_resendable',
        messageStatus: message.status,
      },
    );
  const kind = resendKind(message, now.getTime());
  if (!kind) throw refuse();
  const requeuedAt = now.toISOString();
  const key = { pk: message.pk, sk: message.sk };
  if (kind === 'reprint') {
    // Back in the print queue, at the end of it: the clerk prints and posts it again.
    const queued = await transitionNotification(key, 'sent', 'to_print', {
      ...notificationKeys.printQueue(requeuedAt),
      queuedAt: requeuedAt,
      requeuedAt,
      requeuedBy: principal.username,
    });
    if (!queued) throw refuse();
    return { notificationId, status: 'to_print', requeuedAt, requeuedBy: principal.username };
  }
  // As read: a delivery that answered meanwhile, or another resend, wins.
  const requeued = await transitionNotification(
    key,
    message.status,
    'requeued',
    { requeuedAt, requeuedBy: principal.username },
    ['claimedAt', 'failure', 'failedAt'],
    { claimedAt: message.claimedAt },
  );
  if (!requeued) throw refuse();
  return { notificationId, status: 'requeued', requeuedAt, requeuedBy: principal.username };
}
